"""clean_column on a real local Spark session (local[2])."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="needs the spark extra: pip install 'boilerstrip[spark]'")
pytest.importorskip("pandas", reason="needs the spark extra: pip install 'boilerstrip[spark]'")
pytest.importorskip("pyarrow", reason="needs the spark extra: pip install 'boilerstrip[spark]'")

from pyspark.sql import SparkSession

from boilerstrip import Config, clean
from boilerstrip.integrations.spark import clean_column

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        pytest.skip("Spark needs Java (17 or newer): none on PATH or in JAVA_HOME")
    session = (
        SparkSession.builder.master("local[2]")
        .appName("boilerstrip-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def _texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "fixtures" / "cases").glob("*.json")):
        texts += [case["input"] for case in json.loads(path.read_text(encoding="utf-8"))]
    return texts


def test_clean_column_equals_clean(spark: SparkSession) -> None:
    texts = _texts()
    rows = [(i, t) for i, t in enumerate(texts)] + [(len(texts), None)]
    df = spark.createDataFrame(rows, "id long, text string").repartition(2)
    out = {
        r["id"]: r["clean"] for r in df.select("id", clean_column("text").alias("clean")).collect()
    }
    assert out == {i: (clean(t) if t is not None else None) for i, t in rows}


def test_clean_column_with_a_config(spark: SparkSession) -> None:
    text = "Storm closes schools across the county\n\nThe storm hit at noon and schools shut.\n"
    config = Config(keep_title=False)
    df = spark.createDataFrame([(text,)], "text string")
    [row] = df.select(clean_column(df.text, config).alias("c")).collect()
    assert row["c"] == clean(text, config) != clean(text)


TITLED = "Storm closes schools\n\nThe storm hit the county at noon.\n\nAdvertisement\n\nIt left.\n"


def test_clean_column_with_a_title_column(spark: SparkSession) -> None:
    rows = [
        (1, TITLED, "Storm closes schools"),
        (2, TITLED, None),  # no title: the headline is part of the story
        (3, None, "Storm closes schools"),
    ]
    df = spark.createDataFrame(rows, "id long, text string, title string")
    out = {
        r["id"]: r["c"]
        for r in df.select("id", clean_column("text", title="title").alias("c")).collect()
    }
    assert out[1] == clean(TITLED, title="Storm closes schools")
    assert out[1] == "The storm hit the county at noon.\n\nIt left.\n"
    assert out[2] == clean(TITLED)
    assert out[3] is None


def test_clean_column_with_counts(spark: SparkSession) -> None:
    df = spark.createDataFrame(
        [(1, TITLED, "Storm closes schools"), (2, None, None)], "id long, text string, title string"
    )
    col = clean_column(df.text, Config(), title=df.title, counts=True)
    result = df.select("id", col.alias("c"))
    assert result.schema["c"].dataType.simpleString() == (
        "struct<text:string,lines_removed:int,by_category:map<string,int>>"
    )
    rows = {r["id"]: r["c"] for r in result.collect()}
    assert rows[1]["text"] == "The storm hit the county at noon.\n\nIt left.\n"
    # The title and the blank line after it; the ad label and the blank line after it.
    assert rows[1]["by_category"] == {"meta": 1, "ad": 1, "layout": 2}
    assert rows[1]["lines_removed"] == 4
    assert (rows[2]["text"], rows[2]["lines_removed"], rows[2]["by_category"]) == (None, None, None)
    # Fields of the struct are columns like any other.
    [total] = result.selectExpr("sum(c.lines_removed) AS n").collect()
    assert total["n"] == 4


def test_clean_column_counts_without_a_title(spark: SparkSession) -> None:
    df = spark.createDataFrame([(TITLED,)], "text string")
    [row] = df.select(clean_column("text", counts=True).alias("c")).collect()
    assert row["c"]["text"] == clean(TITLED)
    assert row["c"]["by_category"] == {"ad": 1, "layout": 1}


def test_a_title_column_of_arrays(spark: SparkSession) -> None:
    # Several forms of the title per row (og:title, <title>, ...), as clean(title=[...]).
    df = spark.createDataFrame(
        [(TITLED, ["The Paper", "Storm closes schools"])], "text string, titles array<string>"
    )
    [row] = df.select(clean_column("text", title="titles").alias("c")).collect()
    assert row["c"] == clean(TITLED, title=["The Paper", "Storm closes schools"]) != clean(TITLED)


def test_clean_column_with_user_phrases_and_patterns(spark: SparkSession) -> None:
    # The config travels to the executors by pickle; its phrase and pattern maps did not.
    config = Config(
        phrases={"ad.label": ("Promo corner",)}, patterns={"ad": (r"sponsored by \w+",)}
    )
    text = "The storm hit at noon.\n\nPromo corner\n\nSponsored by Acme\n\nIt left.\n"
    df = spark.createDataFrame([(text,)], "text string")
    [row] = df.select(clean_column("text", config).alias("c")).collect()
    assert row["c"] == clean(text, config) == "The storm hit at noon.\n\nIt left.\n"
