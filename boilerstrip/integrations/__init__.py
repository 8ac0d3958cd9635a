"""boilerstrip inside other tools' pipelines; each module needs its optional extra."""

from __future__ import annotations


def missing(extra: str, package: str) -> ImportError:
    """The error raised when an integration's library is not installed."""
    return ImportError(
        f"boilerstrip.integrations.{extra} needs {package}: pip install 'boilerstrip[{extra}]'"
    )
