"""Spark benchmark (a script, not a test): rows/s of clean_column on Spark local[2] and
of clean() in one process, on 20,000 documents.

    python tests/bench_spark.py [--docs N]
"""

from __future__ import annotations

import argparse
import time

from pyspark.sql import SparkSession

from boilerstrip import Cleaner
from boilerstrip.integrations.spark import clean_column
from tests.bench_jobs import texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=20_000)
    args = parser.parse_args()
    pool = texts()
    docs = [pool[i % len(pool)] for i in range(args.docs)]
    mb = sum(len(d.encode()) for d in docs) / 1e6

    cleaner = Cleaner()
    start = time.perf_counter()
    for d in docs:
        cleaner.clean(d)
    single = time.perf_counter() - start

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    df = spark.createDataFrame([(d,) for d in docs], "text string").repartition(4).cache()
    df.count()
    start = time.perf_counter()
    df.select(clean_column("text").alias("t")).write.format("noop").mode("overwrite").save()
    on_spark = time.perf_counter() - start
    spark.stop()
    print(f"{args.docs} documents, {mb:.1f} MB")
    print(f"one process:  {args.docs / single:8.0f} rows/s ({mb / single:.1f} MB/s)")
    print(f"Spark local[2]: {args.docs / on_spark:6.0f} rows/s ({mb / on_spark:.1f} MB/s)")


if __name__ == "__main__":
    main()
