"""Layout: what the text's line layout says about the verdicts of its lines.

``layout.continued`` takes verdicts back: in text wrapped at a fixed width, a paragraph's
last line may be a word or two that a line rule knows as a label ("photos.",
"comment."). ``layout.repeated`` takes back the verdicts of a shape rule that finds its
kind of line heading block after block (the dates of a thread's posts, the brands of a
list's cards). ``layout.code`` has the last word on the lines of fenced code
blocks: they stay. ``layout.blank`` names the blank lines that the assembly drops around
removed lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise, takewhile
from operator import methodcaller

import regex

from ..config import Config
from ..model import Category
from ..text import BLANK, is_blank, view
from .base import Document, DocumentAction, DocumentRule, LayoutRule, LineRule
from .common import PROSE_MIN_WORDS, prose_line

# What may close a line that ends a sentence, a heading or a label.
_CLOSING = ".!?:;\"'”’»)]|"
# A line that ends the sentence above it has at most this many words.
_CONTINUED_MAX_WORDS = 5


# A sentence that announces a value with a colon has this many words at least: not a
# label ("Publish date:") or a commenter's "jbaxt says:".
_ANNOUNCE_MIN_WORDS = 5


def _announces(line: str) -> bool:
    return len(line.split()) >= _ANNOUNCE_MIN_WORDS and line[0] != "#"


def _make_continued(rule: DocumentRule, config: Config) -> DocumentAction:
    def apply(doc: Document) -> None:
        lines, verdicts = doc.lines, doc.verdicts
        for i in sorted(verdicts):
            if i == 0 or i - 1 in verdicts or verdicts[i].rule.stage != "line":
                continue
            above = lines[i - 1].strip()
            if not above:
                continue
            judge = verdicts[i].rule
            if (
                above[-1] == ":"
                and isinstance(judge, LineRule)
                and judge.shape
                and _announces(above)
            ):
                # The value of the line above: "Group visits on Monday and Tuesday:" /
                # "By Appointment Only", "The hearing is set for:" / "March 3, 2024".
                doc.keep(i, rule, f"completes line {i}, which ends with a colon")
                continue
            if above[-1] in _CLOSING:
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
    "line that a rule removes there (a caption's credit, a contact line) keeps its verdict. "
    "Also keeps a line that a shape rule (a date, a byline) removed right under a kept "
    "sentence of five words or more that ends with a colon: the value it announces ('The "
    "hearing is set for:' / 'March 3, 2024').",
    reason="the end of the sentence above",
    make=_make_continued,
    keeps=(
        "Residents were asked to send in their\nphotos.\n",
        "The council voted to approve the budget after a long debate, and readers can\ncomment.\n",
        "Group visits and school visits on Monday and Tuesday:\nBy Appointment Only\n",
    ),
)

# A structure repeats at least this many times (groups of the rule's lines, each with
# content after it). Debris that a shape rule finds comes once or twice: a date line above
# the story and one below it.
_REPEATED_MIN_GROUPS = 3
# A rule that finds its kind of line in half of a text's lines or more (ten at least) has
# found the text: a catalogue whose entries end in "(page images at HathiTrust)", a
# schedule of dates. Debris of one kind is a few lines of a text. Besides the shape rules,
# the rules that read a line's credit at its end.
_MOST_MIN_LINES = 10
_FORMS = frozenset({Category.CAPTION, Category.CREDIT})
# Two groups are a structure too when each heads a post: the line right above each is a
# short name (a user name above a post's date), as in a thread of two posts.
_POST_MIN_GROUPS = 2
_NAME_MAX_WORDS = 3
_NAME_MAX_CHARS = 40
# ... and the blocks between its first and last group hold at least this share of the kept
# text: the text is the thread or the list. A list of teasers or comments beside a story
# holds less.
_REPEATED_MIN_SHARE = 0.5
# ... and at most this share of it comes before the first group: a thread or a list starts
# the text (after its title and a lead), where the comments under a story follow the story.
_REPEATED_MAX_BEFORE = 0.25
# ... unless what comes before is about one block (at most twice the average, a title and
# a post): the first block of a structure whose lines close their blocks.
_FIRST_BLOCK_MAX = 2


def _make_repeated(rule: DocumentRule, config: Config) -> DocumentAction:
    def apply(doc: Document) -> None:
        if len(doc.verdicts) < _POST_MIN_GROUPS:
            return
        by_rule: dict[LineRule, list[int]] = {}
        for i, v in doc.verdicts.items():
            if isinstance(v.rule, LineRule) and (v.rule.shape or v.rule.category in _FORMS):
                by_rule.setdefault(v.rule, []).append(i)
        filled = 0
        for judge, found in by_rule.items():
            name = judge.name
            if len(found) >= _MOST_MIN_LINES:
                filled = filled or sum(1 for line in doc.lines if not is_blank(line))
                if len(found) * 2 >= filled:
                    for i in found:
                        doc.keep(i, rule, f"one of {len(found)} {name} lines of {filled}: a list")
                    continue
            if len(found) < _POST_MIN_GROUPS or not judge.shape:
                continue
            found.sort()
            for groups in _apart(doc, _groups(doc, found)):
                if len(groups) < _REPEATED_MIN_GROUPS and not (
                    len(groups) >= _POST_MIN_GROUPS and all(_under_name(doc, g[0]) for g in groups)
                ):
                    continue
                before, inside = _shares(doc, groups)
                if (before > _REPEATED_MAX_BEFORE or inside < _REPEATED_MIN_SHARE) and not (
                    len(groups) >= _REPEATED_MIN_GROUPS and _labels(doc, groups)
                ):
                    continue  # a list beside the text (teasers, comments), not the text
                n = sum(map(len, groups))
                for group in groups:
                    for i in group:
                        doc.keep(i, rule, f"one of {n} {name} lines that head {len(groups)} blocks")

    return apply


# Debris that no structure of the content holds between two of its blocks: a list of
# other stories. (It stands between a story and the comments under it.)
_APART = frozenset({Category.RELATED, Category.TEASER})


def _apart(doc: Document, groups: list[list[int]]) -> list[list[list[int]]]:
    """The groups, in runs that no related links or teasers stand between."""
    if not groups:
        return []
    breaks = sorted(i for i, v in doc.verdicts.items() if v.rule.category in _APART)
    runs = [[groups[0]]]
    for prev, group in pairwise(groups):
        k = bisect_right(breaks, prev[-1])
        if k < len(breaks) and breaks[k] < group[0]:
            runs.append([group])
        else:
            runs[-1].append(group)
    return runs


def _shares(doc: Document, groups: list[list[int]]) -> tuple[float, float]:
    """The shares of the kept text (in characters) before the first group, and from it to
    the end of the last group's block (as long as the average block before it)."""
    first, last = groups[0][0], groups[-1][-1]
    # Without the white space around them: blank lines weigh nothing, so the shares are
    # the same once the blank lines around removed ones are gone (cleaning is idempotent).
    sizes = list(map(len, map(_STRIP_BLANK, doc.lines)))
    removed = [0, 0, 0]  # before, inside, after
    for i in doc.verdicts:
        removed[(i > last) + (i >= first)] += sizes[i]
    before = sum(sizes[:first]) - removed[0]
    inside = sum(sizes[first : last + 1]) - removed[1]
    after = sum(sizes[last + 1 :]) - removed[2]
    total = before + inside + after
    block = inside // (len(groups) - 1)  # the average block
    inside += min(after, block)
    if before <= _FIRST_BLOCK_MAX * block:
        # The first block before the first line found: a question above the dates and
        # names of its answers, where the lines close their blocks.
        inside, before = inside + before, 0
    return (before / total, inside / total) if total else (1.0, 0.0)


