"""The cleaner: split -> line rules -> layout and document rules -> assemble from the
original lines."""

from __future__ import annotations

import bisect
import functools
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
from .text import is_blank, split_lines, strip_break, view
from .triggers import TriggerIndex, Triggers

_MARKER, _ANYWHERE, _PREDICATE = range(3)
# How many (view, rules) verdicts a cleaner remembers: page dumps repeat their menus and
# footers, texts of one site their labels (a third of the lines judged on the bench were
# judged before). The memory is emptied when full, and holds views of up to _MEMO_CHARS
# characters (labels repeat; paragraphs seldom do), so it stays small.
_MEMO = 8192
_MEMO_CHARS = 200
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
        lines, _verdicts, dropped, _ = self._run(text, title=title)
        if not dropped:
            return text
        spans = _kept_spans(lines, dropped)
        del lines, _verdicts  # the output is cut from the text: the lines may go first
        return _cut(text, spans)

    def explain(self, text: str, title: Title = None) -> Explanation:
        """The cleaned text and one decision per input line, with rule and reason."""
        lines, verdicts, dropped, kept = self._run(text, title=title)
        decisions = []
        for i, line in enumerate(lines):
            content = strip_break(line)
            verdict = verdicts.get(i)
            if i not in dropped:
                taken_back = kept.get(i)
                if taken_back is None:
                    decisions.append(Decision(i + 1, content, True))
                else:
                    decisions.append(
                        _decision(i, content, taken_back.rule, taken_back.reason, True)
                    )
            elif verdict is None:  # a blank line dropped with its neighbour
                decisions.append(_decision(i, content, LAYOUT_BLANK, LAYOUT_BLANK.reason))
            else:
                decisions.append(_decision(i, content, verdict.rule, verdict.reason))
        out = text if not dropped else _cut(text, _kept_spans(lines, dropped))
        return Explanation(out, tuple(decisions))

    def removals(self, text: str, title: Title = None) -> tuple[str, tuple[Decision, ...]]:
        """The cleaned text and a decision for each removed line only (cheaper than
        :meth:`explain` on long texts)."""
        lines, verdicts, dropped, _ = self._run(text, title=title)
        decisions = []
        for i in sorted(dropped):
            verdict = verdicts.get(i)
            rule, reason = (verdict.rule, verdict.reason) if verdict else (LAYOUT_BLANK, "")
            decisions.append(_decision(i, strip_break(lines[i]), rule, reason or rule.reason))
        out = text if not dropped else _cut(text, _kept_spans(lines, dropped))
        return out, tuple(decisions)

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

    def _run(self, text: str, exhaustive: bool = False, title: Title = None) -> _Run:
        """Lines, verdicts by line index, the indices of the lines to drop, and the lines
        whose verdict a rule took back.

        ``exhaustive`` runs every rule on every line, without asking any trigger, instead
        of only on the lines its triggers select: it must give the same result (the
        triggers are sound, ``tests/test_triggers.py``), only slower.
        """
        if not isinstance(text, str):
            raise TypeError(f"clean() takes a str, not {type(text).__name__}")
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
            doc = Document(lines, verdicts, self.config, titles, text)
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


def _kept_spans(lines: list[str], dropped: set[int]) -> list[tuple[int, int]]:
    """Where the kept lines are in the text, as (start, end) offsets of runs of kept lines
    (the lines are the text's, in order: ``"".join(lines) == text``)."""
    spans: list[tuple[int, int]] = []
    pos = start = i = 0  # pos: where line i starts; start: where the current run starts
    for d in sorted(dropped):
        if d > i:  # kept lines i..d-1 before this dropped line
            pos += sum(map(len, lines[i:d]))
            if pos > start:
                spans.append((start, pos))
        pos += len(lines[d])
        start, i = pos, d + 1
    pos += sum(map(len, lines[i:]))
    if pos > start:
        spans.append((start, pos))
    n = len(lines)
    if spans and (n - 1) in dropped and not lines[-1].endswith(("\n", "\r")):
        # The input did not end with a line break, so neither does the output.
        last = n - 1
        while last in dropped:
            last -= 1
        a, b = spans[-1]
        spans[-1] = (a, b - (len(lines[last]) - len(strip_break(lines[last]))))
    return spans


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    """The text's kept runs, joined: copies of the text, so no line object is needed."""
    return "".join([text[a:b] for a, b in spans])


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
