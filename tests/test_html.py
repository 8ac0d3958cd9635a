"""The HTML path: trafilatura extracts, boilerstrip finishes the job."""

from __future__ import annotations

import json
from pathlib import Path

from boilerstrip import explain_html, extract
from tests.test_cli import cli

STORY = [
    "The city council voted on Tuesday to build three new bridges across the river, "
    "ending a debate that had lasted for more than a decade.",
    "Supporters said the bridges would cut commuting times for thousands of residents "
    "who now drive an hour around the bay every morning and evening.",
    "Construction is expected to begin next spring, and the first bridge should open "
    "to traffic in 2027, the city's transport office said in a statement.",
]
PAGE = f"""<!DOCTYPE html>
<html><head><title>Council approves three bridges</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Council approves three bridges</h1>
<p>{STORY[0]}</p>
<p>RELATED: Mayor unveils a plan to widen the harbour sidewalks</p>
<p>{STORY[1]}</p>
<p>Advertisement</p>
<p>{STORY[2]}</p>
<p>Share this article</p>
</article>
<footer>Copyright 2025 The City Paper</footer>
</body></html>"""


def test_extract_keeps_the_story_and_drops_the_debris() -> None:
    text = extract(PAGE)
    assert text is not None
    for paragraph in STORY:
        assert paragraph in text
    for debris in ("RELATED:", "Advertisement", "Share this article"):
        assert debris not in text


def test_extract_of_bytes_and_explain() -> None:
    assert extract(PAGE.encode("utf-8")) == extract(PAGE)
    explanation = explain_html(PAGE)
    assert explanation is not None
    assert {d.rule_id for d in explanation.removed} >= {"BS0103", "BS0701", "BS0602"}
    assert explanation.text == extract(PAGE)


def test_no_article_is_none() -> None:
    assert extract("<html><body></body></html>") is None
    assert extract("") is None
    for junk in (b"\x00\x01 not html", "<<<>>>", "\ud800"):
        assert extract(junk) is None or isinstance(extract(junk), str)  # never raises


def test_cli_cleans_html_files_and_html_records(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "page.html").write_text(PAGE, encoding="utf-8")
    record = {"url": "https://example.com/bridges", "html": PAGE, "id": 1}
    (tmp_path / "in" / "pages.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    r = cli("clean", tmp_path / "in", "-o", tmp_path / "out", "--html-key", "html")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "page.txt").read_text(encoding="utf-8") == extract(PAGE)
    [line] = (tmp_path / "out" / "pages.jsonl").read_text(encoding="utf-8").splitlines()
    out = json.loads(line)
    assert out["text"] == extract(PAGE) and out["html"] == PAGE and out["id"] == 1