_STRIP_BLANK = methodcaller("strip", BLANK)


def _labels(doc: Document, groups: list[list[int]]) -> bool:
    """Is each group one line right above a kept paragraph of prose, the next group after
    that paragraph and blank lines only: paragraphs under their labels ('By Train' above
    the way from the station, 'By Bus', 'By Car')?"""
    for k, group in enumerate(groups):
        i = group[0]
        if len(group) > 1 or i + 1 >= len(doc.lines) or i + 1 in doc.verdicts:
            return False
        if not prose_line(doc.view(i + 1)):
            return False
        end = groups[k + 1][0] if k + 1 < len(groups) else i + 2
        if not all(is_blank(doc.lines[j]) for j in range(i + 2, end)):
            return False
    return True


def _under_name(doc: Document, i: int) -> bool:
    """Is the line right above line i a kept short name (a post's author)?"""
    if i == 0 or i - 1 in doc.verdicts:
        return False
    v = view(doc.lines[i - 1])
    return 0 < len(v) <= _NAME_MAX_CHARS and len(v.split()) <= _NAME_MAX_WORDS and v[-1].isalnum()


def _groups(doc: Document, found: list[int]) -> list[list[int]]:
    """The lines found, in groups of lines with only blank lines between them; only groups
    that kept content follows (before the next group), the lines of a block's head."""
    groups: list[list[int]] = []
    ends = [*found[1:], len(doc.lines)]
    current: list[int] = []
    for i, nxt in zip(found, ends, strict=True):
        current.append(i)
        filled = kept = False  # a line that is not blank between them; a kept one
        for j in range(i + 1, nxt):
            if not is_blank(doc.lines[j]):
                filled = True
                if j not in doc.verdicts:
                    kept = True
                    break
        if not filled:
            continue  # the next line found follows at once: the same group
        if kept:
            groups.append(current)
        current = []
    return groups


