"""The run loop: tasks to the workers, results back in order, outputs written to a
temporary file and renamed when complete, progress and the summary.

The reader stays at most a few tasks ahead of the writer, so memory does not grow with
the input. Ctrl-C and SIGTERM stop the run between two steps, never in the middle of
opening, writing or renaming an output.
"""

from __future__ import annotations

import codecs
import collections
import contextlib
import itertools
import json
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..config import Config
from . import streams
from .planning import TMP, Job
from .worker import (
    Fields,
    Result,
    clean_batch,
    clean_document,
    clean_file,
    clean_records,
    init_inline,
    init_worker,
)

_CHUNK_LINES = 2000
_CHUNK_BYTES = 1 << 20


@dataclass
class Summary:
    documents: int = 0
    files: int = 0
    skipped: int = 0
    errors: int = 0
    warnings: int = 0
    removed: collections.Counter[str] = field(default_factory=collections.Counter)
    in_bytes: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    ignored: str = ""  # the files of input directories left out for their name

    def lines(self) -> list[str]:
        cats = ", ".join(f"{c} {n}" for c, n in self.removed.most_common()) or "none"
        mb = self.in_bytes / 1e6
        rate = mb / self.seconds if self.seconds else 0.0
        out = [
            f"{_count(self.documents, 'document')} in {_count(self.files, 'file')}, "
            f"{mb:.1f} MB in {self.seconds:.1f} s ({rate:.1f} MB/s)",
            f"lines removed: {sum(self.removed.values())} ({cats})",
            f"errors: {self.errors}"
            + (f", warnings: {self.warnings}" if self.warnings else "")
            + (f", skipped (done before): {self.skipped}" if self.skipped else ""),
        ]
        if self.ignored:
            out.append(f"{self.ignored}: not a format boilerstrip reads (see --glob)")
        if self.interrupted:
            out.append("stopped: the outputs written are complete; run again with --resume")
        return out


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


class _Inline:
    """An executor that runs each task at once, in this process (``jobs=1``)."""

    def submit(self, fn: Callable[..., list[Result]], *args: Any) -> Future[list[Result]]:
        f: Future[list[Result]] = Future()
        f.set_result(fn(*args))
        return f

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


class _Output:
    """One output being written: a temporary file renamed into place when complete."""

    def __init__(self, job: Job, stdout: IO[bytes]) -> None:
        self.job = job
        self.tmp: Path | None = None
        self.failed = False  # the input could not be read: no output
        self.table: Any = None  # a Parquet output's writer
        if job.dst is None:
            self.stream: IO[bytes] = stdout
            return
        job.dst.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = job.dst.with_name(f".{job.dst.name}{TMP}")
        raw = open(self.tmp, "wb")  # noqa: SIM115 - closed in finish/abort
        self.stream = streams.writer(raw, job.compression)
        self._raw = raw
        if job.fmt == "parquet":
            from .tables import TableWriter

            self.table = TableWriter(raw)

    def write(self, data: bytes) -> None:
        if data:
            self.stream.write(data)

    def write_batch(self, batch: Any) -> None:
        """Rows of a table (only for a Parquet output)."""
        self.table.write_batch(batch)

    def finish(self) -> None:
        if self.tmp is None:
            self.stream.flush()
            return
        if self.failed:
            self.abort()
            return
        if self.table is not None:
            self.table.close()  # writes the footer; the file stays open
        if self.stream is not self._raw:
            self.stream.close()  # ends the compressed data; the file stays open
        self._raw.flush()
        self._raw.close()  # renamed into place by _Commits, once it is on disk

    def abort(self) -> None:
        if self.tmp is not None:
            try:
                if self.table is not None:
                    self.table.abort()
                self.stream.close()
                if self.stream is not self._raw:
                    self._raw.close()
            finally:
                self.tmp.unlink(missing_ok=True)


