"""The plan of a batch: which input goes to which output, and every refusal that protects
data.

Nothing is read or written here beyond looking at names: a plan that raises
:class:`UsageError` has touched no file. The refusals: writing into an input directory,
over an input, two inputs to one output, over an existing output without ``overwrite``,
and the side files (``--report``, ``--rejected``) over an input or an output.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .streams import compression, missing_module

# What --format takes. ``json``: a JSON array of records, one record, or JSON Lines (the
# content decides). A file whose name says nothing, and stdin, are ``auto``: JSON Lines or
# a JSON document if the content is, else text.
FORMATS = ("txt", "jsonl", "json", "html", "parquet")
TMP = ".boilerstrip-tmp"  # part of the name of an output being written


class UsageError(Exception):
    """The command cannot run as asked (exit code 2)."""


def detect_format(path: Path) -> str | None:
    """The format of a file, from its name; None when boilerstrip does not read it."""
    name = path.name.lower()
    if compression(path) is not None:  # a.jsonl.zst is JSON Lines
        name = name[: -len(path.suffix)]
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    if name.endswith(".json"):
        return "json"
    if name.endswith(".parquet"):
        return "parquet"
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
    def compression(self) -> str | None:
        """How the input is compressed (its output is too), from its name."""
        return None if self.src is None else compression(self.src)


@dataclass(frozen=True)
class Plan:
    """What a run will do. Unpacks as ``jobs, done`` (what :func:`plan` returned before
    it also told the files it leaves out)."""

    jobs: list[Job]
    done: list[Job] = field(default_factory=list)  # skipped: --resume found their output
    ignored: list[Path] = field(default_factory=list)  # in no format boilerstrip reads

    def __iter__(self) -> Iterator[list[Job]]:
        return iter((self.jobs, self.done))


def describe_ignored(paths: list[Path]) -> str:
    """``3 files skipped (.parquet 2, .md 1)``: what the files are, by extension."""
    kinds = collections.Counter(p.suffix.lower() or "no extension" for p in paths)
    shown = ", ".join(f"{kind} {n}" for kind, n in kinds.most_common())
    return f"{len(paths)} file{'' if len(paths) == 1 else 's'} skipped ({shown})"


def plan(
    inputs: list[str],
    outdir: Path | None,
    *,
    glob: str | None = None,
    fmt: str | None = None,
    overwrite: bool = False,
    resume: bool = False,
    report: Path | None = None,
    rejected: Path | None = None,
) -> Plan:
    """Every input file's job, or :class:`UsageError` for a run that could lose data.

    ``report``, ``rejected``: the side files, checked as outputs are (``-``: stdout)."""
    if "-" in inputs and len(inputs) > 1:
        raise UsageError("'-' (stdin) cannot be combined with other inputs")
    side = {"--report": report, "--rejected": rejected}
    if inputs == ["-"]:
        if fmt == "parquet":
            raise UsageError("Parquet cannot be read from stdin: give the file")
        if outdir is not None:
            raise UsageError("'-' is written to stdout: -o/--output has no name to give it")
        jobs = [Job(None, None, fmt or "auto")]
        _check_side_files(jobs, [], side, overwrite or resume)
        return Plan(jobs)
    if outdir is None:
        one = Path(inputs[0])
        if len(inputs) == 1 and one.is_file():  # one file: the result goes to stdout
            jobs = [Job(one, None, fmt or detect_format(one) or "auto")]
            if jobs[0].fmt == "parquet":
                raise UsageError("a Parquet output is a file: give a directory with -o")
            _check_side_files(jobs, [], side, overwrite or resume)
            return Plan(jobs)
        raise UsageError("give an output directory with -o/--output (one file or '-' print)")
    jobs, ignored = _collect(inputs, outdir, glob, fmt)
    if not jobs and ignored:
        raise UsageError(
            f"nothing to clean: {describe_ignored(ignored)}, in no format boilerstrip "
            "reads; --glob PATTERN picks files to read anyway (as text, or JSON by content)"
        )
    _check_targets(jobs)
    _check_modules(jobs)
    dirs = [Path(raw).resolve() for raw in inputs if Path(raw).is_dir()]
    _check_side_files(jobs, dirs, side, overwrite or resume)
    existing = [j for j in jobs if j.dst is not None and j.dst.exists()]
    if existing and not (overwrite or resume):
        shown = ", ".join(str(j.dst) for j in existing[:3])
        more = f" and {len(existing) - 3} more" if len(existing) > 3 else ""
        raise UsageError(
            f"output exists: {shown}{more}; use --overwrite to replace, --resume to skip"
        )
    if resume and not overwrite:
        done = set(map(id, existing))
        return Plan([j for j in jobs if id(j) not in done], existing, ignored)
    return Plan(jobs, [], ignored)


def _collect(
    inputs: list[str], outdir: Path, glob: str | None, fmt: str | None
) -> tuple[list[Job], list[Path]]:
    """A job for every input file, the files of input directories included; and the
    files of input directories left out for their name."""
    out_root = outdir.resolve()
    jobs: list[Job] = []
    ignored: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            root = path.resolve()
            if out_root == root or root in out_root.parents:
                raise UsageError(f"refusing to write into the input directory {raw}")
            files = sorted(p for p in path.rglob(glob or "*") if p.is_file())
            for f in files:
                if TMP in f.name:
                    continue
                kind = fmt or detect_format(f)
                if kind is None:
                    if not glob:
                        ignored.append(f)
                        continue
                    kind = "auto"  # chosen by the user: its content decides
                jobs.append(Job(f, output_name(outdir / f.relative_to(path), kind), kind))
        elif path.exists():
            kind = fmt or detect_format(path) or "auto"
            jobs.append(Job(path, output_name(outdir / path.name, kind), kind))
        else:
            raise UsageError(f"no such file or directory: {raw}")
    return jobs, ignored


def _resolved(paths: Iterable[Path]) -> list[Path]:
    """Each path as ``Path.resolve()`` gives it, each folder resolved once (a run over
    thousands of files in a few folders): a file that is no link resolves to its
    resolved folder and its name."""
    folders: dict[Path, Path] = {}
    out = []
    for path in paths:
        if path.name in ("", ".", "..") or path.is_symlink():
            out.append(path.resolve())
            continue
        folder = folders.get(path.parent)
        if folder is None:
            folder = folders[path.parent] = path.parent.resolve()
        out.append(folder / path.name)
    return out


def _ends(jobs: list[Job]) -> tuple[set[Path], list[Path]]:
    """The jobs' inputs and outputs, resolved."""
    sources = set(_resolved(j.src for j in jobs if j.src is not None))
    return sources, _resolved(j.dst for j in jobs if j.dst is not None)


