"""Teasers: headlines of other stories, tagged like links, listed under a related-links
heading, or ending the text after other debris."""

from __future__ import annotations

import regex

from ..config import Config
from ..model import Category
from ..phrases import key, load
from ..text import BLANK, WRAP_MIN_CHARS, content_words, ends_sentence, is_blank
from .base import (
    FLAGS,
    REPORTED_LISTS,
    Document,
    DocumentAction,
    DocumentRule,
    LineRule,
    phrase_source,
    reported_pattern,
)
from .common import closing_pattern, headline_like, overlap, prose_line, tail_run
from .page import visible

# A tagged headline is at least this long.
_TAGGED_MIN_CHARS = 10
# A tag has a capital letter in it: a number alone ("[12]") is a citation mark.
_TAG = regex.compile(r"\s\[(?=[\d ]*+\p{Lu})[\p{Lu}\d][\p{Lu}\d ]{1,18}\]\W{0,2}\Z")


def _tagged(v: str, k: str) -> str | None:
    if len(v) < _TAGGED_MIN_CHARS or "]" not in v[-3:]:
        return None
    return "" if _TAG.search(v, len(v) - 25 if len(v) > 25 else 0) else None


TEASER_TAGGED = LineRule(
    id="BS0203",
    name="teaser.tagged",
    category=Category.TEASER,
    description="A headline with an all-capitals tag such as [VIDEO] or [PICS]: a link to "
    "another story or a media item, dropped into the text. A number alone ('[12]') is a "
    "citation mark.",
    reason="a headline tagged like a link ([VIDEO], [INSIGHT])",
    make=lambda rule, config: _tagged,
    # Not after a word: "[" at the line's start, or after white space (as views strip it).
    finds=(rf"\[(?<![^\s{BLANK}]\[)[\p{{Lu}}\d][\p{{Lu}}\d ]{{1,18}}\][^\w\n]{{0,2}}+EOL",),
    max_chars=200,
    removes=(
        "Lakers vs Nets: NBA make final decision on game amid China turmoil [VIDEO]",
        "Plague warning: health agency names eight deadly diseases [INSIGHT]",
    ),
    keeps=(
        'The senator said the bill was "dead on arrival" [sic].',
        "Shares rose 3% in early trading [chart below].",
        "The line closed completely in 1966, and the viaduct was listed in 1973. [12]",
    ),
)


def _make_after_marker(rule: DocumentRule, config: Config) -> DocumentAction:
    open_end = frozenset(load("teaser.open_end", config.languages))
    # A clause that reports (", a spokeswoman said.") or names a source (", according to").
    source = phrase_source(r"[,;–—]\s*+<<quote.source>>(?!\w)", config)
    sourced = None if source is None else regex.compile(source, FLAGS)
    reports = [p for p in (reported_pattern(config), sourced) if p is not None]

    def apply(doc: Document) -> None:
        markers = doc.found("related.heading")
        if not markers:
            return
        if _listing(doc, markers[0], config):
            for i in markers:
                doc.keep(i, rule, "a heading of a text that is a list itself (not a story)")
            return
        last: list[int] = []
        for i in markers:
            # The kept lines after the marker, one more than a tail may have.
            rest = doc.kept_after(i, config.tail_max_lines + 1)
            if not rest or rest == last:
                continue  # nothing after it, or markers in a row: judged with the first
            last = rest
            reason = f"follows the list heading on line {i + 1}"
            if _same_fields(doc, i, rest[0]):
                doc.keep(i, rule, f"heads more of the fields above it ({_key(doc.view(rest[0]))}:)")
                continue
            section = _in_section(doc, i, rest)
            if section and len(section) < len(rest) and _topics(doc, section):
                doc.keep(i, rule, "heads a list of topics, a section of the text's own")
                continue
            rest = section
            if not rest:
                continue
            if _is_tail(doc, i, rest, config, reports):
                for j in rest:
                    doc.remove(j, rule, reason + ", at the end of the text")
                return
            done = -1
            for j in rest[: config.tail_max_lines]:
                if j <= done:
                    continue
                group = _wrapped_lines(doc, j, config.tail_max_lines, open_end)
                if not headline_like(" ".join(doc.view(g) for g in group), config):
                    break
                for g in group:
                    doc.remove(g, rule, reason)
                done = group[-1]

    return apply


# A text that opens with this many headlines, and no more lines of prose, and that holds
# no story (this many paragraphs of prose in a row), is a list of headlines: a front page,
# a section's page. Its "Latest" and "Most read" headings head more of the same, not
# teasers beside a story.
_LISTING_MIN_HEADLINES = 3
_STORY_MIN_PARAGRAPHS = 3


