"""Parquet in and out: only the text column changes; every other column, the schema and
its metadata pass through."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from boilerstrip import clean
from tests.test_cli import PLAIN, STORY, cli

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

TEXTS = [STORY, PLAIN, None, "Advertisement", f"Zürich.\r\n\r\nAdvertisement\r\n\r\n{PLAIN}"]


def _table(n: int, text_type: object = None) -> object:
    texts = [TEXTS[i % len(TEXTS)] for i in range(n)]
    return pa.table(
        {
            "id": pa.array(range(n), pa.int64()),
            "text": pa.array(texts, text_type or pa.string()),
            "score": pa.array([i / 7 for i in range(n)], pa.float32()),
            "tags": pa.array([["a", str(i)] for i in range(n)], pa.list_(pa.string())),
            "meta": pa.array([{"n": i, "s": "x"} for i in range(n)]),
            "at": pa.array([datetime.datetime(2020, 1, 1)] * n, pa.timestamp("ms")),
        },
        metadata={"origin": "test"},
    )


def test_parquet_round_trip_changes_only_the_text_column(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    pq.write_table(_table(5000), tmp_path / "in" / "d.parquet", row_group_size=700)
    table = pq.read_table(tmp_path / "in" / "d.parquet")  # as Parquet gives it back
    r = cli("clean", tmp_path / "in", "-o", tmp_path / "out", "--jobs", "2")
    assert r.returncode == 1, r.stderr  # the null texts are reported
    out = pq.read_table(tmp_path / "out" / "d.parquet")
    assert out.schema.equals(table.schema, check_metadata=True)
    assert out.drop_columns(["text"]).equals(table.drop_columns(["text"]))
    expected = [None if t is None else clean(t) for t in table.column("text").to_pylist()]
    assert out.column("text").to_pylist() == expected
    err = r.stderr.decode()
    assert "4000 documents" in err and "errors: 1000" in err
    assert "d.parquet[2]: 'text' is null" in err


def test_large_string_text_column(tmp_path: Path) -> None:
    pq.write_table(_table(10, pa.large_string()), tmp_path / "d.parquet")
    table = pq.read_table(tmp_path / "d.parquet")
    r = cli("clean", tmp_path / "d.parquet", "-o", tmp_path / "out")
    out = pq.read_table(tmp_path / "out" / "d.parquet")
    assert out.schema.equals(table.schema) and r.returncode == 1
    assert out.column("text").to_pylist()[0] == clean(STORY)


def test_an_empty_table_keeps_its_schema(tmp_path: Path) -> None:
    pq.write_table(_table(0), tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    r = cli("clean", tmp_path / "e.parquet", "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    assert pq.read_table(tmp_path / "out" / "e.parquet").equals(table)


@pytest.mark.parametrize(
    ("args", "why"),
    [((), "no 'text' column (columns: id, body)"), (("--text-key", "id"), "'id' is int64")],
)
def test_a_table_without_a_string_text_column_is_an_error(
    tmp_path: Path, args: tuple[str, ...], why: str
) -> None:
    pq.write_table(pa.table({"id": [1], "body": ["x"]}), tmp_path / "d.parquet")
    r = cli("clean", tmp_path / "d.parquet", "-o", tmp_path / "out", *args)
    assert r.returncode == 1
    assert why in r.stderr.decode()
    assert not (tmp_path / "out" / "d.parquet").exists()


def test_title_key_reads_a_column(tmp_path: Path) -> None:
    title = "Council approves the budget"
    text = f"{title}\n\nThe council voted 7-2 to approve the budget late on Tuesday night.\n"
    pq.write_table(pa.table({"title": [title], "text": [text]}), tmp_path / "t.parquet")
    r = cli("clean", tmp_path / "t.parquet", "-o", tmp_path / "out", "--title-key", "title")
    assert r.returncode == 0, r.stderr
    out = pq.read_table(tmp_path / "out" / "t.parquet").column("text").to_pylist()
    assert out == [clean(text, title=title)] and out != [text]


def test_html_key_adds_the_text_column(tmp_path: Path) -> None:
    from boilerstrip import extract
    from tests.test_html import PAGE

    pq.write_table(
        pa.table({"id": [1, 2], "html": [PAGE, "<html></html>"]}), tmp_path / "h.parquet"
    )
    r = cli("clean", tmp_path / "h.parquet", "-o", tmp_path / "out", "--html-key", "html")
    assert r.returncode == 1  # the page without an article
    out = pq.read_table(tmp_path / "out" / "h.parquet")
    assert out.column_names == ["id", "html", "text"]
    assert out.column("text").to_pylist() == [extract(PAGE), None]
    assert b"h.parquet[1]: no article text found" in r.stderr


def test_a_broken_parquet_file_is_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bad.parquet").write_bytes(b"PAR1 not really")
    (tmp_path / "in" / "good.txt").write_text(STORY)
    r = cli("clean", tmp_path / "in", "-o", tmp_path / "out")
    assert r.returncode == 1 and b"bad.parquet: cannot read" in r.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["good.txt"]


def test_parquet_on_stdin_is_refused() -> None:
    r = cli("clean", "-", "--format", "parquet", stdin=b"PAR1")
    assert r.returncode == 2 and b"stdin" in r.stderr


def test_a_big_row_group_is_read_in_small_batches(tmp_path: Path) -> None:
    from boilerstrip.batch import tables

    texts = [f"{i} " + "word " * 2000 for i in range(3000)]  # 30 MB, one row group
    pq.write_table(pa.table({"text": texts}), tmp_path / "big.parquet", row_group_size=3000)
    read = list(tables.batches(tmp_path / "big.parquet"))
    assert read[0][0].num_rows == 0  # the schema comes first
    sizes = [batch.nbytes for batch, _ in read[1:]]
    assert len(sizes) > 10 and max(sizes) <= 2 * tables.BATCH_BYTES
    assert sum(batch.num_rows for batch, _ in read) == 3000
    assert sum(n for _, n in read) == (tmp_path / "big.parquet").stat().st_size


def test_parquet_to_stdout_is_refused(tmp_path: Path) -> None:
    pq.write_table(pa.table({"text": ["x"]}), tmp_path / "d.parquet")
    r = cli("clean", tmp_path / "d.parquet")
    assert r.returncode == 2 and b"-o" in r.stderr and r.stdout == b""
