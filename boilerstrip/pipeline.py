"""The cleaner: split -> line rules -> layout and document rules -> assemble from the
original lines."""

from __future__ import annotations

import bisect
import functools
import re
from array import array
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import regex

from .config import Config
from .model import Category, Decision, Explanation
from .phrases import LEAD_CHARS, PhraseIndex, core, key
from .rules import LAYOUT_BLANK, REGISTRY
from .rules.base import (
    FLAGS,
    Document,
    DocumentAction,
    DocumentRule,
    LineMatcher,
    LineRule,
    Rule,
    Verdict,
    marker_phrases,
    reported_pattern,
)
from .rules.page import MAX_LINES as PAGE_MAX_LINES
from .text import cut, is_blank, split_lines, strip_break, view
from .triggers import TriggerIndex, Triggers

_MARKER, _ANYWHERE, _PREDICATE = range(3)
# How many (view, rules) verdicts a cleaner remembers: page dumps repeat their menus and
# footers, texts of one site their labels (a third of the lines judged on the bench were
# judged before). The memory is emptied when full, and holds views of up to _MEMO_CHARS
# characters (labels repeat; paragraphs seldom do), so it stays small.
_MEMO = 8192
_MEMO_CHARS = 200
# A text of more than _WHOLE lines is cleaned in windows of _WINDOW lines, each judged
# with _MARGIN lines of the text on either side for context (what a rule decides about a
# line looks a few lines around it, a section or a story's end at most): the rules hold a
# few hundred bytes per line, and a window's are freed before the next one's are made.
# Page mode reads a page whole, and no text of more than _WHOLE lines is a page (the
# largest page dumps of both kits have 5,500): no window is read as one, and in the mode
# "page" a text is read whole whatever its length.
_WHOLE = PAGE_MAX_LINES
_MARGIN = 250
_WINDOW = 5_000
# The page's title, or several forms of it (the <title>, og:title, the <h1>).
Title = str | Iterable[str] | None


