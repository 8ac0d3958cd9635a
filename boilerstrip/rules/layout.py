"""Layout: what the text's line layout says about the verdicts of its lines.

``layout.continued`` takes verdicts back: in text wrapped at a fixed width, a paragraph's
last line may be a word or two that a line rule knows as a label ("photos.",
"comment."). ``layout.blank`` names the blank lines that the assembly drops around
removed lines.
"""

from __future__ import annotations

from ..config import Config
from ..model import Category
from ..text import view
from .base import Document, DocumentAction, DocumentRule, LayoutRule

# What may close a line that ends a sentence, a heading or a label.
_CLOSING = ".!?:;\"'”’»)]|"
# A line that ends the sentence above it has at most this many words.
_CONTINUED_MAX_WORDS = 5


def _make_continued(rule: DocumentRule, config: Config) -> DocumentAction:
    def apply(doc: Document) -> None:
        lines, verdicts = doc.lines, doc.verdicts
        for i in sorted(verdicts):
            if i == 0 or i - 1 in verdicts or verdicts[i].rule.stage != "line":
                continue
            above = lines[i - 1].strip()
            if not above or above[-1] in _CLOSING:
                continue
            v = view(lines[i])
            if (
                v[:1].islower()
                and v[-1] in ".!?…"
                and len(v.split()) <= _CONTINUED_MAX_WORDS
                and ". " not in v
            ):
                doc.keep(i, rule, f"ends the sentence of line {i} (not {verdicts[i].rule.name})")

    return apply


LAYOUT_CONTINUED = LayoutRule(
    id="BS0002",
    name="layout.continued",
    category=Category.LAYOUT,
    description="Keeps the short line that ends the sentence of the kept line above it: one "
    "phrase of up to five words that starts in lower case and ends with a full stop (or '?', "
    "'!'), after a line that ends with no closing mark. In text wrapped at a fixed width, the "
    "last line of a paragraph may be a word or two that a line rule knows as a label or a "
    "byline ('photos.', 'comment.', 'by Reuters.'): they are the paragraph's end. A longer "
    "line that a rule removes there (a caption's credit, a contact line) keeps its verdict.",
    reason="the end of the sentence above",
    make=_make_continued,
    keeps=(
        "Residents were asked to send in their\nphotos.\n",
        "The council voted to approve the budget after a long debate, and readers can\ncomment.\n",
    ),
)

LAYOUT_BLANK = LayoutRule(
    id="BS0001",
    name="layout.blank",
    category=Category.LAYOUT,
    description="A blank line that separated a removed line from its neighbours: only one "
    "blank line is kept between two kept paragraphs.",
    reason="a blank line left over after a removal",
)

RULES = (LAYOUT_CONTINUED, LAYOUT_BLANK)
