"""Text files in any encoding: UTF-8 with a few bad bytes keeps every byte; UTF-16 and
UTF-32 with a byte order mark are read (and written as UTF-8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from boilerstrip import clean
from tests.test_cli import cli

LINES = [
    "Die Stadt Zürich hat am Dienstag das Budget für das kommende Jahr beschlossen.",
    "Advertisement",
    "Der Stadtrat stimmte mit großer Mehrheit zu, sagte ein Sprecher.",
]
TEXT = "\n\n".join(LINES) + "\n"


def test_utf8_with_a_stray_byte_keeps_every_good_byte(tmp_path: Path) -> None:
    data = TEXT.encode("utf-8").replace(b"Mehrheit", b"Mehr\xffheit")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "z.txt").write_bytes(data)
    r = cli("clean", tmp_path / "in", "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    out = (tmp_path / "out" / "z.txt").read_bytes()
    # only the ad line and its blank line are gone; the rest is the input's bytes
    assert out == data.replace(b"Advertisement\n\n", b"")
    assert b"Z\xc3\xbcrich" in out and b"Mehr\xffheit" in out
    err = r.stderr.decode()
    assert "z.txt: 1 byte is not UTF-8" in err and "warnings: 1" in err


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_utf16_and_utf32_with_a_bom_are_read_and_written_as_utf8(
    tmp_path: Path, codec: str
) -> None:
    bom = {"utf-16-be": b"\xfe\xff", "utf-32-be": b"\x00\x00\xfe\xff"}.get(codec, b"")
    (tmp_path / "w.txt").write_bytes(bom + TEXT.encode(codec))  # utf-16/32 write a BOM
    r = cli("clean", tmp_path / "w.txt", "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "w.txt").read_bytes() == clean(TEXT).encode("utf-8")


def test_explain_shows_a_file_with_a_stray_byte(tmp_path: Path) -> None:
    (tmp_path / "z.txt").write_bytes(TEXT.encode("utf-8").replace(b"Mehrheit", b"Mehr\xffheit"))
    r = cli("explain", tmp_path / "z.txt")
    assert r.returncode == 0, r.stderr
    assert "- Advertisement" in r.stdout.decode() and "Mehr\ufffdheit" in r.stdout.decode()
    assert b"not UTF-8" in r.stderr