class Cleaner:
    """Compiles the rules of one :class:`Config` once; cleans any number of texts.

    >>> Cleaner().clean("Storm closes schools.\\n\\nAdvertisement\\n\\nThe storm hit at noon.\\n")
    'Storm closes schools.\\n\\nThe storm hit at noon.\\n'
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        rules = REGISTRY.select(self.config)
        self.rules: tuple[Rule, ...] = tuple(rules) + tuple(_user_rules(self.config))
        # Rules switched off that others require: they run, and their lines stay.
        silent = REGISTRY.required(rules)
        self.silent: tuple[Rule, ...] = tuple(silent)
        order = {r.name: i for i, r in enumerate(REGISTRY)}
        every = sorted((*self.rules, *silent), key=lambda r: order.get(r.name, len(order)))

        # Line rule i is bit 1 << i of a trigger mask. Each entry: the rule, its triggers,
        # how it matches, and what it matches with.
        self._line: list[tuple[LineRule, Triggers, int, Any]] = []
        self._doc_actions: list[DocumentAction] = []
        self._doc_rules: list[DocumentRule] = []  # the rule of each action
        marker_lists: dict[str, tuple[str, ...]] = {}
        for rule in every:
            if isinstance(rule, DocumentRule):
                action = rule.compile(self.config)
                if action is not None:
                    self._doc_actions.append(action)
                    self._doc_rules.append(rule)
                continue
            if not isinstance(rule, LineRule):
                continue
            triggers = rule.triggers(self.config)
            if rule.make is not None:
                matcher = rule.make(rule, self.config)
                if matcher is not None:
                    self._line.append((rule, triggers, _PREDICATE, matcher))
            elif rule.anywhere:
                source = rule.anywhere_source(self.config)
                if source is not None:
                    pattern = regex.compile(source, FLAGS)
                    self._line.append((rule, triggers, _ANYWHERE, pattern))
            else:
                after = rule.after_pattern(self.config)
                if after is not None:
                    data = (frozenset(rule.markers), after, rule.list_afters(self.config))
                    self._line.append((rule, triggers, _MARKER, data))
                    for name in rule.markers:
                        marker_lists[name] = marker_phrases(name, self.config)
        silent_names = {r.name for r in silent}
        self._silent = sum(  # the bits of the silent line rules
            1 << i for i, (rule, *_) in enumerate(self._line) if rule.name in silent_names
        )
        # Marker rules: one index of every phrase a line may start with.
        self._index = PhraseIndex(marker_lists)
        self._reported = reported_pattern(self.config)
        self._triggers = TriggerIndex([rule.triggers(self.config) for rule, *_ in self._line])
        self._all = (1 << len(self._line)) - 1
        # For a line of n characters, the rules that judge it: _fits[bisect(_limits, n)].
        limits = [rule.limit(self.config) for rule, *_ in self._line]
        self._limits = sorted(set(limits))
        self._fits = [
            sum(1 << i for i, lim in enumerate(limits) if lim >= bound) for bound in self._limits
        ] + [0]
        # (view, mask) -> (verdict,): a line rule's verdict depends on the view alone.
        self._memo: dict[tuple[str, int], tuple[Verdict | None]] = {}

    # -- public API -------------------------------------------------------------------

    def clean(self, text: str, title: Title = None) -> str:
        """The text without its boilerplate lines; kept lines are byte-identical.

        ``title``: the page's title (or several forms of it), when known apart from the
        text, as in HTML or a record's field: lines that repeat it go (rule ``meta.title``).
        """
        spans = array("q")
        for part in self._parts(text, title):
            _kept_spans(part, spans)
            del part  # before the next part is made; the output is cut from the text
        return _output(text, spans)

    def explain(self, text: str, title: Title = None) -> Explanation:
        """The cleaned text and one decision per input line, with rule and reason."""
        decisions = []
        spans = array("q")
        for part in self._parts(text, title):
            _kept_spans(part, spans)
            for i in range(part.lo, part.hi):
                content = strip_break(part.lines[i])
                verdict = part.verdicts.get(i)
                n = part.first + i
                if i not in part.dropped:
                    taken_back = part.kept.get(i)
                    if taken_back is None:
                        decisions.append(Decision(n + 1, content, True))
                    else:
                        decisions.append(
                            _decision(n, content, taken_back.rule, taken_back.reason, True)
                        )
                elif verdict is None:  # a blank line dropped with its neighbour
                    decisions.append(_decision(n, content, LAYOUT_BLANK, LAYOUT_BLANK.reason))
                else:
                    decisions.append(_decision(n, content, verdict.rule, verdict.reason))
            del part  # before the next part is made
        return Explanation(_output(text, spans), tuple(decisions))

    def removals(self, text: str, title: Title = None) -> tuple[str, tuple[Decision, ...]]:
        """The cleaned text and a decision for each removed line only (cheaper than
        :meth:`explain` on long texts)."""
        decisions = []
        spans = array("q")
        for part in self._parts(text, title):
            _kept_spans(part, spans)
            for i in sorted(part.dropped):
                verdict = part.verdicts.get(i)
                rule, reason = (verdict.rule, verdict.reason) if verdict else (LAYOUT_BLANK, "")
                content = strip_break(part.lines[i])
                decisions.append(_decision(part.first + i, content, rule, reason or rule.reason))
            del part  # before the next part is made
        return _output(text, spans), tuple(decisions)

    def clean_many(self, texts: Iterable[str]) -> Iterator[str]:
        """Clean texts one by one, lazily; the same as ``map(self.clean, texts)``."""
        return map(self.clean, texts)

    # -- stages -----------------------------------------------------------------------

    def _judge(self, v: str, mask: int) -> Verdict | None:
        """The first rule in ``mask`` (in rule order) that removes the line with view v."""
        k = key(v)
        hits: list[tuple[str, int]] | None = None
        c = ""
        while mask:
            bit = mask & -mask
            mask ^= bit
            rule, _triggers, kind, data = self._line[bit.bit_length() - 1]
            if kind == _MARKER:
                if hits is None:
                    c = core(k.lstrip(LEAD_CHARS))
                    hits = self._index.hits(c, v)
                markers, after, afters = data
                for name, end in hits:
                    if name in markers and afters.get(name, after).fullmatch(c, end):
                        if not (rule.unless_reported and self._is_reported(k)):
                            return Verdict(rule, rule.reason)
                        break
            elif kind == _ANYWHERE:
                if data.search(k):
                    return Verdict(rule, rule.reason)
            else:
                detail = data(v, k)
                if detail is not None:
                    return Verdict(rule, f"{rule.reason}: {detail}" if detail else rule.reason)
        return None

    def _judge_once(self, v: str, mask: int) -> Verdict | None:
        """:meth:`_judge`, remembered: the same view judged by the same rules again gets
        the same verdict without asking them. Threads share a cleaner, so the memory is
        read in one step (another thread may empty it at any moment)."""
        if len(v) > _MEMO_CHARS:
            return self._judge(v, mask)
        memo = self._memo
        seen = (v, mask)
        known = memo.get(seen)
        if known is not None:
            return known[0]
        verdict = self._judge(v, mask)
        if len(memo) >= _MEMO:
            memo.clear()
        memo[seen] = (verdict,)
        return verdict

    def _is_reported(self, k: str) -> bool:
        return self._reported is not None and self._reported.search(k) is not None

    def _parts(self, text: str, title: Title = None) -> Iterator[_Part]:
        """The text's lines judged: in one part, or, for a text of many lines, one part
        per window (see ``_WINDOW``), made when the last one is done with."""
        if not isinstance(text, str):
            raise TypeError(f"clean() takes a str, not {type(text).__name__}")
        blocks = None if self.config.mode == "page" else _blocks(text)
        if blocks is None:
            lines, verdicts, dropped, kept = self._run(text, title=title)
            yield _Part(0, 0, 0, len(lines), lines, verdicts, dropped, kept)
            return
        # blocks[k] is where block k of _MARGIN lines starts; a window is a whole number of
        # blocks, read with one block more on either side.
        per = max(1, _WINDOW // _MARGIN)
        last = len(blocks) - 1
        for j in range(0, last, per):
            a, b = max(0, j - 1), min(last, j + per + 1)
            lines, verdicts, dropped, kept = self._run(
                text[blocks[a] : blocks[b]], title=title, window=True
            )
            lo = (j - a) * _MARGIN
            hi = len(lines) if j + per >= last else lo + per * _MARGIN
            dropped = {d for d in dropped if lo <= d < hi}
            yield _Part(a * _MARGIN, blocks[a], lo, hi, lines, verdicts, dropped, kept)
            del lines, verdicts, dropped, kept  # before the next window's are made

    def _run(
        self, text: str, exhaustive: bool = False, title: Title = None, window: bool = False
    ) -> _Run:
        """Lines, verdicts by line index, the indices of the lines to drop, and the lines
        whose verdict a rule took back.

        ``exhaustive`` runs every rule on every line, without asking any trigger, instead
        of only on the lines its triggers select: it must give the same result (the
        triggers are sound, ``tests/test_triggers.py``), only slower. ``window``: the text
        is a window of a longer one (see ``_WINDOW``).
        """
        lines = split_lines(text)
        if exhaustive:
            candidates = dict.fromkeys(range(len(lines)), self._all)
        else:
            candidates = self._triggers.candidates(text, len(lines))
        verdicts: dict[int, Verdict] = {}
        marks: dict[int, Verdict] = {}
        judge, fits, limits, silent = self._judge_once, self._fits, self._limits, self._silent
        for i in sorted(candidates):
            line = lines[i].strip()
            mask = candidates[i] & fits[bisect.bisect_left(limits, len(line))]
            if mask:
                v = view(line)
                if not v:
                    continue
                verdict = judge(v, mask & ~silent)
                if verdict is not None:
                    verdicts[i] = verdict
                if mask & silent:
                    mark = judge(v, mask & silent)
                    if mark is not None:
                        marks[i] = mark
        kept: dict[int, Verdict] = {}
        if self._doc_actions:
            titles = (title,) if isinstance(title, str) else tuple(title or ())
            doc = Document(lines, verdicts, self.config, titles, text, window)
            doc.marks = marks
            for action in self._doc_actions:
                action(doc)
            kept = doc.kept
        return _Run(lines, verdicts, _dropped(lines, verdicts), kept)


class _Run(NamedTuple):
    lines: list[str]
    verdicts: dict[int, Verdict]
    dropped: set[int]
    kept: dict[int, Verdict]  # lines whose verdict a rule took back


class _Part(NamedTuple):
    """A run over some of the text's lines, whose decisions count for lines lo..hi-1."""

    first: int  # the text's line number of lines[0]
    start: int  # where lines[0] starts in the text
    lo: int
    hi: int
    lines: list[str]
    verdicts: dict[int, Verdict]
    dropped: set[int]  # of lines lo..hi-1
    kept: dict[int, Verdict]