LAYOUT_REPEATED = LayoutRule(
    id="BS0003",
    name="layout.repeated",
    category=Category.LAYOUT,
    description="Keeps the lines that a rule reading a line's shape alone (a date, a byline, "
    "a label and a list, a slash) removed, when it finds that kind of line heading three "
    "blocks of content or more (two, when each is right under a short name: the posts of a "
    "thread), and those blocks are the text: half of what is kept or "
    "more, with at most a quarter of it before them. The dates of a thread's posts, the "
    "brand under each card of a category page, the reviewer of each review, the category of "
    "each catalogue entry. Also keeps every line of such a rule, or of a rule that reads a "
    "credit at a line's end, when it found half of the text's lines or more (ten at least): "
    "a catalogue, a schedule. Three groups or more of one line each, right above a "
    "paragraph of prose and followed by nothing else, are that structure wherever they stand "
    "(labelled paragraphs: 'By Train', 'By Bus', 'By Car' above the ways to get there). "
    "Related links or teasers between two groups part them (a date "
    "above a story and the dates of the comments under it are no thread). Debris of that "
    "shape comes once or twice (a date above the "
    "story), or in a list beside the story (teasers, comments under it).",
    reason="a repeated structure of the content",
    make=_make_repeated,
    keeps=(
        "Re: starter\n\n14 March 2023, 09:12\n\nMy starter smells of acetone.\n\n"
        "15 March 2023, 08:30\n\nFeed it twice a day.\n\n"
        "16 March 2023, 10:47\n\nThat worked, thanks.\n",
        "Jacket A\nby Nordhafen\n49 EUR\n\nJacket B\nby Kiel & Kompass\n59 EUR\n\n"
        "Jacket C\nby Nordhafen\n39 EUR\n",
        # Two posts, each under its author's name.
        "Fan noise after the update\n\nmarek_b\n12 March 2024, 21:04\n\n"
        "Since the last update the fan runs at full speed even when the laptop is idle.\n\n"
        "tinkerer\n13 March 2024, 08:15\n\n"
        "Reset the power profile in the settings; that fixed it for me.\n",
        # Paragraphs under their labels, at the end of a longer text.
        "# Visit us\n\nThe gallery is in the old tannery, open from Wednesday to Sunday. Entry "
        "is free, and the garden café serves lunch until three.\n\nThe upper floor shows "
        "prints from the town's archive; the ground floor has the clay studio.\n\n"
        "## Getting here\n\nBy Train\nThe station is a ten-minute walk along the river "
        "path.\n\nBy Bus\nRoutes 14 and 22 stop outside the gallery every twenty minutes.\n\n"
        "By Car\nThe nearest car park is on Mill Lane, three hundred metres away.\n",
    ),
)

# A Markdown heading: "## Comments".
_MD_HEADING = re.compile(r"#{1,6}\s")
# The section's first lines in which its prose may start (after a sentence that a code
# sample completes).
_SECTION_LINES = 3


# An indented line of code in Markdown (a fenced block opens with _FENCE).
_INDENTED = re.compile(r" {4}|\t")


def _unfinished(v: str) -> bool:
    """A sentence without its end: a prose line's words, and a letter last ("... and
    write", then a code sample)."""
    return len(v.split()) >= PROSE_MIN_WORDS and v[-1:].isalpha() and v[:1].isupper()


