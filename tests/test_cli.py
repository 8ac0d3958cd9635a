"""End-to-end tests of the ``boilerstrip`` command, run as a real subprocess."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from boilerstrip import clean, rules

STORY = (
    "The council voted 7-2 to approve the budget late on Tuesday night.\n\n"
    "Advertisement\n\n"
    "RELATED: Council race heats up\n\n"
    "The mayor signed it on Friday, officials said.\n"
)
CLEAN_STORY = clean(STORY)
PLAIN = "Nothing to remove here, just one sentence of a story.\n"


def cli(
    *args: str | Path, stdin: bytes = b"", timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "boilerstrip", *map(str, args)],
        input=stdin,
        capture_output=True,
        timeout=timeout,
    )


def tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(root)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text(STORY, encoding="utf-8")
    (root / "sub" / "b.txt").write_text(PLAIN, encoding="utf-8")
    (root / "sub" / "deeper" / "c.txt").write_bytes(STORY.replace("\n", "\r\n").encode())
    (root / "notes.md").write_text("not picked by default\n", encoding="utf-8")
    return root


def test_a_tree_of_text_files_is_mirrored(inputs: Path, tmp_path: Path) -> None:
    before = snapshot(inputs)
    out = tmp_path / "out"
    r = cli("clean", inputs, "-o", out)
    assert r.returncode == 0, r.stderr
    assert tree(out) == {
        "a.txt": CLEAN_STORY.encode(),
        "sub/b.txt": PLAIN.encode(),
        "sub/deeper/c.txt": clean(STORY.replace("\n", "\r\n")).encode(),
    }
    assert snapshot(inputs) == before  # inputs untouched
    assert b"3 documents" in r.stderr and b"ad 2" in r.stderr


def test_glob_chooses_files(inputs: Path, tmp_path: Path) -> None:
    r = cli("clean", inputs, "-o", tmp_path / "out", "--glob", "*.md")
    assert r.returncode == 0, r.stderr
    assert tree(tmp_path / "out") == {"notes.md": b"not picked by default\n"}


def test_one_file_prints_to_stdout_and_stdin_works(inputs: Path) -> None:
    r = cli("clean", inputs / "a.txt", "-q")
    assert (r.returncode, r.stdout) == (0, CLEAN_STORY.encode())
    r = cli("clean", "-", "-q", stdin=STORY.encode())
    assert (r.returncode, r.stdout) == (0, CLEAN_STORY.encode())


def test_text_in_another_encoding_is_written_as_utf8(tmp_path: Path) -> None:
    text = "Le maire a signé le budget à Montréal, a-t-il déclaré mercredi soir.\n\nPublicité\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "fr.txt").write_bytes(text.encode("cp1252"))
    r = cli("clean", tmp_path / "in", "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "fr.txt").read_text(encoding="utf-8") == clean(text)


def _records() -> list[dict[str, object]]:
    return [
        {"id": 1, "url": "https://example.com/a", "text": STORY, "meta": {"n": [1, 2.5]}},
        {"text": PLAIN, "id": 2},
        {"id": 3, "lang": "fr", "text": "Le conseil a voté.\n\nLire aussi\n\nLe maire a signé."},
    ]


def test_jsonl_fields_pass_through_and_order_is_kept(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    lines = [json.dumps(r, ensure_ascii=False) for r in _records()]
    lines[1] = '{"text": "Nothing to remove here, just one sentence of a story.\\n",   "id": 2}'
    (tmp_path / "in" / "docs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("clean", tmp_path / "in", "-o", tmp_path / "out", "--jobs", "2")
    assert r.returncode == 0, r.stderr
    got = (tmp_path / "out" / "docs.jsonl").read_text(encoding="utf-8").splitlines()
    expected = [dict(rec, text=clean(str(rec["text"]))) for rec in _records()]
    assert [json.loads(line) for line in got] == expected
    assert [list(json.loads(line)) for line in got] == [list(e) for e in expected]  # key order
    assert got[1] == lines[1]  # nothing removed: the very same bytes


def test_gzip_jsonl_and_custom_text_key(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    records = [{"body": STORY, "id": i} for i in range(50)]
    with gzip.open(tmp_path / "in" / "d.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in records)
    r = cli("clean", tmp_path / "in" / "d.jsonl.gz", "-o", tmp_path / "out", "--text-key", "body")
    assert r.returncode == 0, r.stderr
    with gzip.open(tmp_path / "out" / "d.jsonl.gz", "rt", encoding="utf-8") as f:
        assert [json.loads(line) for line in f] == [
            {"body": CLEAN_STORY, "id": i} for i in range(50)
        ]


def test_jsonl_on_stdin(tmp_path: Path) -> None:
    data = (json.dumps({"text": STORY}) + "\n").encode()
    r = cli("clean", "-", "--format", "jsonl", "-q", stdin=data)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"text": CLEAN_STORY}


BAD_LINES = [
    b"not json at all",
    b'{"id": 7}',
    b'{"id": 8, "text": 42}',
    b'["a", "list"]',
    b'{"text": "caf\xe9"}',
]


def test_bad_records_are_reported_and_copied_unchanged(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    good = json.dumps({"text": STORY}).encode()
    (tmp_path / "in" / "m.jsonl").write_bytes(b"\n".join([good, *BAD_LINES, good]) + b"\n")
    r = cli("clean", tmp_path / "in", "-o", tmp_path / "out")
    assert r.returncode == 1
    out = (tmp_path / "out" / "m.jsonl").read_bytes().split(b"\n")
    assert out[1:6] == BAD_LINES
    assert json.loads(out[0]) == json.loads(out[6]) == {"text": CLEAN_STORY}
    err = r.stderr.decode()
    for n, why in [
        (2, "invalid JSON"),
        (3, "no 'text' field"),
        (4, "not a string"),
        (5, "not a JSON object"),
        (6, "invalid UTF-8"),
    ]:
        assert f"m.jsonl:{n}: " in err and why in err
    assert "errors: 5" in err


def test_rejected_file_takes_the_bad_records(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    good = json.dumps({"text": STORY}).encode()
    (tmp_path / "in" / "m.jsonl").write_bytes(b"\n".join([good, *BAD_LINES]) + b"\n")
    r = cli("clean", tmp_path / "in", "-o", tmp_path / "out", "--rejected", tmp_path / "rej.jsonl")
    assert r.returncode == 1
    assert (tmp_path / "rej.jsonl").read_bytes() == b"\n".join(BAD_LINES) + b"\n"
    assert [json.loads(x) for x in (tmp_path / "out" / "m.jsonl").read_bytes().splitlines()] == [
        {"text": CLEAN_STORY}
    ]


def test_bad_files_do_not_stop_the_batch(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "bin.txt").write_bytes(b"\x00\x01\x02binary\x00" * 100)
    (root / "good.txt").write_text(STORY, encoding="utf-8")
    (root / "broken.jsonl.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    r = cli("clean", root, "-o", tmp_path / "out")
    assert r.returncode == 1
    assert tree(tmp_path / "out") == {"good.txt": CLEAN_STORY.encode()}
    err = r.stderr.decode()
    assert "bin.txt: binary file" in err and "broken.jsonl.gz: cannot read" in err


def test_report_lists_removed_lines(inputs: Path, tmp_path: Path) -> None:
    r = cli("clean", inputs / "a.txt", "-o", tmp_path / "out", "--report", tmp_path / "r.jsonl")
    assert r.returncode == 0, r.stderr
    [entry] = [json.loads(x) for x in (tmp_path / "r.jsonl").read_text().splitlines()]
    assert entry["source"].endswith("a.txt")
    assert [(d["line"], d["rule"], d["category"]) for d in entry["removed"]][:2] == [
        (3, "BS0701", "ad"),
        (4, "BS0001", "layout"),
    ]
    assert entry["removed"][0]["text"] == "Advertisement"


def test_refusals_are_usage_errors(inputs: Path, tmp_path: Path) -> None:
    before = snapshot(inputs)
    r = cli("clean", inputs, "-o", inputs / "out")
    assert r.returncode == 2 and b"input directory" in r.stderr
    r = cli("clean", inputs / "a.txt", "-o", inputs)
    assert r.returncode == 2 and b"overwrite the input" in r.stderr
    r = cli("clean", inputs, "-o", tmp_path / "out", "--enable", "no.such.rule")
    assert r.returncode == 2
    r = cli("clean", tmp_path / "missing", "-o", tmp_path / "out")
    assert r.returncode == 2
    assert snapshot(inputs) == before


def test_links_are_followed_before_an_output_is_written(tmp_path: Path) -> None:
    # An input that is a link to the file its output would be, and an output's name that
    # is a link to an input: either way the output would overwrite an input.
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    (out / "a.txt").write_text(STORY)
    (src / "a.txt").symlink_to(out / "a.txt")
    r = cli("clean", src, "-o", out, "--overwrite")
    assert r.returncode == 2 and b"overwrite the input" in r.stderr
    assert (out / "a.txt").read_text() == STORY
    (src / "a.txt").unlink()
    (src / "a.txt").write_text(STORY)
    (out / "a.txt").unlink()
    (out / "a.txt").symlink_to(src / "a.txt")
    r = cli("clean", src, "-o", out, "--overwrite")
    assert r.returncode == 2 and b"overwrite the input" in r.stderr
    assert (src / "a.txt").read_text() == STORY


def test_existing_outputs_need_overwrite(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    (out / "sub" / "b.txt").write_text("precious", encoding="utf-8")
    r = cli("clean", inputs, "-o", out)
    assert r.returncode == 2 and b"output exists" in r.stderr
    assert (out / "sub" / "b.txt").read_text() == "precious"
    assert not (out / "a.txt").exists()
    r = cli("clean", inputs, "-o", out, "--overwrite")
    assert r.returncode == 0
    assert (out / "sub" / "b.txt").read_text() == PLAIN


def _many(root: Path, n: int) -> None:
    root.mkdir()
    big = STORY * 400
    for i in range(n):
        (root / f"f{i:04d}.txt").write_text(f"Document {i}.\n\n{big}", encoding="utf-8")


def _wait_for_outputs(out: Path, n: int, proc: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if out.exists() and sum(1 for p in out.glob("f*.txt")) >= n:
            return
        time.sleep(0.01)
    pytest.fail("the run ended before it could be interrupted")


def _start(*args: str | Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "boilerstrip", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_resume_after_a_killed_run_equals_a_full_run(tmp_path: Path) -> None:
    _many(tmp_path / "in", 300)
    full = cli("clean", tmp_path / "in", "-o", tmp_path / "full", "--jobs", "1", "-q")
    assert full.returncode == 0
    proc = _start("clean", tmp_path / "in", "-o", tmp_path / "out", "--jobs", "1", "-q")
    _wait_for_outputs(tmp_path / "out", 5, proc)
    proc.kill()
    proc.wait()
    done = tree(tmp_path / "out")
    assert 0 < len([k for k in done if not k.startswith(".")]) < 300
    for name, data in done.items():  # whatever is there under its name is complete
        if not name.startswith("."):
            assert data == (tmp_path / "full" / name).read_bytes()
    r = cli("clean", tmp_path / "in", "-o", tmp_path / "out", "--resume", "--jobs", "2")
    assert r.returncode == 0, r.stderr
    assert b"skipped (done before)" in r.stderr
    assert tree(tmp_path / "out") == tree(tmp_path / "full")  # no temporary file left


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_stops_cleanly(tmp_path: Path, sig: signal.Signals) -> None:
    _many(tmp_path / "in", 300)
    proc = _start("clean", tmp_path / "in", "-o", tmp_path / "out", "--jobs", "2")
    _wait_for_outputs(tmp_path / "out", 3, proc)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert b"--resume" in err and b"Traceback" not in err
    names = [p.name for p in (tmp_path / "out").iterdir()]
    assert not [n for n in names if n.startswith(".")]  # no temporary file left
    for name in names:
        assert (tmp_path / "out" / name).read_text(encoding="utf-8") == clean(
            (tmp_path / "in" / name).read_text(encoding="utf-8")
        )


def test_two_jobs_give_the_same_output_as_one(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    with open(tmp_path / "in" / "d.jsonl", "w", encoding="utf-8") as f:
        for i in range(5000):
            f.write(json.dumps({"i": i, "text": STORY if i % 3 else PLAIN}) + "\n")
    one = cli("clean", tmp_path / "in", "-o", tmp_path / "one", "--jobs", "1")
    two = cli("clean", tmp_path / "in", "-o", tmp_path / "two", "--jobs", "2")
    assert one.returncode == two.returncode == 0
    assert tree(tmp_path / "one") == tree(tmp_path / "two")


def test_explain_marks_removed_lines(inputs: Path) -> None:
    r = cli("explain", inputs / "a.txt")
    assert r.returncode == 0
    out = r.stdout.decode()
    assert "- Advertisement  [BS0701 ad.label: an advertisement label]" in out
    assert "  The mayor signed it on Friday, officials said." in out
    assert "\x1b[" not in out  # no colour when piped
    d = cli("explain", "--diff", inputs / "a.txt").stdout.decode()
    assert "-Advertisement\n" in d and d.startswith("---")


def test_rules_lists_every_rule() -> None:
    r = cli("rules")
    assert r.returncode == 0
    listed = [line.split()[0] for line in r.stdout.decode().splitlines()]
    assert listed == [rule.id for rule in rules()]


def test_version() -> None:
    r = cli("--version")
    assert r.returncode == 0 and b"boilerstrip" in r.stdout


@pytest.mark.skipif(os.name != "posix", reason="posix permissions")
def test_unwritable_output_is_reported(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").write_text("a file where a directory should be", encoding="utf-8")
    r = cli("clean", inputs, "-o", out, "--overwrite")
    assert r.returncode == 1
    assert b"cannot write" in r.stderr
    assert (out / "sub").read_text(encoding="utf-8") == "a file where a directory should be"
    assert (out / "a.txt").read_text(encoding="utf-8") == CLEAN_STORY  # the rest went on


def test_docs_rules_md_is_current() -> None:
    from boilerstrip.cli import rules_markdown

    path = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    assert path.read_text(encoding="utf-8") == rules_markdown(), (
        "run: boilerstrip rules --markdown > docs/rules.md"
    )
