"""The datatrove formatter in a real LocalPipelineExecutor run (2 tasks, 2 workers)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove")

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from boilerstrip import clean, explain
from boilerstrip.integrations.datatrove import BoilerstripFormatter

ROOT = Path(__file__).resolve().parent.parent


def _documents() -> list[dict[str, str]]:
    docs = []
    for path in sorted((ROOT / "fixtures" / "cases").glob("*.json")):
        for i, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            docs.append({"id": f"{path.stem}-{i}", "text": case["input"]})
    return docs


def test_reader_formatter_writer(tmp_path: Path) -> None:
    docs = _documents()
    (tmp_path / "in").mkdir()
    for part in range(2):  # two input files, one per task
        with open(tmp_path / "in" / f"part{part}.jsonl", "w", encoding="utf-8") as f:
            for doc in docs[part::2]:
                f.write(json.dumps(doc) + "\n")
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            BoilerstripFormatter(),
            JsonlWriter(str(tmp_path / "out")),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    out = {}
    for path in (tmp_path / "out").glob("*.jsonl.gz"):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                out[record["id"]] = record
    assert sorted(out) == sorted(d["id"] for d in docs)
    for doc in docs:
        record = out[doc["id"]]
        assert record["text"] == clean(doc["text"])
        counts = record["metadata"]["boilerstrip"]
        assert counts["lines_removed"] == len(explain(doc["text"]).removed)
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    assert any("boilerstrip" in step.get("name", "") for step in stats)


def test_format_alone() -> None:
    text = "The vote passed.\n\nAdvertisement\n\nThe mayor signed it.\n"
    assert BoilerstripFormatter().format(text) == clean(text)


def test_title_from_metadata() -> None:
    from datatrove.data import Document

    text = "Storm closes schools\n\nThe storm hit the county at noon.\n"

    def docs() -> list[Document]:
        return [Document(text=text, id="1", metadata={"title": "Storm closes schools"})]

    [plain] = BoilerstripFormatter().run(docs())
    assert plain.text == text  # no title_key: the headline is part of the story
    [titled] = BoilerstripFormatter(title_key="title").run(docs())
    assert titled.text == "The storm hit the county at noon.\n"
    assert titled.metadata["boilerstrip"]["by_category"] == {"meta": 1, "layout": 1}
