"""The rule catalogue: one module per category, ids that say their category, phrase lists
that every language has, declared dependencies, and languages as data."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import boilerstrip.phrases as phrases
from boilerstrip import LANGUAGES, Cleaner, Config, clean, explain
from boilerstrip.model import Category
from boilerstrip.rules import MODULES, REGISTRY
from boilerstrip.rules.base import REPORTED_LISTS, LineRule, Registry

ROOT = Path(__file__).resolve().parent.parent
PHRASES = ROOT / "boilerstrip" / "data" / "phrases"

# The id's hundreds say the category: BS01xx related, ..., BS09xx meta, BS00xx layout.
PREFIX = {
    Category.LAYOUT: "BS00",
    Category.RELATED: "BS01",
    Category.TEASER: "BS02",
    Category.CREDIT: "BS03",
    Category.CAPTION: "BS04",
    Category.AUTHOR: "BS05",
    Category.PROMPT: "BS06",
    Category.AD: "BS07",
    Category.NOTICE: "BS08",
    Category.META: "BS09",
    Category.PAGE: "BS10",
}


@pytest.mark.parametrize("rule", list(REGISTRY), ids=lambda r: r.name)
def test_id_prefix_and_name_say_the_category(rule: LineRule) -> None:
    assert rule.id.startswith(PREFIX[rule.category])
    assert rule.name.split(".")[0] == rule.category.value


def test_each_category_module_holds_exactly_its_rules() -> None:
    names = set()
    for module in MODULES:
        category = module.__name__.rsplit(".", 1)[-1]
        assert {r.category.value for r in module.RULES} == {category}, module.__name__
        names |= {r.name for r in module.RULES}
    assert names == {r.name for r in REGISTRY}
    assert len(names) == len(REGISTRY)


def test_languages_are_the_folders_of_phrase_lists() -> None:
    folders = sorted(p.name for p in PHRASES.iterdir() if p.is_dir() and p.name != "common")
    assert list(LANGUAGES) == folders
    # Adding a language is one folder and one fixtures file.
    for lang in LANGUAGES:
        assert (ROOT / "fixtures" / "cases" / f"{lang}.json").is_file(), lang


def _named_lists() -> set[str]:
    return {n for rule in REGISTRY for n in rule.lists}


def test_every_list_a_rule_names_is_in_every_language_or_language_free() -> None:
    for name in sorted(_named_lists()):
        if (PHRASES / "common" / f"{name}.txt").is_file():
            continue
        missing = [lang for lang in LANGUAGES if not (PHRASES / lang / f"{name}.txt").is_file()]
        assert missing == [], f"{name} is missing in {missing}"


def test_every_list_in_the_data_is_named_by_a_rule() -> None:
    files = {p.stem for p in PHRASES.glob("*/*.txt")}
    assert files - _named_lists() == set()


def test_rules_name_every_list_they_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Compiling the rules reads no list that a rule does not declare (``lists``)."""
    read: set[str] = set()
    original = phrases._read.__wrapped__

    def recording(folder: str, name: str) -> tuple[str, ...]:
        read.add(name)
        return original(folder, name)

    monkeypatch.setattr(phrases, "_read", recording)
    Cleaner(Config())
    assert read - _named_lists() - set(REPORTED_LISTS) == set()
    assert read  # the recording saw the lists


def test_a_misspelt_list_name_is_an_error() -> None:
    with pytest.raises(KeyError, match=r"no phrase list 'related\.headings'"):
        phrases.load("related.headings", LANGUAGES)


# --- declared dependencies ------------------------------------------------------------

TEASERS = (
    "The council voted 7-2 to approve the budget late on Tuesday night.\n\n"
    "Officials said the new spending plan would take effect in January.\n\n"
    "Related stories\n\n"
    "Five things to know about hurricane season\n\n"
    "How to prepare an emergency kit for your family\n"
)


def test_a_required_rule_switched_off_still_runs_for_its_dependants() -> None:
    """--disable related keeps the 'Related stories' heading, and the teasers under it
    still go (teaser.after_marker requires related.heading)."""
    out = clean(TEASERS, Config(disable=("related",)))
    assert out == (
        "The council voted 7-2 to approve the budget late on Tuesday night.\n\n"
        "Officials said the new spending plan would take effect in January.\n\n"
        "Related stories\n"
    )
    assert "Related stories" not in clean(TEASERS)
    removed = explain(TEASERS, Config(disable=("related",))).removed
    assert {d.rule_name for d in removed if d.stage != "layout"} == {"teaser.after_marker"}


def test_switching_off_the_dependant_too_keeps_everything() -> None:
    assert clean(TEASERS, Config(disable=("related", "teaser"))) == TEASERS


def test_requires_names_rules_that_run_before() -> None:
    for rule in REGISTRY:
        for name in rule.requires:
            assert REGISTRY.get(name)
    base = REGISTRY.get("related.heading")
    later = dataclasses.replace(base, id="BS0199", name="related.x", requires=("related.y",))
    registry = Registry()
    registry.add(later)
    with pytest.raises(ValueError, match="which is no rule"):
        registry.check()
    registry.add(dataclasses.replace(base, id="BS0198", name="related.y"))
    with pytest.raises(ValueError, match="which runs after it"):
        registry.check()


def test_document_rules_run_in_any_order_on_the_end_of_text_run() -> None:
    """prompt.closing and teaser.trailing share the run of debris that ends the text; the
    result does not depend on which of them runs first."""
    text = (
        "Officials said the soldier crossed the border on foot before dawn.\n\n"
        "Share this article\n\n"
        "What do you think?\n\n"
        "Cancer survivor and his doctor climb Mount Kilimanjaro together\n"
    )
    cleaner = Cleaner()
    closing = next(i for i, r in enumerate(cleaner._doc_rules) if r.name == "prompt.closing")
    trailing = next(i for i, r in enumerate(cleaner._doc_rules) if r.name == "teaser.trailing")
    forward = cleaner.clean(text)
    actions = cleaner._doc_actions
    actions[closing], actions[trailing] = actions[trailing], actions[closing]
    try:
        assert cleaner.clean(text) == forward
    finally:
        actions[closing], actions[trailing] = actions[trailing], actions[closing]
    assert forward == "Officials said the soldier crossed the border on foot before dawn.\n"


def test_explain_names_the_rule_that_kept_a_line() -> None:
    text = "Residents were asked to send in their\nphotos.\n"
    kept = explain(text).decisions[1]
    assert kept.kept and kept.rule_name == "layout.continued"
    assert "ad.widget" in kept.reason
    assert clean(text) == text
    assert clean(text, Config(disable=("layout.continued",))) == text.split("\n")[0] + "\n"
