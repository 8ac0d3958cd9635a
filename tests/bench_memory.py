"""Peak memory of clean() on one large text (a script, not a test).

    python tests/bench_memory.py [--mb 100]
    python tests/bench_memory.py --kinds [--mb 1]


Joins the dev bench's extractor texts (or the fixtures) into one text of about MB
megabytes of UTF-8, writes it to a temporary file twice (as is, and with every non-ASCII
character dropped), and cleans each in a fresh process that reads the file and then
traces the memory ``clean()`` allocates (``tracemalloc``; its peak is what ``clean()``
needs on top of the text, the output included). The tracing makes the run slower.

With ``--kinds``, every kind of the adversarial corpus (``fixtures/adversarial/make.py``)
of MB megabytes instead, each in a fresh process warmed up with the fixtures' pages (so
that the stop lists page mode loads once are not counted).

Python stores a ``str`` with 1, 2 or 4 bytes per character, whichever its widest
character needs: one emoji in 100 MB of English makes it a 400 MB object. So the growth
is given against the UTF-8 size and against the size of the ``str``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.bench_jobs import texts

ROOT = Path(__file__).resolve().parent.parent
_PAGES = ROOT / "fixtures" / "pages" / "pages.json"

_CHILD = """
import json, sys, time, tracemalloc
import boilerstrip
cleaner = boilerstrip.Cleaner()
cleaner.clean("warm up")
for row in json.loads(open(sys.argv[2], encoding="utf-8").read()):
    cleaner.clean(row["page"])
with open(sys.argv[1], encoding="utf-8", errors="surrogatepass", newline="") as f:
    text = f.read()
tracemalloc.start()
start = time.perf_counter()
out = cleaner.clean(text)
seconds = time.perf_counter() - start
peak = tracemalloc.get_traced_memory()[1] / 1e6
print(len(text.encode("utf-8", "surrogatepass")) / 1e6, sys.getsizeof(text) / 1e6, peak, seconds)
"""


def measure(path: Path) -> tuple[float, float, float, float]:
    """UTF-8 MB, str MB, peak MB allocated by clean(), seconds (slowed by the tracing)."""
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), str(_PAGES)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    utf8, size, peak, seconds = map(float, out)
    return utf8, size, peak, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=None, help="100, or 1 with --kinds")
    parser.add_argument("--kinds", action="store_true", help="the adversarial corpus")
    args = parser.parse_args()
    if args.kinds:
        kinds(args.mb or 1)
        return
    args.mb = args.mb or 100
    pool = texts()
    parts, size, i = [], 0, 0
    while size < args.mb * 1_000_000:
        parts.append(pool[i % len(pool)])
        size += len(parts[-1].encode("utf-8", "surrogatepass"))
        i += 1
    text = "\n\n".join(parts)
    del parts
    header = ("text", "UTF-8 MB", "str MB", "growth MB", "x UTF-8", "x str")
    print("{:<24} {:>8} {:>7} {:>9} {:>7} {:>6}".format(*header))
    with tempfile.TemporaryDirectory() as tmp:
        for label, body in (
            ("bench texts as they are", text),
            ("ASCII only", text.encode("ascii", "ignore").decode("ascii")),
        ):
            path = Path(tmp) / "text.txt"
            path.write_text(body, encoding="utf-8", errors="surrogatepass", newline="")
            utf8, str_mb, growth, seconds = measure(path)
            print(
                f"{label:<24} {utf8:>8.0f} {str_mb:>7.0f} {growth:>9.0f} "
                f"{growth / utf8:>7.2f} {growth / str_mb:>6.2f}   ({seconds:.1f} s)"
            )


def kinds(mb: float) -> None:
    from tests.bench_linear import KINDS

    print(f"{'kind':<28} {'UTF-8 MB':>8} {'lines':>9} {'growth MB':>9} {'x UTF-8':>7}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in KINDS.items():
            text = make(int(mb * 1_000_000))
            path = Path(tmp) / "text.txt"
            path.write_text(text, encoding="utf-8", errors="surrogatepass", newline="")
            utf8, _str_mb, growth, seconds = measure(path)
            lines = text.count("\n") + 1
            print(
                f"{name:<28} {utf8:>8.1f} {lines:>9} {growth:>9.1f} {growth / utf8:>7.2f}"
                f"   ({seconds:.1f} s)"
            )


if __name__ == "__main__":
    main()
