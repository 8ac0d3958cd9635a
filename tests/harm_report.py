"""The tables of docs/harm.md, from the harm corpus as it cleans today (a script).

python -m tests.harm_report
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from boilerstrip import explain

HARM = Path(__file__).resolve().parent.parent / "fixtures" / "harm"
LANGS = ("en", "de", "fr", "es", "it", "pt", "nl", "pl")


def main() -> None:
    cells: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    by_rule: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
    genres: list[str] = []
    total = failing = 0
    for lang in LANGS:
        for i, row in enumerate(json.loads((HARM / f"{lang}.json").read_text("utf-8"))):
            genre = row["genre"]
            if genre not in genres:
                genres.append(genre)
            removed: dict[str, list[str]] = defaultdict(list)
            for d in explain(row["text"]).removed:
                if d.stage != "layout":
                    removed[d.rule_name].append(d.text.strip())
            cells[genre, lang][0] += 1
            cells[genre, lang][1] += bool(removed)
            total += 1
            failing += bool(removed)
            for rule, lines in removed.items():
                by_rule[rule].append((f"harm-{lang}-{i}-{row['label']}", lines))
    print(f"{total} documents, {failing} of them lose lines today (`documents / failing`).\n")
    print("| genre | " + " | ".join(LANGS) + " | all |")
    print("| --- |" + " --- |" * (len(LANGS) + 1))
    for genre in genres:
        row = [
            f"{cells[genre, lang][0]} / {cells[genre, lang][1]}" if cells[genre, lang][0] else ""
            for lang in LANGS
        ]
        n = sum(cells[genre, lang][0] for lang in LANGS)
        f = sum(cells[genre, lang][1] for lang in LANGS)
        print(f"| {genre} | " + " | ".join(row) + f" | {n} / {f} |")
    print()
    print("| rule | documents | lines removed |\n| --- | --- | --- |")
    order = sorted(by_rule, key=lambda r: (-len(by_rule[r]), r))
    for rule in order:
        print(f"| `{rule}` | {len(by_rule[rule])} | {sum(len(x) for _, x in by_rule[rule])} |")
    for rule in order:
        docs = by_rule[rule]
        print(f"\n### `{rule}` ({len(docs)} documents, {sum(len(x) for _, x in docs)} lines)\n")
        for name, lines in docs:
            shown = " · ".join(f"`{t[:100]}{'...' if len(t) > 100 else ''}`" for t in lines)
            print(f"- `{name}` ({len(lines)}): {shown}")


if __name__ == "__main__":
    main()
