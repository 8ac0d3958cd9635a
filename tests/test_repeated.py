"""layout.repeated: the lines of a shape rule that head block after block are content; the
same lines in a list beside a story are not."""

from __future__ import annotations

from boilerstrip import clean, explain

STORY = (
    "The council approved the new budget on Tuesday after a debate that ran past midnight, "
    "with seven votes for and two against.\n\n"
    "The plan raises spending on schools by four percent and delays the repair of the old "
    "town hall until the spring of next year.\n\n"
    "The mayor said the delay would save money, while the opposition called it a mistake "
    "that would cost the town more in the long run.\n\n"
)
COMMENTS = (
    "14 March 2023\n\nGood news for the schools.\n\n"
    "15 March 2023\n\nThe town hall cannot wait.\n\n"
    "16 March 2023\n\nAnother delay, as usual.\n"
)


def test_dates_heading_the_posts_of_a_thread_stay() -> None:
    thread = "Re: budget vote\n\n" + COMMENTS
    assert clean(thread) == thread
    kept = [d for d in explain(thread).kept if d.rule_name == "layout.repeated"]
    assert [d.text for d in kept] == ["14 March 2023", "15 March 2023", "16 March 2023"]
    assert kept[0].reason == "one of 3 meta.date lines that head 3 blocks"


def test_dates_of_comments_under_a_story_go() -> None:
    out = clean(STORY + COMMENTS)
    assert "March 2023" not in out
    assert "Good news for the schools." in out


def test_two_dates_are_not_a_structure() -> None:
    text = "14 March 2023\n\n" + STORY + "15 March 2023\n"
    assert "March 2023" not in clean(text)


def test_related_links_part_the_date_above_a_story_from_the_comments_under_it() -> None:
    # A date above the story and three under the comments: "blocks" that would hold the
    # whole text, but the related links between the story and the comments part them.
    text = (
        "12 March 2023\n\n"
        + STORY
        + "Related articles\n\nSchool roof repairs delayed again\n\n"
        + "Library hours cut for the summer\n\n"
        + COMMENTS
    )
    out = clean(text)
    assert "March 2023" not in out
    assert STORY.strip() in out


def test_a_list_of_lines_of_one_kind_is_the_text() -> None:
    # A library's catalogue: every entry ends in a parenthesis that reads like a photo
    # credit. Debris of one kind is a few lines of a text; half of its lines is the text.
    entries = "".join(
        f"Catalogue no. {n}: hardware, tools and fittings ({1900 + n}), by Mill & Co. "
        "(page images at HathiTrust)\n"
        for n in range(12)
    )
    text = "Hardware -- Catalogs\n\n" + entries
    assert clean(text) == text
