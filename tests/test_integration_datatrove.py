"""The datatrove formatter in a real LocalPipelineExecutor run (2 tasks, 2 workers)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

pytest.importorskip(
    "datatrove", reason="needs the datatrove extra: pip install 'boilerstrip[datatrove]'"
)

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from boilerstrip import clean, explain
from boilerstrip.integrations.datatrove import BoilerstripFilter, BoilerstripFormatter

if TYPE_CHECKING:
    from datatrove.data import Document

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


STORY = "The vote passed.\n\nAdvertisement\n\nThe mayor signed it.\n"
DEBRIS = "Advertisement\n\nShare this article\n\nRelated Articles\n"


def _docs(*texts: str) -> list[Document]:
    from datatrove.data import Document

    return [Document(text=t, id=str(i), metadata={}) for i, t in enumerate(texts)]


def test_filter_drops_a_document_left_empty_with_the_reason() -> None:
    step = BoilerstripFilter()
    [kept, dropped] = _docs(STORY, DEBRIS)
    assert clean(DEBRIS) == ""  # every line is debris
    assert step.filter(kept) is True
    assert kept.text == clean(STORY)  # a kept document is cleaned, as by the formatter
    assert kept.metadata["boilerstrip"] == {
        "lines_removed": 2,
        "by_category": {"ad": 1, "layout": 1},
    }
    assert step.filter(dropped) == (False, "boilerstrip_empty")
    assert dropped.text == DEBRIS  # a dropped document keeps its text, for the exclusion writer
    assert dropped.metadata["boilerstrip"]["lines_removed"] == 5


def test_filter_drops_short_documents_when_asked() -> None:
    short = "A brief note.\n\nAdvertisement\n"  # 13 characters are left
    step = BoilerstripFilter(min_chars=14)
    [doc] = _docs(short)
    assert step.filter(doc) == (False, "boilerstrip_too_short")
    [doc] = _docs(short)
    assert BoilerstripFilter(min_chars=13).filter(doc) is True
    assert doc.text == "A brief note.\n"
    # White space around the text does not count: blank lines alone are empty.
    [doc] = _docs("\n \n\t\n")
    assert BoilerstripFilter().filter(doc) == (False, "boilerstrip_empty")


def test_filter_min_chars_must_be_an_int_of_at_least_one() -> None:
    for bad in (0, -1, "10", 2.5, True):
        with pytest.raises(ValueError, match="min_chars"):
            BoilerstripFilter(min_chars=bad)  # type: ignore[arg-type]


def test_filter_in_a_pipeline_counts_drops_and_writes_them(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    with open(tmp_path / "in" / "part0.jsonl", "w", encoding="utf-8") as f:
        for i, text in enumerate((STORY, DEBRIS, STORY)):
            f.write(json.dumps({"id": str(i), "text": text}) + "\n")
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in")),
            BoilerstripFilter(exclusion_writer=JsonlWriter(str(tmp_path / "dropped"))),
            JsonlWriter(str(tmp_path / "out")),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    ).run()

    def records(folder: str) -> list[dict[str, Any]]:
        out = []
        for path in sorted((tmp_path / folder).glob("*.jsonl.gz")):
            with gzip.open(path, "rt", encoding="utf-8") as f:
                out += [json.loads(line) for line in f]
        return out

    assert [(r["id"], r["text"]) for r in records("out")] == [
        ("0", clean(STORY)),
        ("2", clean(STORY)),
    ]
    [dropped] = records("dropped")
    assert dropped["id"] == "1" and dropped["metadata"]["filter_reason"] == "boilerstrip_empty"
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    [step] = [s for s in stats if "boilerstrip" in s["name"]]
    assert step["stats"]["dropped_boilerstrip_empty"] == 1
    assert step["stats"]["forwarded"] == 2
