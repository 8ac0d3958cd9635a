"""Clean a Hugging Face ``datasets.Dataset`` column with ``Dataset.map``.

    from datasets import load_dataset
    from boilerstrip.integrations.hf import cleaner

    ds = load_dataset("json", data_files="pages.jsonl", split="train")
    ds = ds.map(cleaner(text_column="text", title_column="title"), batched=True)

:func:`cleaner` returns a picklable function of a batch (a dict of column lists) that
gives the cleaned column back, so ``map`` replaces it; ``output_column`` writes the
cleaned text to another column, and ``counts_column`` adds the removed lines per row.
The function needs nothing from ``datasets`` (it works on any dict of lists), and each
process builds one :class:`~boilerstrip.Cleaner` per config, so ``num_proc=N`` works.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..config import Config
from ..model import Category, removed_by_category
from ..pipeline import cleaner_for


def cleaner(
    text_column: str = "text",
    title_column: str | None = None,
    config: Config | None = None,
    *,
    output_column: str | None = None,
    counts_column: str | None = None,
) -> BatchCleaner:
    """A function for ``dataset.map(fn, batched=True)`` that cleans ``text_column``.

    ``title_column``: the page's title per row (a string, a list of strings, or None);
    the headline that repeats it goes too (rule ``meta.title``). ``output_column``: where
    the cleaned text goes (default: ``text_column``, replaced). ``counts_column``: adds
    ``{"lines_removed": n, "by_category": {"related": 0, ..., "layout": 2}}`` per row,
    with every category, so that all batches share one Arrow schema. A None text stays
    None (its counts are None). It also works unbatched, one example at a time.

    >>> fn = cleaner(counts_column="removed")
    >>> out = fn({"text": ["The vote passed.\\n\\nAdvertisement\\n", None]})
    >>> out["text"]
    ['The vote passed.\\n', None]
    >>> out["removed"][0]["lines_removed"], out["removed"][0]["by_category"]["ad"]
    (2, 1)
    """
    return BatchCleaner(text_column, title_column, config, output_column, counts_column)


@dataclass(frozen=True)
class BatchCleaner:
    """The function :func:`cleaner` returns. It holds only its settings (no compiled
    rules), so ``datasets`` can hash it for its cache and send it to worker processes."""

    text_column: str = "text"
    title_column: str | None = None
    config: Config | None = None
    output_column: str | None = None
    counts_column: str | None = None

    def __call__(self, batch: Mapping[str, Any]) -> dict[str, Any]:
        texts = self._column(batch, self.text_column)
        if texts is None or isinstance(texts, str):  # unbatched: one example
            one = self({k: [v] for k, v in batch.items()})
            return {k: v[0] for k, v in one.items()}
        titles = self._column(batch, self.title_column) if self.title_column else None
        cleaner = cleaner_for(self.config)
        cleaned: list[str | None] = []
        counts: list[dict[str, Any] | None] = []
        for i, text in enumerate(texts):
            title = _titles(titles[i]) if titles is not None else ()
            if not isinstance(text, str):
                cleaned.append(None)
                counts.append(None)
            elif not self.counts_column:
                cleaned.append(cleaner.clean(text, title))
            else:
                text, removed = cleaner.removals(text, title)
                by_category = removed_by_category(removed)
                cleaned.append(text)
                counts.append(
                    {
                        "lines_removed": sum(by_category.values()),
                        "by_category": {c.value: by_category.get(c.value, 0) for c in Category},
                    }
                )
        result: dict[str, Any] = {self.output_column or self.text_column: cleaned}
        if self.counts_column:
            result[self.counts_column] = counts
        return result

    @staticmethod
    def _column(batch: Mapping[str, Any], name: str) -> Any:
        try:
            return batch[name]
        except KeyError:
            raise KeyError(
                f"no column {name!r} in the dataset; its columns: {', '.join(batch)}"
            ) from None


def _titles(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(v for v in value if isinstance(v, str))
    return ()