# The categories of labels that a rule may read in a heading's words alone.
_LABELS = frozenset({Category.AD, Category.PROMPT})


def _make_section(rule: DocumentRule, config: Config) -> DocumentAction:
    def apply(doc: Document) -> None:
        for i in [i for i, v in doc.verdicts.items() if v.rule.category in _LABELS]:
            v = doc.verdicts[i]
            if not isinstance(v.rule, LineRule) or not _MD_HEADING.match(doc.view(i)):
                continue
            after = doc.kept_after(i, _SECTION_LINES)
            if (
                len(after) > 1
                and not prose_line(doc.view(after[0]))
                and _unfinished(doc.view(after[0]))
                and (_INDENTED.match(doc.lines[after[1]]) or _FENCE.match(doc.lines[after[1]]))
            ):
                # A sentence that a code sample completes: its prose goes on after it.
                rest = list(takewhile(lambda j: not _MD_HEADING.match(doc.view(j)), after[2:]))
                after = [j for j in rest if prose_line(doc.view(j))][:1]
            else:
                after = after[:1]
            if after and prose_line(doc.view(after[0])):
                doc.keep(
                    i,
                    rule,
                    f"heads a section whose line {after[0] + 1} is prose (not {v.rule.name})",
                )

    return apply


LAYOUT_SECTION = LayoutRule(
    id="BS0005",
    name="layout.section",
    category=Category.LAYOUT,
    description="Keeps a Markdown heading that a label rule (an ad or widget label, a "
    "comments or share prompt) removed when the first kept line of the section under it "
    "is a paragraph of prose: '## Comments' or '## Tags' in a manual, "
    "above the text that explains them (or, when that line is a sentence without its end, "
    "the prose after the code sample that completes it). Under a widget's heading comes the "
    "widget (a form, a list of links), or a prompt that a rule removes too.",
    reason="a heading of the text's own section",
    make=_make_section,
    keeps=(
        "# Writing pages\n\n## Comments\n\nComments are off by default; set comments = true "
        "in the front matter of a page to let readers reply.\n",
        # The section's first sentence goes on after a code sample.
        "# Writing pages\n\n## Gallery\n\nPut the images in a folder next to the page and "
        'write\n\n    {{ gallery "photos" }}\n\nwhere the gallery should appear. Thumbnails '
        "are made when the site is built.\n",
    ),
)


def _make_context(rule: DocumentRule, config: Config) -> DocumentAction:
    def apply(doc: Document) -> None:
        weak = [i for i, v in doc.verdicts.items() if isinstance(v.rule, LineRule) and v.rule.weak]
        if not weak:
            return
        # Debris beside a line: a verdict of another rule that is not weak itself.
        debris = {
            i for i, v in doc.verdicts.items() if not (isinstance(v.rule, LineRule) and v.rule.weak)
        }
        for i in weak:
            above = next(doc.content_before(i), None)
            below = next(doc.content_after(i), None)
            if above not in debris and below not in debris:
                name = doc.verdicts[i].rule.name
                doc.keep(i, rule, f"no debris beside it (not {name}, whose evidence is weak)")

    return apply


LAYOUT_CONTEXT = LayoutRule(
    id="BS0006",
    name="layout.context",
    category=Category.LAYOUT,
    description="Keeps a line that a rule with weak evidence removed ('Keywords: ...', "
    "which ends news stories and papers' abstracts alike) when neither of the lines next to "
    "it (blank lines aside) was removed by another rule: between kept lines it is part of "
    "the text.",
    reason="weak evidence between kept lines",
    make=_make_context,
)

# A price: an amount with a currency sign or code before or after it ("£44.99", "129,95 €",
# "USD 1,299"), perhaps after a word ("from $20", "ab 39 €"), and little else.
_PRICE = regex.compile(
    r"(?:\p{L}+\.?\s)?(?:(?:\p{Sc}|[A-Z]{3})\s?\d[\d.,' ]*|\d[\d.,' ]*\s?(?:\p{Sc}|[A-Z]{3}))"
    r"(?:\s.{0,20})?"
)
# A record's field: a short label, a colon, a value ("Developed By: Bungie").
_FIELD = regex.compile(r"\p{L}[\p{L}\p{M}' ]{0,30}:\s+\S")


