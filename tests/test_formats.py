"""Which format an input is read as: records are never cleaned as lines of prose.

The file name decides when it says (``.jsonl``, ``.txt``, ``.html``); for stdin, ``.json``
and names that say nothing, the content does."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import sys
from pathlib import Path

import pytest

from boilerstrip import clean
from tests.test_cli import cli

RECORDS = [
    {"id": 1, "text": "The vote passed 7-2 on Tuesday.\n\nAdvertisement\n\nThe mayor signed it."},
    {"id": 2, "text": "Jane Doe contributed to this report."},
    {"id": 3, "text": "The council met again on Friday.\nJane Doe contributed to this report."},
]
JSONL = "".join(json.dumps(r) + "\n" for r in RECORDS).encode()
CLEANED = [dict(r, text=clean(str(r["text"]))) for r in RECORDS]


def _records(data: bytes) -> list[object]:
    return [json.loads(line) for line in data.splitlines() if line.strip()]


def test_json_lines_in_a_json_file_are_records(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_bytes(JSONL)
    r = cli("clean", tmp_path / "r.json", "-o", tmp_path / "o")
    assert r.returncode == 0, r.stderr
    assert _records((tmp_path / "o" / "r.json").read_bytes()) == CLEANED
    assert b"3 documents" in r.stderr


def test_json_lines_on_stdin_are_records() -> None:
    r = cli("clean", "-", "-q", stdin=JSONL)
    assert r.returncode == 0, r.stderr
    assert _records(r.stdout) == CLEANED


def test_json_lines_under_a_name_that_says_nothing_are_records(tmp_path: Path) -> None:
    (tmp_path / "dump.data").write_bytes(b"\n" + JSONL)  # a blank line first
    r = cli("clean", tmp_path / "dump.data", "-o", tmp_path / "o")
    assert r.returncode == 0, r.stderr
    assert _records((tmp_path / "o" / "dump.data").read_bytes()) == CLEANED


def test_a_json_array_keeps_its_bytes_outside_the_texts(tmp_path: Path) -> None:
    elements = [json.dumps(rec, indent=2) for rec in RECORDS]
    data = ("[\n" + ",\n".join(elements) + "\n]\n").encode()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.json").write_bytes(data)
    r = cli("clean", tmp_path / "in", "-o", tmp_path / "o")
    assert r.returncode == 0, r.stderr
    out = (tmp_path / "o" / "a.json").read_bytes()
    assert json.loads(out) == CLEANED
    expected = data
    for rec, cleaned in zip(RECORDS, CLEANED, strict=True):
        expected = expected.replace(
            json.dumps(rec["text"]).encode(), json.dumps(cleaned["text"]).encode()
        )
    assert out == expected
    assert b"3 documents" in r.stderr


def test_a_json_array_on_stdin() -> None:
    r = cli("clean", "-", "-q", stdin=json.dumps(RECORDS).encode())
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == CLEANED


def test_a_json_array_element_that_is_not_an_object_is_reported_and_kept(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.json").write_text('[{"text": "Advertisement\\nThe end."}, 42]')
    r = cli("clean", tmp_path / "a.json", "-o", tmp_path / "o")
    assert r.returncode == 1
    assert (tmp_path / "o" / "a.json").read_text() == '[{"text": "The end."}, 42]'
    assert "a.json[1]: not a JSON object" in r.stderr.decode()


def test_a_json_file_that_is_not_json_is_refused_naming_format(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("Advertisement\nJust prose.\n")
    r = cli("clean", tmp_path / "a.json", "-o", tmp_path / "o")
    assert r.returncode == 1
    assert "--format" in r.stderr.decode()
    assert not (tmp_path / "o" / "a.json").exists()
    r = cli("clean", tmp_path / "a.json", "-o", tmp_path / "o2", "--format", "txt")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "o2" / "a.json").read_text() == "Just prose.\n"


def test_prose_on_stdin_that_opens_with_a_bracket_is_prose() -> None:
    text = "[VIDEO] The council voted.\n\nAdvertisement\n\nThe mayor signed it.\n"
    r = cli("clean", "-", "-q", stdin=text.encode())
    assert (r.returncode, r.stdout) == (0, clean(text).encode())


def test_gzip_text_and_json_files_are_read_uncompressed(tmp_path: Path) -> None:
    text = "The council voted.\n\nAdvertisement\n\nThe mayor signed it.\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt.gz").write_bytes(gzip.compress(text.encode()))
    (tmp_path / "in" / "r.json.gz").write_bytes(gzip.compress(json.dumps(RECORDS).encode()))
    r = cli("clean", tmp_path / "in", "-o", tmp_path / "o")
    assert r.returncode == 0, r.stderr
    assert gzip.decompress((tmp_path / "o" / "a.txt.gz").read_bytes()) == clean(text).encode()
    assert json.loads(gzip.decompress((tmp_path / "o" / "r.json.gz").read_bytes())) == CLEANED


def _compress(kind: str, data: bytes) -> bytes:
    if kind == "zst":
        import zstandard

        return zstandard.ZstdCompressor().compress(data)
    if kind == "xz":
        return lzma.compress(data)
    return bz2.compress(data) if kind == "bz2" else gzip.compress(data)


def _decompress(kind: str, data: bytes) -> bytes:
    if kind == "zst":
        import zstandard

        return zstandard.ZstdDecompressor().decompressobj().decompress(data)
    if kind == "xz":
        return lzma.decompress(data)
    return bz2.decompress(data) if kind == "bz2" else gzip.decompress(data)


@pytest.mark.parametrize("kind", ["gz", "zst", "xz", "bz2"])
def test_compressed_jsonl_round_trip(tmp_path: Path, kind: str) -> None:
    if kind == "zst":
        pytest.importorskip("zstandard")
    many = JSONL * 2000  # several chunks
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / f"d.jsonl.{kind}").write_bytes(_compress(kind, many))
    r = cli("clean", tmp_path / "in", "-o", tmp_path / "o", "--jobs", "2")
    assert r.returncode == 0, r.stderr
    out = _decompress(kind, (tmp_path / "o" / f"d.jsonl.{kind}").read_bytes())
    assert _records(out) == CLEANED * 2000
    assert b"6000 documents" in r.stderr


@pytest.mark.parametrize("kind", ["gz", "zst", "xz", "bz2"])
def test_a_truncated_compressed_file_is_an_error_not_a_short_output(
    tmp_path: Path, kind: str
) -> None:
    if kind == "zst":
        pytest.importorskip("zstandard")
    data = _compress(kind, JSONL * 2000)
    (tmp_path / f"d.jsonl.{kind}").write_bytes(data[: len(data) // 2])
    (tmp_path / f"t.txt.{kind}").write_bytes(data[: len(data) // 2])
    for name in (f"d.jsonl.{kind}", f"t.txt.{kind}"):
        r = cli("clean", tmp_path / name, "-o", tmp_path / "o")
        assert r.returncode == 1 and b"cannot read" in r.stderr, r.stderr
        assert not (tmp_path / "o" / name).exists()


def test_zst_without_zstandard_is_refused_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from boilerstrip import batch

    (tmp_path / "d.jsonl.zst").write_bytes(b"")
    monkeypatch.setitem(sys.modules, "zstandard", None)  # import zstandard fails
    with pytest.raises(batch.UsageError, match=r"boilerstrip\[zstd\]"):
        batch.plan([str(tmp_path / "d.jsonl.zst")], tmp_path / "o")


def test_json_lines_with_a_byte_order_mark_are_records(tmp_path: Path) -> None:
    bom = b"\xef\xbb\xbf"
    r = cli("clean", "-", "-q", stdin=bom + JSONL)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(bom)  # kept, as every byte outside the texts
    assert _records(r.stdout[3:]) == CLEANED
    (tmp_path / "a.json").write_bytes(bom + json.dumps(RECORDS).encode())
    r = cli("clean", tmp_path / "a.json", "-o", tmp_path / "o")
    assert r.returncode == 0, r.stderr
    out = (tmp_path / "o" / "a.json").read_bytes()
    assert out.startswith(bom) and json.loads(out[3:]) == CLEANED


def test_an_empty_json_file_is_no_records(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(b"\n")
    r = cli("clean", tmp_path / "a.json", "-o", tmp_path / "o")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "o" / "a.json").read_bytes() == b"\n"
