"""Phrase lists: data files, one phrase a line, per language and per rule.

``boilerstrip/data/phrases/<lang>/<rule-name>.txt`` holds the phrases of one rule in one
language; ``common/`` holds lists that are not words of a language (agency names, social
networks). ``#`` starts a comment. A phrase is literal text matched case-insensitively,
with three conveniences:

- a space matches any run of white space, and ``'`` matches any apostrophe (``'``, ``’``);
- ``{name}`` matches a name: one to five capitalised words (``More from {name}``);
- ``{n}`` matches a number (``Image {n} of {n}``).

>>> import regex
>>> bool(regex.fullmatch(phrase_regex("More from {name}"), "more  from The Times", regex.I))
True
>>> bool(regex.fullmatch(phrase_regex("More from {name}"), "more from the times", regex.I))
False
"""

from __future__ import annotations

import functools
from importlib import resources

import regex

# A capitalised word (letters, digits, apostrophes, dots, hyphens) and a name of one to
# five of them. Possessive quantifiers: a name can never be matched in two ways.
CAP_WORD = r"(?-i:[\p{Lu}\p{Lt}\d])[\w\p{M}.&'’-]*+"
NAME = rf"(?:{CAP_WORD}(?:\s++{CAP_WORD}){{0,4}})"
NUMBER = r"\d++"
APOSTROPHE = "['’`´]"

_PLACEHOLDERS = {"{name}": NAME, "{n}": NUMBER}
_PLACEHOLDER_SPLIT = regex.compile(r"(\{name\}|\{n\})")


def phrase_regex(phrase: str) -> str:
    """The regex source for one phrase (see the module docstring)."""
    out = []
    for part in _PLACEHOLDER_SPLIT.split(phrase.strip()):
        if part in _PLACEHOLDERS:
            out.append(_PLACEHOLDERS[part])
            continue
        for word_i, word in enumerate(part.split(" ")):
            if word_i:
                out.append(r"\s+")
            for ch in word:
                out.append(APOSTROPHE if ch in "'’" else regex.escape(ch))
    return "".join(out)


def alternation(phrases: tuple[str, ...]) -> str:
    """One non-capturing group matching any of the phrases, longest first."""
    unique = sorted(set(phrases), key=lambda p: (-len(p), p))
    return "(?:" + "|".join(phrase_regex(p) for p in unique) + ")"


@functools.lru_cache(maxsize=None)
def _read(folder: str, name: str) -> tuple[str, ...]:
    path = resources.files("boilerstrip") / "data" / "phrases" / folder / f"{name}.txt"
    if not path.is_file():
        return ()
    phrases = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            phrases.append(line)
    return tuple(phrases)


def load(name: str, languages: tuple[str, ...]) -> tuple[str, ...]:
    """The phrases of list ``name`` in the given languages plus the language-free ones."""
    out: list[str] = list(_read("common", name))
    for lang in languages:
        out.extend(_read(lang, name))
    return tuple(out)


def available() -> dict[str, list[str]]:
    """Every bundled phrase list, by folder (language code or ``common``)."""
    root = resources.files("boilerstrip") / "data" / "phrases"
    return {
        folder.name: sorted(f.name[: -len(".txt")] for f in folder.iterdir() if f.name.endswith(".txt"))
        for folder in sorted(root.iterdir(), key=lambda f: f.name)
        if folder.is_dir()
    }
