"""What cleans one task, in a worker process (or inline with ``jobs=1``): a text file, an
HTML page, a JSON document, a chunk of JSONL lines, or a Parquet record batch. Every
task function here returns :class:`Result`s and never raises for bad input: a bad
document is a result with an ``error``."""

from __future__ import annotations

import codecs
import json
import os
import re
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config
from ..model import Decision, removed_by_category
from ..pipeline import Cleaner, cleaner_for
from .records import element_spans, encode_string, member_spans, object_end
from .streams import read_all, read_errors


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


Removed = list[tuple[int, str, str, str, str]]  # line, rule id, category, reason, text


@dataclass
class Result:
    """What a worker made of one document (a text file, a record, a row)."""

    source: str
    out: bytes | None  # None: nothing to write (a bad text file); b"" for a Parquet row
    removed: Removed = field(default_factory=list)  # only with a report
    counts: dict[str, int] = field(default_factory=dict)  # removed lines by category
    error: str | None = None
    rejected: bool = False  # a bad record, copied unchanged
    in_bytes: int = 0
    document: bool = True  # False: bytes between documents (the end of a JSON array)
    warning: str | None = None  # reported, but the output is complete
    batch: Any = None  # a Parquet table's rows, cleaned (an Arrow record batch)


_CLEANER: Cleaner | None = None
_DETAIL = False  # keep every removed line for the report (else only counts)


_WATCH_SECONDS = 0.2  # how often a worker checks that its parent is alive


def init_worker(config: Config, detail: bool) -> None:
    """The initializer of a worker process."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler
    threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    init_inline(config, detail)


def _watch_parent(parent: int) -> None:
    """Exit when the parent is gone (killed with SIGKILL, it cannot stop its workers).

    A worker waits for tasks on a pipe that the other workers hold open too, so it would
    never see the end of it and live on, holding the parent's stdout and stderr open. An
    orphan gets a new parent, which is what this thread watches for; it works wherever
    ``os.getppid`` does, unlike Linux's ``PR_SET_PDEATHSIG``."""
    while os.getppid() == parent:
        time.sleep(_WATCH_SECONDS)
    os._exit(1)


def init_inline(config: Config, detail: bool) -> None:
    """Set up this process to clean tasks (``jobs=1`` runs them in the parent)."""
    global _CLEANER, _DETAIL
    _CLEANER = cleaner_for(config)  # the parent's, when it checked the options (and forked)
    _DETAIL = detail


def _cleaner() -> Cleaner:
    assert _CLEANER is not None
    return _CLEANER


def _removed(decisions: tuple[Decision, ...]) -> tuple[Removed, dict[str, int]]:
    counts = removed_by_category(decisions)
    if not _DETAIL:
        return [], counts
    return [(d.line, d.rule_id, d.category, d.reason, d.text) for d in decisions], counts


_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ESCAPED = re.compile("[\udc80-\udcff]")  # a byte that surrogateescape kept


