"""A Scrapy item pipeline that cleans scraped text (and extracts articles from HTML).

    ITEM_PIPELINES = {"boilerstrip.integrations.scrapy.BoilerstripPipeline": 300}
    BOILERSTRIP_FIELDS = {"text": "text", "html": "html:body_text"}

Settings:

- ``BOILERSTRIP_ENABLED`` (default True): when false the pipeline is not loaded.
- ``BOILERSTRIP_FIELDS`` (default ``["text"]``): the item fields to clean.

  - A list names text fields, each cleaned in place.
  - A dict maps a source field to where its cleaned text goes: ``"body_clean"`` (the
    source is text), ``"html:body_text"`` (the source is an HTML page: its article text,
    extracted and cleaned, goes to ``body_text``), ``"text:text"`` (a text field into the
    field ``text``). The two words alone keep the meaning they had in 0.1: ``"text"``
    cleans the field in place, ``"html"`` replaces the page's HTML by its article text.

  From the command line, ``-s BOILERSTRIP_FIELDS=text,body`` is a list (split at
  commas) and ``-s 'BOILERSTRIP_FIELDS={"html": "html:body_text"}'`` a dict (JSON), as
  Scrapy reads its own list and dict settings. A source field that is missing, or not a
  string (bytes too, for HTML), is left alone and its destination is not set.
- ``BOILERSTRIP_TITLE_FIELD``: an item field that holds the page's title (a string or a
  list of strings); the headline that repeats it goes too (rule ``meta.title``). For
  HTML, it joins the titles found in the page.
- ``BOILERSTRIP_CONFIG``: the path of a TOML file of :class:`~boilerstrip.Config` fields.
- ``BOILERSTRIP_KEEP_ORIGINAL`` (default False): keep the value before cleaning under
  ``<field>_original`` when a field is cleaned in place (an ``Item`` class must declare
  that field).

A setting boilerstrip cannot read raises ValueError when the crawl starts (not
``NotConfigured``, which would run the crawl without the pipeline). Lines removed are
counted in the crawl stats as ``boilerstrip/removed/<category>``.

Without Scrapy installed, the module imports, and making the pipeline raises an
ImportError that says what to install.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..config import Config
from ..model import removed_by_category
from ..pipeline import Cleaner
from . import missing

_KINDS = ("text", "html")


def _scrapy() -> tuple[Any, Any]:
    """Scrapy's ItemAdapter and NotConfigured, or the ImportError of a missing extra."""
    try:
        from itemadapter import ItemAdapter
        from scrapy.exceptions import NotConfigured
    except ImportError as e:
        raise missing("scrapy", "Scrapy") from e
    return ItemAdapter, NotConfigured


@dataclass(frozen=True)
class Field:
    """One source field, what it holds (``"text"`` or ``"html"``) and where its cleaned
    text goes."""

    source: str
    kind: str
    destination: str

    @classmethod
    def parse(cls, source: Any, value: Any) -> Field:
        """A ``BOILERSTRIP_FIELDS`` dict entry: ``"text"`` / ``"html"`` (in place),
        ``"DEST"`` (text into DEST) or ``"text:DEST"`` / ``"html:DEST"``.

        >>> Field.parse("html", "html:body_text")
        Field(source='html', kind='html', destination='body_text')
        >>> Field.parse("body", "html")
        Field(source='body', kind='html', destination='body')
        """
        if not isinstance(source, str) or not source.strip():
            raise ValueError(
                f"BOILERSTRIP_FIELDS: a field name must be a non-empty string, not {source!r}"
            )
        if not isinstance(value, str):
            raise ValueError(f"BOILERSTRIP_FIELDS[{source!r}] must be a string, not {value!r}")
        if ":" in value:
            kind, _, destination = value.partition(":")
        elif value in _KINDS:  # the 0.1 form: the field's kind, cleaned in place
            kind, destination = value, source
        else:
            kind, destination = "text", value
        kind, destination = kind.strip(), destination.strip()
        if kind not in _KINDS or not destination:
            raise ValueError(
                f"BOILERSTRIP_FIELDS[{source!r}] = {value!r}: give 'text' or 'html' (clean in "
                "place), a field name (text into that field), or 'text:FIELD' / 'html:FIELD'"
            )
        return cls(source.strip(), kind, destination)


