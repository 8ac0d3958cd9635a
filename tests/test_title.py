"""The page's title, given by the caller (rule meta.title) or taken from HTML."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html

from boilerstrip import clean, explain, extract
from boilerstrip.html import page_titles
from tests.test_cli import cli
from tests.test_html import PAGE, STORY

TITLE = "Council approves three bridges"
TEXT = (
    "World news\n\n"
    f"{TITLE}\n\n"
    "The council voted on Tuesday to build three new bridges.\n\n"
    f"{TITLE.upper()}\n\n"
    "Construction starts next spring.\n"
)


def test_without_a_title_nothing_changes() -> None:
    assert clean(TEXT) == TEXT


def test_the_title_the_labels_above_it_and_its_copies_go() -> None:
    out = clean(TEXT, title=TITLE)
    assert out == (
        "The council voted on Tuesday to build three new bridges.\n\n"
        "Construction starts next spring.\n"
    )
    reasons = {d.text: d.reason for d in explain(TEXT, title=[TITLE]).removed if d.text}
    assert reasons == {
        "World news": "a label above the headline",
        TITLE: "the page's title, given by the caller",
        TITLE.upper(): "the page's title, repeated",
    }


def test_a_title_in_other_spacing_and_case_matches() -> None:
    assert clean(f"{TITLE}\n\nStory.\n", title="  council  APPROVES three bridges ") == "Story.\n"


def test_a_long_line_above_a_short_title_keeps_both() -> None:
    # Only labels of up to three words stand above a headline; a title of fewer than three
    # words is not looked for further down.
    text = "The council met for six hours on Tuesday night.\n\nBridges approved\n\nStory.\n"
    assert clean(text, title="Bridges approved") == text


def test_a_short_title_is_removed_at_the_top_only() -> None:
    text = "Review\n\nThe phone is fast.\n\nReview\n\nIt is also cheap.\n"
    assert clean(text, title="Review") == "The phone is fast.\n\nReview\n\nIt is also cheap.\n"


def test_a_line_that_only_contains_the_title_stays() -> None:
    text = f"Story.\n\n{TITLE}, the paper said, was the week's news.\n"
    assert clean(text, title=TITLE) == text


def test_page_titles_from_head_and_the_only_h1() -> None:
    tree = lxml.html.fromstring(
        "<html><head><title>Bridges approved | The City Paper</title>"
        "<meta property='og:title' content='Council approves  bridges'></head>"
        "<body><h1>Three bridges</h1><h2>Why it matters</h2><p>x</p></body></html>"
    )
    assert set(page_titles(tree)) == {
        "Bridges approved | The City Paper",
        "Bridges approved",
        "The City Paper",
        "Council approves bridges",
        "Three bridges",
    }
    two_h1 = lxml.html.fromstring("<html><body><h1>A b c</h1><h1>D e f</h1></body></html>")
    assert page_titles(two_h1) == ()


def test_extract_leaves_the_headline_out() -> None:
    text = extract(PAGE)
    assert text is not None
    assert TITLE not in text
    assert text.startswith(STORY[0])


def test_cli_title_key_passes_each_records_title(tmp_path: Path) -> None:
    records = [
        {"id": 1, "title": TITLE, "text": TEXT},
        {"id": 2, "title": [TITLE, "The City Paper"], "text": TEXT},
        {"id": 3, "title": None, "text": TEXT},  # no title: nothing to compare with
        {"id": 4, "text": TEXT},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    r = cli("clean", src, "-o", tmp_path / "out", "--title-key", "title", "--jobs", "1")
    assert r.returncode == 0, r.stderr
    out = [json.loads(line) for line in (tmp_path / "out" / "in.jsonl").read_text().splitlines()]
    assert [o["text"] for o in out] == [clean(TEXT, title=TITLE)] * 2 + [TEXT] * 2
    assert out[0]["text"] != TEXT and [o["id"] for o in out] == [1, 2, 3, 4]
