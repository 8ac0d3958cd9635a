"""A Scrapy item pipeline that cleans scraped text (and extracts articles from HTML).

    ITEM_PIPELINES = {"boilerstrip.integrations.scrapy.BoilerstripPipeline": 300}
    BOILERSTRIP_FIELDS = {"text": "text", "body_html": "html"}

Settings:

- ``BOILERSTRIP_ENABLED`` (default True): when false the pipeline is not loaded.
- ``BOILERSTRIP_FIELDS`` (default ``["text"]``): the item fields to clean. A list names
  text fields; a dict maps a field to ``"text"`` (cleaned in place) or ``"html"`` (the
  page's article text, extracted and cleaned, replaces the HTML). A missing field, or one
  that is not a string, is left alone.
- ``BOILERSTRIP_CONFIG``: the path of a TOML file of :class:`~boilerstrip.Config` fields.
- ``BOILERSTRIP_KEEP_ORIGINAL`` (default False): keep the value before cleaning under
  ``<field>_original`` (an ``Item`` class must declare that field).

Lines removed are counted in the crawl stats as ``boilerstrip/removed/<category>``.
"""

from __future__ import annotations

from typing import Any

from ..config import Config
from ..model import removed_by_category
from ..pipeline import Cleaner
from . import missing

try:
    from itemadapter import ItemAdapter
    from scrapy.exceptions import NotConfigured
except ImportError as e:  # pragma: no cover - depends on the environment
    raise missing("scrapy", "Scrapy") from e


class BoilerstripPipeline:
    def __init__(
        self,
        fields: dict[str, str],
        config: Config | None = None,
        keep_original: bool = False,
        stats: Any = None,
    ) -> None:
        for field, kind in fields.items():
            if kind not in ("text", "html"):
                raise NotConfigured(f"BOILERSTRIP_FIELDS[{field!r}] must be 'text' or 'html'")
        self.fields = fields
        self.cleaner = Cleaner(config)
        self.keep_original = keep_original
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Any) -> BoilerstripPipeline:
        settings = crawler.settings
        if not settings.getbool("BOILERSTRIP_ENABLED", True):
            raise NotConfigured("BOILERSTRIP_ENABLED is false")
        fields = settings.get("BOILERSTRIP_FIELDS", ["text"])
        if not isinstance(fields, dict):
            fields = {name: "text" for name in fields}
        path = settings.get("BOILERSTRIP_CONFIG")
        config = Config.from_file(path) if path else None
        keep = settings.getbool("BOILERSTRIP_KEEP_ORIGINAL", False)
        return cls(dict(fields), config, keep, getattr(crawler, "stats", None))

    def process_item(self, item: Any, spider: Any = None) -> Any:
        """Clean the configured fields. Takes the spider argument of older Scrapy
        versions too."""
        adapter = ItemAdapter(item)
        for field, kind in self.fields.items():
            value = adapter.get(field)
            if kind == "html" and isinstance(value, (str, bytes)):
                text = self._extract(value, adapter.get("url"))
            elif kind == "text" and isinstance(value, str):
                text = self._clean(value)
            else:
                continue
            if self.keep_original:
                adapter[f"{field}_original"] = value
            adapter[field] = text
        return item

    def _clean(self, text: str, titles: tuple[str, ...] = ()) -> str:
        out, removed = self.cleaner.removals(text, titles)
        if self.stats is not None:
            for category, n in removed_by_category(removed).items():
                self.stats.inc_value(f"boilerstrip/removed/{category}", n)
        return out

    def _extract(self, html: str | bytes, url: Any) -> str | None:
        from ..html import article

        found = article(html, url if isinstance(url, str) else None)
        return None if found is None else self._clean(*found)