def _listing(doc: Document, marker: int, config: Config) -> bool:
    """Is the text a list of headlines (with or without summaries) rather than a story?
    Lines wrapped at a fixed width are joined back into their paragraphs first."""
    headlines = prose = run = 0
    before = True  # still before the marker
    unit: list[str] = []
    for j in doc.kept_content():
        if before and j > marker:
            if headlines < _LISTING_MIN_HEADLINES or headlines < prose:
                return False  # (what follows cannot change that)
            before = False
        v = doc.view(j)
        unit.append(v)
        if len(v) >= WRAP_MIN_CHARS and not ends_sentence(v) and _goes_on(doc, j + 1):
            continue
        joined = " ".join(unit)
        unit = []
        if prose_line(joined):
            run += 1
            if run == _STORY_MIN_PARAGRAPHS:
                return False
            prose += before
        else:
            run = 0
            # (A Markdown heading is a section's title, not a headline of the list.)
            headlines += before and headline_like(joined, config) and joined[0] != "#"
    return headlines >= _LISTING_MIN_HEADLINES and headlines >= prose


def _goes_on(doc: Document, j: int) -> bool:
    """Does the text go on, at line j right below a line, with that line's paragraph? Lines
    that a rule removed are passed over, as the cleaned text will not have them (and a
    blank line, which ends the paragraph, is kept next to them)."""
    while j < len(doc.lines) and doc.removed(j) and not is_blank(doc.lines[j]):
        j += 1
    return j < len(doc.lines) and doc.view(j)[:1].isalnum()


_HEADING = regex.compile(r"(#{1,6})\s")


def _in_section(doc: Document, marker: int, rest: list[int]) -> list[int]:
    """The lines of ``rest`` up to the next section of the document, when the marker is a
    Markdown heading ("## See also" ... "## References"): a heading of the marker's level
    or above whose section opens with a line of prose. (Under a heading of a sidebar, "###
    Most watched", a page dump lists more teasers.)"""
    m = _HEADING.match(doc.view(marker))
    if m is None:
        return rest
    level = len(m.group(1))
    for n, j in enumerate(rest):
        h = _HEADING.match(doc.view(j))
        if h is not None and len(h.group(1)) <= level and _has_prose(doc, rest[n + 1 :]):
            return rest[:n]
    return rest


# A field: a key of one to three words, a colon and its value ("- Memory: 4GB").
_FIELD = regex.compile(r"[^\w\n]{0,3}+(\w[\w.-]*+(?: [\w.-]++){0,2}):\s")
# How many kept lines above the heading may hold the same key.
_FIELDS_BACK = 20


def _key(v: str) -> str:
    m = _FIELD.match(v)
    return m.group(1) if m else ""


def _same_fields(doc: Document, marker: int, first: int) -> bool:
    """Does the line after the heading start with a key that a line above it starts with
    ("Minimum: - OS: ... / Recommended: - OS: ..."): the same fields again, not teasers?"""
    key = _key(doc.view(first))
    if not key:
        return False
    seen = 0
    for j in range(marker - 1, -1, -1):
        if is_blank(doc.lines[j]) or j in doc.verdicts:
            continue
        if _key(doc.view(j)) == key:
            return True
        seen += 1
        if seen == _FIELDS_BACK:
            break
    return False


# A topic ("Lunesdale Valley Railway", "Writing your own theme") has at most this many
# words; most headlines of other stories have more.
_TOPIC_MAX_WORDS = 6


def _topics(doc: Document, lines: list[int]) -> bool:
    """Are the lines a list of topics: items of a few words each?"""
    return all(len(visible(doc.view(j))[0].split()) <= _TOPIC_MAX_WORDS for j in lines)


def _has_prose(doc: Document, lines: list[int]) -> bool:
    """Does the section open with prose: one of its first two lines?"""
    for j in lines[:2]:
        v = doc.view(j)
        if _HEADING.match(v):
            return False
        if prose_line(v):
            return True
    return False


def _wrapped_lines(doc: Document, i: int, most: int, open_end: frozenset[str]) -> list[int]:
    """Line i, or, when the lines right below it go on with its text (one of them starts in
    lower case, or one ends with a word of ``open_end``, "of", "and", "für", as in text
    wrapped at a fixed width), the lines of its paragraph or list item, at most ``most`` of
    them: a headline or a paragraph over several lines."""
    block = [i]
    while len(block) < most and block[-1] + 1 < len(doc.lines):
        v = doc.view(block[-1] + 1)
        if not v or _ITEM_START.match(v):
            break
        block.append(block[-1] + 1)
    if any(doc.view(j)[:1].islower() for j in block[1:]) or any(
        _last_word(doc.view(j)) in open_end for j in block[:-1]
    ):
        return block
    return [i]  # lines that each start a new phrase: a list of headlines, one per line


