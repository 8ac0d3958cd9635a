"""The trigger index finds exactly the lines each rule's triggers admit.

The cleaner judges a line only by the rules whose triggers the index found for it; these
tests check the index against the per-line definition (:meth:`Triggers.admits`), and the
whole cleaner against an exhaustive run that asks every rule about every line.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from boilerstrip import Cleaner
from boilerstrip.phrases import available, load
from boilerstrip.rules import REGISTRY
from boilerstrip.rules.base import LineRule
from boilerstrip.text import BLANK, split_lines, view
from boilerstrip.triggers import first_token, gate_text, last_token

CLEANER = Cleaner()
ROOT = Path(__file__).resolve().parent.parent

# Pieces that hit the triggers' edges: markers, credits, brackets, slashes, colons, digits,
# white space and invisible characters of every kind, compatibility characters.
PIECES = st.sampled_from(
    [
        "Related",
        "RELATED:",
        "Read more",
        "Advertisement",
        "(AP Photo/Jane Doe)",
        "REUTERS/Brendan McDermid",
        "Credit: ESA",
        "Getty Images",
        "(AFP)",
        "[VIDEO]",
        "© 2019",
        "(c)",
        "jdoe@example.com",
        "twitter.com/jdoe",
        "Twitter.com/",
        "By",
        "Nov 19, 2019",
        "5 min read",
        "14 comments",
        "contributed to this report",
        "Newsletter",
        "click here",
        "All rights reserved",
        "Facebook",
        "* ",
        "» ",
        "](",
        "(https://x.y/z)",
        "/",
        ":",
        ")",
        "]",
        ".",
        " ",
        "\t",
        "\u00a0",
        "\u3000",
        "\u200b",
        "\u00ad",
        "\ufeff",
        "\u2026",
        "\ufb01",
        "\uff32elated",
        "\ud800",
        "\u0130",
        "\u03a3",
        "\x1c",
        "\x85",
        "\u2028",
        "a",
        "Z",
        "7",
    ]
)


def _phrases() -> list[str]:
    """Every phrase of every bundled list, placeholders filled in."""
    out = []
    for folder, names in available().items():
        for name in names:
            for phrase in load(name, () if folder == "common" else (folder,)):
                out.append(phrase.replace("{n}", "12").replace("{name}", "Jane Doe"))
    return sorted(set(out))


# Phrases of the rules' own lists, in any case ("rElated"), so that every rule meets lines
# it removes and lines that are almost those.
CASES = st.sampled_from([str, str.lower, str.upper, str.title, str.swapcase, str.capitalize])
PHRASES = st.tuples(st.sampled_from(_phrases()), CASES).map(lambda p: p[1](p[0]))
BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\n\n"])
LINES = st.lists(PIECES | PHRASES | st.text(max_size=8), max_size=8).map("".join)
SPACED = st.lists(PIECES | PHRASES, max_size=6).map(" ".join)
TEXTS = (
    st.lists(st.tuples(LINES | SPACED, BREAKS), max_size=12).map(
        lambda parts: "".join(a + b for a, b in parts)
    )
    | st.text()
)

LINE_RULES = [entry for entry in CLEANER._line]  # (rule, triggers, kind, data)


def _mismatches(text: str) -> list[tuple[int, str, str]]:
    """(line, rule, which way) wherever the index and the per-line triggers disagree,
    for lines the rule could judge (not blank, not longer than its limit)."""
    lines = split_lines(text)
    candidates = CLEANER._triggers.candidates(text, len(lines))
    out = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        v = view(stripped)
        if not v:
            continue
        for bit, (rule, triggers, _, _) in enumerate(LINE_RULES):
            if len(stripped) > rule.limit(CLEANER.config):
                continue
            found = bool(candidates.get(i, 0) >> bit & 1)
            if found != triggers.admits(v):
                out.append((i, rule.name, "extra" if found else "missed"))
    return out


@given(TEXTS)
@example("Related\r\u200b\nRelated Articles\n")
@example("\uff32elated Articles\n")
@example("Related\ud800\n")
@example("x\u2028Related\nAdvertisement")
@example("RELATED:\x1c\n")
@example("\x1c[VIDEO]\n")  # a "[" after a character the view strips
@example("\u212a\n\u00a9 2019 Example Media\n")  # a Kelvin sign keys the literals
@example("\u0130stanbul\n")  # "İ" lower-cases to two characters
@example("Donʼt miss\n")  # a modifier apostrophe, a word character, ends the token
def test_index_finds_exactly_what_the_triggers_admit(text: str) -> None:
    assert _mismatches(text) == []


def _verdicts(text: str, exhaustive: bool) -> tuple[dict[int, str], set[int]]:
    run = CLEANER._run(text, exhaustive=exhaustive)
    return {i: v.rule.id for i, v in run.verdicts.items()}, run.dropped


@given(TEXTS)
@example("SnapChat\n")  # a token in a case no phrase is written in
@example("Text und Bilder: Alle Rechte vorbehalten (2019)\n")  # a rights notice mid-line
@example("Fluke 43B/003 Power Quality Analyzer\n")  # no name after the slash
@example("// November 16, 2016\n")  # a date line does not start with "//"
@example("Yoga (https://example.com/yoga) is a practice that ...\n")  # a link, no address
@example("ImpressumDatenschutz\n")  # footer labels run together
@example("RELATED:Twitter.com/REUTERS/Brendan McDermid\n")  # a wire credit inside an address
def test_cleaning_equals_the_trigger_free_run(text: str) -> None:
    """Triggers never change a verdict: the run that asks every rule about every line,
    without consulting any trigger, removes the same lines for the same reasons."""
    assert _verdicts(text, exhaustive=False) == _verdicts(text, exhaustive=True)


def _fixture_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "fixtures").rglob("*.in.txt")]
    for path in sorted((ROOT / "fixtures" / "cases").glob("*.json")):
        texts += [case["input"] for case in json.loads(path.read_text(encoding="utf-8"))]
    for rule in REGISTRY:
        texts += [*rule.removes, *rule.keeps]
    return texts


@pytest.mark.parametrize("text", _fixture_texts())
def test_fixtures_and_examples_agree(text: str) -> None:
    assert _mismatches(text) == []
    assert _verdicts(text, exhaustive=False) == _verdicts(text, exhaustive=True)


@pytest.mark.skipif(not (ROOT.parent / "shared").is_dir(), reason="../shared (the kits) absent")
def test_every_kit_input_agrees_with_the_trigger_free_run() -> None:
    """All inputs and gold texts of ../shared/bench and ../shared/wcxb (about 11,800)."""
    from tests.corpus import texts

    differ = [
        name for name, text in texts() if text and _verdicts(text, False) != _verdicts(text, True)
    ]
    assert differ == []


def test_every_line_rule_has_triggers() -> None:
    """A rule without triggers would judge every line: only user patterns do that."""
    for rule in REGISTRY:
        if isinstance(rule, LineRule):
            assert not rule.triggers(CLEANER.config).every, rule.name


def test_tokens() -> None:
    assert first_token("  • Related: x") == "Related"
    assert last_token("A caption (AP Photo/Jane Doe).") == "Doe"
    assert last_token("Getty Images \u00bb") == "Images"
    assert first_token("") == last_token("") == ""


def test_gate_text_keeps_the_line_count() -> None:
    text = "a\r\nb\rc\u200b\r\n\ufb01\nd\u2028e"
    assert gate_text(text).count("\n") == len(split_lines(text)) - 1


def test_blank_covers_all_white_space() -> None:
    spaces = [chr(c) for c in range(0x3001) if chr(c).isspace()]
    assert all(c in BLANK for c in spaces)


@given(TEXTS, st.integers(min_value=1, max_value=40))
@example("Related\r\nAdvertisement\rx\n(AFP)\n", 3)
def test_blocks_find_the_same_as_one_pass(text: str, block: int) -> None:
    """Long texts are read in blocks of whole lines; any block size finds the same."""
    import boilerstrip.triggers as triggers

    n = len(split_lines(text))
    whole = CLEANER._triggers.candidates(text, n)
    saved = triggers._BLOCK
    triggers._BLOCK = block
    try:
        assert CLEANER._triggers.candidates(text, n) == whole
    finally:
        triggers._BLOCK = saved