def _check_targets(jobs: list[Job]) -> None:
    """No output over an input, no two inputs to one output."""
    sources, targets = _ends(jobs)
    seen: set[Path] = set()
    for j, target in zip(jobs, targets, strict=True):
        if target in sources:
            raise UsageError(f"refusing to overwrite the input {j.src} with its output")
        if target in seen:
            raise UsageError(f"two inputs would both be written to {j.dst}")
        seen.add(target)


def _check_modules(jobs: list[Job]) -> None:
    """An optional extra that some input needs is installed (fail before any work)."""
    for kind in {j.compression for j in jobs}:
        message = missing_module(kind)
        if message is not None:
            raise UsageError(message)
    if any(j.fmt == "parquet" for j in jobs):
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            raise UsageError(
                "Parquet files need pyarrow: pip install 'boilerstrip[parquet]'"
            ) from None


def _check_side_files(
    jobs: list[Job], input_dirs: list[Path], side: dict[str, Path | None], may_exist: bool
) -> None:
    """The report and rejected files: not an input, not in an input directory, not an
    output, not both the same; ``-`` (stdout) only when the outputs are files; an existing
    one only with ``--overwrite`` (or ``--resume``, which appends to it)."""
    if all(path is None for path in side.values()):
        return
    sources, outputs = _ends(jobs)
    targets = set(outputs)
    seen: dict[Path | str, str] = {}
    for option, path in side.items():
        if path is None:
            continue
        target: Path | str = "-" if str(path) == "-" else path.resolve()
        if target in seen:
            raise UsageError(f"{seen[target]} and {option} are the same file: {path}")
        seen[target] = option
        if target == "-":
            if any(j.dst is None for j in jobs):
                raise UsageError(f"{option} -: the cleaned text goes to stdout already")
            continue
        assert isinstance(target, Path)
        if target in sources:
            raise UsageError(f"refusing to overwrite the input {path} with {option}")
        if any(d in target.parents for d in input_dirs):
            raise UsageError(f"refusing to write {option} {path} into an input directory")
        if target in targets:
            raise UsageError(f"{option} {path} is also an output")
        if target.is_dir():
            raise UsageError(f"{option} {path} is a directory")
        if target.exists() and not may_exist:
            raise UsageError(f"{option} {path} exists; use --overwrite to replace it")


def output_name(path: Path, fmt: str) -> Path:
    """The output of an HTML page is its text: ``page.html`` -> ``page.txt``."""
    return path.with_suffix(".txt") if fmt == "html" else path
