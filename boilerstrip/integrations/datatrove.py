"""A datatrove formatter step that cleans ``doc.text``.

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from boilerstrip.integrations.datatrove import BoilerstripFormatter

    LocalPipelineExecutor(
        pipeline=[JsonlReader("in/"), BoilerstripFormatter(), JsonlWriter("out/")],
        tasks=4, workers=2,
    ).run()

The step counts, in datatrove's stats, the documents and the lines removed by category
(``removed_<category>``), and writes each document's counts to
``doc.metadata["boilerstrip"]`` (set ``metadata_key=None`` to leave the metadata alone).
``title_key="title"`` passes a document's ``doc.metadata["title"]`` to the cleaner as the
page's title (rule ``meta.title``): a headline that repeats it goes too.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..config import Config
from ..model import removed_by_category
from ..pipeline import Cleaner
from . import missing

try:
    from datatrove.pipeline.formatters.base import BaseFormatter
    from datatrove.utils.typeshelper import StatHints
except ImportError as e:  # pragma: no cover - depends on the environment
    raise missing("datatrove", "datatrove") from e


class BoilerstripFormatter(BaseFormatter):  # type: ignore[misc]
    name = "🧹 boilerstrip"

    def __init__(
        self,
        config: Config | None = None,
        metadata_key: str | None = "boilerstrip",
        title_key: str | None = None,
    ):
        super().__init__()
        self.config = config
        self.metadata_key = metadata_key
        self.title_key = title_key
        self._cleaner: Cleaner | None = None  # made in the worker that runs the step

    @property
    def cleaner(self) -> Cleaner:
        if self._cleaner is None:
            self._cleaner = Cleaner(self.config)
        return self._cleaner

    def format(self, text: str) -> str:
        return self.cleaner.clean(text)

    def run(self, data: Any, rank: int = 0, world_size: int = 1) -> Iterator[Any]:
        for doc in data:
            self.stat_update(StatHints.total)
            with self.track_time():
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
            doc.text = text
            yield doc
