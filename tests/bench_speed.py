"""Speed side by side (a script, not a test): boilerstrip.clean against the bench's one-rule
C4 line filter and datatrove's C4 quality filter used as a line cleaner, timed in one
process on the same texts (every extractor's output in ../shared/bench/inputs).

    python tests/bench_speed.py [--rounds 3] [--by-layout]

Each cleaner runs ``rounds`` times over all the texts; the best round counts (the machine
is noisy). ``--by-layout`` times each layout of the bench's extractors apart (one
paragraph per line, hard-wrapped, whole page, ...): the cost of a cleaner is mostly per
line, and the layouts differ in lines per MB. datatrove's filter needs ``pip install
datatrove``; without it that row is skipped.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

import boilerstrip
from tests.bench_jobs import BENCH, texts

BASELINES = BENCH.parent / "baselines"


def _load(name: str) -> Callable[[str], str] | None:
    path = BASELINES / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except ImportError as e:
        print(f"skipping {name}: {e}", file=sys.stderr)
        return None
    return module.clean  # type: ignore[no-any-return]


def texts_by_layout() -> dict[str, list[str]]:
    """The bench texts, by the layout of the extractor that wrote them (MANIFEST.tsv)."""
    layouts = {}
    for row in (BENCH / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = row.split("\t")
        layouts[cells[0]] = cells[2]
    out: dict[str, list[str]] = {}
    for path in sorted(BENCH.glob("*.json.gz")):
        name = path.name.removesuffix(".json.gz")
        with gzip.open(path, "rt", encoding="utf-8") as f:
            docs = [t for t in json.load(f).values() if t]
        out.setdefault(layouts.get(name, "other"), []).extend(docs)
    return out


def best_seconds(clean: Callable[[str], str], docs: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for d in docs:
            clean(d)
        best = min(best, time.perf_counter() - start)
    return best


def report(docs: list[str], cleaners: dict[str, Callable[[str], str]], rounds: int) -> None:
    mb = sum(len(d.encode()) for d in docs) / 1e6
    lines = sum(d.count("\n") + 1 for d in docs)
    seconds = {name: best_seconds(fn, docs, rounds) for name, fn in cleaners.items()}
    ours = seconds["boilerstrip.clean"]
    print(f"{len(docs)} texts, {mb:.1f} MB, {lines / mb / 1000:.1f}k lines per MB")
    for name, s in seconds.items():
        print(f"  {name:28} {mb / s:7.1f} MB/s   boilerstrip is {s / ours:.2f}x its speed")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--by-layout", action="store_true")
    args = parser.parse_args()
    loaded: dict[str, Callable[[str], str] | None] = {
        "boilerstrip.clean": boilerstrip.Cleaner().clean,
        "c4_lines (one C4 rule)": _load("c4_lines"),
        "datatrove C4QualityFilter": _load("datatrove_c4"),
    }
    cleaners = {name: fn for name, fn in loaded.items() if fn is not None}
    print(f"best of {args.rounds} rounds")
    if args.by_layout:
        for layout, docs in sorted(texts_by_layout().items()):
            print(f"layout {layout}: ", end="")
            report(docs, cleaners, args.rounds)
    else:
        report(texts(), cleaners, args.rounds)


if __name__ == "__main__":
    if not Path(BENCH).is_dir():
        sys.exit(f"no bench at {BENCH}")
    main()