def parse_fields(value: Any) -> tuple[Field, ...]:
    """``BOILERSTRIP_FIELDS`` as a list of names or a dict (see the module docstring).

    >>> [f.source for f in parse_fields("text, body")]
    ['text', 'body']
    """
    if isinstance(value, str):
        value = _from_command_line(value)
    if isinstance(value, Mapping):
        return tuple(Field.parse(source, v) for source, v in value.items())
    if isinstance(value, Iterable):
        return tuple(Field.parse(name, "text") for name in value)
    raise ValueError(f"BOILERSTRIP_FIELDS must be a list or a dict of field names, not {value!r}")


def _from_command_line(value: str) -> Any:
    """A string setting (``-s NAME=VALUE``) as Scrapy's ``getdict`` / ``getlist`` read one:
    JSON for a dict or a list, else names split at commas (none in an empty string)."""
    if not value.strip():
        return []
    if value.lstrip().startswith(("{", "[")):
        try:
            return json.loads(value)
        except ValueError as e:
            raise ValueError(f"BOILERSTRIP_FIELDS is not valid JSON: {value!r} ({e})") from e
    return value.split(",")


def _titles(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)):
        return tuple(v for v in value if isinstance(v, str))
    return ()


class BoilerstripPipeline:
    def __init__(
        self,
        fields: Mapping[str, str] | Iterable[str] | str,
        config: Config | None = None,
        keep_original: bool = False,
        stats: Any = None,
        title_field: str | None = None,
    ) -> None:
        self._item_adapter, _ = _scrapy()
        self.fields = parse_fields(fields)
        self.cleaner = Cleaner(config)
        self.keep_original = keep_original
        self.stats = stats
        self.title_field = title_field

    @classmethod
    def from_crawler(cls, crawler: Any) -> BoilerstripPipeline:
        _, not_configured = _scrapy()
        settings = crawler.settings
        if not settings.getbool("BOILERSTRIP_ENABLED", True):
            raise not_configured("BOILERSTRIP_ENABLED is false")
        fields = settings.get("BOILERSTRIP_FIELDS", ["text"])
        path = settings.get("BOILERSTRIP_CONFIG")
        config = Config.from_file(path) if path else None
        keep = settings.getbool("BOILERSTRIP_KEEP_ORIGINAL", False)
        title_field = settings.get("BOILERSTRIP_TITLE_FIELD") or None
        return cls(fields, config, keep, getattr(crawler, "stats", None), title_field)

    def process_item(self, item: Any, spider: Any = None) -> Any:
        """Clean the configured fields. Takes the spider argument of older Scrapy
        versions too."""
        adapter = self._item_adapter(item)
        titles = _titles(adapter.get(self.title_field)) if self.title_field else ()
        for field in self.fields:
            value = adapter.get(field.source)
            if field.kind == "html" and isinstance(value, (str, bytes)):
                text = self._extract(value, adapter.get("url"), titles)
            elif field.kind == "text" and isinstance(value, str):
                text = self._clean(value, titles)
            else:
                continue
            if self.keep_original and field.destination == field.source:
                adapter[f"{field.source}_original"] = value
            adapter[field.destination] = text
        return item

    def _clean(self, text: str, titles: tuple[str, ...] = ()) -> str:
        out, removed = self.cleaner.removals(text, titles)
        if self.stats is not None:
            for category, n in removed_by_category(removed).items():
                self.stats.inc_value(f"boilerstrip/removed/{category}", n)
        return out

    def _extract(self, html: str | bytes, url: Any, titles: tuple[str, ...]) -> str | None:
        from ..html import article

        found = article(html, url if isinstance(url, str) else None)
        if found is None:
            return None
        text, page_titles = found
        return self._clean(text, tuple(dict.fromkeys((*page_titles, *titles))))
