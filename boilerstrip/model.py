"""The values that flow through the pipeline: categories, decisions, explanations."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum


class Category(str, Enum):
    """What kind of debris a rule removes. The value is the name users type."""

    RELATED = "related"  # "Related:", "Read more", "You may also like" and their links
    TEASER = "teaser"  # headlines of other stories that follow such a marker or end the text
    CREDIT = "credit"  # "Photo: AP", "Getty Images", "YouTube/James Pearson"
    CAPTION = "caption"  # a photo caption that ends in a credit
    AUTHOR = "author"  # bylines, "About the Author", bios, contact lines
    PROMPT = "prompt"  # share / newsletter / comment / follow prompts, closing questions
    AD = "ad"  # "Advertisement", "Sponsored", widget labels ("Featured", "Videos by X")
    NOTICE = "notice"  # cookie, consent and paywall notices
    META = "meta"  # dates, reading times, the headline when keep_title=False
    PAGE = "page"  # outside the main text of a whole page's text: menus, footers, sidebars
    LAYOUT = "layout"  # a blank line left over after its neighbour was removed

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Decision:
    """What happened to one input line.

    ``line`` is 1-based; ``text`` is the line exactly as it was, without its line break.
    For kept lines the rule fields are empty strings.
    """

    line: int
    text: str
    kept: bool
    rule_id: str = ""
    rule_name: str = ""
    category: str = ""
    reason: str = ""
    stage: str = ""  # "line", "document" or "layout"

    def __str__(self) -> str:
        if self.kept:
            return f"{self.line:>5}   keep  {self.text}"
        return (
            f"{self.line:>5} - {self.rule_id} {self.rule_name} ({self.category}): "
            f"{self.reason}\n        {self.text}"
        )


@dataclass(frozen=True)
class Explanation:
    """The cleaned text and one :class:`Decision` per input line.

    ``source`` is the input text, when the maker passes it (optional, for backward
    compatibility): :meth:`diff` needs it only to know whether a text left empty ended
    with a line break (without it, such a text is taken to end with one; a cleaned text
    that is not empty tells). It is left out of ``repr`` and ``==``.
    """

    text: str
    decisions: tuple[Decision, ...]
    source: str | None = field(default=None, repr=False, compare=False)

    @property
    def removed(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if not d.kept)

    @property
    def kept(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.kept)

    def __str__(self) -> str:
        """Every input line, a removed one marked ``-`` with its rule and reason, as
        ``boilerstrip explain`` prints them (without colours).

        >>> print(Explanation("A story.\\n", (Decision(1, "A story.", True),
        ...     Decision(2, "Advertisement", False, "BS0701", "ad.label", "ad",
        ...              "an advertisement label", "line"))))
          A story.
        - Advertisement  [BS0701 ad.label: an advertisement label]
        """
        return "\n".join(
            f"  {d.text}" if d.kept else f"- {d.text}  [{d.rule_id} {d.rule_name}: {d.reason}]"
            for d in self.decisions
        )

    def diff(self, fromfile: str = "input", tofile: str = "cleaned", n: int = 3) -> str:
        """A unified diff of the input and the cleaned text, ``n`` lines of context, with
        ``\\ No newline at end of file`` where a last line has no line break (as GNU
        ``diff -u`` writes it). Lines end with ``\\n`` whatever the text's line breaks;
        a text with nothing removed gives ``""``.

        The hunks follow the decisions, so a removed line is the one boilerstrip removed
        even where a kept line has the same text.
        """
        before = [d.text for d in self.decisions]
        after = [d.text for d in self.decisions if d.kept]
        if len(after) == len(before):
            return ""
        breaks = ("\n", "\r")
        after_ends = self.text.endswith(breaks)
        if self.source is not None:
            before_ends = self.source.endswith(breaks)
        else:  # a cleaned text ends with a line break if and only if its input did
            before_ends = after_ends if self.text else True
        ops = _opcodes(self.decisions)
        if after and not before_ends and not self.decisions[-1].kept:
            # The input's last line went and the output's new last line lost its line
            # break: that line changed too. Its equal run ends before it, and it joins
            # the deletion at the end as a replacement.
            tag, i1, i2, j1, j2 = ops[-2]
            ops[-2:] = [("replace", i2 - 1, len(before), j2 - 1, j2)]
            if i2 - 1 > i1:
                ops.insert(-1, (tag, i1, i2 - 1, j1, j2 - 1))
        matcher = _Opcodes(ops)
        out = [f"--- {fromfile}", f"+++ {tofile}"]
        for group in matcher.get_grouped_opcodes(n):
            first, last = group[0], group[-1]
            a = _range(first[1], last[2])
            b = _range(first[3], last[4])
            out.append(f"@@ -{a} +{b} @@")
            for tag, i1, i2, j1, j2 in group:
                if tag == "equal":
                    for i in range(i1, i2):
                        out.append(" " + before[i])
                        if i == len(before) - 1 and not before_ends:
                            out.append(_NO_NEWLINE)
                    continue
                for i in range(i1, i2):
                    out.append("-" + before[i])
                    if i == len(before) - 1 and not before_ends:
                        out.append(_NO_NEWLINE)
                for j in range(j1, j2):
                    out.append("+" + after[j])
                    if j == len(after) - 1 and not after_ends:
                        out.append(_NO_NEWLINE)
        return "\n".join(out) + "\n"


_NO_NEWLINE = "\\ No newline at end of file"
_Opcode = tuple[str, int, int, int, int]


def _opcodes(decisions: tuple[Decision, ...]) -> list[_Opcode]:
    """difflib opcodes from the decisions: runs of kept lines are equal, runs of removed
    lines deleted."""
    ops: list[_Opcode] = []
    j = 0  # lines of the output so far
    for i, d in enumerate(decisions):
        tag = "equal" if d.kept else "delete"
        if ops and ops[-1][0] == tag:
            t, i1, _, j1, _ = ops[-1]
            ops[-1] = (t, i1, i + 1, j1, j + d.kept)
        else:
            ops.append((tag, i, i + 1, j, j + d.kept))
        j += d.kept
    return ops


class _Opcodes(difflib.SequenceMatcher):  # type: ignore[type-arg]
    """difflib's grouping of opcodes into hunks, over opcodes we already know."""

    def __init__(self, ops: list[_Opcode]) -> None:
        super().__init__(None, [], [])
        self._ops = ops

    def get_opcodes(self) -> list[_Opcode]:  # type: ignore[override]
        return self._ops


def _range(start: int, stop: int) -> str:
    """A hunk's range as unified diffs write it: 1-based start, and the length unless 1
    (an empty range starts at the line before it)."""
    length = stop - start
    if length == 1:
        return str(start + 1)
    return f"{start + 1 if length else start},{length}"


def removed_by_category(decisions: Iterable[Decision]) -> dict[str, int]:
    """How many lines the decisions removed, by category (kept lines are not counted).

    The CLI's summary and the Scrapy and datatrove integrations count with this.

    >>> removed_by_category([Decision(1, "Advertisement", False, category="ad"),
    ...                      Decision(2, "The vote passed.", True)])
    {'ad': 1}
    """
    return dict(Counter(d.category for d in decisions if not d.kept))