class _Commits:
    """Outputs written in full, renamed into place in batches: one ``os.sync()`` puts a
    batch on disk, then each is renamed. An output gets its name only when its data is
    on disk (a crash, even of the machine, leaves no truncated file under it), at the cost
    of one sync per batch instead of one ``fsync`` per file (a fifth of the time of a run
    over many small files)."""

    MOST = 256  # files in a batch
    SECONDS = 1.0  # the longest a finished output waits for its name

    def __init__(self) -> None:
        self.waiting: list[_Output] = []
        self.since = 0.0

    def add(self, output: _Output) -> list[tuple[_Output, OSError]]:
        if not self.waiting:
            self.since = time.monotonic()
        self.waiting.append(output)
        if len(self.waiting) >= self.MOST or time.monotonic() - self.since >= self.SECONDS:
            return self.flush()
        return []

    def flush(self) -> list[tuple[_Output, OSError]]:
        """Sync and rename every waiting output; those that could not be renamed."""
        if not self.waiting:
            return []
        os.sync()
        failed = []
        for output in self.waiting:
            assert output.tmp is not None and output.job.dst is not None
            try:
                os.replace(output.tmp, output.job.dst)
            except OSError as e:
                output.tmp.unlink(missing_ok=True)
                failed.append((output, e))
        self.waiting = []
        return failed


# job, worker function (None: the job's input is all read), arguments, and how many
# bytes of the input file the task covers (for progress: a compressed file's bytes)
Task = tuple[Job, Any, tuple[Any, ...], int]


def _tasks(jobs: list[Job], fields: Fields, stdin: IO[bytes]) -> Iterator[Task]:
    """Every task, and (job, None, (), 0) when a job's input is all read."""
    for job in jobs:
        try:
            yield from _job_tasks(job, fields, stdin)
        except OSError as e:
            yield job, _error, (job.name, f"cannot read: {e.strerror or e}"), 0
        yield job, None, (), 0


def _job_tasks(job: Job, fields: Fields, stdin: IO[bytes]) -> Iterator[Task]:
    fmt = job.fmt
    head: list[bytes] = []  # what was read from stdin to decide its format
    if fmt in ("auto", "json"):  # the content decides: JSON Lines or a document
        if job.src is None:
            head = _head(stdin)
        else:
            with _open(job) as stream:
                head = _head(stream)
        if head and _is_record(head[-1]):
            fmt = "jsonl"
        elif fmt == "json" and not any(line.strip() for line in head):
            fmt = "jsonl"  # an empty .json file: no records
    if fmt == "jsonl":
        yield from _record_tasks(job, fields, stdin, head)
    elif fmt == "parquet":
        yield from _table_tasks(job, fields)
    elif job.src is not None:
        yield job, clean_file, (str(job.src), fmt, fields), _size(job.src)
    else:
        data = b"".join(head) + stdin.read()
        yield job, clean_document, ("<stdin>", data, fmt, fields), len(data)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the worker reports it


@contextlib.contextmanager
def _open(job: Job) -> Iterator[IO[bytes]]:
    assert job.src is not None
    with open(job.src, "rb") as raw, streams.reader(raw, job.compression) as stream:
        yield stream


def _head(stream: IO[bytes]) -> list[bytes]:
    """The lines up to the first that is not blank (all lines read, if none is)."""
    head: list[bytes] = []
    try:
        for line in stream:
            head.append(line)
            if line.strip():
                break
    except streams.read_errors():  # the worker reports it
        pass
    return head