def _make_fields(rule: DocumentRule, config: Config) -> DocumentAction:
    def apply(doc: Document) -> None:
        found = [
            i
            for i, v in doc.verdicts.items()
            if isinstance(v.rule, LineRule) and v.rule.category is Category.AUTHOR and v.rule.shape
        ]
        for i in found:
            name = doc.verdicts[i].rule.name
            below = doc.kept_after(i, 1)
            if below and _PRICE.fullmatch(doc.view(below[0])):
                doc.keep(
                    i, rule, f"a product's brand: line {below[0] + 1} is its price (not {name})"
                )
                continue
            above = next(doc.content_before(i), None)
            if (
                above is not None
                and above not in doc.verdicts
                and _FIELD.match(doc.view(i))
                and _FIELD.match(doc.view(above))
            ):
                doc.keep(
                    i, rule, f"a field of a record under the field on line {above + 1} (not {name})"
                )

    return apply


LAYOUT_FIELDS = LayoutRule(
    id="BS0007",
    name="layout.fields",
    category=Category.LAYOUT,
    description="Keeps a line that a byline rule removed when it is a field of a record, not "
    "a story's byline: the next kept line is a price ('by Brindle Home' above '£44.99': the "
    "brand on a product page or card), or the line above is a kept field of the same form "
    "('Published By: Ubisoft' under 'Developed By: Ubisoft'). A story's byline stands above "
    "the story, or beside a date that a rule removes too.",
    reason="a field of a record",
    make=_make_fields,
    keeps=(
        "# Quiet Boil Kettle 1.7 L\n\nby Brindle Home\n\n£44.99\n\nBoils a full jug in four "
        "minutes.\n",
        "Harbour Lights\n\nDeveloped By: Tidewater Games\n\nPublished By: Northsea "
        "Interactive\n\nA lighthouse keeper's puzzle game.\n",
    ),
)

# A Markdown code fence: three backticks or tildes or more, indented by three spaces or
# less (the info string after an opening fence, "```yaml", is allowed).
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def _make_code(rule: DocumentRule, config: Config) -> DocumentAction:
    def apply(doc: Document) -> None:
        text = doc.text
        # (A search for one character is several times faster than for three.)
        ticks = "`" in text and "```" in text
        if not doc.verdicts or not (ticks or ("~" in text and "~~~" in text)):
            return
        for start, end in _fenced_blocks(doc.lines):
            for i in range(start, end + 1):
                if i in doc.verdicts:
                    name = doc.verdicts[i].rule.name
                    doc.keep(
                        i,
                        rule,
                        f"inside the code block of lines {start + 1}-{end + 1} (not {name})",
                    )

    return apply


def _fenced_blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(opening, closing) line indices of the closed fenced code blocks."""
    blocks = []
    opening: tuple[int, str] | None = None
    for i, line in enumerate(lines):
        m = _FENCE.match(line)
        if m is None:
            continue
        fence = m.group(1)
        if opening is None:
            opening = (i, fence)
        elif (
            fence[0] == opening[1][0]
            and len(fence) >= len(opening[1])
            and not line[m.end() :].strip()
        ):
            blocks.append((opening[0], i))
            opening = None
    return blocks


LAYOUT_CODE = LayoutRule(
    id="BS0004",
    name="layout.code",
    category=Category.LAYOUT,
    description="Keeps every line of a fenced code block (between two ``` or ~~~ lines): "
    "code and configuration, not debris, whatever a line rule read in it ('date: "
    "2024-10-12', 'tags: [a, b]'). A fence that never closes protects nothing.",
    reason="inside a code block",
    make=_make_code,
    keeps=("Front matter:\n\n```yaml\ntitle: Garlic\ndate: 2024-10-12\n```\n\nThe end.\n",),
)

LAYOUT_BLANK = LayoutRule(
    id="BS0001",
    name="layout.blank",
    category=Category.LAYOUT,
    description="A blank line that separated a removed line from its neighbours: only one "
    "blank line is kept between two kept paragraphs.",
    reason="a blank line left over after a removal",
)

RULES = (
    LAYOUT_CONTINUED,
    LAYOUT_REPEATED,
    LAYOUT_SECTION,
    LAYOUT_CONTEXT,
    LAYOUT_FIELDS,
    LAYOUT_CODE,
    LAYOUT_BLANK,
)
