"""Batch cleaning: files, directories, JSONL and stdin, in parallel, never losing data.

The plan (:func:`plan`) maps every input file to its output file and refuses what could
lose data: writing into an input directory, over an input, or over an existing output
without ``overwrite``. The run (:func:`run`) cuts the inputs into tasks (a text file, or a
chunk of JSONL lines), cleans them in worker processes, at most a few tasks ahead of the
writer so memory stays flat, and writes each output to a temporary file renamed into
place when complete: an output that exists is a finished one, which is what ``resume``
relies on. Bad input (an unreadable or binary file, invalid UTF-8, a line that is not a
JSON object, a record without a string under the text key) is reported and counted; a bad
JSONL record is copied to the output unchanged, or to the rejected file.
"""

from __future__ import annotations

import collections
import gzip
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

from .config import Config
from .model import Decision, removed_by_category
from .pipeline import Cleaner

FORMATS = ("txt", "jsonl", "html")
_CHUNK_LINES = 2000
_CHUNK_BYTES = 1 << 20
_TMP = ".boilerstrip-tmp"


class UsageError(Exception):
    """The command cannot run as asked (exit code 2)."""


@dataclass(frozen=True)
class Fields:
    """Which fields of a JSONL record the run reads and writes.

    ``text``: the text to clean, and where the cleaned text goes; ``html``: read the page's
    HTML from this field instead, and write the extracted article to ``text``; ``title``:
    the page's title (a string or a list of strings), for rule ``meta.title``.
    """

    text: str = "text"
    html: str | None = None
    title: str | None = None

    def titles(self, record: dict[str, Any]) -> tuple[str, ...]:
        """The record's titles: none when there is no title field or it holds no text."""
        value = record.get(self.title) if self.title is not None else None
        if isinstance(value, str):
            return (value,)
        if isinstance(value, list):
            return tuple(v for v in value if isinstance(v, str))
        return ()


