"""``--report`` and ``--rejected``: never over an input, an output or each other, never an
existing file without ``--overwrite``; parents are made; ``-`` is stdout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import STORY, cli

BAD = b"not json\n"
ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout, run from another folder


@pytest.fixture
def src(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.jsonl").write_bytes(json.dumps({"text": STORY}).encode() + b"\n" + BAD)
    return tmp_path / "in"


@pytest.mark.parametrize("option", ["--report", "--rejected"])
def test_a_side_file_that_is_also_an_output_is_refused(
    src: Path, tmp_path: Path, option: str
) -> None:
    out = tmp_path / "out"
    r = cli("clean", src, "-o", out, option, out / "x.jsonl")
    assert r.returncode == 2
    assert b"also an output" in r.stderr
    assert not out.exists()


@pytest.mark.parametrize("option", ["--report", "--rejected"])
def test_a_side_file_in_an_input_directory_or_over_an_input_is_refused(
    src: Path, tmp_path: Path, option: str
) -> None:
    before = (src / "x.jsonl").read_bytes()
    r = cli("clean", src, "-o", tmp_path / "out", option, src / "side.jsonl")
    assert r.returncode == 2 and b"input directory" in r.stderr
    r = cli("clean", src / "x.jsonl", "-o", tmp_path / "out", option, src / "x.jsonl")
    assert r.returncode == 2 and b"overwrite the input" in r.stderr
    assert sorted(p.name for p in src.iterdir()) == ["x.jsonl"]
    assert (src / "x.jsonl").read_bytes() == before


def test_report_and_rejected_cannot_be_one_file(src: Path, tmp_path: Path) -> None:
    side = tmp_path / "side.jsonl"
    r = cli("clean", src, "-o", tmp_path / "out", "--report", side, "--rejected", side)
    assert r.returncode == 2 and b"same file" in r.stderr
    assert not side.exists()


def test_an_existing_side_file_needs_overwrite(src: Path, tmp_path: Path) -> None:
    report = tmp_path / "r.jsonl"
    report.write_text("precious\n")
    r = cli("clean", src, "-o", tmp_path / "out", "--report", report)
    assert r.returncode == 2 and b"--overwrite" in r.stderr
    assert report.read_text() == "precious\n"
    r = cli("clean", src, "-o", tmp_path / "out2", "--report", report, "--overwrite")
    assert r.returncode == 1  # the bad record
    assert json.loads(report.read_text().splitlines()[0])["source"].endswith("x.jsonl:1")


def test_missing_parent_folders_are_made(src: Path, tmp_path: Path) -> None:
    report = tmp_path / "new" / "dir" / "r.jsonl"
    rejected = tmp_path / "other" / "rej.jsonl"
    r = cli("clean", src, "-o", tmp_path / "out", "--report", report, "--rejected", rejected)
    assert r.returncode == 1, r.stderr
    assert b"Traceback" not in r.stderr
    assert rejected.read_bytes() == BAD
    assert len(report.read_text().splitlines()) == 1


def test_dash_is_stdout(src: Path, tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "boilerstrip", "clean", str(src), "-o", str(tmp_path / "out")]
    r = subprocess.run(
        [*cmd, "--report", "-"], capture_output=True, cwd=tmp_path, env=ENV, timeout=120
    )
    assert r.returncode == 1, r.stderr
    assert json.loads(r.stdout)["source"].endswith("x.jsonl:1")
    r = subprocess.run(
        [*cmd, "--rejected", "-", "--overwrite"],
        capture_output=True,
        cwd=tmp_path,
        env=ENV,
        timeout=120,
    )
    assert r.returncode == 1, r.stderr
    assert r.stdout == BAD
    assert not (tmp_path / "-").exists()


def test_dash_is_refused_when_the_output_goes_to_stdout(tmp_path: Path) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "boilerstrip", "clean", "-", "--report", "-"],
        input=STORY.encode(),
        capture_output=True,
        cwd=tmp_path,
        env=ENV,
        timeout=120,
    )
    assert r.returncode == 2 and b"stdout" in r.stderr
    assert r.stdout == b""
    assert not (tmp_path / "-").exists()


def test_resume_appends_to_the_report(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in" / name).write_text(STORY)
    report = tmp_path / "r.jsonl"
    first = cli("clean", tmp_path / "in" / "a.txt", "-o", tmp_path / "out", "--report", report)
    assert first.returncode == 0, first.stderr
    r = cli("clean", tmp_path / "in", "-o", tmp_path / "out", "--resume", "--report", report)
    assert r.returncode == 0, r.stderr
    sources = [json.loads(line)["source"] for line in report.read_text().splitlines()]
    assert [Path(s).name for s in sources] == ["a.txt", "b.txt"]
