"""The C unit pass of page mode (boilerstrip/_page.c) gives exactly what its Python
reference does: the units of every fixture and kit text, hard-wrapped or not, their words
and scores, the cheap page check's counts and the stop-list hits, and the same on
hypothesis texts. Skipped
where it is not built (no C compiler) or is switched off (BOILERSTRIP_PURE=1), which CI
runs as well."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from boilerstrip.rules import page
from boilerstrip.text import CLOSERS, END_MARKS, WRAP_MIN_CHARS, split_lines
from tests.corpus import texts

NATIVE = page.NATIVE
pytestmark = pytest.mark.skipif(NATIVE is None, reason="the C extension is not built or is off")


def _same(lines: list[str]) -> None:
    assert NATIVE is not None
    for wrap in (False, True):
        native = NATIVE.raw_units(
            lines, wrap, WRAP_MIN_CHARS, CLOSERS, END_MARKS, page._word_table()
        )
        python = page._raw_units(lines, wrap)
        # The C pass leaves uncounted (-1) the words of a text with a character beyond the
        # Basic Multilingual Plane; Python counts them.
        uncounted = [k for k, unit in enumerate(native) if unit[4] == -1]
        assert all(max(native[k][2].lower()) > "\uffff" for k in uncounted)
        for k in uncounted:
            native[k] = (*native[k][:4], python[k][4], native[k][5])
        assert native == python
    assert NATIVE.short_lines(lines, page._SHORT) == page._short_lines(lines)
    for line in lines:
        assert NATIVE.visible(line) == page.visible(line)
    names, index = page._stop_index()
    raw = page._raw_units(lines, False)
    listed = [page.words_of(unit[2]) for unit in raw]
    for unit, ws in zip(raw, listed, strict=True):
        assert NATIVE.words_of(unit[2], page._word_table()) in (ws, None)
    words = [w for ws in listed for w in ws]
    assert NATIVE.language_hits(words, index, len(names)) == page._language_hits(
        words, index, len(names)
    )
    # Scored with the text's stop list and with none, a line in three removed by a rule.
    counts = [len(ws) for ws in listed]
    debris = set(range(0, len(lines), 3))
    found = page.language(words)
    for stop in (found[1] if found else frozenset({"the", "de"}), None):
        native = NATIVE.score_units(
            raw,
            counts,
            debris,
            stop,
            page._word_table(),
            page._cjk_table(),
            page.Unit,
            page._LIMITS,
        )
        python = [
            page._score(unit, count, lambda ws=ws: ws, stop, debris)
            for unit, count, ws in zip(raw, counts, listed, strict=True)
        ]
        # None: a text beyond the Basic Multilingual Plane, which Python scores.
        assert all(
            max(unit[2].lower()) > "\uffff"
            for unit, u in zip(raw, native, strict=True)
            if u is None
        )
        assert [u if u is not None else p for u, p in zip(native, python, strict=True)] == python
        assert all(type(u) is page.Unit for u in native if u is not None)


def test_every_corpus_text_gives_the_same_units() -> None:
    """Every fixture, rule example and harm text, and the kits' texts when ../shared is
    there."""
    differ = []
    for name, text in texts():
        try:
            _same(split_lines(text))
        except AssertionError:
            differ.append(name)
    assert differ == []


# Pieces of page dumps: bullets, list numbers, Markdown links and images, addresses,
# tags, brackets, end marks and closing quotes, letters of other scripts and planes.
PIECES = st.sampled_from(
    [
        "word",
        "Word",
        " ",
        "  ",
        "\t",
        "\u00a0",
        "\u3000",
        "- ",
        "* ",
        "+ ",
        "• ",
        "· ",
        "> ",
        "# ",
        "| ",
        "1. ",
        "12) ",
        "1234. ",
        "3.",
        "٣. ",
        "[Home](/home)",
        "![logo](/a.png)",
        "[x][12]",
        "][",
        "](",
        "(https://example.org/a)",
        "(/path)",
        "(#top)",
        "(./a)",
        "(mailto:a@b.org)",
        "https://example.org/x",
        "://",
        "(Blu-Ray)",
        "(h",
        "(m",
        "<b>",
        "</p>",
        "<",
        ">",
        ".",
        "!",
        "?",
        "…",
        "。",
        ":",
        ";",
        '"',
        "'",
        "”",
        "’",
        "»",
        ")",
        "]",
        "_",
        "İ",
        "ß",
        "Σ",
        "é",
        "e\u0301",
        "\u0915\u093f",
        "漢字",
        "ไทย",
        "😀",
        "𝐀",
        "½",
        "²",
        "\ud800",
        "x" * 70,
        # the pieces of links, addresses and tags, whole and broken
        "!",
        "[",
        "(",
        "![",
        "[1]",
        "[x](",
        "[١٢]",
        "(../a)",
        "(.x)",
        "(https:x)",
        "(http://a b)",
        "http://",
        "https://",
        "mailto:",
        "<a href='x'>",
        "<br/>",
        "</div >",
        "<p\u2028>",
        "<b " + "z" * 199 + "/>",
        "<i " + "z" * 200 + ">",
        "<é>",
        "<a:b-c_d>",
    ]
)
LINES = st.lists(st.lists(PIECES, max_size=12).map("".join), max_size=30)


@settings(max_examples=600)
@given(LINES)
@example([])
@example(["\x01\x80 a"])  # a control character is no word character
@example(["a" * 61, "https://example.org/a.jpg"])  # a wrapped line, then nothing to see
@example(["- 1. x", "* ", "12) a", "1234. b", "1.x", "• · > # | ok"])
def test_hypothesis_lines_give_the_same_units(lines: list[str]) -> None:
    _same(lines)


@settings(max_examples=200)
@given(st.text())
def test_any_text_gives_the_same_units(text: str) -> None:
    _same(split_lines(text))
