"""Coverage-guided fuzzing with atheris (a script, not a test).

    pip install atheris
    python tests/fuzz.py clean --minutes 15      # clean(), explain() and their invariants
    python tests/fuzz.py jsonl --minutes 15      # the batch JSONL record reader

A finding is an exception or a broken invariant; libFuzzer stops and writes the input to
``crash-*`` in the current directory. At the end libFuzzer prints the number of runs.
"""

from __future__ import annotations

import argparse
import sys

import atheris

with atheris.instrument_imports():
    import boilerstrip
    from boilerstrip import batch
    from boilerstrip.text import split_lines, strip_break

CLEANER = boilerstrip.Cleaner()
batch._init_worker_inline(boilerstrip.Config(), detail=True)


def _lines(text: str) -> list[str]:
    return [strip_break(line) for line in split_lines(text)]


def fuzz_clean(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicode(fdp.remaining_bytes())
    out = CLEANER.clean(text)
    it = iter(_lines(text))
    assert all(any(line == other for other in it) for line in _lines(out)), "invented a line"
    assert CLEANER.clean(out) == out, "not idempotent"
    assert CLEANER.explain(text).text == out, "explain differs from clean"


def fuzz_jsonl(data: bytes) -> None:
    lines = data.split(b"\n")
    chunk = [(i + 1, line + b"\n") for i, line in enumerate(lines)]
    results = batch._clean_records("fuzz", chunk, batch.Fields())
    assert len(results) == len(chunk), "a record was lost"
    for (_, raw), r in zip(chunk, results, strict=True):
        assert r.out is not None, "a record has no output"
        if r.error is not None:
            assert r.out == raw, "a bad record was not copied unchanged"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("target", choices=["clean", "jsonl"])
    parser.add_argument("--minutes", type=float, default=1)
    args, rest = parser.parse_known_args()
    target = fuzz_clean if args.target == "clean" else fuzz_jsonl
    argv = [sys.argv[0], f"-max_total_time={int(args.minutes * 60)}", "-print_final_stats=1"]
    atheris.Setup(argv + rest, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
