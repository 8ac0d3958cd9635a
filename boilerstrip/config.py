"""One immutable configuration for a :class:`~boilerstrip.Cleaner`."""

from __future__ import annotations

import dataclasses
import difflib
import functools
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from .model import Category

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

from .phrases import languages, plain_words

# The bundled languages: the folders under boilerstrip/data/phrases.
LANGUAGES = languages()

# How a cleaner reads a text: detect whole pages' text, or take every text as one or not.
MODES = ("auto", "article", "page")

# The thresholds that count lines or characters; each must be an int of at least 1.
_COUNTS = ("teaser_max_chars", "tail_max_lines", "headline_max_chars", "caption_max_chars")


class ConfigError(ValueError):
    """A configuration value boilerstrip cannot use.

    The message names the field and what it allows, and, for :meth:`Config.from_file`,
    starts with the file's path. ``field`` and ``path`` hold them for programs (either may
    be None). A subclass of ValueError, so code that caught ValueError still does.
    """

    def __init__(self, message: str, *, field: str | None = None, path: str | None = None):
        super().__init__(f"{path}: {message}" if path else message)
        self.message = message
        self.field = field
        self.path = path


@dataclass(frozen=True)
class Config:
    """How a cleaner behaves. Derive variants with :func:`dataclasses.replace`.

    Every field is checked when the config is made (also by ``replace`` and
    :meth:`from_file`); a value boilerstrip cannot use raises :class:`ConfigError`, so a
    config that was accepted never makes ``clean()`` fail.

    languages
        Phrase lists to load (ISO 639-1 codes). Default: every bundled language. Rules that
        look at structure only (``Name/Agency`` credits, dates made of numbers) always run.
    enable, disable
        Rule selectors: an id (``BS0101``), a name (``related.heading``) or a category
        (``related``). ``enable`` switches on rules that are off by default; ``disable``
        switches rules off and wins over ``enable``. A selector that names no rule or
        category is an error.
    keep_title
        Keep a headline on the first line (default). With False, a first line that looks
        like a headline is removed (rule ``meta.headline``). Must be a bool.
    phrases
        Extra phrases for a phrase list, keyed by its name: ``{"related.heading":
        ("Mehr aus der Region",)}``. They are matched like the bundled ones. The names are
        those of the files under ``boilerstrip/data/phrases/<lang>/``
        (:func:`boilerstrip.phrases.available`). A phrase must hold a word and cannot start
        with ``{name}`` (nor end with it in the lists matched by a line's last word, such as
        ``credit.agency``).
    patterns
        Extra regular expressions keyed by category (not ``layout``): a line whose whole
        matching view matches one (case-insensitively) is removed by the rule
        ``user.<category>``. Each must compile with the ``regex`` module; recursive
        patterns (``(?R)``, ``(?1)``) are refused, as one that recurses without end fails
        on the first line it meets.
    Thresholds
        ``teaser_max_chars``: longest line that can be a teaser after a list marker;
        ``tail_max_lines``: most lines a marker may cut from the end of a text;
        ``headline_max_chars``: longest headline-like line (ints of at least 1);
        ``headline_max_overlap``: share (0 to 1) of a trailing headline's words that may
        also occur in the story before it counts as unrelated; ``caption_max_chars``:
        longest caption paragraph (an int of at least 1).

    mode
        ``"auto"`` (default): text that reads as a whole page's text (menus, footers and
        sidebars around the story, as ``get_text()`` or html2text give it) loses what lies
        outside its main text (rule ``page.outside``); other text is cleaned line by line.
        ``"page"``: every text is a page's text. ``"article"``: no text is.

    >>> Config(teaser_max_chars="abc")
    Traceback (most recent call last):
    ...
    boilerstrip.config.ConfigError: teaser_max_chars must be an int >= 1, not 'abc'
    """

    languages: tuple[str, ...] = LANGUAGES
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    keep_title: bool = True
    phrases: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    patterns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    teaser_max_chars: int = 250
    tail_max_lines: int = 12
    headline_max_chars: int = 160
    headline_max_overlap: float = 0.34
    caption_max_chars: int = 700
    mode: str = "auto"

    def __post_init__(self) -> None:
        # Accept lists from TOML or user code, store tuples so the config stays hashable.
        for name in ("languages", "enable", "disable"):
            object.__setattr__(self, name, _strings(name, getattr(self, name)))
        unknown = [lang for lang in self.languages if lang not in LANGUAGES]
        if unknown:
            raise ConfigError(
                f"languages: unknown language(s) {unknown}; bundled languages are "
                f"{', '.join(LANGUAGES)}",
                field="languages",
            )
        _check_selectors(self.enable, self.disable)
        if not isinstance(self.keep_title, bool):
            raise ConfigError(
                f"keep_title must be true or false, not {self.keep_title!r}", field="keep_title"
            )
        phrases = _string_lists("phrases", self.phrases, _check_phrase_list)
        patterns = _string_lists("patterns", self.patterns, _check_pattern_list)
        object.__setattr__(self, "phrases", phrases)
        object.__setattr__(self, "patterns", patterns)
        for name in _COUNTS:
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ConfigError(f"{name} must be an int >= 1, not {value!r}", field=name)
        overlap = self.headline_max_overlap
        number = isinstance(overlap, (int, float)) and not isinstance(overlap, bool)
        if not number or not 0 <= overlap <= 1:  # NaN fails the range too
            raise ConfigError(
                f"headline_max_overlap must be a number from 0 to 1, not {overlap!r}",
                field="headline_max_overlap",
            )
        object.__setattr__(self, "headline_max_overlap", float(overlap))
        if self.mode not in MODES:
            raise ConfigError(
                f"mode must be one of {', '.join(MODES)}, not {self.mode!r}", field="mode"
            )

    @classmethod
    def from_file(cls, path: str | Path) -> Config:
        """Read a TOML file whose top-level keys are the fields of :class:`Config`.

        A file that is not TOML, or a value the config refuses, raises
        :class:`ConfigError` with the file's path in front of the message.
        """
        with open(path, "rb") as f:
            try:
                data = tomllib.load(f)
            except tomllib.TOMLDecodeError as e:
                raise ConfigError(f"not valid TOML: {e}", path=str(path)) from e
        try:
            return cls.from_dict(data)
        except ConfigError as e:
            raise ConfigError(e.message, field=e.field, path=str(path)) from e

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Config:
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - names)
        if unknown:
            raise ConfigError(f"unknown config key(s) {unknown}; known keys: {sorted(names)}")
        return cls(**dict(data))


