"""HTML path benchmark (a script, not a test): boilerstrip.extract against plain
trafilatura.extract (the installed version) on the dev bench's 181 pages.

    python tests/bench_html.py     # needs ../shared/bench; prints both score rows
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import trafilatura

import boilerstrip

BENCH = Path(__file__).resolve().parent.parent.parent / "shared" / "bench"


def main() -> None:
    plain: dict[str, str] = {}
    ours: dict[str, str] = {}
    for page in sorted((BENCH / "html").glob("*.html.gz")):
        doc = page.name.removesuffix(".html.gz")
        html = gzip.decompress(page.read_bytes())
        plain[doc] = trafilatura.extract(html) or ""
        ours[doc] = boilerstrip.extract(html) or ""
    print(f"trafilatura {trafilatura.__version__}, {len(plain)} pages")
    scores = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, preds in (("trafilatura.extract", plain), ("boilerstrip.extract", ours)):
            path = Path(tmp) / f"{name}.json"
            path.write_text(json.dumps(preds), encoding="utf-8")
            result = Path(tmp) / f"{name}.score.json"
            subprocess.run(
                [sys.executable, str(BENCH / "score.py"), "--pred", path, "--json", result],
                capture_output=True,
                check=True,
            )
            m = json.loads(result.read_text(encoding="utf-8"))["metrics"]
            scores[name] = m
            print(f"{name:22} F1 {m['f1']:.4f}  P {m['precision']:.4f}  R {m['recall']:.4f}")
    a, b = scores["trafilatura.extract"], scores["boilerstrip.extract"]
    print(
        f"{'difference':22} F1 {b['f1'] - a['f1']:+.4f}  P {b['precision'] - a['precision']:+.4f}"
        f"  R {b['recall'] - a['recall']:+.4f}"
    )


if __name__ == "__main__":
    main()