def read_text(data: bytes) -> tuple[str, str | None]:
    """Text file bytes as str, and a warning or None.

    UTF-16 and UTF-32 are read when a byte order mark says so. UTF-8 is taken when the
    bytes are UTF-8, or mostly are: a few bad bytes among valid multi-byte characters
    are kept as they are (``surrogateescape``, written back the same way), with a
    warning, rather than the whole file decoded as a code page it is not. Else
    charset-normalizer guesses the encoding. Raises ValueError for binary data or when
    no encoding fits.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), None
            except UnicodeDecodeError as e:
                raise ValueError(f"starts as {codec.upper()} but is not: {e.reason}") from e
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes)")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", "surrogateescape")
    bad = len(_ESCAPED.findall(text))
    good = sum(1 for c in text if c > "\x7f") - bad
    if good >= bad:
        s = "" if bad == 1 else "s"
        are = "is" if bad == 1 else "are"
        return text, f"{bad} byte{s} {are} not UTF-8 (kept as they were)"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("not text: no encoding fits")
    return str(best), None


def decode_text(data: bytes) -> str:
    """The text of :func:`read_text`, without its warning."""
    return read_text(data)[0]


def clean_file(src: str, fmt: str, fields: Fields) -> list[Result]:
    """A text file, HTML page or JSON document, read here (in the worker)."""
    try:
        data = read_all(Path(src))
    except read_errors() as e:
        why = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        return [Result(src, None, error=f"cannot read: {why}")]
    return clean_document(src, data, fmt, fields)


def clean_document(source: str, data: bytes, fmt: str, fields: Fields) -> list[Result]:
    """One text file, HTML page or JSON document (its bytes) cleaned. ``auto``: a JSON
    object, or an array of objects, is records; anything else is text."""
    try:
        return _clean_document(source, data, fmt, fields)
    except Exception as e:  # a bug must not stop the batch; this input gets no output
        return [Result(source, None, error=_internal(e), in_bytes=len(data))]


def _clean_document(source: str, data: bytes, fmt: str, fields: Fields) -> list[Result]:
    if fmt == "auto":
        fmt = "json" if _is_json_document(data) else "txt"
    if fmt == "json":
        return clean_json(source, data, fields)
    if fmt == "html":
        extracted = _extract(data)
        if extracted is None:
            return [Result(source, None, error="no article text found", in_bytes=len(data))]
        out, decisions = extracted
    else:
        try:
            text, warning = read_text(data)
        except ValueError as e:
            return [Result(source, None, error=str(e), in_bytes=len(data))]
        out, decisions = _cleaner().removals(text)
        removed, counts = _removed(decisions)
        encoded = out.encode("utf-8", "surrogateescape")  # bad bytes back as they were
        return [Result(source, encoded, removed, counts, in_bytes=len(data), warning=warning)]
    removed, counts = _removed(decisions)
    encoded = out.encode("utf-8", "surrogatepass")
    return [Result(source, encoded, removed, counts, in_bytes=len(data))]


def _is_json_document(data: bytes) -> bool:
    """Is ``data`` a JSON object, or a JSON array of objects?"""
    data = data.removeprefix(codecs.BOM_UTF8)
    if data.lstrip()[:1] not in (b"[", b"{"):
        return False
    try:
        value = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):  # invalid UTF-8 or JSON, or nested too deeply
        return False
    return isinstance(value, dict) or (
        isinstance(value, list) and all(isinstance(v, dict) for v in value)
    )


_TOO_DEEP = "invalid JSON: nested too deeply to read"
_NOT_JSON = "; it is not JSON Lines either (--format txt reads it as text)"


def clean_json(source: str, data: bytes, fields: Fields) -> list[Result]:
    """A JSON document: one record (an object) or an array of records. Each element of
    the array is cleaned as a JSONL record is; every byte around them is kept."""
    n = len(data)
    bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""  # kept as it is
    try:
        doc = data[len(bom) :].decode("utf-8")
        value = json.loads(doc)
    except UnicodeDecodeError:
        return [Result(source, None, error="invalid UTF-8" + _NOT_JSON, in_bytes=n)]
    except json.JSONDecodeError as e:
        return [Result(source, None, error=f"invalid JSON: {e.msg}{_NOT_JSON}", in_bytes=n)]
    except RecursionError:
        return [Result(source, None, error=_TOO_DEEP, in_bytes=n)]
    if isinstance(value, dict):
        return [_clean_record(source, data, fields)]
    if not isinstance(value, list):
        return [Result(source, None, error="not a JSON object or array" + _NOT_JSON)]
    results: list[Result] = []
    done = 0  # doc[:done] is in the results
    for i, (start, end) in enumerate(element_spans(doc)):
        before = (bom if i == 0 else b"") + doc[done:start].encode("utf-8")
        raw = doc[start:end].encode("utf-8")
        if isinstance(value[i], dict):
            r = _clean_record(f"{source}[{i}]", raw, fields)
            r.rejected = False  # stays in its place in the array
        else:
            r = Result(f"{source}[{i}]", raw, error="not a JSON object", in_bytes=len(raw))
        r.out = before + (r.out or b"")
        results.append(r)
        done = end
    rest = (bom if not results else b"") + doc[done:].encode("utf-8")
    results.append(Result(source, rest, document=False))
    return results


def _extract(
    html: str | bytes, url: str | None = None, titles: tuple[str, ...] = ()
) -> tuple[str, tuple[Decision, ...]] | None:
    """The cleaned article text of a page and the removed lines; None: no article.
    ``titles``: the page's titles known apart from the HTML (a record's field)."""
    from ..html import article

    found = article(html, url)
    if found is None:
        return None
    text, page_titles = found
    return _cleaner().removals(text, (*page_titles, *titles))


def clean_records(source: str, chunk: list[tuple[int, bytes]], fields: Fields) -> list[Result]:
    """A chunk of JSONL lines, each with its line number; one result per line."""
    results = []
    for lineno, raw in chunk:
        where = f"{source}:{lineno}"
        try:
            results.append(_clean_record(where, raw, fields))
        except Exception as e:  # a bug must not lose the record nor stop the batch
            error = f"{_internal(e)}; copied unchanged"
            results.append(Result(where, raw, error=error, rejected=True, in_bytes=len(raw)))
    return results


def _internal(e: Exception) -> str:
    return f"internal error ({type(e).__name__}: {e}), please report it"


def _clean_record(where: str, raw: bytes, fields: Fields) -> Result:
    """One JSONL line. Only the text value changes: the rest of the line is copied byte
    for byte (see :mod:`.records`)."""
    n = len(raw)
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""  # kept as it is
    body = raw[len(bom) :].rstrip(b"\r\n")
    if not body.strip():  # kept, but not a document
        return Result(where, raw, in_bytes=n, document=False)
    try:
        doc = body.decode("utf-8")
        record = json.loads(doc)
    except UnicodeDecodeError:
        return Result(where, raw, error="invalid UTF-8", rejected=True, in_bytes=n)
    except json.JSONDecodeError as e:
        return Result(where, raw, error=f"invalid JSON: {e.msg}", rejected=True, in_bytes=n)
    except RecursionError:
        return Result(where, raw, error=_TOO_DEEP, rejected=True, in_bytes=n)
    if not isinstance(record, dict):
        return Result(where, raw, error="not a JSON object", rejected=True, in_bytes=n)
    key = fields.html or fields.text
    text = record.get(key)
    if not isinstance(text, str):
        why = f"no {key!r} field" if key not in record else f"{key!r} is not a string"
        return Result(where, raw, error=why, rejected=True, in_bytes=n)
    titles = fields.titles(record)
    if fields.html is not None:
        url = record.get("url")
        extracted = _extract(text, url if isinstance(url, str) else None, titles)
        if extracted is None:  # as for an HTML file: reported, and the record kept as it is
            return Result(where, raw, error="no article text found", rejected=True, in_bytes=n)
        out, decisions = extracted
        value = encode_string(out)
    else:
        out, decisions = _cleaner().removals(text, titles)
        if out == text:
            return Result(where, raw, in_bytes=n)  # unchanged: the same bytes
        value = encode_string(out)
    line = bom + _with_value(doc, fields.text, value).encode("utf-8") + raw[len(bom + body) :]
    removed, counts = _removed(decisions)
    return Result(where, line, removed, counts, in_bytes=n)


def _with_value(doc: str, key: str, value: str) -> str:
    """The JSON object ``doc`` with member ``key`` set to ``value`` (JSON text): in its
    place if it is there, else added at the end."""
    spans = member_spans(doc)
    if key in spans:
        start, end = spans[key]
        return doc[:start] + value + doc[end:]
    close = object_end(doc)
    comma = ", " if spans else ""
    return f"{doc[:close]}{comma}{encode_string(key)}: {value}{doc[close:]}"


def clean_batch(source: str, offset: int, batch: Any, fields: Fields) -> list[Result]:
    """Rows of a Parquet table (an Arrow record batch, its first row ``offset``): one
    result per row, then one that carries the batch with its text column cleaned. A bad
    row (a null text, a page without an article) is reported and stays as it was."""
    import pyarrow as pa

    names = batch.schema.names
    key = fields.html or fields.text
    values = batch.column(key).to_pylist()
    n = len(values)
    titles = batch.column(fields.title).to_pylist() if fields.title in names else [None] * n
    urls = batch.column("url").to_pylist() if fields.html and "url" in names else [None] * n
    old = batch.column(fields.text).to_pylist() if fields.text in names else [None] * n
    results: list[Result] = []
    new: list[str | None] = []
    for i, value in enumerate(values):
        where = f"{source}[{offset + i}]"
        try:
            r, text = _clean_row(where, value, titles[i], urls[i], fields)
        except Exception as e:  # a bug must not lose the row nor stop the batch
            r, text = Result(where, b"", error=_internal(e)), None
        results.append(r)
        new.append(old[i] if r.error is not None else text)
    if fields.text not in names:  # --html-key: the text column is new
        batch = batch.append_column(pa.field(fields.text, pa.string()), pa.array(new, pa.string()))
    elif new != old:
        at = names.index(fields.text)
        field = batch.schema.field(at)
        batch = batch.set_column(at, field, pa.array(new, field.type))
    results.append(Result(source, b"", document=False, batch=batch))
    return results


def _clean_row(
    where: str, value: str | None, title: Any, url: Any, fields: Fields
) -> tuple[Result, str | None]:
    """The result of one row (its ``out`` empty: the text goes in the batch) and the
    row's new text."""
    key = fields.html or fields.text
    if value is None:
        return Result(where, b"", error=f"{key!r} is null"), None
    titles = fields.titles({fields.title: title}) if fields.title is not None else ()
    if fields.html is not None:
        extracted = _extract(value, url if isinstance(url, str) else None, titles)
        if extracted is None:
            return Result(where, b"", error="no article text found", in_bytes=len(value)), None
        out, decisions = extracted
    else:
        out, decisions = _cleaner().removals(value, titles)
    removed, counts = _removed(decisions)
    return Result(where, b"", removed, counts, in_bytes=len(value)), out
