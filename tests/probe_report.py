"""How boilerstrip does on texts in languages that no phrase list covers (a script).

python -m tests.probe_report [--lines]

fixtures/probe holds 32 extracts (an extractor's text: the content and the debris left
around and inside it) and 24 whole-page dumps (plain text and Markdown), in Finnish,
Hungarian, Romanian, Greek, Vietnamese, Japanese, Turkish and Danish, of eight genres
(news, recipes, forum threads, product pages, encyclopedia articles, how-tos, interviews,
blog posts). Each lists its content lines; every other non-blank line is debris. They were
written for session 18 by a helper session, with invented sites, people and products, and
spot-checked by eye: a yardstick of how far the evidence that is not a phrase carries, not
a test. The debris of the extracts is what the helper imagined extractors leave (the kits'
extractors drop breadcrumbs, for one), so read their removal share as a rough figure.

For each text: content lines removed (story lost) and debris lines removed, by genre.
``--lines`` prints every content line removed, with its rule and reason.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from boilerstrip import explain

PROBE = Path(__file__).resolve().parent.parent / "fixtures" / "probe"


def main() -> None:
    lines = "--lines" in sys.argv[1:]
    for name in ("extracts", "pages"):
        rows = json.loads((PROBE / f"{name}.json").read_text("utf-8"))
        # genre -> [content lost, content, debris removed, debris]
        cells: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for row in rows:
            content = set(row["content"])
            cell = cells[row["genre"]]
            for d in explain(row["text"]).decisions:
                if not d.text.strip():
                    continue
                if d.text in content:
                    cell[1] += 1
                    if not d.kept:
                        cell[0] += 1
                        if lines:
                            print(f"  {row['id']}: {d.rule_name}: {d.text[:80]!r}")
                            print(f"    {d.reason}")
                else:
                    cell[3] += 1
                    cell[2] += not d.kept
        print(f"\n{name}: {len(rows)} texts")
        print(f"{'genre':<16} {'content lost':>14} {'debris removed':>16}")
        total = [0, 0, 0, 0]
        for genre, cell in sorted(cells.items()):
            _row(genre, cell)
            total = [a + b for a, b in zip(total, cell, strict=True)]
        _row("all", total)


def _row(name: str, cell: list[int]) -> None:
    lost, n, removed, m = cell
    print(f"{name:<16} {lost:>5}/{n:<4} {lost / n:5.1%} {removed:>6}/{m:<4} {removed / m:5.1%}")


if __name__ == "__main__":
    main()