def _is_record(line: bytes) -> bool:
    """Is the line a JSON object (the first record of JSON Lines)?"""
    line = line.removeprefix(codecs.BOM_UTF8)
    if not line.lstrip().startswith(b"{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False
    except RecursionError:  # JSON nested too deeply to read: the reader reports it
        return True


def _record_tasks(job: Job, fields: Fields, stdin: IO[bytes], head: list[bytes]) -> Iterator[Task]:
    """Chunks of lines. Progress counts the bytes of the file (compressed, if it is)."""
    raw: IO[bytes] | None = None
    if job.src is None:
        lines: Iterator[bytes] = itertools.chain(head, stdin)
    else:
        raw = open(job.src, "rb")  # noqa: SIM115 - closed below
        lines = streams.reader(raw, job.compression)
    compressed = raw is not None and job.compression is not None
    try:
        chunk: list[tuple[int, bytes]] = []
        size = done = 0
        for lineno, line in enumerate(lines, 1):
            chunk.append((lineno, line))
            size += len(line)
            if len(chunk) >= _CHUNK_LINES or size >= _CHUNK_BYTES:
                read = raw.tell() if compressed and raw is not None else done + size
                yield job, clean_records, (job.name, chunk, fields), read - done
                chunk, size, done = [], 0, read
        if chunk:
            read = raw.tell() if compressed and raw is not None else done + size
            yield job, clean_records, (job.name, chunk, fields), read - done
    except streams.read_errors() as e:
        yield job, _error, (job.name, f"cannot read: {e}"), 0
    finally:
        if raw is not None:
            raw.close()


def _table_tasks(job: Job, fields: Fields) -> Iterator[Task]:
    """Record batches of a Parquet file; the first, empty, gives the output its schema."""
    from . import tables

    assert job.src is not None
    offset = 0
    try:
        for batch, nbytes in tables.batches(job.src):
            if offset == 0 and batch.num_rows == 0:
                why = tables.problem(batch.schema, fields)
                if why is not None:
                    yield job, _error, (job.name, why), 0
                    return
            yield job, clean_batch, (job.name, offset, batch, fields), nbytes
            offset += batch.num_rows
    except tables.read_errors() as e:
        yield job, _error, (job.name, f"cannot read: {e}"), 0


def _error(source: str, message: str) -> list[Result]:
    return [Result(source, None, error=message)]


class _Run:
    """The state of one run: the pending tasks in input order, the outputs open, the
    summary. :meth:`drain_one` takes the oldest task's results into its output."""

    def __init__(
        self,
        stdout: IO[bytes],
        report: IO[str] | None,
        rejected: IO[bytes] | None,
        on_error: Callable[[str], None],
        on_progress: Callable[[int, int], None],
    ) -> None:
        self.stdout = stdout
        self.report = report
        self.rejected = rejected
        self.on_error = on_error
        self.on_progress = on_progress
        self.summary = Summary()
        # (job, its results to come, the input bytes they cover); None: the job is done
        self.pending: collections.deque[tuple[Job, Future[list[Result]] | None, int]] = (
            collections.deque()
        )
        self.in_flight = 0  # the input bytes of the pending tasks
        self.outputs: dict[Job, _Output] = {}
        self.broken: set[Job] = set()  # outputs that could not be written
        self.commits = _Commits()

    def drain_one(self) -> None:
        job, future, nbytes = self.pending.popleft()
        self.in_flight -= nbytes
        if job in self.broken:
            return
        try:
            output = self.outputs.get(job)
            if output is None:
                output = self.outputs[job] = _Output(job, self.stdout)
            if future is None:  # the job's input is all read
                output.finish()
                del self.outputs[job]
                self.summary.files += 1
                if output.tmp is not None and not output.failed:
                    self._failed_commits(self.commits.add(output))
                return
            documents = self._take(output, future.result())
            self.on_progress(nbytes, documents)
        except OSError as e:
            if job.dst is None:
                raise
            self._fail(job, e)

    def commit(self) -> None:
        """Give every output written in full its name."""
        self._failed_commits(self.commits.flush())

    def _failed_commits(self, failed: list[tuple[_Output, OSError]]) -> None:
        for output, e in failed:
            self.summary.files -= 1
            self.summary.errors += 1
            self.on_error(f"boilerstrip: {output.job.dst}: cannot write: {e.strerror or e}")

    def _fail(self, job: Job, e: OSError) -> None:
        self.summary.errors += 1
        self.on_error(f"boilerstrip: {job.dst}: cannot write: {e.strerror or e}")
        output = self.outputs.pop(job, None)
        if output is not None:
            output.abort()
        self.broken.add(job)

    def _take(self, output: _Output, results: list[Result]) -> int:
        """Write the results of one task; how many documents they were."""
        summary = self.summary
        documents = summary.documents
        for r in results:
            summary.in_bytes += r.in_bytes
            if r.error is not None:
                summary.errors += 1
                self.on_error(f"boilerstrip: {r.source}: {r.error}")
                if r.out is None:
                    output.failed = True
            elif r.document:
                summary.documents += 1
            if r.warning is not None:
                summary.warnings += 1
                self.on_error(f"boilerstrip: {r.source}: {r.warning}")
            summary.removed.update(r.counts)
            if r.batch is not None:
                output.write_batch(r.batch)
            if r.out is not None:
                if r.rejected and self.rejected is not None:
                    self.rejected.write(r.out if r.out.endswith(b"\n") else r.out + b"\n")
                else:
                    output.write(r.out)
            if self.report is not None and r.error is None and r.document:
                _write_report(self.report, r)
        return summary.documents - documents

    def abort(self) -> None:
        """Remove every output not finished; those finished get their names."""
        for output in self.outputs.values():
            output.abort()
        self.commit()


def run(
    jobs: list[Job],
    config: Config,
    *,
    n_jobs: int = 1,
    text_key: str = "text",
    html_key: str | None = None,
    title_key: str | None = None,
    report: IO[str] | None = None,
    rejected: IO[bytes] | None = None,
    on_error: Callable[[str], None] = lambda msg: print(msg, file=sys.stderr),
    on_progress: Callable[[int, int], None] = lambda nbytes, ndocs: None,
    stdin: IO[bytes] | None = None,
    stdout: IO[bytes] | None = None,
) -> Summary:
    """Clean every job's input into its output. Ctrl-C (or SIGTERM) stops the run: the
    outputs finished so far stay, the one being written is removed."""
    stdin = stdin or sys.stdin.buffer
    state = _Run(stdout or sys.stdout.buffer, report, rejected, on_error, on_progress)
    start = time.perf_counter()
    executor: Any
    if n_jobs <= 1:
        init_inline(config, report is not None)
        executor = _Inline()
    else:
        executor = ProcessPoolExecutor(
            n_jobs, initializer=init_worker, initargs=(config, report is not None)
        )
    # Tasks in flight: two per worker and two more; with workers, up to 32 per worker
    # while their input is small (many small files, a task each: a worker would wait for
    # the next one while the results of the last went to their files).
    window = 2 * max(1, n_jobs) + 2
    most = window if n_jobs <= 1 else 32 * n_jobs
    most_bytes = window * _CHUNK_BYTES
    # A first Ctrl-C (or SIGTERM) asks the run to stop at the next step; a second one
    # stops it at once.
    stop: list[int] = []

    def request_stop(signum: int, frame: object) -> None:
        stop.append(signum)
        if len(stop) > 1:
            raise KeyboardInterrupt

    def step() -> None:
        state.drain_one()
        if stop:
            raise KeyboardInterrupt

    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    for sig in previous:
        signal.signal(sig, request_stop)
    pending = state.pending
    try:
        for job, fn, args, nbytes in _tasks(jobs, Fields(text_key, html_key, title_key), stdin):
            if stop:
                raise KeyboardInterrupt
            pending.append((job, None if fn is None else executor.submit(fn, *args), nbytes))
            state.in_flight += nbytes
            while (
                len(pending) > most
                or (len(pending) > window and state.in_flight > most_bytes)
                or (pending and pending[0][1] is None)
            ):
                step()
        while pending:
            step()
        state.commit()
    except BrokenProcessPool:
        state.summary.errors += 1
        state.summary.interrupted = True
        on_error("boilerstrip: a worker process died; the run stopped")
        executor.shutdown(wait=False, cancel_futures=True)
        state.abort()
    except KeyboardInterrupt:
        state.summary.interrupted = True
        executor.shutdown(wait=False, cancel_futures=True)
        state.abort()
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        state.abort()
        raise
    else:
        executor.shutdown()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        state.summary.seconds = time.perf_counter() - start
    return state.summary


@contextlib.contextmanager
def open_side_file(path: Path, *, binary: bool, append: bool) -> Iterator[IO[Any]]:
    """A report or rejected file open for writing: ``-`` is stdout (left open); missing
    parent folders are made."""
    if str(path) == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = ("a" if append else "w") + ("b" if binary else "")
    with open(path, mode, encoding=None if binary else "utf-8") as f:
        yield f


def _write_report(report: IO[str], r: Result) -> None:
    removed = [
        {"line": line, "rule": rule, "category": cat, "reason": reason, "text": text}
        for line, rule, cat, reason, text in r.removed
    ]
    report.write(json.dumps({"source": r.source, "removed": removed}, ensure_ascii=False) + "\n")