# The start of a list item or a heading, which starts a new block in wrapped text.
_ITEM_START = regex.compile(r"[*+•#-]|\d{1,3}[.)]\s")


def _last_word(v: str) -> str:
    return v[v.rfind(" ") + 1 :]


def _removed_before(doc: Document, i: int) -> bool:
    """Is the last non-blank line before line i removed?"""
    for j in range(i - 1, -1, -1):
        if not is_blank(doc.lines[j]):
            return doc.removed(j)
    return False


def _is_tail(
    doc: Document,
    marker: int,
    rest: list[int],
    config: Config,
    reports: list[regex.Pattern[str]],
) -> bool:
    """Is everything left after the marker short enough to be its list of teasers?"""
    if len(rest) > config.tail_max_lines:
        return False
    if any(len(doc.view(j)) > config.teaser_max_chars for j in rest):
        return False
    # A line that names its source (", a spokesman said.", ", according to police.")
    # reports: the story goes on.
    keys = [key(doc.view(j)) for j in rest]
    if any(p.search(k) for p in reports for k in keys):
        return False
    # One sentence alone after the heading, ending the text, may be the story's last
    # paragraph under an inline "Lire aussi" whose link is gone; it is a teaser when debris
    # stands around the heading and it (seed-001: "About the Author", "Keep Reading", the
    # teaser, "Featured").
    if len(rest) == 1 and not headline_like(doc.view(rest[0]), config):
        after = any(doc.removed(j) for j in doc.content_after(rest[0]))
        if not (after or _removed_before(doc, marker)):
            return False
    story_text = doc.kept_text(marker)
    if sum(len(doc.view(j)) for j in rest) * 2 > len(story_text.strip()):
        return False
    # Teasers are about other stories; paragraphs that share the story's words are the
    # story going on after an inline widget heading.
    story = content_words(story_text)
    return all(overlap(doc.view(j), story) <= config.headline_max_overlap for j in rest)


