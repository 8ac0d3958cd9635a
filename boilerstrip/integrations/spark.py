"""Clean a Spark DataFrame column with a pandas UDF.

    from boilerstrip.integrations.spark import clean_column
    df = df.withColumn("text", clean_column("text"))
    df = df.withColumn("text", clean_column("text", title="title"))  # a title column
    df = df.withColumn("c", clean_column("text", counts=True))  # c.text, c.lines_removed, ...

The UDF gets Arrow batches of rows as pandas Series; each executor's Python worker builds
one :class:`~boilerstrip.Cleaner` per config (cached), not one per row. Nulls stay null.

Without pyspark, pandas and pyarrow installed, the module imports, and
:func:`clean_column` raises an ImportError that says what to install.
"""

# No ``from __future__ import annotations`` here: pyspark reads the UDFs' type hints
# (pd.Series, pd.DataFrame) at run time, and pandas is imported only when a UDF is made.

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..model import removed_by_category
from ..pipeline import Cleaner
from . import missing

if TYPE_CHECKING:
    from pyspark.sql import Column

# The struct that counts=True returns: the text and its removed lines, as the datatrove
# steps write them to a document's metadata.
COUNTS_TYPE = "struct<text:string,lines_removed:int,by_category:map<string,int>>"


def clean_column(
    col: "Column | str",
    config: "Config | None" = None,
    *,
    title: "Column | str | None" = None,
    counts: bool = False,
) -> "Column":
    """A column expression: ``col`` (a column or its name) cleaned by boilerstrip.

    ``title``: a column (or its name) of the page's title, a string or an array of strings
    per row; the headline that repeats it goes too (rule ``meta.title``); a null title is
    no title. ``counts=True``: a struct of ``text`` (the cleaned text), ``lines_removed``
    and ``by_category`` (a map of category to lines removed, the categories with none
    left out) instead of the text; a null text gives null fields.
    """
    try:
        import pandas as pd

        # pyspark's stubs leave pandas_udf out of pyspark.sql.functions.
        from pyspark.sql.functions import pandas_udf  # type: ignore[attr-defined]
    except ImportError as e:
        raise missing("spark", "pyspark, pandas and pyarrow") from e

    if counts:

        def counted(texts: pd.Series, titles: pd.Series) -> pd.DataFrame:
            cleaner = _cleaner(config)
            rows = [_counted(cleaner, t, ti) for t, ti in zip(texts, titles, strict=True)]
            return pd.DataFrame(rows, columns=["text", "lines_removed", "by_category"])

        udf = pandas_udf(counted, COUNTS_TYPE)
    else:

        def cleaned(texts: pd.Series, titles: pd.Series) -> pd.Series:
            cleaner = _cleaner(config)
            return pd.Series(
                [_cleaned(cleaner, t, ti) for t, ti in zip(texts, titles, strict=True)]
            )

        udf = pandas_udf(cleaned, "string")
    if title is None:
        from pyspark.sql.functions import lit

        # A literal null column: one UDF for both calls, and Arrow sends it cheaply.
        return udf(col, lit(None).cast("string"))  # type: ignore[no-any-return]
    return udf(col, title)  # type: ignore[no-any-return]


def _cleaner(config: "Config | None") -> Cleaner:
    """On the executor: the worker's cached cleaner for the config (one per batch call)."""
    from boilerstrip.pipeline import cleaner_for

    return cleaner_for(config)


def _cleaned(cleaner: Cleaner, text: Any, title: Any) -> Any:
    return cleaner.clean(text, _titles(title)) if isinstance(text, str) else None


def _counted(cleaner: Cleaner, text: Any, title: Any) -> tuple[Any, Any, Any]:
    if not isinstance(text, str):
        return None, None, None
    out, removed = cleaner.removals(text, _titles(title))
    by_category = removed_by_category(removed)
    return out, sum(by_category.values()), by_category


def _titles(value: Any) -> tuple[str, ...]:
    """A title cell: a string, an array of strings (a numpy array from Arrow), or null."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable):
        return tuple(v for v in value if isinstance(v, str))
    return ()
