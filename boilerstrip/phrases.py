"""Phrase lists: data files, one phrase a line, per language and per rule.

``boilerstrip/data/phrases/<lang>/<rule-name>.txt`` holds the phrases of one rule in one
language; ``common/`` holds lists that are not words of a language (agency names, social
networks). ``#`` starts a comment. A phrase is literal text, with these conveniences:

- matching is done on the line's *key* (its view lower-cased, apostrophes unified), so
  phrases are case-insensitive; a space matches any run of white space;
- ``{name}`` matches one to five words (``More from {name}``), ``{n}`` a number
  (``Image {n} of {n}``).

>>> import regex
>>> bool(regex.fullmatch(phrase_regex("More from {name}"), key("More  from The Times")))
True
>>> bool(regex.fullmatch(phrase_regex("What's new"), key("WHAT’S NEW")))
True
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from importlib import resources

import regex

from .text import BULLETS, CLOSING_CHARS

# A capitalised word (letters, digits, apostrophes, dots, hyphens): for the rules that look
# at names in the original case. Possessive: a word can never be matched in two ways.
CAP_WORD = r"(?-i:[\p{Lu}\p{Lt}\d])[\w\p{M}.&'’-]*+"

_APOSTROPHE_CHARS = "’`´ʼ‘"
_PLACEHOLDERS = {"{name}": r"[^\s:|]++(?:\s++[^\s:|]++){0,4}", "{n}": r"\d++"}
_PLACEHOLDER_SPLIT = regex.compile(r"(\{name\}|\{n\})")


def plain_words(phrase: str) -> list[str]:
    """A phrase's words besides its placeholders: a phrase needs one, or it would match
    any number or name.

    >>> plain_words("Image {n} of {n}")
    ['Image', 'of']
    >>> plain_words("{n} {name}")
    []
    """
    words: list[str] = _PLACEHOLDER_SPLIT.sub(" ", phrase).split()
    return words


def key(view: str) -> str:
    """The line's key: its view lower-cased, with every apostrophe written ``'``.

    A key is exactly as long as its view, so an offset found in one holds in the other.
    """
    k = view.lower()
    if k.isascii():
        return k.replace("`", "'") if "`" in k else k
    if len(k) != len(view):  # "İ" lower-cases to two characters; keep those as they are
        k = "".join(c if len(c.lower()) != 1 else c.lower() for c in view)
    return unify_apostrophes(k)


def unify_apostrophes(k: str) -> str:
    """The text with every apostrophe written ``'``."""
    if k.isascii():
        return k.replace("`", "'") if "`" in k else k
    for a in _APOSTROPHE_CHARS:
        if a in k:
            k = k.replace(a, "'")
    return k


def compile_fast(source: str) -> re.Pattern[str] | regex.Pattern[str]:
    """A pattern compiled by the standard ``re``, which runs most patterns several times
    faster, unless it needs the ``regex`` module (``\\p{..}``, variable look-behind).
    (Patterns here use nothing that the two read differently, such as ``[[:alpha:]]``.)"""
    try:
        return re.compile(source)
    except re.error:
        return regex.compile(source)


def _tokens(phrase: str) -> list[str]:
    """A phrase as regex tokens: characters, one space for any run of spaces, placeholders."""
    out: list[str] = []
    for part in _PLACEHOLDER_SPLIT.split(key(" ".join(phrase.split()))):
        if part in _PLACEHOLDERS:
            out.append(part)
        else:
            out.extend(part)
    return out


def _token_regex(token: str) -> str:
    if token in _PLACEHOLDERS:
        return _PLACEHOLDERS[token]
    return r"\s+" if token == " " else regex.escape(token)


def phrase_regex(phrase: str) -> str:
    """The regex source, to run on a key, for one phrase (see the module docstring)."""
    return "".join(_token_regex(t) for t in _tokens(phrase))


