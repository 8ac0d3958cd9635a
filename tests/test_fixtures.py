"""Whole texts: the two seeds the project started from, and cases in every language.

``fixtures/cases/<lang>.json`` holds ``{"label", "input", "expected"}`` rows; a case whose
expected output equals its input is a hard negative (story lines that look like debris).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from boilerstrip import clean, explain

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.in.txt"))
CASES = [
    pytest.param(row["input"], row["expected"], id=f"{path.stem}-{i}-{row['label']}")
    for path in sorted((FIXTURES / "cases").glob("*.json"))
    for i, row in enumerate(json.loads(path.read_text(encoding="utf-8")))
]


@pytest.mark.parametrize("src", SEEDS, ids=[p.name for p in SEEDS])
def test_seed_comes_out_as_expected(src: Path) -> None:
    expected = src.with_name(src.name.replace(".in.txt", ".expected.txt"))
    got = clean(src.read_text(encoding="utf-8"))
    # the seeds' README: comparison ignores trailing whitespace at the very end
    assert got.rstrip() == expected.read_text(encoding="utf-8").rstrip()


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_case(text: str, expected: str) -> None:
    assert clean(text) == expected, explain(text)


def test_fixture_set_covers_every_language_and_has_negatives() -> None:
    langs = {p.stem for p in (FIXTURES / "cases").glob("*.json")}
    assert {"en", "de", "fr", "es", "it", "pt", "nl", "pl"} <= langs
    negatives = [p for p in CASES if p.values[0] == p.values[1]]
    assert len(CASES) >= 30
    assert len(negatives) >= 8
