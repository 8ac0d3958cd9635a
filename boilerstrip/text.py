"""Splitting text into lines and building the *matching view* of a line.

Rules never see the original line: they see its view, a copy without zero-width characters
and without the white space around it (rule patterns match any white space, no-break
spaces included). The output is always assembled from the original lines, so
a kept line comes back byte for byte.
"""

from __future__ import annotations

import re

from .triggers import BLANK, INVISIBLE, INVISIBLE_RE

# Line breaks are LF, CRLF and CR. str.splitlines() also splits on form feeds, U+2028 and
# friends, which scraped text carries inside paragraphs, so those texts take the slow path.
_OTHER_BREAK_CHARS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


# A view longer than this is cut to its head and tail: no rule looks at the middle of a
# long paragraph, and it keeps the cost of a line constant however long the line is.
VIEW_MAX_CHARS = 1000
_VIEW_HALF = VIEW_MAX_CHARS // 2


def split_lines(text: str) -> list[str]:
    """Split into lines that keep their line breaks; ``"".join(result) == text``."""
    if not any(c in text for c in _OTHER_BREAK_CHARS):
        return text.splitlines(keepends=True)
    return _LINE.findall(text)


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