@functools.cache
def _block_pattern(n: int) -> re.Pattern[str]:
    """n lines (as split_lines splits them), each with its line break. Atomic: a CRLF
    taken as one break is never tried again as two."""
    return re.compile(r"(?>[^\r\n]*+(?:\r\n|\r|\n)){" + str(n) + "}")


def _blocks(text: str) -> list[int] | None:
    """Where each block of _MARGIN lines starts, and the text's end; None when the text
    is read whole."""
    most = max(_WHOLE, _WINDOW + 2 * _MARGIN)
    if text.count("\n") + text.count("\r") < most:  # at most one line per line break, +1
        return None
    pattern, pos, blocks = _block_pattern(_MARGIN), 0, [0]
    while (m := pattern.match(text, pos)) is not None:
        pos = m.end()
        blocks.append(pos)
    if pos < len(text):
        blocks.append(len(text))
    return None if (len(blocks) - 1) * _MARGIN <= most else blocks


def _decision(i: int, content: str, rule: Rule, reason: str, kept: bool = False) -> Decision:
    return Decision(
        i + 1, content, kept, rule.id, rule.name, rule.category.value, reason, rule.stage
    )


def _dropped(lines: list[str], verdicts: dict[int, Verdict]) -> set[int]:
    """The lines that go: those with a verdict, and the blank lines around them.

    Between two kept lines with removed lines among them, only the first run of blank
    lines stays, so paragraphs stay apart without gaping holes (where nothing was removed,
    every blank line stays). Before the first and after the last kept line, blank lines go
    when something there was removed.
    """
    dropped: set[int] = set()
    n = len(lines)
    end = -1  # the lines before this one are done
    for r in sorted(verdicts):
        if r < end:
            continue
        a = r - 1
        while a >= 0 and (a in verdicts or is_blank(lines[a])):
            a -= 1
        b = r + 1
        while b < n and (b in verdicts or is_blank(lines[b])):
            b += 1
        end = b
        keep_from = keep_to = a + 1
        if a >= 0 and b < n:  # keep the first run of blank lines after the removed ones
            while keep_from < b and keep_from in verdicts:
                keep_from += 1
            keep_to = keep_from
            while keep_to < b and keep_to not in verdicts:
                keep_to += 1
        dropped.update(range(a + 1, keep_from))
        dropped.update(range(keep_to, b))
    return dropped


