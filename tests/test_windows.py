"""A text of many lines is cleaned window by window (pipeline.py, ``_WINDOW``): memory
stays bounded, and a window decides what the whole text would have decided, since it is
judged with context on both sides."""

from __future__ import annotations

import importlib.util
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from boilerstrip import Cleaner, Config, pipeline
from boilerstrip.text import split_lines, strip_break
from tests.corpus import texts
from tests.test_page import PAGES
from tests.test_properties import ARTICLES, _contents, _is_subsequence

_spec = importlib.util.spec_from_file_location(
    "adversarial", Path(__file__).resolve().parent.parent / "fixtures" / "adversarial" / "make.py"
)
assert _spec is not None and _spec.loader is not None
adversarial = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(adversarial)


def _peak(cleaner: Cleaner, text: str) -> float:
    """What clean() allocates at its peak, output included, over the text's UTF-8 size."""
    tracemalloc.start()
    try:
        cleaner.clean(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak / len(text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize(
    "kind",
    ["one-word lines", "markers on many lines", "mixed line breaks", "footer links and tags"],
)
def test_memory_stays_under_five_times_the_text_on_many_short_lines(kind: str) -> None:
    # 1 MB of lines of a few characters: a str and verdict per line of the whole text
    # would take 30-50 times the text; read as a page, 16,000 footer lines took 10 times.
    cleaner = Cleaner()
    cleaner.clean(PAGES[0]["page"])  # page mode's stop lists, loaded once, are not counted
    assert _peak(cleaner, adversarial.KINDS[kind](1_000_000)) < 5


def _windows(monkeypatch: pytest.MonkeyPatch, whole: int, margin: int, window: int) -> None:
    """Texts of more than ``whole`` lines go in windows of ``window`` lines (``margin``
    more on either side): small ones, to test with small texts."""
    monkeypatch.setattr(pipeline, "_WHOLE", whole)
    monkeypatch.setattr(pipeline, "_MARGIN", margin)
    monkeypatch.setattr(pipeline, "_WINDOW", window)


def _concatenated(limit: int) -> str:
    """Fixture and kit texts one after the other, blank lines between: a long text of
    real lines."""
    parts, n = [], 0
    for _name, text in texts():
        parts.append(text.rstrip("\r\n") + "\n\n")
        n += len(split_lines(parts[-1]))
        if n > limit:
            break
    return "".join(parts)


def test_small_windows_remove_no_line_the_whole_text_keeps_and_most_it_removes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Line rules judge a line alone, so a window changes nothing of theirs; document rules
    # read their context in the window and its margins. layout.repeated weighs a structure
    # against the text before it, and in thousands of lines of hundreds of texts a
    # thread's dates stand late in the whole text but not in their window: a window keeps
    # a few lines more (as each text alone does), never fewer. (In article mode: in auto
    # mode the whole concatenation, read whole, may read as one page, which no window
    # does; see the next tests.)
    text = _concatenated(30_000)
    config = Config(mode="article")
    whole = Cleaner(config).removals(text)
    _windows(monkeypatch, 2_000, 250, 1_000)
    cleaner = Cleaner(config)
    out, removed = cleaner.removals(text)
    windowed = {d.line for d in removed}
    before = {d.line for d in whole[1]}
    assert windowed <= before
    assert len(windowed) >= 0.95 * len(before)
    assert out == cleaner.clean(text) == cleaner.explain(text).text
    assert [d.line for d in cleaner.explain(text).decisions] == list(
        range(1, len(split_lines(text)) + 1)
    )


@pytest.mark.parametrize("brk", ["\n", "\r", "\r\n", "\r\n\r", "\n\r\n"])
def test_blocks_start_where_split_lines_starts_a_line(
    monkeypatch: pytest.MonkeyPatch, brk: str
) -> None:
    # A CRLF is one line break: the blocks pattern once also tried it as two, which took
    # exponential time on a last block of fewer lines than a block's.
    _windows(monkeypatch, 100, 100, 100)
    text = "".join(f"line {i}{brk}" for i in range(450)) + "no break at the end"
    starts = [0]
    for line in split_lines(text):
        starts.append(starts[-1] + len(line))
    blocks = pipeline._blocks(text)
    assert blocks is not None
    assert blocks == [starts[k] for k in range(0, len(starts) - 1, 100)] + [len(text)]


def test_a_window_is_never_read_as_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    # Page mode keeps one run of a page and drops the rest: over a long text of many
    # documents that would drop all but one. Texts of more than page.MAX_LINES lines are
    # no pages; neither is a window of one.
    row = PAGES[0]
    assert Cleaner().clean(row["page"]) == row["article"]  # alone, it reads as a page
    page = row["page"].rstrip("\n") + "\n\n"
    _windows(monkeypatch, 3 * len(split_lines(page)), 20, len(split_lines(page)) // 20 * 20)
    long = page * 5
    assert pipeline._blocks(long) is not None
    assert "BS1001" not in {d.rule_id for d in Cleaner().removals(long)[1]}
    # In the mode "page" a text is read whole, however long.
    assert Cleaner(Config(mode="page")).clean(long) == Cleaner(Config(mode="page")).clean(page)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ARTICLES)
def test_any_text_in_small_windows_loses_only_whole_lines(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    _windows(monkeypatch, 6, 2, 4)
    cleaner = Cleaner()
    out = cleaner.clean(text)
    assert _is_subsequence(_contents(out), _contents(text))
    explanation = cleaner.explain(text)
    assert explanation.text == out == cleaner.removals(text)[0]
    assert [d.line for d in explanation.decisions] == list(range(1, len(split_lines(text)) + 1))
    lines = split_lines(text)
    kept = [line for line, d in zip(lines, explanation.decisions, strict=True) if d.kept]
    if kept and not explanation.decisions[-1].kept and lines[-1] == strip_break(lines[-1]):
        kept[-1] = strip_break(kept[-1])  # no line break after a last line that had none
    assert out == "".join(kept)
