"""Seconds per MB of clean() on adversarial inputs at 1 MB and 10 MB (run by hand).

    python tests/bench_linear.py [--sizes 1,10]

Time must grow linearly with size: the last column (10 MB cost per MB / 1 MB cost per MB)
should stay near 1. Not a test: machines are noisy; compare the ratio, not the seconds.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

from boilerstrip import Cleaner

MB = 1_000_000


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


KINDS: dict[str, Callable[[int], str]] = {
    "single line": lambda n: _fill("word ", n),
    "one-word lines": lambda n: _fill("word\n", n),
    "Related lines": lambda n: _fill("Related: another story\n", n),
    "empty lines": lambda n: "\n" * n,
    "parentheses": lambda n: _fill("((((((((((", n),
    "slashes and caps": lambda n: _fill("Ab/Cd Ef/", n),
    "short story paragraphs": lambda n: _fill("By Jane Doe. The council met (AP Photo).\n\n", n),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1,10", help="sizes in MB, comma-separated")
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
