"""datatrove steps: a formatter that cleans ``doc.text``, and a filter that also drops the
documents that cleaning leaves empty (or short).

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from boilerstrip.integrations.datatrove import BoilerstripFormatter

    LocalPipelineExecutor(
        pipeline=[JsonlReader("in/"), BoilerstripFormatter(), JsonlWriter("out/")],
        tasks=4, workers=2,
    ).run()

Both steps count, in datatrove's stats, the lines removed by category
(``removed_<category>``), and write each document's counts to
``doc.metadata["boilerstrip"]`` (set ``metadata_key=None`` to leave the metadata alone).
``title_key="title"`` passes a document's ``doc.metadata["title"]`` to the cleaner as the
page's title (rule ``meta.title``): a headline that repeats it goes too.

:class:`BoilerstripFilter` keeps a document whose cleaned text has at least
``min_chars`` characters (white space around it not counted; default 1: drops only what
is left empty), with the cleaned text; it drops the others with the reason
``boilerstrip_empty`` or ``boilerstrip_too_short`` (counted as ``dropped_<reason>``, and
written to ``doc.metadata["filter_reason"]`` for an ``exclusion_writer``). A dropped
document keeps its text as it came, so the exclusion writer saves what was thrown away.

Without datatrove installed, the module imports, and making a step raises an ImportError
that says what to install.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..config import Config
from ..model import removed_by_category
from ..pipeline import Cleaner
from . import missing

try:
    from datatrove.pipeline.filters.base_filter import BaseFilter
    from datatrove.pipeline.formatters.base import BaseFormatter
    from datatrove.utils.typeshelper import StatHints
except ImportError:  # pragma: no cover - depends on the environment

    class _NoDatatrove:
        """Stands in for datatrove's step classes: making a step says what to install."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            raise missing("datatrove", "datatrove")

    BaseFilter = BaseFormatter = _NoDatatrove


class _Cleaning:
    """What both steps do to a document: clean it, count, annotate."""

    config: Config | None
    metadata_key: str | None
    title_key: str | None
    _cleaner: Cleaner | None
    stat_update: Callable[..., None]  # datatrove's PipelineStep has it

    def _setup(
        self, config: Config | None, metadata_key: str | None, title_key: str | None
    ) -> None:
        self.config = config
        self.metadata_key = metadata_key
        self.title_key = title_key
        self._cleaner = None  # made in the worker that runs the step

    @property
    def cleaner(self) -> Cleaner:
        if self._cleaner is None:
            self._cleaner = Cleaner(self.config)
        return self._cleaner

    def _clean_document(self, doc: Any) -> str:
        """The document's cleaned text; counts its removed lines in the stats and, with a
        ``metadata_key``, in its metadata."""
        title = doc.metadata.get(self.title_key) if self.title_key else None
        title = title if isinstance(title, str) else None
        text, removed = self.cleaner.removals(doc.text, title)
        counts = removed_by_category(removed)
        for category, n in counts.items():
            self.stat_update(f"removed_{category}", value=n)
        if self.metadata_key:
            doc.metadata[self.metadata_key] = {
                "lines_removed": sum(counts.values()),
                "by_category": dict(counts),
            }
        return text


class BoilerstripFormatter(_Cleaning, BaseFormatter):  # type: ignore[misc]
    """Cleans ``doc.text``; counts removed lines by category."""

    name = "🧹 boilerstrip"

    def __init__(
        self,
        config: Config | None = None,
        metadata_key: str | None = "boilerstrip",
        title_key: str | None = None,
    ):
        super().__init__()
        self._setup(config, metadata_key, title_key)

    def format(self, text: str) -> str:
        return self.cleaner.clean(text)

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                doc.text = self._clean_document(doc)
            yield doc


class BoilerstripFilter(_Cleaning, BaseFilter):  # type: ignore[misc]
    """Cleans ``doc.text`` and drops a document left with fewer than ``min_chars``
    characters (default 1: only an empty one), with the reason."""

    name = "🧹 boilerstrip filter"

    def __init__(
        self,
        config: Config | None = None,
        min_chars: int = 1,
        metadata_key: str | None = "boilerstrip",
        title_key: str | None = None,
        exclusion_writer: Any = None,
    ):
        super().__init__(exclusion_writer)
        if not isinstance(min_chars, int) or isinstance(min_chars, bool) or min_chars < 1:
            raise ValueError(f"min_chars must be an int >= 1, not {min_chars!r}")
        self.min_chars = min_chars
        self._setup(config, metadata_key, title_key)

    def filter(self, doc: Any) -> bool | tuple[bool, str]:
        text = self._clean_document(doc)
        left = len(text.strip())
        if left == 0:
            return False, "boilerstrip_empty"
        if left < self.min_chars:
            return False, "boilerstrip_too_short"
        doc.text = text
        return True