TEASER_AFTER_MARKER = DocumentRule(
    id="BS0201",
    name="teaser.after_marker",
    category=Category.TEASER,
    description="Headlines listed under a 'Related' / 'Keep Reading' / 'More from X' heading, "
    "and, when the heading is near the end, the short teasers that follow it. Three kinds "
    "of list stay, with their heading: a list under a Markdown heading that ends at the "
    "text's next section (a heading of its level or above, then prose) and holds topics "
    "of six words or fewer ('## See also' in an encyclopedia or a manual); a list whose "
    "first line starts with a key that a line above starts with ('Recommended' / '- OS: "
    "Windows 11', after '- OS: Windows 10'); and every list of a text that is itself a "
    "list of headlines (three or more before the first heading, no fewer than its lines "
    "of prose, and never three paragraphs of prose in a row: a front page, a section's "
    "page).",
    reason="a teaser under a list heading",
    lists=("teaser.open_end", "quote.source", *REPORTED_LISTS),
    requires=("related.heading",),
    make=_make_after_marker,
    removes=(
        "The council voted 7-2 to approve the budget late on Tuesday night.\n\n"
        "Officials said the new spending plan would take effect in January.\n\n"
        "Keep Reading\n\n"
        "Cracker Barrel has called out Waffle House for its egg surcharge.\n\n"
        "Featured\n",
        "The storm cut power to 40,000 homes across the county on Sunday.\n"
        "Related stories\n"
        "Five things to know about hurricane season\n"
        "How to prepare an emergency kit\n"
        "Crews expected to restore power by Wednesday, the utility said in a statement.\n",
    ),
    keeps=(
        "The storm cut power to 40,000 homes across the county on Sunday.\n\n"
        "Related to the outage, the utility said crews would work through the night.\n\n"
        "Power was restored by Wednesday.\n",
        # The heading's link is gone, and one sentence ends the text: the story's end.
        "A court sentenced the former mayor to four years in prison for taking bribes.\n\n"
        "His lawyer said he would appeal.\n\n"
        "Related\n\n"
        "An appeal hearing is expected in the spring.\n",
        # The heading's links are gone; the paragraph after it reports: the story's end.
        "The fire started shortly after midnight in a storage area at the back of the "
        "building, which was empty at the time.\n\n"
        "Related stories\n\n"
        "Investigators expect to publish their findings next month, a spokeswoman said.\n",
        "Hong Kong police surrounded the university on Monday as protesters refused to leave "
        "the campus, and the standoff went into a second night.\n\n"
        "Hundreds of students remained inside the university, and police said anyone who left "
        "the campus would be arrested for rioting.\n\n"
        "DON'T MISS\n\n"
        "Protesters say the police siege of the university is unlawful.\n\n"
        "Hong Kong leaders urged the students to leave the campus peacefully.\n",
        # Text wrapped at a fixed width: the short lines are one paragraph, not headlines.
        "The storm cut power to 40,000 homes across the county on Sunday. Officials said\n"
        "it was the worst storm in a decade and that crews from three states were on\n"
        "their way to help repair the lines.\n\n"
        "Related\n\n"
        "Crews worked through the night to restore power to the homes\n"
        "while the utility warned that some customers would wait until\n"
        "Wednesday.\n",
        # Wrapped text whose next line starts with a name: "and the" goes on below.
        "The storm cut power to 40,000 homes across the county on Sunday, and the National\n"
        "Weather Service said the winds reached 90 miles an hour near the coast.\n\n"
        "Related\n\n"
        "A full report on the storm by the National Weather Service and the\n"
        "Federal Emergency Management Agency is due in March.\n\n"
        "Crews expected to restore power to most homes by Wednesday.\n",
        # A second list of the same fields under its heading ("Recommended").
        "Minimum\n\n- OS: Windows 10\n- Memory: 4 GB\n\nRecommended\n\n- OS: Windows 11\n"
        "- Memory: 8 GB\n",
        # An encyclopedia's "See also": topics, and the next section of the text after them.
        "## History\n\nThe mill was built in 1821 and ground grain for the village until "
        "1952, when the miller retired.\n\n## See also\n\n* List of windmills in Drenthe\n"
        "* Tower mill\n\n## Notes\n\nThe mill's records are kept in the provincial "
        "archive at Assen, which holds the miller's accounts.\n",
        # A front page: headlines with their summaries, and no story. "Most read" heads more
        # of the page's own headlines.
        "Council approves the budget after a long debate\n\n"
        "The plan adds two bus lines and a library, and it takes effect in January.\n\n"
        "City to open three new libraries next year\n\n"
        "School board elects a new chair\n\n"
        "Most read\n\n"
        "Police close the river bridge for repairs\n\n"
        "Farmers market moves to Saturday mornings\n",
    ),
)


# Debris that marks the end of the story: what follows it is not story either. Credits,
# captions, contact lines and dates also stand inside stories, so they do not count.
_STORY_END = {Category.RELATED, Category.PROMPT, Category.AD, Category.NOTICE, Category.TEASER}


def _ends_story(doc: Document, i: int) -> bool:
    verdict = doc.verdicts.get(i)
    return verdict is not None and verdict.rule.category in _STORY_END


def _make_trailing(rule: DocumentRule, config: Config) -> DocumentAction:
    closing = closing_pattern(config)

    def has_evidence(doc: Document, run: list[int]) -> bool:
        return any(_ends_story(doc, i) for i in run)

    def apply(doc: Document) -> None:
        run = tail_run(doc, config, closing, has_evidence)
        evidence = next((i for i in run if _ends_story(doc, i)), None)
        if evidence is None:
            return  # unsure: a story may end in a line without a full stop
        headlines = [i for i in run if i > evidence and not doc.removed(i)]
        if len(headlines) > config.tail_max_lines:
            return  # that many is a list (of products, of links), not a few teasers
        for i in headlines:
            doc.remove(
                i,
                rule,
                f"a headline unrelated to the story, after the debris on line {evidence + 1}",
            )

    return apply


TEASER_TRAILING = DocumentRule(
    id="BS0202",
    name="teaser.trailing",
    category=Category.TEASER,
    description="Headlines of other stories at the very end of the text, after other debris "
    "(a closing prompt, a share bar), sharing no words with the story.",
    reason="an unrelated headline after the story",
    make=_make_trailing,
    removes=(
        "Officials said the soldier crossed the border on foot before dawn.\n\n"
        "Share this article\n\n"
        "Cancer survivor and his doctor climb Mount Kilimanjaro together\n",
    ),
    keeps=(
        "Officials said the soldier crossed the border on foot before dawn.\n\n"
        "Share this article\n\n"
        "Soldier who crossed the border on foot is recovering\n",
        "Officials said the soldier crossed the border on foot before dawn.\n\n"
        "Ingredients for the stew\n",
    ),
)

RULES = (TEASER_TAGGED, TEASER_AFTER_MARKER, TEASER_TRAILING)
