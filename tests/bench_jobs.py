"""Batch CLI benchmark: parallel speed-up and peak memory (a script, not a test).

    python tests/bench_jobs.py              # --jobs 1 vs --jobs 2 on a 50 MB JSONL
    python tests/bench_jobs.py --mb 1000 --memory   # peak RSS on a 1 GB JSONL

The JSONL is built from the dev bench's extractor texts (../shared/bench/inputs) when it
is there, else from the fixtures, repeated up to the size asked. Peak RSS is the largest
resident size of any process of the run (the parent or a worker).
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "inputs"


def texts() -> list[str]:
    if BENCH.is_dir():
        out: list[str] = []
        for path in sorted(BENCH.glob("*.json.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as f:
                out += [t for t in json.load(f).values() if t]
        return out
    return [p.read_text(encoding="utf-8") for p in (ROOT / "fixtures").rglob("*.in.txt")]


def build(path: Path, mb: int) -> int:
    pool = texts()
    size = 0
    with open(path, "w", encoding="utf-8") as f:
        i = 0
        while size < mb * 1_000_000:
            line = json.dumps({"id": i, "source": "bench", "text": pool[i % len(pool)]})
            f.write(line + "\n")
            size += len(line.encode()) + 1
            i += 1
    return i


def clean(src: Path, out: Path, jobs: int) -> tuple[float, int]:
    """Seconds, and the peak RSS in MB of any process of the run. A small wrapper process
    starts the run, so that what this script holds in memory does not count."""
    wrapper = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    command = [
        sys.executable,
        "-m",
        "boilerstrip",
        "clean",
        str(src),
        "-o",
        str(out),
        "--jobs",
        str(jobs),
        "--quiet",
        "--overwrite",
    ]
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *command], check=True, capture_output=True, text=True
    )
    return time.perf_counter() - start, int(done.stdout) // 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=50)
    parser.add_argument("--memory", action="store_true", help="only --jobs 2, report RSS")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "docs.jsonl"
        n = build(src, args.mb)
        print(f"input: {args.mb} MB, {n} records")
        if args.memory:
            seconds, rss = clean(src, Path(tmp) / "out", 2)
            print(f"--jobs 2: {seconds:.1f} s, {args.mb / seconds:.1f} MB/s, peak RSS {rss} MB")
            return
        t1, rss1 = clean(src, Path(tmp) / "out1", 1)
        t2, rss2 = clean(src, Path(tmp) / "out2", 2)
        same = (Path(tmp) / "out1" / "docs.jsonl").read_bytes() == (
            Path(tmp) / "out2" / "docs.jsonl"
        ).read_bytes()
        print(f"--jobs 1: {t1:.1f} s ({args.mb / t1:.1f} MB/s), peak RSS {rss1} MB")
        print(f"--jobs 2: {t2:.1f} s ({args.mb / t2:.1f} MB/s), peak RSS {rss2} MB")
        print(f"speed-up --jobs 2 / --jobs 1: {t1 / t2:.2f}x; same output: {same}")


if __name__ == "__main__":
    main()
