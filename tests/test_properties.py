"""Invariants that hold for every str: no exception, nothing invented, idempotent."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from boilerstrip import Config, clean, explain
from boilerstrip.text import split_lines, strip_break

# Text built from lines that look like articles and boilerplate, so the rules fire often.
LINES = st.sampled_from(
    [
        "",
        " ",
        "Related Articles",
        "RELATED:\u00a0North Korea shoots at defector",
        "Advertisement",
        "What do you think?",
        "Keep Reading",
        "Credit: Jane Doe",
        "YouTube/James Pearson",
        "By Jane Doe",
        "The council voted 7-2 to approve the budget late on Tuesday night.",
        "Cancer survivor and his doctor climb Mount Kilimanjaro together",
        "He never came back.",
        "Students read plays. (Miguel Martinez/ AJC)",
        "\u200b",
        # document rules that look at where a line stands and what the story says
        "Jane Doe is a reporter for the Tribune.",
        "John Roe is an editor at the Tribune.",
        "Lire aussi",
        "An appeal hearing is expected in the spring.",
        "Investigators will report next month, a spokeswoman said.",
        "Redacción",
        "← Previous story",
        "Featured",
    ]
)
BREAKS = st.sampled_from(["\n", "\r\n", "\r", "\n\n"])
ARTICLES = st.lists(st.tuples(LINES | st.text(max_size=40), BREAKS), max_size=30).map(
    lambda parts: "".join(a + b for a, b in parts)
)
ANY_TEXT = st.text() | ARTICLES


def _contents(text: str) -> list[str]:
    return [strip_break(line) for line in split_lines(text)]


def _is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(line == other for other in it) for line in small)


@given(ANY_TEXT)
@example("\x00")
@example("\ud800 lone surrogate")
@example("\ufeffBOM first")
@example("a\rb\rc")
@example("Related\r\n\r\nAdvertisement")
def test_output_lines_are_input_lines_in_order(text: str) -> None:
    out = clean(text)
    assert _is_subsequence(_contents(out), _contents(text))


@given(ANY_TEXT)
# A bio between two closing prompts; one bio twice; two co-authors' bios (found by hypothesis:
# the second pass removed what the first had left).
@example("What do you think?\nJane Doe is a reporter for the Tribune.\nWhat do you think?\n")
@example("The council met.\n" + "Jane Doe is a reporter for the Tribune.\n" * 2)
@example(
    "The council met.\n\nJane Doe is a reporter for the Tribune.\n\n"
    "John Roe is an editor at the Tribune.\n"
)
# A removed date between a long line and the next: the listing test of teaser.after_marker
# read them as two lines, and the cleaned text, where they meet, as one paragraph.
@example(
    "00000000 0 0\n00000000000000000000000000000000000000000000000000000000 0 0\n0/0/0\n"
    "00000000 0 0\nRELATED ARTICLE"
)
def test_clean_is_idempotent(text: str) -> None:
    once = clean(text)
    assert clean(once) == once


@given(ANY_TEXT)
def test_explain_text_equals_clean(text: str) -> None:
    explanation = explain(text)
    assert explanation.text == clean(text)
    assert len(explanation.decisions) == len(split_lines(text))
    for d in explanation.removed:
        assert d.rule_id and d.rule_name and d.category and d.reason


@given(ANY_TEXT)
def test_disabling_every_category_returns_the_input(text: str) -> None:
    from boilerstrip import Category

    config = Config(disable=tuple(c.value for c in Category))
    assert clean(text, config) == text


@given(st.lists(st.sampled_from(["The council met.", "He never came back.", ""]), max_size=20))
def test_story_without_boilerplate_is_unchanged(lines: list[str]) -> None:
    for sep in ("\n", "\r\n"):
        text = sep.join(lines) + sep
        assert clean(text) == text


def test_huge_inputs_do_not_raise() -> None:
    assert clean("x" * 10_000_000) == "x" * 10_000_000
    blank = "\n" * 1_000_000
    assert clean(blank) == blank
    related = "Related: teaser\n" * 100_000
    assert clean(related) == ""
