"""Every text the kits and fixtures hold, for runs that compare two versions of the engine.

``python -m tests.corpus snapshot FILE`` writes, for every text, the removed lines with
their rule ids; ``python -m tests.corpus compare A B`` lists the texts whose verdicts
differ. The kits are read from ``../shared`` beside the project root, when it is there.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def texts(kits: bool = True) -> Iterator[tuple[str, str]]:
    """(name, text) for every fixture and rule example, and the kits' inputs and gold."""
    from boilerstrip import rules

    for path in sorted((ROOT / "fixtures" / "cases").glob("*.json")):
        for i, row in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            yield f"cases/{path.stem}/{i}", row["input"]
    for path in sorted((ROOT / "fixtures").glob("*/*.txt")):
        yield f"fixtures/{path.parent.name}/{path.name}", path.read_text(encoding="utf-8")
    for harm in sorted((ROOT / "fixtures" / "harm").glob("*.json")):
        for i, row in enumerate(json.loads(harm.read_text(encoding="utf-8"))):
            yield f"harm/{harm.stem}/{i}", row["text"]
    for rule in rules():
        for i, example in enumerate((*rule.removes, *rule.keeps)):
            yield f"example/{rule.id}/{i}", example
    if not kits or not SHARED.is_dir():
        return
    for path in sorted((SHARED / "bench" / "inputs").glob("*.json.gz")):
        for doc, text in sorted(json.loads(gzip.decompress(path.read_bytes())).items()):
            yield f"bench/{path.name[:-8]}/{doc}", text
    gold = json.loads((SHARED / "bench" / "ground-truth.json").read_text(encoding="utf-8"))
    for doc, row in sorted(gold.items()):
        yield f"bench/gold/{doc}", row["articleBody"]
    for path in sorted((SHARED / "wcxb" / "inputs").glob("*.json.gz")):
        for doc, text in sorted(json.loads(gzip.decompress(path.read_bytes())).items()):
            yield f"wcxb/{path.name[:-8]}/{doc}", text
    wgold = json.loads(gzip.decompress((SHARED / "wcxb" / "gold.json.gz").read_bytes()))
    for doc, row in sorted(wgold.items()):
        yield f"wcxb/gold/{doc}", row["main_content"]


_CLEANER = None


def snapshot(out: Path) -> None:
    rows = {}
    for name, text in texts():
        if text:
            out_text, decisions = _cleaner().removals(text)
            rows[name] = {
                "removed": [[d.line, d.rule_id] for d in decisions],
                "out": hashlib.sha1(out_text.encode("utf-8", "surrogatepass")).hexdigest(),
            }
    out.write_text(json.dumps(rows, sort_keys=True), encoding="utf-8")
    print(f"{len(rows)} texts, {sum(len(r['removed']) for r in rows.values())} lines removed")


def _cleaner():  # type: ignore[no-untyped-def]
    from boilerstrip import Cleaner

    global _CLEANER
    if _CLEANER is None:
        _CLEANER = Cleaner()
    return _CLEANER


def compare(a: Path, b: Path) -> int:
    old, new = (json.loads(p.read_text(encoding="utf-8")) for p in (a, b))
    texts_by_name = None
    changed = sorted(n for n in old.keys() | new.keys() if old.get(n) != new.get(n))
    for name in changed:
        o = {tuple(x) for x in old.get(name, {}).get("removed", [])}
        n = {tuple(x) for x in new.get(name, {}).get("removed", [])}
        if texts_by_name is None:
            texts_by_name = dict(texts())
        lines = texts_by_name.get(name, "").splitlines()
        print(name)
        for line, rule in sorted(o - n):
            print(f"  - {rule} line {line}: {lines[line - 1][:150]!r}")
        for line, rule in sorted(n - o):
            print(f"  + {rule} line {line}: {lines[line - 1][:150]!r}")
    print(f"{len(changed)} of {len(old)} texts differ")
    return 1 if changed else 0


if __name__ == "__main__":
    if sys.argv[1] == "snapshot":
        snapshot(Path(sys.argv[2]))
    else:
        sys.exit(compare(Path(sys.argv[2]), Path(sys.argv[3])))
