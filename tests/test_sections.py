"""A list under a related-links heading ends where the document's next section starts."""

from __future__ import annotations

import json
from pathlib import Path

from boilerstrip import clean, explain

HARM = Path(__file__).resolve().parent.parent / "fixtures" / "harm"

CASTLE = (
    "# Enzberg Castle\n\n"
    "The castle was built in 1310 by the lords of the valley, who held it for two "
    "centuries before it passed to the bishops.\n\n"
    "## History\n\n"
    "Troops of the duke took and burnt it in 1474; it was rebuilt in stone twenty years "
    "later, with a new gate tower and a second ring of walls on the river side.\n\n"
    "After a fire in 1702 it fell into ruin. The walls were made safe between 2010 and "
    "2014, and the ruins have been open to visitors since then.\n\n"
    "## See also\n\n"
    "* Castles of the upper valley\n"
    "* The Enzberg trail\n\n"
    "## References\n\n"
    "1. Marsh, Peter (1998). Railways of the North. Kendal: Fellside Press.\n"
    "2. Hendry, Alan (2004). Closed Lines. Preston: Ribble Books.\n"
)


def test_the_next_heading_of_the_same_level_ends_the_list() -> None:
    out = clean(CASTLE)
    assert out.endswith(
        "## References\n\n"
        "1. Marsh, Peter (1998). Railways of the North. Kendal: Fellside Press.\n"
        "2. Hendry, Alan (2004). Closed Lines. Preston: Ribble Books.\n"
    )
    assert out.startswith("# Enzberg Castle\n\nThe castle was built in 1310")


def test_a_deeper_heading_stays_in_the_list() -> None:
    text = (
        "The council approved the budget on Tuesday after a long debate over school funding "
        "and the cost of repairing the old town hall.\n\n"
        "## Related\n\n"
        "### Five things to know about the new budget\n\n"
        "### How the town hall repairs will be paid for\n"
    )
    assert "Five things" not in clean(text)


def test_a_reference_list_after_see_also_stays() -> None:
    """The encyclopedia article of the Polish harm corpus: "## Przypisy" and its list
    follow "## Zobacz też" at the end of the text."""
    rows = json.loads((HARM / "pl.json").read_text(encoding="utf-8"))
    text = next(r["text"] for r in rows if r["label"] == "artykul encyklopedyczny zamek")
    tail = text[text.index("## Przypisy") :]
    assert clean(text).endswith(tail)


def test_lines_inside_a_fenced_code_block_stay() -> None:
    text = (
        "Every page starts with a block of settings, the front matter:\n\n"
        "```yaml\n"
        "title: Planting garlic\n"
        "date: 2024-10-12\n"
        "tags: [garlic, autumn]\n"
        "```\n\n"
        "The date sets the page's place in the list.\n"
    )
    assert clean(text) == text
    kept = [d for d in explain(text).kept if d.rule_name == "layout.code"]
    assert [d.text for d in kept] == ["date: 2024-10-12", "tags: [garlic, autumn]"]


def test_a_fence_that_never_closes_protects_nothing() -> None:
    text = "Some story text that goes on for a while.\n\n```\n\nTags: budget, schools\n"
    assert "Tags:" not in clean(text)
