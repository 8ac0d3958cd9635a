"""Explanation: ``str()`` marks the removed lines as ``boilerstrip explain`` prints them,
and ``diff()`` is a unified diff of the input and the cleaned text."""

from __future__ import annotations

import dataclasses
import difflib
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given

from boilerstrip import Decision, Explanation, explain
from boilerstrip.cli import main
from boilerstrip.text import split_lines, strip_break
from tests.test_properties import ANY_TEXT

STORY = "The vote passed.\n\nAdvertisement\n\nThe mayor signed the bill on Friday.\n"


def test_str_marks_removed_lines_with_rule_and_reason() -> None:
    assert str(explain(STORY)) == (
        "  The vote passed.\n"
        "  \n"
        "- Advertisement  [BS0701 ad.label: an advertisement label]\n"
        "-   [BS0001 layout.blank: a blank line left over after a removal]\n"
        "  The mayor signed the bill on Friday."
    )


@pytest.mark.parametrize(
    "text", [STORY, "Nothing to remove.\n", "A story.\r\nAdvertisement", "Related Articles\n"]
)
def test_str_is_what_boilerstrip_explain_prints(text: str, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    result = CliRunner().invoke(main, ["explain", str(path)])  # not a terminal: no colours
    assert result.exit_code == 0
    assert result.output == str(explain(text)) + "\n"


def test_str_of_an_empty_text_is_empty() -> None:
    assert str(explain("")) == ""


def test_diff_is_a_unified_diff_of_input_and_output() -> None:
    expected = difflib.unified_diff(
        STORY.splitlines(), explain(STORY).text.splitlines(), "input", "cleaned", lineterm=""
    )
    assert explain(STORY).diff() == "\n".join(expected) + "\n"
    assert explain(STORY).diff() == (
        "--- input\n"
        "+++ cleaned\n"
        "@@ -1,5 +1,3 @@\n"
        " The vote passed.\n"
        " \n"
        "-Advertisement\n"
        "-\n"
        " The mayor signed the bill on Friday.\n"
    )


def test_diff_names_and_context() -> None:
    text = "".join(f"Paragraph {i} of the story.\n\n" for i in range(8)) + "Advertisement\n"
    diff = explain(text).diff("a.txt", "a.txt (cleaned)", n=1)
    # The ad on line 17 goes with the blank line 16 before it; one line of context.
    assert diff == (
        "--- a.txt\n+++ a.txt (cleaned)\n@@ -15,3 +15 @@\n"
        " Paragraph 7 of the story.\n-\n-Advertisement\n"
    )


def test_diff_of_a_text_with_nothing_removed_is_empty() -> None:
    assert explain("Nothing to remove.\n").diff() == ""
    assert explain("").diff() == ""


def test_diff_marks_a_removed_last_line_without_a_line_break() -> None:
    # The output's last line loses its line break, as the input's last line had none.
    assert explain("A story.\nAdvertisement").diff() == (
        "--- input\n"
        "+++ cleaned\n"
        "@@ -1,2 +1 @@\n"
        "-A story.\n"
        "-Advertisement\n"
        "\\ No newline at end of file\n"
        "+A story.\n"
        "\\ No newline at end of file\n"
    )


def test_diff_marks_a_kept_last_line_without_a_line_break() -> None:
    assert explain("Advertisement\nThe story.").diff() == (
        "--- input\n"
        "+++ cleaned\n"
        "@@ -1,2 +1 @@\n"
        "-Advertisement\n"
        " The story.\n"
        "\\ No newline at end of file\n"
    )


def test_diff_of_a_text_left_empty_knows_the_last_line_break_from_the_source() -> None:
    # With nothing left, only the input says whether its last line had a line break.
    bare = explain("Advertisement")
    assert bare.text == ""
    assert dataclasses.replace(bare, source="Advertisement").diff() == (
        "--- input\n+++ cleaned\n@@ -1 +0,0 @@\n-Advertisement\n\\ No newline at end of file\n"
    )
    ended = explain("Advertisement\n")
    assert dataclasses.replace(ended, source="Advertisement\n").diff() == (
        "--- input\n+++ cleaned\n@@ -1 +0,0 @@\n-Advertisement\n"
    )
    assert ended.diff() == dataclasses.replace(ended, source="Advertisement\n").diff()


def test_diff_lines_end_with_lf_whatever_the_line_breaks() -> None:
    crlf = STORY.replace("\n", "\r\n")
    assert explain(crlf).diff() == explain(STORY).diff()


def test_explanation_constructor_is_backward_compatible() -> None:
    e = Explanation("x\n", (Decision(1, "x", True),))
    assert e.source is None and e == Explanation("x\n", (Decision(1, "x", True),), "x\n")
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.text = "y"  # type: ignore[misc]


@pytest.mark.skipif(shutil.which("diff") is None, reason="needs GNU diff to compare with")
@pytest.mark.parametrize(
    "text",
    [
        STORY,
        "A story.\nAdvertisement",
        "Advertisement\nThe story.",
        "A story.\n\nAdvertisement\n\nRelated Articles\n",
        "".join(f"Paragraph {i} of the story.\n" for i in range(12)) + "Advertisement\nEnd.",
    ],
)
def test_diff_equals_gnu_diff(text: str, tmp_path: Path) -> None:
    e = explain(text)
    (tmp_path / "a").write_text(text, encoding="utf-8", newline="")
    (tmp_path / "b").write_text(e.text, encoding="utf-8", newline="")
    r = subprocess.run(
        ["diff", "-u", "--label", "input", "--label", "cleaned", "a", "b"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert e.diff() == r.stdout


_HUNK = re.compile(r"@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def _patch(lines: list[str], diff: str) -> list[str]:
    """Apply a unified diff to a list of lines (without their line breaks)."""
    out: list[str] = []
    at = 0  # next input line to copy
    rows = diff.split("\n")[2:-1]  # not splitlines(): a line may hold U+001E, U+2028...
    i = 0
    while i < len(rows):
        m = _HUNK.fullmatch(rows[i])
        assert m, rows[i]
        start = int(m.group(1)) - (0 if m.group(2) == "0" else 1)
        out += lines[at:start]
        at = start
        i += 1
        while i < len(rows) and not rows[i].startswith("@@"):
            tag, body = rows[i][:1], rows[i][1:]
            if tag in " -":
                assert lines[at] == body
                at += 1
            if tag in " +":
                out.append(body)
            i += 1
    return out + lines[at:]


@given(ANY_TEXT)
@example("A story.\nAdvertisement")
@example("Advertisement\n\nAdvertisement\nAdvertisement")
@example("Jane Doe is a reporter for the Tribune.\rRelated Articles\n\n0\n")
@example("Related Articles\n\x1e\n")
def test_the_diff_turns_the_input_into_the_kept_lines(text: str) -> None:
    e = explain(text)
    before = [strip_break(line) for line in split_lines(text)]
    kept = [d.text for d in e.kept]
    assert _patch(before, e.diff()) == kept
    if "\r" not in text:
        # The kept lines are the cleaned text's lines. Not always with CR line breaks: in
        # "A\rRelated Articles\n\n0\n" the kept blank line "\n" follows "A\r" once the
        # heading is gone, and the two read as one CRLF (a pipeline issue).
        assert kept == [strip_break(line) for line in split_lines(e.text)]