def alternation(phrases: tuple[str, ...]) -> str:
    """One group matching any of the phrases, written as a trie.

    Phrases that share a beginning share its regex, so the engine tests each character
    once however many phrases there are (a plain ``a|b|c`` alternation is many times
    slower with thousands of phrases).

    >>> print(alternation(("read more", "read on", "related")))
    (?:re(?:ad\\s+(?:more|on)|lated))
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for phrase in phrases:
        node = trie
        for token in _tokens(phrase):
            node = node.setdefault(token, {})
        node[""] = {}
    return "(?:" + _emit(trie) + ")"


def _emit(node: dict) -> str:  # type: ignore[type-arg]
    branches = [_token_regex(t) + _emit(child) for t, child in sorted(node.items()) if t]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a phrase ends here and others go on: the rest is optional
        body = (body if body.startswith("(?:") and len(branches) > 1 else f"(?:{body})") + "?"
    return body


_ROOT = resources.files("boilerstrip") / "data" / "phrases"


@functools.cache
def languages() -> tuple[str, ...]:
    """The bundled languages: the folders of ``data/phrases`` (but ``common``)."""
    return tuple(sorted(f.name for f in _ROOT.iterdir() if f.is_dir() and f.name != "common"))


@functools.cache
def list_names() -> frozenset[str]:
    """The name of every bundled phrase list, in any folder."""
    return frozenset(n for names in available().values() for n in names)


@functools.cache
def _read(folder: str, name: str) -> tuple[str, ...]:
    path = _ROOT / folder / f"{name}.txt"
    if not path.is_file():
        return ()
    phrases = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line:
            phrases.append(line)
    return tuple(phrases)


def load(name: str, languages: tuple[str, ...]) -> tuple[str, ...]:
    """The phrases of list ``name`` in the given languages plus the language-free ones.

    A name that no folder has is an error (a misspelt list would be an empty one)."""
    if name not in list_names():
        raise KeyError(f"no phrase list {name!r} in boilerstrip/data/phrases")
    out: list[str] = list(_read("common", name))
    for lang in languages:
        out.extend(_read(lang, name))
    return tuple(out)


def available() -> dict[str, list[str]]:
    """Every bundled phrase list, by folder (language code or ``common``)."""
    root = _ROOT
    return {
        folder.name: sorted(
            f.name[: -len(".txt")] for f in folder.iterdir() if f.name.endswith(".txt")
        )
        for folder in sorted(root.iterdir(), key=lambda f: f.name)
        if folder.is_dir()
    }


# What may stand before a marker (bullets, brackets, arrows) and after a phrase.
LEAD_CHARS = BULLETS + " \t"
TRAIL_CHARS = CLOSING_CHARS + " "


class PhraseIndex:
    """Every phrase of some lists, looked up by the words a line starts with.

    ``hits(core)`` says which phrases the line starts with and where each ends: a few dict
    look-ups, whatever the number of phrases. Phrases with a placeholder are matched by a
    small regex, tried only when the line starts with the phrase's first word. A
    ``{name}`` is a name, not the rest of a sentence: given the line's view, ``hits``
    rejects one that starts with a digit ("Más de 300 personas murieron"), and one without
    a capital that has three words or more or ends the line with a full stop ("Más de la
    mitad votó"). "Más de El País" and "Share on facebook" are headings.

    >>> index = PhraseIndex({"related.heading": ("Read more", "More from {name}")})
    >>> index.hits("read more: the full story")
    [('related.heading', 9)]
    >>> index.hits("more from the times", "More from The Times")
    [('related.heading', 19)]
    >>> index.hits("more from the same family", "More from the same family")
    []
    >>> index.hits("more from 300 stores", "More from 300 stores")
    []
    >>> index.hits("the council met")
    []
    """

    def __init__(self, lists: Mapping[str, tuple[str, ...]]) -> None:
        self._literal: dict[str, list[str]] = {}
        self._first: set[str] = set()
        # Every phrase's first words, one, two, ...: a line that does not start with one of
        # these starts no phrase with more words.
        self._prefixes: set[str] = set()
        self._max_words = 1
        placeholders: dict[str, list[tuple[str, str]]] = {}
        for name, phrases in lists.items():
            for phrase in phrases:
                k = " ".join(key(phrase).split()).rstrip(TRAIL_CHARS)
                if not k:
                    continue
                first = k.split(" ", 1)[0]
                if "{name}" in k or "{n}" in k:
                    slot = first
                    if first == "{n}" and " " in k:  # "{n} comments": keyed by "{n} comments"
                        slot = "{n} " + k.split(" ")[1].rstrip(TRAIL_CHARS)
                    placeholders.setdefault(slot, []).append((name, phrase))
                    continue
                names = self._literal.setdefault(k, [])
                if name not in names:
                    names.append(name)
                self._first.add(first.rstrip(TRAIL_CHARS))
                words = k.split(" ")
                for j in range(1, len(words) + 1):
                    self._prefixes.add(" ".join(words[:j]).rstrip(TRAIL_CHARS))
                self._max_words = max(self._max_words, k.count(" ") + 1)
        self._placeholders = {
            slot: [
                (name, regex.compile(_named(phrase_regex(p))), "{name}" in p) for name, p in items
            ]
            for slot, items in placeholders.items()
        }

    def hits(self, c: str, view: str | None = None) -> list[tuple[str, int]]:
        """(list name, end offset) for each phrase the line starts with.

        ``c`` is the line's core: its key with single spaces and no leading bullet (see
        :func:`core`); ``view`` is the line's view, in its own case, for the ``{name}``
        check.
        """
        out: list[tuple[str, int]] = []
        sp = c.find(" ")
        first = (c if sp < 0 else c[:sp]).rstrip(TRAIL_CHARS)
        if first in self._first:
            pos = 0
            for _ in range(self._max_words):
                sp = c.find(" ", pos)
                stripped = (c if sp < 0 else c[:sp]).rstrip(TRAIL_CHARS)
                for name in self._literal.get(stripped, ()):
                    out.append((name, len(stripped)))
                if sp < 0 or stripped not in self._prefixes:
                    break
                pos = sp + 1
        slot = first
        if first.isdigit():
            second = c[sp + 1 :].split(" ", 1)[0].rstrip(TRAIL_CHARS) if sp >= 0 else ""
            slot = "{n} " + second
        cased = ""
        for name, pattern, has_name in self._placeholders.get(slot, ()):
            m = pattern.match(c)
            if m is None:
                continue
            if has_name and view is not None:
                cased = cased or core(view)  # the same offsets: a key is as long as its view
                if not _is_name(cased[m.start("name") : m.end("name")], cased):
                    continue
            out.append((name, m.end()))
        return out


def _is_name(name: str, line: str) -> bool:
    """Can this ``{name}`` of the line be a name (see :class:`PhraseIndex`)?"""
    if name[:1].isdigit():
        return False
    if any(c.isupper() for c in name):
        return True
    return name.count(" ") < 2 and not line.rstrip(" )]\"'”’»").endswith(".")


def _named(source: str) -> str:
    """A phrase's regex with its first ``{name}`` as the group ``name``."""
    name = _PLACEHOLDERS["{name}"]
    return source.replace(name, f"(?P<name>{name})", 1)


def core(k: str) -> str:
    """A key with single spaces and without a leading bullet or bracket."""
    return " ".join(k.split()).lstrip(LEAD_CHARS)
