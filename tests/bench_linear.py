"""Seconds per MB of clean() on every kind of the adversarial corpus (run by hand).

    python tests/bench_linear.py [--sizes 1,10,100]

Time must grow linearly with size: the last column (the largest size's cost per MB over
the smallest's) should stay near 1. Not a test: machines are noisy; compare the ratio.
"""

from __future__ import annotations

import argparse
import importlib.util
import time
from collections.abc import Callable
from pathlib import Path

from boilerstrip import Cleaner

MB = 1_000_000

_spec = importlib.util.spec_from_file_location(
    "adversarial", Path(__file__).resolve().parent.parent / "fixtures" / "adversarial" / "make.py"
)
assert _spec is not None and _spec.loader is not None
_adversarial = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_adversarial)
KINDS: dict[str, Callable[[int], str]] = _adversarial.KINDS


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,10,100", help="sizes in MB, comma-separated")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    cleaner = Cleaner()
    print(f"{'input':<24}" + "".join(f"{f'{s} MB s/MB':>14}" for s in sizes) + f"{'ratio':>8}")
    for name, make in KINDS.items():
        per_mb = []
        for size in sizes:
            text = make(size * MB)
            start = time.perf_counter()
            cleaner.clean(text)
            per_mb.append((time.perf_counter() - start) / size)
        cells = "".join(f"{x:>14.3f}" for x in per_mb)
        print(f"{name:<24}{cells}{per_mb[-1] / per_mb[0]:>8.2f}")


if __name__ == "__main__":
    main()
