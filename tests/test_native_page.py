"""The C unit pass of page mode (boilerstrip/_page.c) gives exactly what its Python
reference does: the units of every fixture and kit text, hard-wrapped or not, the cheap
page check's counts and the stop-list hits, and the same on hypothesis texts. Skipped
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
            lines, wrap, WRAP_MIN_CHARS, page.visible, CLOSERS, END_MARKS, page._word_table()
        )
        python = page._raw_units(lines, wrap)
        # The C pass leaves uncounted (-1) the words of a text with a character beyond the
        # Basic Multilingual Plane; Python counts them.
        uncounted = [k for k, unit in enumerate(native) if unit[4] == -1]
        assert all(max(native[k][2].lower()) > "\uffff" for k in uncounted)
        for k in uncounted:
            native[k] = (*native[k][:4], python[k][4], native[k][5])
        assert native == python
    assert NATIVE.short_lines(lines, page._SHORT, page.visible) == page._short_lines(lines)
    names, index = page._stop_index()
    words = [w for unit in page._raw_units(lines, False) for w in page.words_of(unit[2])]
    assert NATIVE.language_hits(words, index, len(names)) == page._language_hits(
        words, index, len(names)
    )


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
    ]
)
LINES = st.lists(st.lists(PIECES, max_size=12).map("".join), max_size=30)


@settings(max_examples=400)
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
