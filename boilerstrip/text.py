"""Splitting text into lines and building the *matching view* of a line.

Rules never see the original line: they see its view, a copy without zero-width characters
and without the white space around it (rule patterns match any white space, no-break
spaces included). The output is always assembled from the original lines, so
a kept line comes back byte for byte.
"""

from __future__ import annotations

import re
from array import array

from . import native

# White space as str.isspace() knows it, except line breaks.
SPACE = (
    "\t\x0b\x0c\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Characters that views drop: zero-width spaces and joiners, the byte-order mark, the soft
# hyphen.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")
# What str.strip() would take from a line, plus invisible characters: a line of only these
# is blank.
BLANK = SPACE + "\n\r" + INVISIBLE
# Bullets, brackets and arrows that may stand before a line's first word: the one list that
# the triggers, the phrase index and the rules' patterns all skip.
BULLETS = "[(«‹<>•·▸►▶←*#|~¿¡-"
# What may follow a marker phrase that is the whole line: "Related:", "Read more »",
# "(Video)". Not a comma, a semicolon or a quote: "listen 8080;" is a line of code.
TRAIL_MARKS = ".:!?…>»›→|~*-)(]"
TRAIL = "[\\s" + re.escape(TRAIL_MARKS) + "]*+"
# Punctuation that may close a line after its last word, commas and quotes too: what the
# phrase index strips from the words of phrases and lines, and what the triggers skip to
# find a line's last word.
CLOSING_CHARS = TRAIL_MARKS + ",;\"'”“‘’"

# Line breaks are LF, CRLF and CR. str.splitlines() also splits on form feeds, U+2028 and
# friends, which scraped text carries inside paragraphs, so those texts take the slow path.
_OTHER_BREAK_CHARS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


_NATIVE = native.load("_tokens", native.TOKENS_VERSION)

# A view longer than this is cut to its head and tail: no rule looks at the middle of a
# long paragraph, and it keeps the cost of a line constant however long the line is.
VIEW_MAX_CHARS = 1000
_VIEW_HALF = VIEW_MAX_CHARS // 2


def split_lines(text: str) -> list[str]:
    """Split into lines that keep their line breaks; ``"".join(result) == text``."""
    if not any(c in text for c in _OTHER_BREAK_CHARS):
        return text.splitlines(keepends=True)
    return _LINE.findall(text)


def cut(text: str, spans: array[int]) -> str:
    """The pieces of the text from spans[0] to spans[1], spans[2] to spans[3], ..., joined.
    The C version writes them into the output directly: no copy of each piece first."""
    if _NATIVE is not None:
        return str(_NATIVE.cut(text, spans))
    return "".join([text[a:b] for a, b in zip(spans[::2], spans[1::2], strict=True)])


def strip_break(line: str) -> str:
    """The line without its line break."""
    return line.rstrip("\r\n")


def is_blank(line: str) -> bool:
    """Is the line's view empty (only white space and invisible characters)?"""
    return not line.strip(BLANK)


def view(line: str) -> str:
    """The matching view of one line (no line break in it)."""
    if len(line) > VIEW_MAX_CHARS:
        line = line[:_VIEW_HALF] + " \u2026 " + line[-_VIEW_HALF:]
    if line.isascii():
        return line.strip()
    if any(c in line for c in INVISIBLE):
        line = INVISIBLE_RE.sub("", line)
    return line.strip(BLANK)


_CONTENT_WORD = re.compile(r"\w{4,}")


def content_words(s: str) -> set[str]:
    """Case-folded words of four or more letters: enough to tell topics apart."""
    return set(_CONTENT_WORD.findall(s.casefold()))


def has_content_word(s: str) -> bool:
    """Does ``content_words(s)`` have a word? (Without reading all of them.)"""
    return _CONTENT_WORD.search(s) is not None or bool(content_words(s))


# A line at least this long that does not end a sentence may be wrapped into the next one
# (text hard-wrapped at a fixed width, 70 or 80 columns).
WRAP_MIN_CHARS = 60
CLOSERS = "\"'”’»)]"
END_MARKS = ".!?…。！？:;"
_ENDS = frozenset(END_MARKS)


def ends_sentence(s: str) -> bool:
    """Does the text end with an end mark (before closing quotes and brackets)?"""
    s = s.rstrip(CLOSERS)
    return bool(s) and s[-1] in _ENDS
