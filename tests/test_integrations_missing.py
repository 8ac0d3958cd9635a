"""Each integration module imports without its optional library (so that the doctest run
of ``boilerstrip/`` collects on an install without the extras), and fails on use with an
ImportError that says which extra to install."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Run in a fresh interpreter: a module name mapped to None in sys.modules cannot be
# imported, as if the library were not installed.
PROBE = textwrap.dedent(
    """
    import sys
    for name in sys.argv[2:]:
        sys.modules[name] = None
    import importlib
    module = importlib.import_module("boilerstrip.integrations." + sys.argv[1])
    try:
        {call}
    except ImportError as e:
        print("ImportError:", e)
    else:
        print("no error")
    """
)

PACKAGES = {"scrapy": "Scrapy", "datatrove": "datatrove", "spark": "pyspark, pandas and pyarrow"}
CASES = [
    ("scrapy", "BoilerstripPipeline({'text': 'text'})", ["scrapy", "itemadapter"]),
    ("scrapy", "BoilerstripPipeline.from_crawler(None)", ["scrapy", "itemadapter"]),
    ("datatrove", "BoilerstripFormatter()", ["datatrove"]),
    ("datatrove", "BoilerstripFilter()", ["datatrove"]),
    ("spark", "clean_column('text')", ["pyspark", "pandas", "pyarrow"]),
]


@pytest.mark.parametrize(("module", "call", "blocked"), CASES, ids=[c[1] for c in CASES])
def test_integration_imports_without_its_library_and_fails_on_use(
    module: str, call: str, blocked: list[str]
) -> None:
    code = PROBE.format(call=f"module.{call}")
    r = subprocess.run(
        [sys.executable, "-c", code, module, *blocked],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr  # the import itself did not fail
    assert r.stdout.strip() == (
        f"ImportError: boilerstrip.integrations.{module} needs {PACKAGES[module]}: "
        f"pip install 'boilerstrip[{module}]'"
    )


def test_hf_helper_needs_no_library() -> None:
    # The batched map function works on plain dicts of lists: no import of `datasets`.
    code = "import sys; sys.modules['datasets'] = None\n" + textwrap.dedent(
        """
        from boilerstrip.integrations.hf import cleaner
        fn = cleaner()
        print(fn({"text": ["A story.\\n\\nAdvertisement\\n"]})["text"])
        """
    )
    r = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout == "['A story.\\n']\n"
