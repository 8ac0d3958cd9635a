"""Rules: declared as data, compiled once per :class:`~boilerstrip.Config`.

A *line rule* judges one line by its matching view alone. A *document rule* sees every
line and every verdict so far, and removes lines by their context (what follows a
``Keep Reading`` marker, headlines after the story's last paragraph).

Every rule carries an id that never changes, a dotted name, a category, a description of
why such a line is boilerplate, a reason shown by ``explain()``, and examples: texts it
must remove a line from (``removes``) and texts that must come back unchanged (``keeps``).
``tests/test_rule_examples.py`` runs them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import regex

from ..config import LANGUAGES, Config
from ..model import Category
from ..phrases import _read, alternation, key, load, plain_words
from ..text import TRAIL, is_blank, strip_break, view
from ..triggers import Triggers

_LIST_REF = re.compile(r"<<([\w.]+)>>")

# Rule patterns run on a line's key (lower-cased), so they need no IGNORECASE, which makes
# large phrase alternations an order of magnitude slower in the regex module.
FLAGS = regex.UNICODE

# Reported speech: after a comma, a dash or a question, a short clause with a reporting verb
# ("..., the council advises.", "..., dijo el portavoz.", "... – apeluje ministerstwo."),
# unless the clause opens with a word of comparison ("..., as explained in our policy.").
# The lists that reported speech is read with.
REPORTED_LISTS = ("quote.verb", "quote.as")
_REPORTED = r"[,;–—?!]\s*+(?!<<quote.as>>(?!\w))(?:[^\s,;–—.!?]++\s++){0,6}?<<quote.verb>>(?!\w)"


def reported_pattern(config: Config) -> regex.Pattern[str] | None:
    """Finds a clause of reported speech in a line's key (see ``unless_reported``)."""
    if not marker_phrases("quote.verb", config):
        return None

    def fill(m: re.Match[str]) -> str:
        phrases = marker_phrases(m.group(1), config)
        return alternation(phrases) if phrases else "(?!)"

    return regex.compile(_LIST_REF.sub(fill, _REPORTED), FLAGS)


def phrase_source(template: str, config: Config, empty: str | None = None) -> str | None:
    """Fill the ``<<list-name>>`` slots of a regex template with the lists' phrases (as
    :func:`~boilerstrip.phrases.alternation`). A slot whose list has no phrases in the
    config's languages makes it None, or is filled with ``empty`` when given (``"(?!)"``:
    nothing matches there)."""
    missing = False

    def fill(m: re.Match[str]) -> str:
        nonlocal missing
        phrases = marker_phrases(m.group(1), config)
        if phrases:
            return alternation(phrases)
        if empty is None:
            missing = True
        return empty or ""

    source = _LIST_REF.sub(fill, template)
    return None if missing else source


# What a compiled line rule is: the line's matching view and its key in, a detail for the
# reason (possibly empty) or None out.
LineMatcher = Callable[[str, str], "str | None"]


