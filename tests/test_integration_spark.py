"""clean_column on a real local Spark session (local[2])."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")

from pyspark.sql import SparkSession

from boilerstrip import Config, clean
from boilerstrip.integrations.spark import clean_column

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def spark() -> Iterator[SparkSession]:
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
