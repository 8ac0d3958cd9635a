"""Faults during a batch run: a full disk, a vanishing input, a killed worker. After each,
no truncated output exists, inputs are untouched, and the rest of the batch is done or
can be resumed."""

from __future__ import annotations

import errno
import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from boilerstrip import Config, batch, clean

STORY = "The council voted on Tuesday.\n\nAdvertisement\n\nThe mayor signed it on Friday.\n"


def _inputs(root: Path, n: int, body: str = STORY) -> None:
    root.mkdir()
    for i in range(n):
        (root / f"f{i:03d}.txt").write_text(f"Document {i}.\n\n{body}", encoding="utf-8")


def _no_temporaries(out: Path) -> bool:
    return not [p for p in out.rglob("*") if p.name.startswith(".")]


def test_disk_full_is_reported_and_leaves_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _inputs(tmp_path / "in", 4)
    real_write = batch._Output.write

    def write(self: batch._Output, data: bytes) -> None:
        if self.job.src is not None and self.job.src.name == "f002.txt":
            raise OSError(errno.ENOSPC, "No space left on device")
        real_write(self, data)

    monkeypatch.setattr(batch._Output, "write", write)
    jobs, _ = batch.plan([str(tmp_path / "in")], tmp_path / "out")
    errors: list[str] = []
    summary = batch.run(jobs, Config(), n_jobs=1, on_error=errors.append)
    assert summary.errors == 1 and "No space left" in errors[0]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "f000.txt",
        "f001.txt",
        "f003.txt",
    ]
    assert _no_temporaries(tmp_path / "out")