@dataclass(frozen=True, eq=False)
class Rule:
    id: str
    name: str
    category: Category
    description: str
    reason: str
    removes: tuple[str, ...] = ()
    keeps: tuple[str, ...] = ()
    default: bool = True
    aliases: tuple[str, ...] = ()
    # Phrase lists used by this rule.
    lists: tuple[str, ...] = ()
    # Names of the rules whose verdicts this rule builds on. When the config switches one
    # off, it still runs for this rule, silently: its lines stay in the text.
    requires: tuple[str, ...] = ()

    stage = "line"

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages that have phrases for this rule; () means the rule is language-free."""
        names = self.lists
        return tuple(lang for lang in LANGUAGES if any(_read(lang, n) for n in names))

    def selectors(self) -> set[str]:
        return {self.id, self.name, self.category.value, *self.aliases}


@dataclass(frozen=True, eq=False)
class LineRule(Rule):
    """A rule that judges one line alone, in one of three ways.

    A rule never judges a line longer than ``max_chars`` (as written, without the white
    space around it), or than the config setting named by ``max_chars_setting``.

    ``markers`` + ``after``: the line starts with a phrase of one of the ``markers`` lists
    (after an optional bullet or bracket), and the rest of its key, from the phrase's end,
    matches the regex ``after`` (which may name lists as ``<<list>>``). The default
    ``after`` allows only trailing punctuation: the whole line is the phrase.
    ``anywhere``: a regex searched for anywhere in the line's key. ``make``: builds a
    predicate for what needs the original case or a little logic; it gets the rule and the
    config and returns a :data:`LineMatcher` (or None: nothing to match in this config).

    A rule judges only the lines its triggers (below) admit, found for the whole text at
    once; the pipeline looks every marker phrase up in one index, so a phrase rule costs
    (almost) nothing per line.
    """

    markers: tuple[str, ...] = ()
    after: str = TRAIL
    # Marker lists whose phrases are the whole line (with trailing punctuation), whatever
    # ``after`` allows after the phrases of the other lists.
    whole: tuple[str, ...] = ()
    # (list, pattern) pairs: what may follow the phrases of that list, instead of ``after``.
    afters: tuple[tuple[str, str], ...] = ()
    # (list, evidence list) pairs. The phrases of the first list open sentences of stories
    # too ("Melden Sie sich bei der Polizei, wenn ..."): a line is theirs when it is the
    # phrase alone, or when a word of the evidence list follows ("... für unseren Newsletter").
    guarded: tuple[tuple[str, str], ...] = ()
    # A marker rule whose phrases are imperatives ("Subscribe to ...", "Click here ...")
    # leaves the line when a clause names someone saying it: "Subscribe to our channel, the
    # scammers wrote in the email." is a sentence of a story about a scam.
    unless_reported: bool = False
    # The rule reads a line's shape alone (a date, a "by" and a name, a label and a list):
    # the same kind of line heading block after block of a text is a structure of its
    # content (a thread's posts, a list's cards), and layout.repeated keeps it.
    shape: bool = False
    # The rule's evidence is weak alone ("Keywords: ..." ends news stories and opens papers'
    # abstracts): its line goes only beside other debris, and layout.context keeps it
    # between two kept lines.
    weak: bool = False
    anywhere: str = ""
    max_chars: int = 800
    max_chars_setting: str = ""
    make: Callable[[LineRule, Config], LineMatcher | None] | None = None
    # Triggers (see boilerstrip.triggers): phrases or <<list>> names whose first (starts) or
    # last (ends) token a line must have, literal strings it must contain, or regexes to
    # find in it (``<<list>>`` in one is the list's alternation, as on a key: wrap it in
    # ``(?i:...)``; a pattern whose list is empty is dropped). A marker rule starts with its
    # markers.
    starts: tuple[str, ...] = ()
    ends: tuple[str, ...] = ()
    contains: tuple[str, ...] = ()
    finds: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.lists:
            patterns = (self.after, self.anywhere, *(p for _, p in self.afters))
            refs = _LIST_REF.findall("".join(patterns)) if not self.make else []
            evidence = [e for _, e in self.guarded]
            reported = REPORTED_LISTS if self.unless_reported else ()
            names = (*self.markers, *refs, *evidence, *reported)
            object.__setattr__(self, "lists", tuple(dict.fromkeys(names)))

    def limit(self, config: Config) -> int:
        """The longest line this rule judges."""
        if self.max_chars_setting:
            return int(getattr(config, self.max_chars_setting))
        return self.max_chars

    def triggers(self, config: Config) -> Triggers:
        """The triggers of this rule, with its phrase lists filled in."""
        starts, ends = list(self.starts), list(self.ends)
        if not (self.starts or self.make or self.anywhere):
            # A marker rule: the first token of its phrases; for a phrase that starts with a
            # number and is the whole line ("{n} comments"), its last token.
            for name in self.markers:
                whole = self.after == TRAIL or name in self.whole
                for phrase in marker_phrases(name, config):
                    words = phrase.split()
                    if whole and words[0] == "{n}" and "{" not in words[-1]:
                        ends.append(phrase)
                    else:
                        starts.append(phrase)
        return Triggers.of(
            starts=_trigger_phrases(tuple(starts), config, at_start=True),
            ends=_trigger_phrases(tuple(ends), config, at_start=False),
            contains=_trigger_literals(self.contains, config),
            finds=[f for f in (phrase_source(f, config) for f in self.finds) if f],
        )

    def after_pattern(self, config: Config) -> regex.Pattern[str] | None:
        source = phrase_source(self.after, config)
        return None if source is None else regex.compile(source, FLAGS)

    def list_afters(self, config: Config) -> dict[str, regex.Pattern[str]]:
        """What may follow the phrases of the ``whole``, ``afters`` and ``guarded`` lists,
        by list."""
        out = {name: regex.compile(TRAIL, FLAGS) for name in self.whole}
        for name, pattern in self.afters:
            out[name] = regex.compile(phrase_source(pattern, config) or TRAIL, FLAGS)
        for name, evidence in self.guarded:
            template = rf"(?:{TRAIL}|\W.{{0,250}}?\b<<{evidence}>>\b.{{0,250}}+)"
            out[name] = regex.compile(phrase_source(template, config) or TRAIL, FLAGS)
        return out

    def anywhere_source(self, config: Config) -> str | None:
        return phrase_source(self.anywhere, config) if self.anywhere else None


_DIGITS = tuple("0123456789")


def _trigger_phrases(items: tuple[str, ...], config: Config, at_start: bool) -> list[str]:
    """Phrases for triggers: ``<<list>>`` names are filled in, and a number placeholder at
    the phrase's edge becomes the ten digits."""
    out: list[str] = []
    for item in items:
        m = _LIST_REF.fullmatch(item)
        for phrase in marker_phrases(m.group(1), config) if m else (item,):
            edge = phrase.split()[0] if at_start else phrase.split()[-1]
            if "{n}" in edge:
                out.extend(_DIGITS)
            elif "{name}" in edge:
                raise ValueError(f"a trigger phrase cannot begin or end with {{name}}: {phrase!r}")
            else:
                out.append(phrase)
    return out


