"""One immutable configuration for a :class:`~boilerstrip.Cleaner`."""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

from .phrases import languages

# The bundled languages: the folders under boilerstrip/data/phrases.
LANGUAGES = languages()


@dataclass(frozen=True)
class Config:
    """How a cleaner behaves. Derive variants with :func:`dataclasses.replace`.

    languages
        Phrase lists to load (ISO 639-1 codes). Default: every bundled language. Rules that
        look at structure only (``Name/Agency`` credits, dates made of numbers) always run.
    enable, disable
        Rule selectors: an id (``BS0101``), a name (``related.heading``) or a category
        (``related``). ``enable`` switches on rules that are off by default; ``disable``
        switches rules off and wins over ``enable``.
    keep_title
        Keep a headline on the first line (default). With False, a first line that looks
        like a headline is removed (rule ``meta.headline``).
    phrases
        Extra phrases for a phrase rule, keyed by its name: ``{"related.heading":
        ("Mehr aus der Region",)}``. They are matched like the bundled ones.
    patterns
        Extra regular expressions keyed by category: a line whose whole matching view
        matches one (case-insensitively) is removed by the rule ``user.<category>``.
    Thresholds
        ``teaser_max_chars``: longest line that can be a teaser after a list marker;
        ``tail_max_lines``: most lines a marker may cut from the end of a text;
        ``headline_max_chars``: longest headline-like line; ``headline_max_overlap``:
        share of a trailing headline's words that may also occur in the story before it
        counts as unrelated; ``caption_max_chars``: longest caption paragraph.
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

    def __post_init__(self) -> None:
        # Accept lists from TOML or user code, store tuples so the config stays hashable.
        for name in ("languages", "enable", "disable"):
            value = getattr(self, name)
            if isinstance(value, str):
                value = (value,)
            object.__setattr__(self, name, tuple(value))
        for name in ("phrases", "patterns"):
            value = getattr(self, name)
            frozen = tuple(sorted((str(k), _str_tuple(v)) for k, v in dict(value).items()))
            object.__setattr__(self, name, _FrozenMap(frozen))
        unknown = [lang for lang in self.languages if lang not in LANGUAGES]
        if unknown:
            raise ValueError(
                f"unknown language(s) {unknown}; bundled languages are {', '.join(LANGUAGES)}"
            )

    @classmethod
    def from_file(cls, path: str | Path) -> Config:
        """Read a TOML file whose top-level keys are the fields of :class:`Config`."""
        with open(path, "rb") as f:
            data = tomllib.load(f)
        return cls.from_dict(data)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Config:
        names = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - names)
        if unknown:
            raise ValueError(f"unknown config key(s) {unknown}; known keys: {sorted(names)}")
        return cls(**dict(data))


def _str_tuple(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value)


class _FrozenMap(dict[str, tuple[str, ...]]):
    """A read-only, hashable dict, so that a Config can key a cache."""

    def __init__(self, items: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
        super().__init__(items)
        self._items = items

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._items)

    def _readonly(self, *args: object, **kwargs: object) -> None:
        raise TypeError("Config mappings are read-only; use dataclasses.replace")

    __setitem__ = __delitem__ = update = setdefault = pop = popitem = clear = _readonly  # type: ignore[assignment]
