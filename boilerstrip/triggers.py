"""Triggers: which lines a line rule looks at, found for a whole text at once.

Most lines of an article are story, and no rule should spend time on them. So every line
rule declares *triggers*, cheap facts a line must have before the rule looks at it:

- ``starts``: the line's first token (after bullets and brackets) is one of these;
- ``ends``: the line's last token (before trailing punctuation and brackets) is one of these;
- ``contains``: the line contains one of these literal strings;
- ``finds``: a regex is found in the line. It must not cross line breaks; ``EOL`` in it
  stands for the end of the line, after any white space. It must find the same in the
  line with or without the white space around it (start and end on a non-space
  character), so that the index, which sees the whole text, agrees with the view.

A token is one digit, a run of word characters, or one other character. Tokens and
literals are compared on the line's key (lower-cased, apostrophes unified, as rules see
it: "Related", "RELATED" and "rElated" have the token "related"); ``finds`` patterns see
the line as written. A rule with no trigger at all looks at every line.

Triggers are an optimisation and never change a verdict: a rule must remove no line its
triggers do not admit. ``tests/test_triggers.py`` proves it against a run that asks every
rule about every line.

:class:`TriggerIndex` finds the candidate lines of every rule in a few passes of C code
over the whole text (the first and last token of every line, looked up; ``find`` for
literals; one search per ``finds`` pattern), so a story line costs almost nothing. The
token pass is :class:`LineTokens`, in Python (two regex ``findall`` passes, one on the
reversed text) or, where it was built, in C (``boilerstrip/_tokens.c``, one walk over the
lines; ``tests/test_native.py`` checks that both mark the same lines).
:meth:`Triggers.admits` says the same for one line; ``tests/test_triggers.py`` checks
that both agree.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from typing import AnyStr

import regex

from . import native
from .phrases import compile_fast, key, unify_apostrophes
from .text import BULLETS, CLOSING_CHARS, INVISIBLE, INVISIBLE_RE, SPACE

# What may stand before the first token (bullets, brackets) and after the last one.
_LEAD = re.escape(BULLETS)
_TAIL = re.escape(CLOSING_CHARS)
_TOKEN = r"(\d|\w+|[^\s\w])?"
_FIRST = re.compile(f"\n[{SPACE}{_LEAD}]*+{_TOKEN}")
_LAST = re.compile(f"\n[{SPACE}{_TAIL}]*+{_TOKEN}")

# The end of a line, after any white space: for ``finds`` patterns.
EOL = f"[{SPACE}]*+(?:\n|\\Z)"


def first_token(s: str) -> str:
    """The first token of a line.

    >>> first_token("* Read more: the story"), first_token("(c) 2019"), first_token("2019")
    ('Read', 'c', '2')
    """
    m = _FIRST.match("\n" + s)
    return (m.group(1) or "") if m else ""


def last_token(s: str) -> str:
    """The last token of a line.

    >>> last_token("Getty Images."), last_token("(AP Photo)"), last_token("video:")
    ('Images', 'Photo', 'video')
    """
    m = _LAST.match("\n" + s[::-1])
    return (m.group(1) or "")[::-1] if m else ""


def gate_text(text: str) -> str:
    """The text as the triggers see it: every line as in its view (without invisible
    characters), with every line break written ``\\n``. It has exactly as many line
    breaks as the text (LF, CRLF and CR count once each)."""
    g = text
    if "\r" in g:
        g = g.replace("\r\n", "\n").replace("\r", "\n")
    if not g.isascii() and any(c in g for c in INVISIBLE):
        g = INVISIBLE_RE.sub("", g)
    return g


@dataclass(frozen=True)
class Triggers:
    """What a line needs before a rule looks at it (see the module docstring)."""

    starts: frozenset[str] = frozenset()
    ends: frozenset[str] = frozenset()
    contains: tuple[str, ...] = ()
    finds: tuple[str, ...] = ()

    @property
    def every(self) -> bool:
        return not (self.starts or self.ends or self.contains or self.finds)

    @classmethod
    def of(
        cls,
        starts: Iterable[str] = (),
        ends: Iterable[str] = (),
        contains: Iterable[str] = (),
        finds: Iterable[str] = (),
    ) -> Triggers:
        """Triggers from phrases: ``starts`` and ``ends`` take whole phrases and keep
        the key of their first or last token; a literal of ``contains`` is dropped when
        another one is part of it (a line with "rights reserved" has "rights")."""
        literals = sorted({key(c) for c in contains if c}, key=len)
        kept: list[str] = []
        for c in literals:
            if not any(k in c for k in kept):
                kept.append(c)
        return cls(
            frozenset(key(first_token(p)) for p in starts) - {""},
            frozenset(key(last_token(p)) for p in ends) - {""},
            tuple(sorted(kept)),
            tuple(finds),
        )

    def admits(self, view: str, first: str | None = None, last: str | None = None) -> bool:
        """Does a line (its view) have one of these triggers? ``first`` and ``last`` are its
        first and last tokens, when the caller has them."""
        if self.every:
            return True
        k = key(view)
        if self.starts and (first_token(k) if first is None else first) in self.starts:
            return True
        if self.ends and (last_token(k) if last is None else last) in self.ends:
            return True
        if any(c in k for c in self.contains):
            return True
        return any(_compile(f).search(view) for f in self.finds)


@functools.cache
def _compile(find: str) -> re.Pattern[str] | regex.Pattern[str]:
    """A ``finds`` pattern, compiled by the standard ``re`` (faster at scanning a text for
    a literal) unless it needs the ``regex`` module (``\\p{..}``, variable look-behind)."""
    return compile_fast(find.replace("EOL", EOL))


# Texts longer than this (in characters) are read in blocks of about this size.
_BLOCK = 1 << 20


class TriggerIndex:
    """The triggers of many rules, as bit masks: rule ``i`` is bit ``1 << i``.

    Keying a whole text (lower-casing it) costs more than every other pass together, so
    the index reads the text as written and keys only what it must: the tokens, one by
    one, and for literals a copy lower-cased as bytes (see :func:`_literal_kind`).
    """

    def __init__(self, triggers: list[Triggers]) -> None:
        starts: dict[str, int] = {}
        ends: dict[str, int] = {}
        contains: dict[str, int] = {}
        finds: dict[str, int] = {}
        self._every = 0
        for i, t in enumerate(triggers):
            bit = 1 << i
            if t.every:
                self._every |= bit
            for tok in t.starts:
                starts[tok] = starts.get(tok, 0) | bit
            for tok in t.ends:
                ends[tok] = ends.get(tok, 0) | bit
            for c in t.contains:
                contains[c] = contains.get(c, 0) | bit
            for f in t.finds:
                finds[f] = finds.get(f, 0) | bit
        self._starts = _by_lowered(starts)
        self._ends = _by_lowered(ends)
        literals: tuple[list[tuple[str, int]], ...] = ([], [], [])
        for literal, bit in contains.items():
            literals[_literal_kind(literal)].append((literal, bit))
        self._key_literals, self._ascii_literals, self._plain_literals = literals
        self._line_tokens = (NATIVE or LineTokens)(
            self._starts, self._ends, _LEAD_SET, _TAIL_SET, self._ascii_literals
        )
        self._finds = [(_compile(f), bit) for f, bit in finds.items()]

    def candidates(self, text: str, n: int) -> dict[int, int]:
        """Line index -> mask of the rules whose triggers the line has, for the first
        ``n`` lines of the text. A long text is read in blocks of whole lines, so the
        copies made on the way (the reversed text) stay small."""
        out: dict[int, int] = {}
        if n == 0:
            return out
        if self._every:
            out = dict.fromkeys(range(n), self._every)
        start = line = 0
        while start < len(text):
            end = text.find("\n", start + _BLOCK) if len(text) - start > _BLOCK else -1
            end = len(text) if end < 0 else end + 1
            line += self._block(text[start:end] if start or end < len(text) else text, line, out)
            start = end
        if out and max(out) >= n:
            out = {i: m for i, m in out.items() if i < n}
        return out

    def _block(self, text: str, first: int, out: dict[int, int]) -> int:
        """Mark the lines of a block of whole lines whose first line is line ``first``;
        the number of line breaks in the block."""
        g = gate_text(text)
        # The text as keyed but for case: a token of it, lower-cased, is the token of
        # the key (up to the few characters _by_lowered allows for).
        u = unify_apostrophes(g)
        kelvin = bool(self._ascii_literals) and _KELVIN in u
        breaks = self._line_tokens.mark(u, first, out, not kelvin)
        key_literals = self._key_literals
        if kelvin:  # it lower-cases to "k": the ASCII literals are found in the key
            key_literals = key_literals + self._ascii_literals
        for literal, bit in self._plain_literals:
            _mark(out, u, _find_all(u, literal, "\n"), bit, first, "\n")
        if key_literals:
            k = _key_lines(g)
            for literal, bit in key_literals:
                _mark(out, k, _find_all(k, literal, "\n"), bit, first, "\n")
        for pattern, bit in self._finds:
            _mark(out, g, [m.start() for m in pattern.finditer(g)], bit, first, "\n")
        return breaks


# How a literal is found. _ASCII: by the token pass (LineTokens), comparing ASCII
# characters lower-cased (no other character but the Kelvin sign lower-cases to ASCII, and
# a text with one is keyed instead). _PLAIN: a literal without cased characters (no
# character lower-cases to one), in the text as written. _KEY: any other, in the key of
# the text.
_KEY, _ASCII, _PLAIN = range(3)
_KELVIN = "\u212a"


def _literal_kind(literal: str) -> int:
    if literal.isascii():
        return _ASCII
    if all(c.lower() == c == c.upper() for c in literal):
        return _PLAIN
    return _KEY


class LineTokens:
    """Marks the lines whose first token has a mask in ``starts`` or whose last token has
    one in ``ends`` (no key is empty), tokens lower-cased, and the lines that contain an
    ASCII literal of ``literals`` ((lower-case literal, mask) pairs) in their key.
    ``lead`` and ``tail`` (what may stand before the first and after the last token) are
    built into the patterns here; the C version, ``boilerstrip/_tokens.c``, takes them."""

    def __init__(
        self,
        starts: dict[str, int],
        ends: dict[str, int],
        lead: str,
        tail: str,
        literals: list[tuple[str, int]] | None = None,
    ) -> None:
        self._starts, self._ends = starts, ends
        self._literals = [(lit.encode(), mask) for lit, mask in literals or ()]

    def mark(self, u: str, first: int, out: dict[int, int], literals: bool = True) -> int:
        """Mark the lines of ``u``, whose first line is line ``first`` (the literals only
        when ``literals``); the number of line breaks."""
        breaks = u.count("\n")
        if self._starts:
            tokens = list(map(str.lower, _tokens(_FIRST, u)))
            _mark_tokens(out, tokens, self._starts, first, 1)
        if self._ends:
            tokens = list(map(str.lower, map(_REVERSED, _tokens(_LAST, u[::-1]))))
            _mark_tokens(out, tokens, self._ends, first + breaks, -1)
        if literals and self._literals:
            # In the UTF-8 lower-cased as bytes only ASCII letters change, and no other
            # character's bytes equal an ASCII literal's (the Kelvin sign, which lower-cases
            # to "k", is the caller's to key instead).
            b = u.encode("utf-8", "surrogatepass").lower()
            for lit, mask in self._literals:
                _mark(out, b, _find_all(b, lit, b"\n"), mask, first, b"\n")
        return breaks


_REVERSED = itemgetter(slice(None, None, -1))
_LEAD_SET = SPACE + BULLETS
_TAIL_SET = SPACE + CLOSING_CHARS


def _native() -> type[LineTokens] | None:
    """The C version of :class:`LineTokens`, if it was built (from this version of the
    source) and is not switched off (``BOILERSTRIP_PURE=1``)."""
    module = native.load("_tokens", native.TOKENS_VERSION)
    return None if module is None else module.LineTokens


NATIVE = _native()


def _by_lowered(masks: dict[str, int]) -> dict[str, int]:
    """Token masks by every form a key token can have when its text is lower-cased one
    token at a time instead of as a whole: "İ" is kept by a key but lower-cased to two
    characters by a token, and a Greek sigma may end a word in one and not the other."""
    out: dict[str, int] = {}
    for tok, mask in masks.items():
        forms = {tok, tok.lower()}
        if "σ" in tok or "ς" in tok:
            forms |= {f.replace("ς", "σ") for f in forms} | {f.replace("σ", "ς") for f in forms}
        for f in forms:
            out[f] = out.get(f, 0) | mask
    return out


def _key_lines(g: str) -> str:
    """The key of every line of a gate text, joined: as long as it, with the same line
    breaks. (A text with a character that lower-cases to two is keyed line by line, as
    views are.)"""
    k = g.lower()
    if len(k) == len(g):
        return unify_apostrophes(k)
    return "\n".join(map(key, g.split("\n")))


def _tokens(pattern: re.Pattern[str], g: str) -> list[str]:
    """The token of every line, by a pattern that starts at a line break: the first line
    on its own, the others in one pass (without copying the text)."""
    eol = g.find("\n")
    first = pattern.match("\n" + (g if eol < 0 else g[:eol]))
    return [(first.group(1) or "") if first else "", *pattern.findall(g)]


def _mark_tokens(
    out: dict[int, int], tokens: list[str], masks: dict[str, int], origin: int, step: int
) -> None:
    """Mark the lines whose token has a mask: token ``i`` is line ``origin + step * i``
    (``step`` is -1 for tokens read from the reversed text, which are reversed too)."""
    for i in compress(range(len(tokens)), map(masks.__contains__, tokens)):  # a C loop
        j = origin + step * i
        out[j] = out.get(j, 0) | masks[tokens[i]]


def _find_all(g: AnyStr, literal: AnyStr, nl: AnyStr) -> list[int]:
    """Where the literal occurs, at most once per line (``nl``: the line break)."""
    found = []
    p = g.find(literal)
    while p >= 0:
        found.append(p)
        eol = g.find(nl, p)
        if eol < 0:
            break
        p = g.find(literal, eol)
    return found


def _line_numbers(g: AnyStr, positions: list[int], nl: AnyStr) -> list[int]:
    """The line of each (ascending) position, counting line breaks between them."""
    out = []
    line = prev = 0
    for p in positions:
        line += g.count(nl, prev, p)
        prev = p
        out.append(line)
    return out


def _mark(
    out: dict[int, int], g: AnyStr, positions: list[int], bit: int, first: int, nl: AnyStr
) -> None:
    for i in _line_numbers(g, positions, nl):
        out[first + i] = out.get(first + i, 0) | bit