def start_tokens(items: tuple[str, ...], config: Config) -> frozenset[str]:
    """The first tokens (keyed) that ``starts=items`` admits: for a matcher that asks
    the same of a line as its triggers do."""
    return Triggers.of(starts=_trigger_phrases(items, config, at_start=True)).starts


# Literals that stand for a list's phrases are parts of their words this long: short
# enough that one part covers several phrases ("serv": "reserved", "riservati"), long
# enough to be rare.
_PART_MIN, _PART_MAX = 4, 8


def _trigger_literals(items: tuple[str, ...], config: Config) -> list[str]:
    """Literals for triggers: a ``<<list>>`` name stands for a few parts of words such
    that every phrase of the list has one of them (a line with the phrase has it too)."""
    out: list[str] = []
    for item in items:
        m = _LIST_REF.fullmatch(item)
        if m is None:
            out.append(item)
        else:
            out.extend(_covering_parts(marker_phrases(m.group(1), config)))
    return out


def _covering_parts(phrases: tuple[str, ...]) -> list[str]:
    """Parts of words (see ``_PART_MIN``) such that each phrase has one: a greedy cover
    that takes the part most phrases share first (the longer one of a tie)."""
    parts: dict[str, set[int]] = {}
    for i, phrase in enumerate(phrases):
        words = plain_words(key(phrase))
        if not words:
            raise ValueError(f"a trigger phrase needs a word: {phrase!r}")
        for w in words:
            if len(w) <= _PART_MIN:
                parts.setdefault(w, set()).add(i)
                continue
            for n in range(_PART_MIN, min(len(w), _PART_MAX) + 1):
                for a in range(len(w) - n + 1):
                    parts.setdefault(w[a : a + n], set()).add(i)
    todo, out = set(range(len(phrases))), []
    while todo:
        best = max(sorted(parts), key=lambda p: (len(parts[p] & todo), len(p)))
        out.append(best)
        todo -= parts[best]
    return out


def marker_phrases(name: str, config: Config) -> tuple[str, ...]:
    return load(name, config.languages) + tuple(config.phrases.get(name, ()))


@dataclass(frozen=True, slots=True)
class Verdict:
    """Why a line goes: the rule and its reason. Frozen: one verdict may stand for many
    lines (the cleaner remembers the verdicts of views it judged)."""

    rule: Rule
    reason: str


