"""Parquet in and out, through pyarrow (the optional extra ``parquet``, imported when a
``.parquet`` file is met).

The parent reads the file a record batch at a time (:func:`batches`), of about a
megabyte of rows each, so memory stays bounded whatever the size of the file or of its
row groups; a worker cleans the text column of a batch (:func:`clean_batch` in
:mod:`.worker`); :class:`TableWriter` writes the batches back, in order, in row groups
of up to :data:`ROW_GROUP_BYTES`. Every other column, the schema and its metadata pass
through as they are.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .worker import Fields

BATCH_BYTES = 1 << 20  # about this much data per task
MAX_BATCH_ROWS = 2000
ROW_GROUP_BYTES = 64 << 20  # the output's row groups: up to this much data


def problem(schema: Any, fields: Fields) -> str | None:
    """Why the table cannot be cleaned with these fields, or None."""
    import pyarrow as pa

    names = schema.names
    key = fields.html or fields.text
    columns = [key] if fields.html is None or fields.text not in names else [key, fields.text]
    for name in columns:
        if name not in names:
            return f"no {name!r} column (columns: {', '.join(names)})"
        kind = schema.field(name).type
        if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
            return f"{name!r} is {kind}, not a string column"
    return None


def batches(path: Path) -> Iterator[tuple[Any, int]]:
    """(record batch, the bytes of the file it stands for, for progress), the first an
    empty batch that gives the schema."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    with pq.ParquetFile(path) as table:
        meta = table.metadata
        yield pa.RecordBatch.from_pylist([], schema=table.schema_arrow), 0
        data = sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
        per_row = max(1, data // max(1, meta.num_rows))
        rows = max(1, min(MAX_BATCH_ROWS, BATCH_BYTES // per_row))
        size, rows_read, reported = path.stat().st_size, 0, 0
        for batch in table.iter_batches(batch_size=rows, use_threads=False):
            rows_read += batch.num_rows
            upto = size * rows_read // max(1, meta.num_rows)
            yield batch, upto - reported
            reported = upto


def read_errors() -> tuple[type[BaseException], ...]:
    import pyarrow as pa

    return (OSError, pa.ArrowException)


class TableWriter:
    """Record batches into a Parquet file, in row groups of up to ROW_GROUP_BYTES."""

    def __init__(self, raw: IO[bytes]) -> None:
        self._raw = raw
        self._writer: Any = None
        self._buffer: list[Any] = []
        self._buffered = 0

    def write_batch(self, batch: Any) -> None:
        import pyarrow.parquet as pq

        if self._writer is None:
            self._writer = pq.ParquetWriter(self._raw, batch.schema)
        if batch.num_rows:
            self._buffer.append(batch)
            self._buffered += batch.nbytes
            if self._buffered >= ROW_GROUP_BYTES:
                self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self._buffer:
            table = pa.Table.from_batches(self._buffer)
            self._writer.write_table(table, row_group_size=table.num_rows)
        self._buffer, self._buffered = [], 0

    def close(self) -> None:
        """Write what is left and the file's footer (the file itself stays open)."""
        if self._writer is not None:
            self._flush()
            self._writer.close()

    def abort(self) -> None:
        if self._writer is not None:
            with contextlib.suppress(Exception):  # the output is removed anyway
                self._writer.close()  # or pyarrow would, when collected