def test_an_input_that_vanishes_is_reported(tmp_path: Path) -> None:
    _inputs(tmp_path / "in", 3)
    jobs, _ = batch.plan([str(tmp_path / "in")], tmp_path / "out")
    (tmp_path / "in" / "f001.txt").unlink()  # after the plan, before the run
    errors: list[str] = []
    summary = batch.run(jobs, Config(), n_jobs=2, on_error=errors.append, stdout=io.BytesIO())
    assert summary.errors == 1 and "f001.txt: cannot read" in errors[0]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["f000.txt", "f002.txt"]
    assert (tmp_path / "out" / "f000.txt").read_text(encoding="utf-8") == clean(
        (tmp_path / "in" / "f000.txt").read_text(encoding="utf-8")
    )


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(x) for x in path.read_text().split()] if path.exists() else []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_a_killed_worker_stops_the_run_cleanly_and_resume_finishes(tmp_path: Path) -> None:
    _inputs(tmp_path / "in", 400, STORY * 300)
    before = {p.name: p.read_bytes() for p in (tmp_path / "in").iterdir()}
    cmd = [
        sys.executable,
        "-m",
        "boilerstrip",
        "clean",
        str(tmp_path / "in"),
        "-o",
        str(tmp_path / "out"),
        "--jobs",
        "2",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None:
        out = tmp_path / "out"
        workers = _children(proc.pid)
        if workers and out.exists() and len(list(out.glob("f*.txt"))) >= 3:
            break
        time.sleep(0.01)
    assert workers, "no worker process seen"
    os.kill(workers[0], signal.SIGKILL)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 1, err
    assert b"worker process died" in err and b"Traceback" not in err
    assert _no_temporaries(tmp_path / "out")
    for path in (tmp_path / "out").iterdir():  # what is there is complete
        assert path.read_text(encoding="utf-8") == clean(before[path.name].decode())
    done = subprocess.run([*cmd, "--resume"], capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(list((tmp_path / "out").iterdir())) == 400
    assert {p.name: p.read_bytes() for p in (tmp_path / "in").iterdir()} == before


def _alive(pid: int) -> bool:
    """Is the process running (not gone, not a zombie waiting to be reaped)?"""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs /proc")
def test_workers_exit_when_the_parent_is_killed(tmp_path: Path) -> None:
    _inputs(tmp_path / "in", 400, STORY * 300)
    cmd = [sys.executable, "-m", "boilerstrip", "clean", str(tmp_path / "in")]
    cmd += ["-o", str(tmp_path / "out"), "--jobs", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        if len(workers) == 2 and len(list((tmp_path / "out").glob("f*.txt"))) >= 3:
            break
        time.sleep(0.01)
    assert len(workers) == 2, "no worker processes seen"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(map(_alive, workers)):
        time.sleep(0.05)
    survivors = [pid for pid in workers if _alive(pid)]
    for pid in survivors:  # do not leave them behind
        os.kill(pid, signal.SIGKILL)
    assert not survivors, "workers outlived their parent"
    proc.communicate(timeout=5)  # nothing holds the output pipes open any more


def test_a_bug_on_one_record_is_reported_and_the_record_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from boilerstrip import Cleaner

    real = Cleaner.removals

    def removals(self: Cleaner, text: str, title: Any = None) -> Any:
        if "boom" in text:
            raise IndexError("a bug")
        return real(self, text, title)

    monkeypatch.setattr(Cleaner, "removals", removals)
    src = tmp_path / "in.jsonl"
    bad = b'{"text": "boom\\nAdvertisement"}\n'
    src.write_bytes(bad + b'{"text": "ok\\nAdvertisement"}\n')
    (tmp_path / "b.txt").write_text("boom\n")
    (tmp_path / "c.txt").write_text("fine\n")
    errors: list[str] = []
    plan = batch.plan([str(src), str(tmp_path / "b.txt"), str(tmp_path / "c.txt")], tmp_path / "o")
    summary = batch.run(plan.jobs, Config(), on_error=errors.append)
    assert summary.errors == 2 and summary.documents == 2
    assert "in.jsonl:1: internal error (IndexError: a bug)" in errors[0]
    assert (tmp_path / "o" / "in.jsonl").read_bytes() == bad + b'{"text": "ok"}\n'
    assert not (tmp_path / "o" / "b.txt").exists()
    assert (tmp_path / "o" / "c.txt").read_text() == "fine\n"


def test_outputs_are_named_only_after_one_sync_per_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An output gets its name only once its data is on disk, and many small files cost
    one sync, not one fsync each."""
    _inputs(tmp_path / "in", 10)
    events: list[str] = []
    real_replace = os.replace
    monkeypatch.setattr(os, "sync", lambda: events.append("sync"))
    monkeypatch.setattr(os, "fsync", lambda fd: events.append("fsync"))

    def replace(src: Any, dst: Any) -> None:
        events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    jobs, _ = batch.plan([str(tmp_path / "in")], tmp_path / "out")
    summary = batch.run(jobs, Config(), n_jobs=1)
    assert summary.files == 10 and summary.errors == 0
    assert events == ["sync"] + ["replace"] * 10
    assert len(list((tmp_path / "out").iterdir())) == 10


def test_a_stopped_run_names_the_outputs_it_finished(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C while the fourth file is written: the three before it get their names (their
    rename was waiting for the batch's sync), the fourth is removed."""
    _inputs(tmp_path / "in", 6)
    real_write = batch._Output.write

    def write(self: batch._Output, data: bytes) -> None:
        if self.job.src is not None and self.job.src.name == "f003.txt":
            raise KeyboardInterrupt
        real_write(self, data)

    monkeypatch.setattr(batch._Output, "write", write)
    jobs, _ = batch.plan([str(tmp_path / "in")], tmp_path / "out")
    summary = batch.run(jobs, Config(), n_jobs=1)
    assert summary.interrupted
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "f000.txt",
        "f001.txt",
        "f002.txt",
    ]
    assert (tmp_path / "out" / "f001.txt").read_text(encoding="utf-8") == clean(
        (tmp_path / "in" / "f001.txt").read_text(encoding="utf-8")
    )


def test_an_output_that_cannot_be_renamed_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _inputs(tmp_path / "in", 3)
    real_replace = os.replace

    def replace(src: Any, dst: Any) -> None:
        if Path(dst).name == "f001.txt":
            raise OSError(errno.EACCES, "Permission denied")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    jobs, _ = batch.plan([str(tmp_path / "in")], tmp_path / "out")
    errors: list[str] = []
    summary = batch.run(jobs, Config(), n_jobs=1, on_error=errors.append)
    assert summary.errors == 1 and summary.files == 2
    assert "f001.txt: cannot write: Permission denied" in errors[0]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["f000.txt", "f002.txt"]