class Document:
    """What document rules see: the lines, and the verdicts so far (by line index; a line
    without one is kept). Views are made when a rule asks for them."""

    def __init__(
        self,
        lines: list[str],
        verdicts: dict[int, Verdict],
        config: Config,
        titles: tuple[str, ...] = (),
        text: str | None = None,
        window: bool = False,
    ) -> None:
        self.lines = lines
        self.text = "".join(lines) if text is None else text  # the lines, joined
        self.verdicts = verdicts
        self.config = config
        self.titles = titles  # the page's title(s), when the caller knows them
        # The lines are a window of a longer text (see pipeline._WINDOW), read with some of
        # the text on either side: no page.
        self.window = window
        self._views: dict[int, str] = {}
        self._content: list[int] | None = None
        # Line -> a later line, where every line between is blank or removed: jumps that
        # kept_after takes over runs of removed lines (lines are never put back).
        self._skip: dict[int, int] = {}
        # Lines found by rules that the config switched off but another rule requires:
        # they stay in the text, and the rules that build on them see them (found()).
        self.marks: dict[int, Verdict] = {}
        # Lines whose verdict a rule took back (layout.continued), with that rule.
        self.kept: dict[int, Verdict] = {}
        # What one document rule computed that another may reuse: key -> (value, line). A
        # value depends on the lines before its line and their verdicts only, and is
        # forgotten when one of those lines is removed, so no rule's result depends on the
        # order the rules run in.
        self._memo: dict[str, tuple[Any, int]] = {}

    def view(self, i: int) -> str:
        v = self._views.get(i)
        if v is None:
            v = self._views[i] = view(strip_break(self.lines[i]))
        return v

    @property
    def content(self) -> list[int]:
        """Indices of the non-blank lines."""
        if self._content is None:
            self._content = [i for i, line in enumerate(self.lines) if not is_blank(line)]
        return self._content

    def content_after(self, i: int) -> Iterator[int]:
        """Indices of the non-blank lines after line i."""
        for j in range(i + 1, len(self.lines)):
            if not is_blank(self.lines[j]):
                yield j

    def content_before(self, i: int) -> Iterator[int]:
        """Indices of the non-blank lines before line i, nearest first."""
        for j in range(i - 1, -1, -1):
            if not is_blank(self.lines[j]):
                yield j

    def kept_after(self, i: int, most: int) -> list[int]:
        """The first ``most`` kept non-blank lines after line i.

        Runs of removed or blank lines are passed by jumps remembered from earlier calls,
        so that a rule that asks after every one of many markers takes linear time in all.
        """
        out: list[int] = []
        j = i + 1
        while len(out) < most:
            j = self._next_kept(j)
            if j >= len(self.lines):
                break
            out.append(j)
            j += 1
        return out

    def _next_kept(self, j: int) -> int:
        """The first kept non-blank line at or after line j (or the number of lines)."""
        passed = []
        n = len(self.lines)
        while j < n:
            jump = self._skip.get(j)
            if jump is not None:
                passed.append(j)
                j = jump
            elif j in self.verdicts or is_blank(self.lines[j]):
                passed.append(j)
                j += 1
            else:
                break
        for p in passed:
            self._skip[p] = j
        return j

    def content_from_end(self) -> Iterator[int]:
        """Indices of the non-blank lines, last first (without looking at the others)."""
        for i in range(len(self.lines) - 1, -1, -1):
            if not is_blank(self.lines[i]):
                yield i

    def removed(self, i: int) -> bool:
        return i in self.verdicts

    def remove(self, i: int, rule: Rule, reason: str) -> None:
        if i not in self.verdicts:
            self.verdicts[i] = Verdict(rule, reason)
            self._forget(i)

    def remove_all(self, indices: Iterable[int], rule: Rule, reason: str) -> None:
        """Remove each of these lines, for the same reason."""
        verdict = Verdict(rule, reason)
        first = -1
        for i in indices:
            if i not in self.verdicts:
                self.verdicts[i] = verdict
                first = i if first < 0 else min(first, i)
        if first >= 0:
            self._forget(first)

    def _forget(self, i: int) -> None:
        """Forget the remembered values that line i's removal changes: those of the lines
        after it (see ``_memo``)."""
        if self._memo:
            self._memo = {k: m for k, m in self._memo.items() if i >= m[1]}

    def keep(self, i: int, rule: Rule, reason: str) -> None:
        """Take back the verdict of line i (``explain()`` names the rule that did)."""
        if self.verdicts.pop(i, None) is not None:
            self.kept[i] = Verdict(rule, reason)
            self._memo.clear()
            self._skip.clear()

    def found(self, name: str) -> list[int]:
        """The lines that the line rule ``name`` found, in order: removed by it, or marked
        by it when the config switched it off (see ``Rule.requires``)."""
        return sorted(
            i
            for found in (self.verdicts, self.marks)
            for i, v in found.items()
            if v.rule.name == name
        )

    def recall(self, key: str) -> Any:
        """A value remembered under ``key``, or None."""
        entry = self._memo.get(key)
        return None if entry is None else entry[0]

    def remember(self, key: str, value: Any, line: int) -> None:
        """Remember a value that depends only on the lines before ``line`` and their
        verdicts (it is forgotten when one of them is removed)."""
        self._memo[key] = (value, line)

    def kept_content(self) -> Iterator[int]:
        return (i for i in self.content if i not in self.verdicts)

    def kept_text(self, end: int) -> str:
        """The kept lines before line ``end``, joined."""
        lines = self.lines[:end]
        if not any(i < end for i in self.verdicts):
            return "".join(lines)
        return "".join(line for i, line in enumerate(lines) if i not in self.verdicts)


