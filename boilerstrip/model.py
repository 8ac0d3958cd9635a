"""The values that flow through the pipeline: categories, decisions, explanations."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
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
    """The cleaned text and one :class:`Decision` per input line."""

    text: str
    decisions: tuple[Decision, ...]

    @property
    def removed(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if not d.kept)

    @property
    def kept(self) -> tuple[Decision, ...]:
        return tuple(d for d in self.decisions if d.kept)

    def __str__(self) -> str:
        removed = [d for d in self.removed if d.stage != "layout"]
        if not removed:
            return "nothing removed"
        return "\n".join(str(d) for d in removed)


def removed_by_category(decisions: Iterable[Decision]) -> dict[str, int]:
    """How many lines the decisions removed, by category (kept lines are not counted).

    The CLI's summary and the Scrapy and datatrove integrations count with this.

    >>> removed_by_category([Decision(1, "Advertisement", False, category="ad"),
    ...                      Decision(2, "The vote passed.", True)])
    {'ad': 1}
    """
    return dict(Counter(d.category for d in decisions if not d.kept))
