"""The optional C modules (``boilerstrip/_tokens.c``, ``boilerstrip/_page.c``): built by
``pip install .`` where a C compiler is there, each the faster twin of Python code that
stays the reference (``tests/test_native.py`` and ``tests/test_native_page.py`` run
both)."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

# The version of the interface of ``_tokens`` that this code calls.
TOKENS_VERSION = 3


def load(name: str, version: int) -> ModuleType | None:
    """The C module ``boilerstrip.<name>``, if it was built from the source of this
    interface ``version`` and is not switched off (``BOILERSTRIP_PURE=1``)."""
    if os.environ.get("BOILERSTRIP_PURE"):
        return None
    try:
        module = importlib.import_module(f"boilerstrip.{name}")
    except ImportError:  # not built
        return None
    return module if getattr(module, "VERSION", None) == version else None
