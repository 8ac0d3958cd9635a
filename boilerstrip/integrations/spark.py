"""Clean a Spark DataFrame column with a pandas UDF.

    from boilerstrip.integrations.spark import clean_column
    df = df.withColumn("text", clean_column("text"))

The UDF gets Arrow batches of rows as pandas Series; each executor's Python worker builds
one :class:`~boilerstrip.Cleaner` per config (cached), not one per row. Nulls stay null.
"""

from __future__ import annotations

from typing import Any

from ..config import Config
from . import missing

try:
    import pandas as pd
    from pyspark.sql import Column
    from pyspark.sql.functions import pandas_udf  # type: ignore[attr-defined]
except ImportError as e:  # pragma: no cover - depends on the environment
    raise missing("spark", "pyspark, pandas and pyarrow") from e


def clean_column(col: Column | str, config: Config | None = None) -> Column:
    """A column expression: ``col`` (a column or its name) cleaned by boilerstrip."""

    @pandas_udf("string")  # type: ignore[untyped-decorator]
    def boilerstrip_clean(texts: pd.Series) -> pd.Series:
        from boilerstrip.pipeline import cleaner_for

        cleaner = cleaner_for(config)
        return texts.map(_cleaning(cleaner))

    return boilerstrip_clean(col)  # type: ignore[no-any-return]


def _cleaning(cleaner: Any) -> Any:
    def one(text: Any) -> Any:
        return cleaner.clean(text) if isinstance(text, str) else text

    return one