def detect_format(path: Path) -> str | None:
    """The format of a file, from its name; None when boilerstrip does not read it."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith((".html", ".htm")):
        return "html"
    if name.endswith((".txt", ".text")):
        return "txt"
    return None


@dataclass(frozen=True)
class Job:
    """One input and where its output goes (``None``: stdin / stdout)."""

    src: Path | None
    dst: Path | None
    fmt: str

    @property
    def name(self) -> str:
        return "<stdin>" if self.src is None else str(self.src)

    @property
    def gz(self) -> bool:
        """Is the input gzip-compressed? (Its output file is too.)"""
        return self.src is not None and self.src.name.lower().endswith(".gz")


def plan(
    inputs: list[str],
    outdir: Path | None,
    *,
    glob: str | None = None,
    fmt: str | None = None,
    overwrite: bool = False,
    resume: bool = False,
) -> tuple[list[Job], list[Job]]:
    """(jobs to run, jobs skipped because ``resume`` found their output)."""
    if "-" in inputs and len(inputs) > 1:
        raise UsageError("'-' (stdin) cannot be combined with other inputs")
    if inputs == ["-"]:
        return [Job(None, None, fmt or "txt")], []
    if outdir is None:
        one = Path(inputs[0])
        if len(inputs) == 1 and one.is_file():  # one file: the result goes to stdout
            return [Job(one, None, fmt or detect_format(one) or "txt")], []
        raise UsageError("give an output directory with -o/--output (one file or '-' print)")
    out_root = outdir.resolve()
    jobs: list[Job] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            root = path.resolve()
            if out_root == root or root in out_root.parents:
                raise UsageError(f"refusing to write into the input directory {raw}")
            files = sorted(p for p in path.rglob(glob or "*") if p.is_file())
            for f in files:
                if _TMP in f.name:
                    continue
                kind = fmt or detect_format(f)
                if kind is None:
                    if glob:  # chosen by the user: read it as text
                        kind = "txt"
                    else:
                        continue
                jobs.append(Job(f, _output_name(outdir / f.relative_to(path), kind), kind))
        elif path.exists():
            kind = fmt or detect_format(path) or "txt"
            jobs.append(Job(path, _output_name(outdir / path.name, kind), kind))
        else:
            raise UsageError(f"no such file or directory: {raw}")
    sources = {j.src.resolve() for j in jobs if j.src is not None}
    seen: set[Path] = set()
    for j in jobs:
        assert j.dst is not None
        target = j.dst.resolve()
        if target in sources:
            raise UsageError(f"refusing to overwrite the input {j.src} with its output")
        if target in seen:
            raise UsageError(f"two inputs would both be written to {j.dst}")
        seen.add(target)
    existing = [j for j in jobs if j.dst is not None and j.dst.exists()]
    if existing and not (overwrite or resume):
        shown = ", ".join(str(j.dst) for j in existing[:3])
        more = f" and {len(existing) - 3} more" if len(existing) > 3 else ""
        raise UsageError(
            f"output exists: {shown}{more}; use --overwrite to replace, --resume to skip"
        )
    if resume and not overwrite:
        done = set(map(id, existing))
        return [j for j in jobs if id(j) not in done], existing
    return jobs, []


def _output_name(path: Path, fmt: str) -> Path:
    """The output of an HTML page is its text: ``page.html`` -> ``page.txt``."""
    return path.with_suffix(".txt") if fmt == "html" else path


# -- worker side --------------------------------------------------------------------------

_CLEANER: Cleaner | None = None
_DETAIL = False  # keep every removed line for the report (else only counts)


def _init_worker(config: Config, detail: bool) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler
    _init_worker_inline(config, detail)


def _cleaner() -> Cleaner:
    assert _CLEANER is not None
    return _CLEANER


Removed = list[tuple[int, str, str, str, str]]  # line, rule id, category, reason, text


@dataclass
class Result:
    """What a worker made of one document (a text file or a JSONL record)."""

    source: str
    out: bytes | None  # None: nothing to write (a bad text file)
    removed: Removed = field(default_factory=list)  # only when a report is written
    counts: dict[str, int] = field(default_factory=dict)  # removed lines by category
    error: str | None = None
    rejected: bool = False  # a bad record, copied unchanged
    in_bytes: int = 0


def _removed(decisions: tuple[Decision, ...]) -> tuple[Removed, dict[str, int]]:
    counts = removed_by_category(decisions)
    if not _DETAIL:
        return [], counts
    return [(d.line, d.rule_id, d.category, d.reason, d.text) for d in decisions], counts


def decode_text(data: bytes) -> str:
    """Text file bytes as str: UTF-8 if they are, else the encoding charset-normalizer
    finds. Raises ValueError for binary data or when no encoding fits."""
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("not text: no encoding fits")
    return str(best)


def _clean_file(src: str, fmt: str) -> list[Result]:
    try:
        data = Path(src).read_bytes()
    except OSError as e:
        return [Result(src, None, error=f"cannot read: {e.strerror or e}")]
    return _clean_document(src, data, fmt)


def _clean_document(source: str, data: bytes, fmt: str) -> list[Result]:
    """One text file or HTML page (its bytes) cleaned."""
    if fmt == "html":
        extracted = _extract(data)
        if extracted is None:
            return [Result(source, None, error="no article text found", in_bytes=len(data))]
        out, decisions = extracted
    else:
        try:
            text = decode_text(data)
        except ValueError as e:
            return [Result(source, None, error=str(e), in_bytes=len(data))]
        out, decisions = _cleaner().removals(text)
    removed, counts = _removed(decisions)
    encoded = out.encode("utf-8", "surrogatepass")
    return [Result(source, encoded, removed, counts, in_bytes=len(data))]


def _extract(
    html: str | bytes, url: str | None = None, titles: tuple[str, ...] = ()
) -> tuple[str, tuple[Decision, ...]] | None:
    """The cleaned article text of a page and the removed lines; None: no article.
    ``titles``: the page's titles known apart from the HTML (a record's field)."""
    from .html import article

    found = article(html, url)
    if found is None:
        return None
    text, page_titles = found
    return _cleaner().removals(text, (*page_titles, *titles))


def _clean_records(source: str, chunk: list[tuple[int, bytes]], fields: Fields) -> list[Result]:
    cleaner = _cleaner()
    results = []
    for lineno, raw in chunk:
        where = f"{source}:{lineno}"
        n = len(raw)
        body = raw.rstrip(b"\r\n")
        if not body.strip():
            results.append(Result(where, raw, in_bytes=n))
            continue
        try:
            record = json.loads(body.decode("utf-8"))
        except UnicodeDecodeError:
            results.append(Result(where, raw, error="invalid UTF-8", rejected=True, in_bytes=n))
            continue
        except json.JSONDecodeError as e:
            results.append(
                Result(where, raw, error=f"invalid JSON: {e.msg}", rejected=True, in_bytes=n)
            )
            continue
        if not isinstance(record, dict):
            results.append(Result(where, raw, error="not a JSON object", rejected=True, in_bytes=n))
            continue
        field = fields.html or fields.text
        text = record.get(field)
        if not isinstance(text, str):
            why = f"no {field!r} field" if field not in record else f"{field!r} is not a string"
            results.append(Result(where, raw, error=why, rejected=True, in_bytes=n))
            continue
        titles = fields.titles(record)
        if fields.html is not None:
            url = record.get("url")
            extracted = _extract(text, url if isinstance(url, str) else None, titles)
            out, decisions = extracted if extracted is not None else ("", ())
            record[fields.text] = out if extracted is not None else None
            removed, counts = _removed(decisions)
            line = json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass")
            results.append(Result(where, line + b"\n", removed, counts, in_bytes=n))
            continue
        out, decisions = cleaner.removals(text, titles)
        if out == text:
            results.append(Result(where, raw, in_bytes=n))  # unchanged: the same bytes
            continue
        record[fields.text] = out
        line = json.dumps(record, ensure_ascii=False).encode("utf-8", "surrogatepass") + b"\n"
        removed, counts = _removed(decisions)
        results.append(Result(where, line, removed, counts, in_bytes=n))
    return results


# -- parent side --------------------------------------------------------------------------


@dataclass
class Summary:
    documents: int = 0
    files: int = 0
    skipped: int = 0
    errors: int = 0
    removed: collections.Counter[str] = field(default_factory=collections.Counter)
    in_bytes: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    def lines(self) -> list[str]:
        cats = ", ".join(f"{c} {n}" for c, n in self.removed.most_common()) or "none"
        mb = self.in_bytes / 1e6
        rate = mb / self.seconds if self.seconds else 0.0
        out = [
            f"{self.documents} documents in {self.files} files, {mb:.1f} MB in "
            f"{self.seconds:.1f} s ({rate:.1f} MB/s)",
            f"lines removed: {sum(self.removed.values())} ({cats})",
            f"errors: {self.errors}"
            + (f", skipped (done before): {self.skipped}" if self.skipped else ""),
        ]
        if self.interrupted:
            out.append("stopped: the outputs written are complete; run again with --resume")
        return out


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
        if job.dst is None:
            self.stream: IO[bytes] = stdout
            return
        job.dst.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = job.dst.with_name(f".{job.dst.name}{_TMP}")
        raw = open(self.tmp, "wb")  # noqa: SIM115 - closed in finish/abort
        self.stream = gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) if job.gz else raw  # type: ignore[assignment]
        self._raw = raw

    def write(self, data: bytes) -> None:
        self.stream.write(data)

    def finish(self) -> None:
        if self.tmp is None:
            self.stream.flush()
            return
        if self.failed:
            self.abort()
            return
        if self.stream is not self._raw:
            self.stream.close()  # writes the gzip trailer; the file stays open
        self._raw.flush()
        os.fsync(self._raw.fileno())
        self._raw.close()
        assert self.job.dst is not None
        os.replace(self.tmp, self.job.dst)

    def abort(self) -> None:
        if self.tmp is not None:
            try:
                self.stream.close()
                if self.stream is not self._raw:
                    self._raw.close()
            finally:
                self.tmp.unlink(missing_ok=True)


def _tasks(
    jobs: list[Job], fields: Fields, stdin: IO[bytes]
) -> Iterator[tuple[Job, Any, tuple[Any, ...]]]:
    """(job, worker function, arguments) for every task, and (job, None, ()) when a job's
    input is all read."""
    for job in jobs:
        if job.fmt in ("txt", "html") and job.src is not None:
            yield job, _clean_file, (str(job.src), job.fmt)
        elif job.fmt in ("txt", "html"):
            yield job, _clean_document, ("<stdin>", stdin.read(), job.fmt)
        else:
            try:
                yield from _record_tasks(job, fields, stdin)
            except OSError as e:
                yield job, _error, (job.name, f"cannot read: {e.strerror or e}")
        yield job, None, ()


def _record_tasks(
    job: Job, fields: Fields, stdin: IO[bytes]
) -> Iterator[tuple[Job, Any, tuple[Any, ...]]]:
    if job.src is None:
        stream: IO[bytes] = stdin
    elif job.gz:
        stream = gzip.open(job.src, "rb")  # type: ignore[assignment]  # noqa: SIM115
    else:
        stream = open(job.src, "rb")  # noqa: SIM115 - closed below
    try:
        chunk: list[tuple[int, bytes]] = []
        size = 0
        for lineno, raw in enumerate(stream, 1):
            chunk.append((lineno, raw))
            size += len(raw)
            if len(chunk) >= _CHUNK_LINES or size >= _CHUNK_BYTES:
                yield job, _clean_records, (job.name, chunk, fields)
                chunk, size = [], 0
        if chunk:
            yield job, _clean_records, (job.name, chunk, fields)
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        yield job, _error, (job.name, f"cannot read: {e}")
    finally:
        if stream is not stdin:
            stream.close()


def _error(source: str, message: str) -> list[Result]:
    return [Result(source, None, error=message)]


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
    stdout = stdout or sys.stdout.buffer
    summary = Summary()
    start = time.perf_counter()
    executor: Any
    if n_jobs <= 1:
        _init_worker_inline(config, report is not None)
        executor = _Inline()
    else:
        executor = ProcessPoolExecutor(
            n_jobs, initializer=_init_worker, initargs=(config, report is not None)
        )
    window = 2 * max(1, n_jobs) + 2
    pending: collections.deque[tuple[Job, Future[list[Result]] | None]] = collections.deque()
    outputs: dict[Job, _Output] = {}
    # Ctrl-C and SIGTERM ask the run to stop; it stops between two steps, never in the
    # middle of opening, writing or renaming an output. A second one stops it at once.
    stop: list[int] = []

    def request_stop(signum: int, frame: object) -> None:
        stop.append(signum)
        if len(stop) > 1:
            raise KeyboardInterrupt

    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    for sig in previous:
        signal.signal(sig, request_stop)

    def check_stop() -> None:
        if stop:
            raise KeyboardInterrupt

    broken: set[Job] = set()  # outputs that could not be written

    def fail(job: Job, e: OSError) -> None:
        summary.errors += 1
        on_error(f"boilerstrip: {job.dst}: cannot write: {e.strerror or e}")
        output = outputs.pop(job, None)
        if output is not None:
            output.abort()
        broken.add(job)

    def drain_one() -> None:
        job, future = pending.popleft()
        if job in broken:
            return
        try:
            output = outputs.get(job)
            if output is None:
                output = outputs[job] = _Output(job, stdout)
            if future is None:  # the job's input is all read
                output.finish()
                del outputs[job]
                summary.files += 1
                return
            _take(output, future.result())
        except OSError as e:
            if job.dst is None:
                raise
            fail(job, e)

    def _take(output: _Output, results: list[Result]) -> None:
        for r in results:
            summary.in_bytes += r.in_bytes
            if r.error is not None:
                summary.errors += 1
                on_error(f"boilerstrip: {r.source}: {r.error}")
                if r.out is None:
                    output.failed = True
            else:
                summary.documents += 1
            summary.removed.update(r.counts)
            if r.out is not None:
                if r.rejected and rejected is not None:
                    rejected.write(r.out if r.out.endswith(b"\n") else r.out + b"\n")
                else:
                    output.write(r.out)
            if report is not None and r.error is None:
                _write_report(report, r)
            on_progress(r.in_bytes, 1)

    try:
        fields = Fields(text_key, html_key, title_key)
        for job, fn, args in _tasks(jobs, fields, stdin):
            check_stop()
            future = None if fn is None else executor.submit(fn, *args)
            pending.append((job, future))
            while len(pending) > window or (pending and pending[0][1] is None):
                drain_one()
                check_stop()
        while pending:
            drain_one()
            check_stop()
    except BrokenProcessPool:
        summary.errors += 1
        summary.interrupted = True
        on_error("boilerstrip: a worker process died; the run stopped")
        executor.shutdown(wait=False, cancel_futures=True)
        for output in outputs.values():
            output.abort()
    except KeyboardInterrupt:
        summary.interrupted = True
        executor.shutdown(wait=False, cancel_futures=True)
        for output in outputs.values():
            output.abort()
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        for output in outputs.values():
            output.abort()
        raise
    else:
        executor.shutdown()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        summary.seconds = time.perf_counter() - start
    return summary


def _init_worker_inline(config: Config, detail: bool) -> None:
    global _CLEANER, _DETAIL
    _CLEANER = Cleaner(config)
    _DETAIL = detail


def _write_report(report: IO[str], r: Result) -> None:
    removed = [
        {"line": line, "rule": rule, "category": cat, "reason": reason, "text": text}
        for line, rule, cat, reason, text in r.removed
    ]
    report.write(json.dumps({"source": r.source, "removed": removed}, ensure_ascii=False) + "\n")
