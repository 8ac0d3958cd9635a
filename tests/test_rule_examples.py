"""Every rule's own examples: each ``removes`` text loses a line to that rule, each
``keeps`` text comes back unchanged (no rule at all may touch it)."""

from __future__ import annotations

import pytest

from boilerstrip import Cleaner, rules
from boilerstrip.rules.base import Rule

CLEANER = Cleaner()


def _cases(kind: str) -> list[tuple[Rule, str]]:
    return [(r, ex) for r in rules() for ex in getattr(r, kind)]


def _id(kind: str) -> list[str]:
    ids = []
    for r in rules():
        ids += [f"{r.id}-{kind}-{i}" for i in range(len(getattr(r, kind)))]
    return ids


@pytest.mark.parametrize(("rule", "example"), _cases("removes"), ids=_id("removes"))
def test_rule_removes_its_examples(rule: Rule, example: str) -> None:
    removed_by = {d.rule_id for d in CLEANER.explain(example).removed}
    assert rule.id in removed_by, CLEANER.explain(example)


@pytest.mark.parametrize(("rule", "example"), _cases("keeps"), ids=_id("keeps"))
def test_rule_keeps_its_examples(rule: Rule, example: str) -> None:
    explanation = CLEANER.explain(example)
    assert rule.id not in {d.rule_id for d in explanation.removed}, explanation
    if rule.stage == "line":
        # a line rule's keep example is a story line: nothing at all may remove it
        assert explanation.text == example, explanation


def test_every_rule_has_examples_of_both_kinds() -> None:
    for rule in rules():
        if rule.stage == "layout":
            continue
        assert rule.keeps, f"{rule.id} has no keeps examples"
        # off unless keep_title=False, or a title is given (tests/test_title.py); only
        # whole pages' text, which an example is too short to be (tests/test_page.py)
        if rule.name not in ("meta.headline", "meta.title", "page.outside"):
            assert rule.removes, f"{rule.id} has no removes examples"


def test_rule_ids_and_names_are_unique() -> None:
    ids = [r.id for r in rules()]
    names = [r.name for r in rules()]
    assert len(ids) == len(set(ids))
    assert len(names) == len(set(names))
