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
    with tempfile.TemporaryDirectory() as tmp:
        for name, preds in (("trafilatura.extract", plain), ("boilerstrip.extract", ours)):
            path = Path(tmp) / f"{name}.json"
            path.write_text(json.dumps(preds), encoding="utf-8")
            out = subprocess.run(
                [sys.executable, str(BENCH / "score.py"), "--pred", str(path)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            print(out.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
