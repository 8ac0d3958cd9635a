"""The harm corpus (issue 21): clean, non-news texts with no boilerplate at all.

``fixtures/harm/<lang>.json`` holds ``{"label", "genre", "text"}`` rows: forum threads,
encyclopedia articles, product pages, documentation, listings, recipes, ... Whatever
boilerstrip removes from them is a line of content lost, so every text must come out of
``clean()`` unchanged.

A row that loses lines today carries ``"known_harm": [rule names]`` (the rules that remove
its lines, as ``explain()`` reports them, blank-line layout aside) and runs as a strict
``xfail``: when a fix makes the text come through whole, the test XPASSes and fails,
telling the fixer to delete the row's ``known_harm`` field. See docs/harm.md.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from boilerstrip import clean, explain

HARM = Path(__file__).resolve().parent.parent / "fixtures" / "harm"
LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")
GENRES = (
    "forum",
    "encyclopedia",
    "product",
    "documentation",
    "events",
    "recipe",
    "sports",
    "legal",
    "fiction",
    "qa",
    "reviews",
    "abstract",
    "catalogue",
)


def _rows() -> list[tuple[str, int, dict[str, object]]]:
    return [
        (lang, i, row)
        for lang in LANGUAGES
        for i, row in enumerate(json.loads((HARM / f"{lang}.json").read_text(encoding="utf-8")))
    ]


ROWS = _rows()


def _param(lang: str, i: int, row: dict[str, object]) -> object:
    marks = []
    harm = row.get("known_harm")
    if harm:
        reason = ", ".join(harm)  # type: ignore[arg-type]
        marks.append(pytest.mark.xfail(strict=True, reason=reason))
    return pytest.param(row["text"], id=f"harm-{lang}-{i}-{row['label']}", marks=marks)


@pytest.mark.parametrize("text", [_param(*r) for r in ROWS])
def test_harm_document_comes_out_unchanged(text: str) -> None:
    assert clean(text) == text, explain(text)


def test_known_harm_names_the_rules_that_remove_lines() -> None:
    """A row's known_harm is exactly the set of rules that remove its lines today: a rule
    fixed for one row, but still removing lines elsewhere in it, shows up here."""
    for lang, i, row in ROWS:
        text = row["text"]
        assert isinstance(text, str)
        removed = {d.rule_name for d in explain(text).removed if d.stage != "layout"}
        if removed:  # a row that passes is checked by the xfail above
            assert sorted(removed) == row.get("known_harm"), f"harm-{lang}-{i}-{row['label']}"


def test_rows_are_well_formed() -> None:
    for lang, i, row in ROWS:
        where = f"harm-{lang}-{i}"
        assert set(row) <= {"label", "genre", "text", "known_harm"}, where
        assert row["genre"] in GENRES, where
        text = row["text"]
        assert isinstance(text, str) and 300 <= len(text) <= 3500, where
        harm = row.get("known_harm")
        assert harm is None or (isinstance(harm, list) and harm == sorted(set(harm))), where
    labels = [(lang, row["label"]) for lang, _, row in ROWS]
    assert len(labels) == len(set(labels))


def test_corpus_covers_languages_and_genres() -> None:
    assert len(ROWS) >= 60
    per_lang: dict[str, int] = defaultdict(int)
    langs_per_genre: dict[str, set[str]] = defaultdict(set)
    for lang, _, row in ROWS:
        per_lang[lang] += 1
        langs_per_genre[str(row["genre"])].add(lang)
    assert all(per_lang[lang] >= 6 for lang in LANGUAGES), dict(per_lang)
    assert all(len(langs_per_genre[g]) >= 3 for g in GENRES), dict(langs_per_genre)