def _strings(name: str, value: Any) -> tuple[str, ...]:
    """A string or an iterable of strings (a list from TOML) as a tuple of strings."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable) and not isinstance(value, (bytes, bytearray, Mapping)):
        items = tuple(value)
        if all(isinstance(item, str) for item in items):
            return items
    raise ConfigError(f"{name} must be a string or a list of strings, not {value!r}", field=name)


def _string_lists(
    name: str, value: Any, check: Callable[[str, tuple[str, ...]], None]
) -> _FrozenMap:
    """``phrases`` or ``patterns``: a mapping of names to strings, each list checked."""
    if not isinstance(value, Mapping):
        raise ConfigError(
            f"{name} must be a table of names to lists of strings, not {value!r}", field=name
        )
    items = []
    for key, strings in value.items():
        if not isinstance(key, str):
            raise ConfigError(f"{name} keys must be strings, not {key!r}", field=name)
        if isinstance(strings, Mapping):
            raise ConfigError(
                f"{name}[{key!r}] must be a string or a list of strings, not a table; in "
                f'TOML, quote the name of a list that has a dot: "{key}.{next(iter(strings), "")}"'
                " = [...]",
                field=name,
            )
        strings = _strings(f"{name}[{key!r}]", strings)
        check(key, strings)
        items.append((key, strings))
    return _FrozenMap(tuple(sorted(items)))


def _check_phrase_list(name: str, phrases: tuple[str, ...]) -> None:
    known, end_matched = _phrase_lists()
    where = f"phrases[{name!r}]"
    if name not in known:
        close = difflib.get_close_matches(name, known, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ConfigError(
            f"phrases: unknown phrase list {name!r}{hint}. The lists are the files under "
            "boilerstrip/data/phrases/<lang>/; see boilerstrip.phrases.available()",
            field="phrases",
        )
    for phrase in phrases:
        words = phrase.split()
        if not plain_words(phrase):
            raise ConfigError(
                f"{where}: a phrase must hold a word besides {{name}} and {{n}}, not {phrase!r}",
                field="phrases",
            )
        # Lines are found by their first word (and, for some lists, their last word): a
        # name placeholder there would match any line.
        if "{name}" in words[0] or (name in end_matched and "{name}" in words[-1]):
            edge = "start" if "{name}" in words[0] else "end"
            raise ConfigError(
                f"{where}: a phrase of this list cannot {edge} with {{name}}: {phrase!r}",
                field="phrases",
            )


@functools.cache
def _phrase_lists() -> tuple[list[str], frozenset[str]]:
    """The names of the bundled phrase lists, and those of them that rules find by a line's
    last word (the ``<<list>>`` names in a line rule's ``ends`` triggers)."""
    # Imported here: boilerstrip.rules imports this module (a Config made while the rules
    # are being imported would fail here, loudly).
    from .phrases import available
    from .rules import REGISTRY, LineRule

    names = sorted({name for lists in available().values() for name in lists})
    ends = {
        item[2:-2]
        for rule in REGISTRY
        if isinstance(rule, LineRule)
        for item in rule.ends
        if item.startswith("<<") and item.endswith(">>")
    }
    return names, frozenset(ends)


def _check_selectors(enable: tuple[str, ...], disable: tuple[str, ...]) -> None:
    if not enable and not disable:
        return
    from .rules import REGISTRY  # imported here: boilerstrip.rules imports this module

    categories = {c.value for c in Category}
    for name, selectors in (("enable", enable), ("disable", disable)):
        for sel in selectors:
            if sel in categories:
                continue
            try:
                REGISTRY.get(sel)
            except KeyError:
                raise ConfigError(
                    f"{name}: no rule or category {sel!r}; categories: "
                    f"{', '.join(c.value for c in Category)}; run `boilerstrip rules` for ids",
                    field=name,
                ) from None


# A recursive call: (?R), (?0), (?1), (?-1), (?&name), (?P>name); not after a backslash.
_RECURSION = regex.compile(r"(?<!\\)(?:\\\\)*+\(\?(?:R|[-+]?\d+|&\w+|P>\w+)\)")


def _check_pattern_list(category: str, patterns: tuple[str, ...]) -> None:
    categories = [c.value for c in Category if c is not Category.LAYOUT]
    if category not in categories:
        raise ConfigError(
            f"patterns: unknown category {category!r}; categories: {', '.join(categories)}",
            field="patterns",
        )
    for i, pattern in enumerate(patterns):
        where = f"patterns[{category!r}][{i}]"
        if not pattern:
            raise ConfigError(
                f"{where} is empty; it would remove every blank line", field="patterns"
            )
        if _RECURSION.search(pattern):
            raise ConfigError(
                f"{where}: {pattern!r} calls itself ((?R), (?1), ...); recursive patterns are "
                "not allowed",
                field="patterns",
            )
        _compile(where, pattern)
    # The pipeline joins a category's patterns into one; check that it compiles too.
    _compile(f"patterns[{category!r}]", "|".join(f"(?:{p})" for p in patterns))


def _compile(where: str, pattern: str) -> None:
    try:
        # The flags of boilerstrip.pipeline._user_rules.
        regex.compile(pattern, regex.IGNORECASE)
    except regex.error as e:
        raise ConfigError(
            f"{where}: {pattern!r} is not a valid regex: {e}", field="patterns"
        ) from e


class _FrozenMap(dict[str, tuple[str, ...]]):
    """A read-only, hashable dict, so that a Config can key a cache."""

    def __init__(self, items: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
        super().__init__(items)
        self._items = items

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._items)

    def __reduce__(self) -> tuple[type[_FrozenMap], tuple[tuple[tuple[str, tuple[str, ...]], ...]]]:
        # Unpickling a dict subclass sets its items one by one, which _readonly refuses.
        return (_FrozenMap, (self._items,))

    def _readonly(self, *args: object, **kwargs: object) -> None:
        raise TypeError("Config mappings are read-only; use dataclasses.replace")

    __setitem__ = __delitem__ = update = setdefault = pop = popitem = clear = _readonly  # type: ignore[assignment]