DocumentAction = Callable[[Document], None]


@dataclass(frozen=True, eq=False)
class DocumentRule(Rule):
    """A rule that sees the whole document. ``make(rule, config)`` compiles it for a config
    (None: nothing to do in this config), as it does a line rule."""

    make: Callable[[DocumentRule, Config], DocumentAction | None] | None = None

    stage = "document"

    def compile(self, config: Config) -> DocumentAction | None:
        return None if self.make is None else self.make(self, config)


@dataclass(frozen=True, eq=False)
class LayoutRule(DocumentRule):
    """A rule of the text's layout: it runs as a document rule does (or not at all, as
    ``layout.blank``, whose lines the assembly drops)."""

    stage = "layout"


class Registry:
    """Every rule, in the order they run. Ids, names and aliases must be unique."""

    def __init__(self) -> None:
        self._rules: list[Rule] = []
        self._keys: dict[str, Rule] = {}

    def add(self, rule: Rule) -> Rule:
        for k in (rule.id, rule.name, *rule.aliases):
            if k in self._keys:
                raise ValueError(f"rule key {k!r} of {rule.id} is taken by {self._keys[k].id}")
            self._keys[k] = rule
        self._rules.append(rule)
        return rule

    def extend(self, rules: Iterable[Rule]) -> None:
        for rule in rules:
            self.add(rule)

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules)

    def __len__(self) -> int:
        return len(self._rules)

    def get(self, key: str) -> Rule:
        return self._keys[key]

    def select(self, config: Config) -> list[Rule]:
        """The rules a config runs, in order. Unknown selectors raise ValueError."""
        known = {c.value for c in Category} | set(self._keys)
        for sel in (*config.enable, *config.disable):
            if sel not in known:
                raise ValueError(
                    f"no rule or category {sel!r}; categories: "
                    f"{', '.join(c.value for c in Category)}; run `boilerstrip rules` for ids"
                )
        enabled, disabled = set(config.enable), set(config.disable)
        return [
            r
            for r in self._rules
            if (r.default or r.selectors() & enabled) and not r.selectors() & disabled
        ]

    def required(self, rules: list[Rule]) -> list[Rule]:
        """The rules that some of ``rules`` require but that are not among them, in run
        order: they run silently (see ``Rule.requires``)."""
        names = {r.name for r in rules}
        needed: set[str] = set()
        todo = [n for r in rules for n in r.requires]
        while todo:
            name = todo.pop()
            if name not in names and name not in needed:
                needed.add(name)
                todo.extend(self.get(name).requires)
        return [r for r in self._rules if r.name in needed]

    def check(self) -> None:
        """Every required rule exists and runs before the rules that require it."""
        order = {r.name: i for i, r in enumerate(self._rules)}
        for i, rule in enumerate(self._rules):
            for name in rule.requires:
                if name not in order:
                    raise ValueError(f"{rule.name} requires {name!r}, which is no rule")
                if order[name] >= i:
                    raise ValueError(f"{rule.name} requires {name}, which runs after it")
