"""Every kind of the adversarial corpus (fixtures/adversarial/make.py), at a small size:
no exception, nothing invented, idempotent; text in uncovered scripts unchanged."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from boilerstrip import Cleaner
from boilerstrip.rules import LAYOUT_BLANK
from boilerstrip.rules.base import Document
from boilerstrip.text import split_lines, strip_break

_spec = importlib.util.spec_from_file_location(
    "adversarial", Path(__file__).resolve().parent.parent / "fixtures" / "adversarial" / "make.py"
)
assert _spec is not None and _spec.loader is not None
adversarial = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(adversarial)

CLEANER = Cleaner()


def _lines(text: str) -> list[str]:
    return [strip_break(line) for line in split_lines(text)]


@pytest.mark.parametrize("kind", list(adversarial.KINDS))
def test_adversarial_kind(kind: str) -> None:
    text = adversarial.KINDS[kind](50_000)
    assert len(text) == 50_000
    out = CLEANER.clean(text)
    it = iter(_lines(text))
    assert all(any(line == other for other in it) for line in _lines(out))
    assert CLEANER.clean(out) == out
    assert CLEANER.explain(text).text == out
    if kind in adversarial.UNCHANGED:
        assert out == text


def test_markers_on_many_lines_are_removed() -> None:
    """The corpus is not all noise: the marker lines do go."""
    text = adversarial.KINDS["markers on many lines"](5_000)
    assert len(CLEANER.clean(text)) < len(text) // 2


def test_kept_after_agrees_with_a_plain_scan_as_lines_are_removed() -> None:
    # teaser.after_marker asks for the kept lines after every list heading; the document
    # answers through jumps over removed lines, which must stay right as more are removed.
    rng = random.Random(7)
    lines = [rng.choice(["text\n", "\n", "more text\n"]) for _ in range(400)]
    doc = Document(lines, {}, Cleaner().config)
    for _ in range(300):
        i = rng.randrange(len(lines))
        got = doc.kept_after(i, 5)
        plain = [j for j in doc.content_after(i) if not doc.removed(j)][:5]
        assert got == plain
        doc.remove(rng.randrange(len(lines)), LAYOUT_BLANK, "test")
