"""Smaller things the ``clean`` and ``explain`` commands must get right: what is counted,
what is said, which options combine."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from boilerstrip import Config, batch, clean
from boilerstrip.cli import _Bar
from tests.test_cli import STORY, cli


def test_an_html_record_without_an_article_is_an_error(tmp_path: Path) -> None:
    from tests.test_html import PAGE

    empty = json.dumps({"id": 2, "html": "<html><body></body></html>"}).encode() + b"\n"
    good = json.dumps({"id": 1, "html": PAGE}).encode() + b"\n"
    (tmp_path / "p.jsonl").write_bytes(good + empty)
    r = cli("clean", tmp_path / "p.jsonl", "-o", tmp_path / "out", "--html-key", "html")
    assert r.returncode == 1
    assert b"p.jsonl:2: no article text found" in r.stderr
    assert b"errors: 1" in r.stderr and b"1 document in 1 file" in r.stderr
    lines = (tmp_path / "out" / "p.jsonl").read_bytes().splitlines(keepends=True)
    assert lines[1] == empty  # a bad record: copied unchanged


def test_enable_and_disable_take_comma_lists(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY)
    listed = cli("clean", tmp_path / "a.txt", "-q", "--disable", "related,ad")
    repeated = cli("clean", tmp_path / "a.txt", "-q", "--disable", "related", "--disable", "ad")
    assert listed.returncode == repeated.returncode == 0, listed.stderr
    expected = clean(STORY, Config(disable=("related", "ad"))).encode()
    assert listed.stdout == repeated.stdout == expected
    assert b"Advertisement" in listed.stdout
    r = cli("clean", tmp_path / "a.txt", "-q", "--enable", "ad,no.such.rule")
    assert r.returncode == 2


def test_files_skipped_by_their_extension_are_counted(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "a.txt").write_text(STORY)
    (root / "t.csv").write_bytes(b"PAR1")
    (root / "u.csv").write_bytes(b"PAR1")
    (root / "notes.md").write_text("x")
    r = cli("clean", root, "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    assert b"3 files skipped (.csv 2, .md 1)" in r.stderr


def test_a_folder_with_nothing_to_read_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "t.csv").write_bytes(b"PAR1")
    r = cli("clean", root, "-o", tmp_path / "out")
    assert r.returncode == 2
    assert b"1 file skipped (.csv 1)" in r.stderr and b"--glob" in r.stderr


def test_output_dir_with_stdin_is_refused(tmp_path: Path) -> None:
    r = cli("clean", "-", "-o", tmp_path / "out", stdin=STORY.encode())
    assert r.returncode == 2 and b"stdout" in r.stderr
    assert r.stdout == b"" and not (tmp_path / "out").exists()


def test_progress_of_a_gzip_file_counts_its_compressed_bytes(tmp_path: Path) -> None:
    records = "".join(json.dumps({"text": f"{i} {STORY}"}) + "\n" for i in range(3000))
    src = tmp_path / "d.jsonl.gz"
    src.write_bytes(gzip.compress(records.encode()))
    jobs, _ = batch.plan([str(src)], tmp_path / "out")
    seen: list[tuple[int, int]] = []
    summary = batch.run(jobs, Config(), on_progress=lambda b, d: seen.append((b, d)))
    assert sum(b for b, _ in seen) == src.stat().st_size  # the bar's total
    assert sum(d for _, d in seen) == summary.documents == 3000
    assert len(seen) > 1  # it moves while the file is read


def test_the_bar_shows_a_count_of_documents_not_a_float(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    bar = _Bar(1000, show=True)
    for _ in range(600):
        bar.advance(1, 100)
    bar.close()
    assert "60000 docs" in err.getvalue() and "e+" not in err.getvalue()


def test_blank_jsonl_lines_are_kept_but_are_not_documents(tmp_path: Path) -> None:
    data = b"\n" + json.dumps({"text": STORY}).encode() + b"\n\n  \n"
    (tmp_path / "b.jsonl").write_bytes(data)
    r = cli("clean", tmp_path / "b.jsonl", "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    assert b"1 document in 1 file" in r.stderr
    out = (tmp_path / "out" / "b.jsonl").read_bytes()
    assert out == b"\n" + json.dumps({"text": clean(STORY)}).encode() + b"\n\n  \n"


def test_explain_diff_marks_a_missing_newline_at_the_end(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The vote passed.\n\nAdvertisement\n\nThe mayor signed it.")
    out = cli("explain", "--diff", tmp_path / "a.txt").stdout.decode()
    assert out.endswith(" The mayor signed it.\n\\ No newline at end of file\n"), out
    (tmp_path / "b.txt").write_text("The vote passed.\n\nAdvertisement")
    out = cli("explain", "--diff", tmp_path / "b.txt").stdout.decode()
    # the old last line has no newline; the new one ("The vote passed.") has none either
    assert "-Advertisement\n\\ No newline at end of file\n" in out, out
    assert "+The vote passed.\n\\ No newline at end of file\n" in out, out


def test_one_job_compiles_the_rules_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The options are checked by compiling the rules (an unknown rule name fails before any
    # work); the run reuses that cleaner instead of compiling them again (0.2-0.3 s).
    from click.testing import CliRunner

    from boilerstrip import pipeline
    from boilerstrip.batch import worker
    from boilerstrip.cli import main

    built = []
    init = pipeline.Cleaner.__init__

    def counting(self: pipeline.Cleaner, config: Config | None = None) -> None:
        built.append(config)
        init(self, config)

    monkeypatch.setattr(pipeline.Cleaner, "__init__", counting)
    pipeline.cleaner_for.cache_clear()
    # The run sets up this process as its worker: the other tests' worker comes back after.
    monkeypatch.setattr(worker, "_CLEANER", worker._CLEANER)
    monkeypatch.setattr(worker, "_DETAIL", worker._DETAIL)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(STORY, encoding="utf-8")
    args = ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--jobs", "1"]
    result = CliRunner().invoke(main, [*args, "--disable", "ad.label"])
    assert result.exit_code == 0, result.output
    assert len(built) == 1
    assert "Advertisement" in (tmp_path / "out" / "a.txt").read_text(encoding="utf-8")
