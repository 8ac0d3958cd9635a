"""Speed side by side (a script, not a test): boilerstrip.clean against the bench's one-rule
C4 line filter and datatrove's C4 quality filter used as a line cleaner, timed in one
process on the same texts (every extractor's output in ../shared/bench/inputs).

    python tests/bench_speed.py [--rounds 3]

Each cleaner runs ``rounds`` times over all the texts; the best round counts (the machine
is noisy). datatrove's filter needs ``pip install datatrove``; without it that row is
skipped.
"""

from __future__ import annotations

import argparse
import importlib.util
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


def best_seconds(clean: Callable[[str], str], docs: list[str], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for d in docs:
            clean(d)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    docs = texts()
    mb = sum(len(d.encode()) for d in docs) / 1e6
    cleaners: dict[str, Callable[[str], str] | None] = {
        "boilerstrip.clean": boilerstrip.Cleaner().clean,
        "c4_lines (one C4 rule)": _load("c4_lines"),
        "datatrove C4QualityFilter": _load("datatrove_c4"),
    }
    seconds = {name: best_seconds(fn, docs, args.rounds) for name, fn in cleaners.items() if fn}
    ours = seconds["boilerstrip.clean"]
    print(f"{len(docs)} texts, {mb:.1f} MB, best of {args.rounds} rounds")
    for name, s in seconds.items():
        print(f"{name:28} {mb / s:7.1f} MB/s   boilerstrip is {s / ours:.2f}x its speed")


if __name__ == "__main__":
    if not Path(BENCH).is_dir():
        sys.exit(f"no bench at {BENCH}")
    main()
