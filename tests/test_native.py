"""The C token pass (boilerstrip/_tokens.c) marks exactly the lines its Python reference
does: on every fixture and kit text and on hypothesis texts. Skipped where it is not built
(no C compiler) or is switched off (BOILERSTRIP_PURE=1), which CI runs as well."""

from __future__ import annotations

import sys
from array import array

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from boilerstrip import Cleaner
from boilerstrip.phrases import unify_apostrophes
from boilerstrip.triggers import _LEAD_SET, _TAIL_SET, NATIVE, LineTokens, gate_text
from tests.corpus import texts
from tests.test_triggers import TEXTS

pytestmark = pytest.mark.skipif(NATIVE is None, reason="the C extension is not built or is off")

INDEX = Cleaner()._triggers
TOKEN_DICTS = (INDEX._starts, INDEX._ends, INDEX._ascii_literals)


def _both(
    text: str,
    starts: dict[str, int],
    ends: dict[str, int],
    literals: list[tuple[str, int]],
    with_literals: bool = True,
) -> tuple[object, object]:
    assert NATIVE is not None
    u = unify_apostrophes(gate_text(text))
    runs = []
    for impl in (LineTokens, NATIVE):
        out: dict[int, int] = {}
        marker = impl(starts, ends, _LEAD_SET, _TAIL_SET, literals)
        breaks = marker.mark(u, 7, out, with_literals)
        runs.append((breaks, out))
    return runs[0], runs[1]


def test_every_corpus_text_is_marked_alike() -> None:
    """Every fixture, rule example and harm text, and the kits' texts when ../shared is
    there."""
    differ = []
    for name, text in texts():
        python, native = _both(text, *TOKEN_DICTS)
        if python != native:
            differ.append(name)
    assert differ == []


@settings(max_examples=300)
@given(TEXTS)
@example("")
@example("\n\n")
@example("İstanbul\nΟΔΟΣ.Α\n")  # lower-cased to a longer token; a final sigma
@example("² ½ ٣ 1x x1 _a\n")  # digits that are not decimal; a decimal that is not ASCII
@example("• ‘Related’ »\n")  # lead and tail characters only around a token
@example("Related\ud800\n")  # a lone surrogate
def test_hypothesis_texts_are_marked_alike(text: str) -> None:
    python, native = _both(text, *TOKEN_DICTS)
    assert python == native


ASCII_LOWER = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789 ',.![@", min_size=1)


@given(
    st.text(),
    st.dictionaries(st.text(min_size=1, max_size=4), st.integers(1, 2**70)),
    st.lists(st.tuples(ASCII_LOWER, st.integers(1, 2**70)), max_size=4),
    st.booleans(),
)
@example("Ab\nab\nAB", {"ab": 1}, [("ab", 2)], True)
@example("x" * 300 + "\n", {"x" * 300: 1}, [], True)  # a token longer than the C buffer
@example("SERV\u0130CE\nse\u017fv\n", {}, [("serv", 1), ("se", 2)], True)  # İ, long s
@example("Rights\nreserved", {}, [("serv", 1)], False)  # literals off: none marked
def test_any_dictionary_and_literals_give_the_same_marks(
    text: str, masks: dict[str, int], literals: list[tuple[str, int]], with_literals: bool
) -> None:
    python, native = _both(text, masks, masks, literals, with_literals)
    assert python == native


@settings(max_examples=300)
@given(st.text(), st.lists(st.integers(min_value=0, max_value=60), max_size=12))
@example("aé", [1, 2])  # Latin-1 text, an ASCII piece of it
@example("é" * 5 + "a", [5, 6])
@example("a😀bc", [2, 4])  # text beyond the BMP, a narrower output
@example("ab€\U0001f600", [2, 3])
def test_cut_joins_the_same_pieces(text: str, offsets: list[int]) -> None:
    from boilerstrip import text as text_module

    assert text_module._NATIVE is not None
    points = sorted(min(o, len(text)) for o in offsets)
    spans = array("q", points[: len(points) // 2 * 2])
    expected = "".join(text[a:b] for a, b in zip(spans[::2], spans[1::2], strict=True))
    got = text_module._NATIVE.cut(text, spans)
    assert got == expected
    assert sys.getsizeof(got) == sys.getsizeof(expected)  # stored as narrow as Python would


def test_cut_refuses_spans_outside_the_text() -> None:
    from boilerstrip import text as text_module

    assert text_module._NATIVE is not None
    with pytest.raises(ValueError):
        text_module._NATIVE.cut("abc", array("q", [1, 4]))
    with pytest.raises(ValueError):
        text_module._NATIVE.cut("abc", array("q", [2, 1]))
    with pytest.raises(TypeError):
        text_module._NATIVE.cut("abc", array("q", [1]))
    with pytest.raises(TypeError):
        text_module._NATIVE.cut("abc", array("i", [0, 1]))