def _kept_spans(part: _Part, spans: array[int]) -> None:
    """Add where the part's kept lines are in the text to spans, as start and end offsets
    of runs of kept lines (a run that goes on where the last one ended extends it)."""
    lines, dropped = part.lines, part.dropped
    pos = part.start + sum(map(len, lines[: part.lo]))  # where line i starts
    start, i = pos, part.lo  # start: where the current run starts
    for d in sorted(dropped):
        if d > i:  # kept lines i..d-1 before this dropped line
            pos += sum(map(len, lines[i:d]))
            _add_span(spans, start, pos)
        pos += len(lines[d])
        start, i = pos, d + 1
    pos += sum(map(len, lines[i : part.hi]))
    _add_span(spans, start, pos)


def _add_span(spans: array[int], a: int, b: int) -> None:
    if b <= a:
        return
    if spans and spans[-1] == a:
        spans[-1] = b
    else:
        spans.extend((a, b))


def _output(text: str, spans: array[int]) -> str:
    """The kept runs of the text, joined. When the text does not end with a line break
    and its last line goes, neither does the output."""
    if len(spans) == 2 and spans[0] == 0 and spans[1] == len(text):
        return text
    if spans and spans[-1] < len(text) and not text.endswith(("\n", "\r")):
        b = spans[-1]  # the end of the last kept line, which has a line break
        spans[-1] = b - (2 if b >= 2 and text.startswith("\r\n", b - 2) else 1)
    return cut(text, spans)


def _user_rules(config: Config) -> Iterator[LineRule]:
    for category, patterns in config.patterns.items():
        cat = Category(category)
        pattern = regex.compile("|".join(f"(?:{p})" for p in patterns), regex.IGNORECASE)

        def make(
            rule: LineRule, config: Config, pattern: regex.Pattern[str] = pattern
        ) -> LineMatcher:
            return lambda v, k: "" if pattern.fullmatch(v) else None

        yield LineRule(
            id=f"USER-{cat.value}",
            name=f"user.{cat.value}",
            category=cat,
            description="A pattern from the user's configuration.",
            reason=f"matches a user pattern for {cat.value}",
            make=make,
        )


@functools.lru_cache(maxsize=16)
def cleaner_for(config: Config | None) -> Cleaner:
    """A shared, cached cleaner per config (configs are hashable)."""
    return Cleaner(config)
