"""The cleaner: split -> line rules -> document rules -> assemble from the original lines."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator

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
)
from .text import split_lines, strip_break, view

# No marker rule can match a line longer than this (every ``after`` caps its length), so
# the phrase index is not even consulted for long paragraphs.
LINE_RULE_MAX_CHARS = 800


class Cleaner:
    """Compiles the rules of one :class:`Config` once; cleans any number of texts.

    >>> Cleaner().clean("Storm closes schools.\\n\\nAdvertisement\\n\\nThe storm hit at noon.\\n")
    'Storm closes schools.\\n\\nThe storm hit at noon.\\n'
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        rules = REGISTRY.select(self.config)
        self.rules: tuple[Rule, ...] = tuple(rules) + tuple(_user_rules(self.config))

        starts: list[tuple[LineRule, frozenset[str], regex.Pattern[str]]] = []
        anywhere: list[tuple[str, LineRule]] = []
        marker_lists: dict[str, tuple[str, ...]] = {}
        self._line_matchers: list[tuple[LineRule, LineMatcher]] = []
        self._doc_actions: list[DocumentAction] = []
        for rule in self.rules:
            if isinstance(rule, DocumentRule):
                action = rule.compile(self.config)
                if action is not None:
                    self._doc_actions.append(action)
            elif not isinstance(rule, LineRule):
                continue
            elif rule.make is not None:
                matcher = rule.make(self.config)
                if matcher is not None:
                    self._line_matchers.append((rule, matcher))
            elif rule.anywhere:
                source = rule.anywhere_source(self.config)
                if source is not None:
                    anywhere.append((source, rule))
            else:
                after = rule.after_pattern(self.config)
                if after is not None:
                    starts.append((rule, frozenset(rule.markers), after))
                    for name in rule.markers:
                        marker_lists[name] = marker_phrases(name, self.config)

        # Marker rules: one index of every phrase a line may start with; a line whose first
        # word starts no phrase skips them all.
        self._index = PhraseIndex(marker_lists)
        self._starts = starts
        # "anywhere" rules judge lines up to their max_chars: one alternation per limit, with
        # a named group per rule, so one search per line finds the (first) rule that matches.
        limits = sorted({rule.max_chars for _, rule in anywhere})
        self._anywhere = [
            (limit, _combine([(s, r) for s, r in anywhere if r.max_chars == limit]))
            for limit in limits
        ]

    # -- public API -------------------------------------------------------------------

    def clean(self, text: str) -> str:
        """The text without its boilerplate lines; kept lines are byte-identical."""
        lines, _verdicts, keep = self._run(text)
        return "".join(_assemble(lines, keep))

    def explain(self, text: str) -> Explanation:
        """The cleaned text and one decision per input line, with rule and reason."""
        lines, verdicts, keep = self._run(text)
        decisions = []
        for i, line in enumerate(lines):
            content = strip_break(line)
            verdict = verdicts[i]
            if keep[i]:
                decisions.append(Decision(i + 1, content, True))
            elif verdict is None:  # a blank line dropped with its neighbour
                decisions.append(_decision(i, content, LAYOUT_BLANK, LAYOUT_BLANK.reason))
            else:
                decisions.append(_decision(i, content, verdict.rule, verdict.reason))
        return Explanation("".join(_assemble(lines, keep)), tuple(decisions))

    def clean_many(self, texts: Iterable[str]) -> Iterator[str]:
        """Clean texts one by one, lazily; the same as ``map(self.clean, texts)``."""
        return map(self.clean, texts)

    # -- stages -----------------------------------------------------------------------

    def _judge(self, v: str) -> Verdict | None:
        k = key(v)
        if len(k) <= LINE_RULE_MAX_CHARS:
            c = k.lstrip(LEAD_CHARS)
            if self._index.starts(c):
                c = core(c)
                hits = self._index.hits(c)
                for rule, markers, after in self._starts if hits else ():
                    for name, end in hits:
                        if name in markers and after.fullmatch(c, end):
                            return Verdict(rule, rule.reason)
        for limit, combined in self._anywhere:
            if len(k) <= limit:
                found = _first(combined, k)
                if found is not None:
                    return Verdict(found, found.reason)
        for rule, matcher in self._line_matchers:
            detail = matcher(v, k)
            if detail is not None:
                return Verdict(rule, f"{rule.reason}: {detail}" if detail else rule.reason)
        return None

    def _run(self, text: str) -> tuple[list[str], list[Verdict | None], list[bool]]:
        if not isinstance(text, str):
            raise TypeError(f"clean() takes a str, not {type(text).__name__}")
        lines = split_lines(text)
        views = [view(strip_break(line)) for line in lines]
        judge = self._judge
        verdicts = [judge(v) if v else None for v in views]
        if self._doc_actions:
            doc = Document(views, verdicts, self.config)
            for action in self._doc_actions:
                action(doc)
        return lines, verdicts, _keep_mask(views, verdicts)


_Combined = tuple[regex.Pattern[str], dict[str, LineRule]] | None


def _combine(rules: list[tuple[str, LineRule]]) -> _Combined:
    if not rules:
        return None
    source = "|".join(f"(?P<r{i}>{src})" for i, (src, _) in enumerate(rules))
    return regex.compile(source, FLAGS), {f"r{i}": rule for i, (_, rule) in enumerate(rules)}


def _first(combined: _Combined, k: str) -> LineRule | None:
    """The first rule of a combined alternation found in the key."""
    if combined is None:
        return None
    pattern, by_group = combined
    m = pattern.search(k)
    return None if m is None else by_group[m.lastgroup]


def _decision(i: int, content: str, rule: Rule, reason: str) -> Decision:
    return Decision(
        i + 1, content, False, rule.id, rule.name, rule.category.value, reason, rule.stage
    )


def _keep_mask(views: list[str], verdicts: list[Verdict | None]) -> list[bool]:
    """Which lines stay: content lines without a verdict, and the blank lines around them.

    Between two kept lines, every blank line stays when nothing between them was removed;
    otherwise only the first run of blank lines stays, so paragraphs stay apart without
    gaping holes. Before the first and after the last kept line, blank lines stay only when
    nothing there was removed.
    """
    n = len(views)
    if all(v is None for v in verdicts):
        return [True] * n
    keep = [False] * n
    kept = [i for i in range(n) if views[i] and verdicts[i] is None]
    bounds = [-1, *kept, n]
    for a, b in itertools.pairwise(bounds):
        if a >= 0:
            keep[a] = True
        if not any(views[a + 1 : b]):  # only blank lines: nothing was removed here
            keep[a + 1 : b] = [True] * (b - a - 1)
        elif a >= 0 and b < n:  # removed lines between two kept ones
            j = a + 1
            while j < b and views[j]:
                j += 1
            while j < b and not views[j]:
                keep[j] = True
                j += 1
    return keep


def _assemble(lines: list[str], keep: list[bool]) -> Iterator[str]:
    kept = [line for line, k in zip(lines, keep, strict=False) if k]
    if kept and len(kept) < len(lines) and lines and not lines[-1].endswith(("\n", "\r")):
        # The input did not end with a line break, so neither does the output.
        kept[-1] = strip_break(kept[-1])
    return iter(kept)


def _user_rules(config: Config) -> Iterator[LineRule]:
    for category, patterns in config.patterns.items():
        cat = Category(category)
        pattern = regex.compile("|".join(f"(?:{p})" for p in patterns), regex.IGNORECASE)

        def make(config: Config, pattern: regex.Pattern[str] = pattern) -> LineMatcher:
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
