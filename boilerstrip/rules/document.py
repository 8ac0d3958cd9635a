"""Document rules: lines that are boilerplate because of where they stand.

They run after the line rules and see every verdict. A headline-like line is not debris on
its own (a subheading looks the same); it is debris after a ``Keep Reading`` marker, or at
the very end of the text after other debris, when it shares no words with the story.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from ..config import Config
from ..model import Category
from ..phrases import CAP_WORD, key, load
from ..text import content_words, has_content_word, is_blank
from .base import FLAGS, TRAIL, Document, DocumentAction, DocumentRule, Rule, reported_pattern
from .line import AUTHOR_HEADING, LEAD, MD_LINK, PARTICLE, RELATED_HEADING

_NO_HEADLINE_END = ".,;:…"
_QUOTES = "\"”»'’)"


def headline_like(v: str, config: Config) -> bool:
    """Short, three words or more, and not ending like a sentence (a '?' may end it).

    >>> headline_like("Cancer survivor and his doctor climb Kilimanjaro together", Config())
    True
    >>> headline_like("He never came back.", Config())
    False
    """
    if not 12 <= len(v) <= config.headline_max_chars:
        return False
    last = v[-1]
    if last in _NO_HEADLINE_END or (last in _QUOTES and v[-2] in ".,;:!?…"):
        return False
    return len(v.split()) >= 3


def _overlap(v: str, story: set[str]) -> float:
    words = content_words(v)
    return len(words & story) / len(words) if words else 1.0


# --- teasers after a list marker ---------------------------------------------------------


def _make_after_marker(rule: DocumentRule, config: Config) -> DocumentAction:
    open_end = frozenset(load("teaser.open_end", config.languages))
    # A clause that reports (", a spokeswoman said.") or names a source (", according to").
    source = rule.phrase_source(r"[,;–—]\s*+<<quote.source>>(?!\w)", config)
    sourced = None if source is None else regex.compile(source, FLAGS)
    reports = [p for p in (reported_pattern(config), sourced) if p is not None]

    def apply(doc: Document) -> None:
        markers = sorted(i for i, v in doc.verdicts.items() if v.rule is RELATED_HEADING)
        last: list[int] = []
        for i in markers:
            # The kept lines after the marker, one more than a tail may have.
            rest = doc.kept_after(i, config.tail_max_lines + 1)
            if not rest or rest == last:
                continue  # nothing after it, or markers in a row: judged with the first
            last = rest
            reason = f"follows the list heading on line {i + 1}"
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
    return all(_overlap(doc.view(j), story) <= config.headline_max_overlap for j in rest)


TEASER_AFTER_MARKER = DocumentRule(
    id="BS0201",
    name="teaser.after_marker",
    category=Category.TEASER,
    description="Headlines listed under a 'Related' / 'Keep Reading' / 'More from X' heading, "
    "and, when the heading is near the end, the short teasers that follow it.",
    reason="a teaser under a list heading",
    lists=("teaser.open_end", "quote.source"),
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
    ),
)

# --- Markdown link lists before and after the story ----------------------------------

# A line of one to eight Markdown links, maybe a list item or a heading, is a link list's
# line: "* [World](/world)", "[Home](/) | [Sport](/sport)".
_LINK_LINE = regex.compile(
    rf"(?:[*+\-•]\s++|\d{{1,3}}\.\s++|\#{{1,6}}\s*+)?+{MD_LINK}"
    rf"(?:\s*+[|·•,/-]?\s*+{MD_LINK}){{0,7}}+[\s.,;:|·•]*+"
)
# A paragraph of the story: a line this long that is not only links, or a sentence.
_PROSE_MIN_CHARS = 100
_SENTENCE_END = regex.compile(r"\w\W{0,3}[.!?…][\"'”’»)]?\Z")


def _reads_as_sentence(v: str) -> bool:
    """Four words or more that end in a full stop, a question or an exclamation mark."""
    return (
        v[-1:] in ".!?…\"'”’»)"
        and _SENTENCE_END.search(v, max(0, len(v) - 8)) is not None
        and len(v.split()) >= 4
    )


def _make_link_lists(rule: DocumentRule, config: Config) -> DocumentAction:
    def outside(doc: Document, lines: Iterator[int]) -> list[int] | None:
        """The link lines met before the first paragraph of prose; None if there is none."""
        links = []
        for i in lines:
            line = doc.lines[i]
            if "](" in line and _LINK_LINE.fullmatch(doc.view(i)):
                links.append(i)
            elif doc.removed(i):
                continue
            elif len(line) > _PROSE_MIN_CHARS or _reads_as_sentence(doc.view(i)):
                return links
        return None

    def apply(doc: Document) -> None:
        if "](" not in doc.text:
            return  # no Markdown link at all: most texts
        head = outside(doc, doc.content_after(-1))
        if head is None:
            return  # no paragraph of prose: nothing to tell the story from a list
        tail = outside(doc, doc.content_from_end()) or []
        if config.keep_title:  # a linked headline: "# [Storm closes schools](/storm)"
            title = next((i for i in head if doc.view(i).startswith("#")), None)
            head = [i for i in head if i != title]
        for i in head:
            doc.remove(i, rule, "a link before the story's first paragraph")
        for i in tail:
            doc.remove(i, rule, "a link after the story's last paragraph")

    return apply


RELATED_LINK_LIST = DocumentRule(
    id="BS0105",
    name="related.link_list",
    category=Category.RELATED,
    description="Lines of nothing but Markdown links ('* [World](/world)') before the story's "
    "first paragraph or after its last: menus and lists of other stories, which extractors "
    "that write Markdown keep. Links inside the story stay.",
    reason="a line of links outside the story",
    make=_make_link_lists,
    removes=(
        "* [World](/world)\n* [Sport](/sport)\n\n"
        "The council voted 7-2 to approve the budget late on Tuesday night, after a debate that "
        "lasted more than four hours.\n\n"
        "* [Five things to know about the budget](/budget-five-things)\n",
    ),
    keeps=(
        "The council voted 7-2 to approve the budget late on Tuesday night, after a debate that "
        "lasted more than four hours.\n\n"
        "* [The budget document](https://example.com/budget.pdf)\n\n"
        "The mayor said the plan would take effect in January, and that no services would be "
        "cut.\n",
        "* [Home](/)\n* [News](/news)\n",
    ),
)

# --- author bio --------------------------------------------------------------------------

BIO_MAX_CHARS = 600


def _make_bio(rule: DocumentRule, config: Config) -> DocumentAction:
    def apply(doc: Document) -> None:
        headings = sorted(i for i, v in doc.verdicts.items() if v.rule is AUTHOR_HEADING)
        for i in headings:
            j = next(doc.content_after(i), None)
            if j is not None and not doc.removed(j) and len(doc.view(j)) <= BIO_MAX_CHARS:
                doc.remove(j, rule, f"the paragraph after the author heading on line {i + 1}")

    return apply


AUTHOR_BIO = DocumentRule(
    id="BS0505",
    name="author.bio",
    category=Category.AUTHOR,
    description="The short paragraph under an 'About the Author' heading: the author's bio.",
    reason="an author bio",
    make=_make_bio,
    removes=(
        "The council voted to approve the budget.\n\nAbout the Author\n\n"
        "Jane Doe covers city hall for the Tribune.\n",
    ),
    keeps=(
        "The council voted to approve the budget.\n\n"
        "About the author of the plan, little is known.\n",
    ),
)

# Most bios of co-authors that end a text.
_MOST_BIOS = 3
# A first name and a surname (with the particles names carry), as the view writes them.
_FULL_NAME = regex.compile(rf"{CAP_WORD}(?:\s++(?:{PARTICLE}\s++)?{CAP_WORD}){{1,3}}", FLAGS)


def _make_closing_bio(rule: DocumentRule, config: Config) -> DocumentAction | None:
    source = rule.phrase_source(
        r"\s++<<author.bio_is>>\s++(?:[^\s.!?]++\s++){0,8}?<<author.bio_role>>"
        r"\s++<<author.bio_at>>(?!\w)",
        config,
    )
    if source is None:
        return None
    job = regex.compile(source, FLAGS)
    closing = _closing_matcher(config)

    def looks_like_bio(v: str) -> regex.Match[str] | None:
        """The name, when the line reads 'Full Name is a job at a newsroom'."""
        name = _FULL_NAME.match(v) if len(v) <= BIO_MAX_CHARS else None
        return name if name is not None and job.match(key(v), name.end()) else None

    def apply(doc: Document) -> None:
        # From the end, over what the end-of-text rules may still take (closing prompts,
        # headlines), as they walk: what they do then does not depend on this rule's
        # verdicts. Co-authors' bios follow one another; more than a few such lines are a
        # list of people, which stays.
        bios: list[tuple[int, str]] = []
        for i in doc.content_from_end():
            if doc.removed(i) or (closing is not None and closing.fullmatch(key(doc.view(i)))):
                continue
            v = doc.view(i)
            name = looks_like_bio(v)
            if name is not None:
                bios.append((i, name.group().split()[-1]))
                if len(bios) > _MOST_BIOS:
                    return
            elif not headline_like(v, config):
                break
        for i, surname in reversed(bios):  # in the text's order: one bio is not the story
            # A story about a reporter names them before its last line; an author's bio is
            # the first the text says of them.
            story = doc.kept_text(i)
            if has_content_word(story) and not regex.search(
                rf"(?<!\w){regex.escape(surname)}(?!\w)", story
            ):
                doc.remove(i, rule, "the author's bio at the end of the text")

    return apply


AUTHOR_CLOSING_BIO = DocumentRule(
    id="BS0508",
    name="author.closing_bio",
    category=Category.AUTHOR,
    description="The text's last line when it introduces the author: a full name, then "
    "'is a reporter / journalist / correspondent ...' and where ('Jane Doe is a reporter for "
    "the Tribune.', 'Hans Meier ist Redakteur im Lokalressort.'). A person the story has "
    "already named is kept: the line is about them, not by them; so is 'Jane Doe is a "
    "writer who lives in the village', which names no newsroom.",
    reason="the author's bio",
    lists=("author.bio_is", "author.bio_role", "author.bio_at"),
    make=_make_closing_bio,
    removes=(
        "The council voted 7-2 to approve the budget late on Tuesday night.\n\n"
        "Jane Doe is a reporter for the Tribune covering city hall.\n",
        "Der Stadtrat hat am Dienstag den Haushalt beschlossen.\n\n"
        "Hans Meier ist Redakteur im Lokalressort.\n",
        "Rada miasta przyjęła we wtorek budżet.\n\n"
        "Jan Kowalski jest dziennikarzem działu miejskiego.\n",
    ),
    keeps=(
        "Police released the reporter Jane Doe after questioning her for six hours.\n\n"
        "Jane Doe is a reporter for the Tribune and has covered the protests since May.\n",
        "The council voted 7-2 to approve the budget late on Tuesday night.\n\n"
        "Jane Doe is a teacher at Lincoln Elementary.\n",
        "The festival's line-up was announced on Monday.\n\n"
        "Jane Doe is a writer who lives in the village and has run the festival since 2009.\n",
        "The council voted 7-2 to approve the budget late on Tuesday night.\n\n"
        "Jane Doe is a reporter for the Tribune.\n\n"
        "The mayor said the plan would take effect in January.\n",
    ),
)

# --- the end of the text -------------------------------------------------------------------


def _closing_matcher(config: Config) -> regex.Pattern[str] | None:
    source = PROMPT_CLOSING.phrase_source(rf"{LEAD}<<prompt.closing>>{TRAIL}", config)
    return None if source is None else regex.compile(source, FLAGS)


def _tail_run(
    doc: Document,
    config: Config,
    closing: regex.Pattern[str] | None,
    needed: Callable[[Document, list[int]], bool] = lambda doc, run: True,
) -> list[int]:
    """The lines at the end of the text that are debris, prompts or unrelated headlines.

    ``needed`` looks at the run before its headlines are compared with the story (the
    costly part) and may say that nothing would come of it.
    """

    def is_closing(i: int) -> bool:
        return closing is not None and closing.fullmatch(key(doc.view(i))) is not None

    # Two rules in a row ask for this run, and the first removes only lines in it, so the
    # run and the story before it are the same for both: they are computed once.
    memo = doc.memo
    run: list[int] | None = memo.get("tail_run")
    if run is None:
        run = []
        for i in doc.content_from_end():
            if not (doc.removed(i) or is_closing(i) or headline_like(doc.view(i), config)):
                break
            run.append(i)
        memo["tail_run"] = run
    if not run or not needed(doc, run):
        return []

    text: str | None = memo.get("tail_text")
    if text is None:
        text = memo["tail_text"] = doc.kept_text(run[-1])
    if not has_content_word(text):
        return []  # nothing before the run: no story to compare with

    def story() -> set[str]:  # the story's words, read only when a headline needs them
        words: set[str] | None = memo.get("tail_story")
        if words is None:
            words = memo["tail_story"] = content_words(text)
        return words

    # A headline-like line that shares words with the story is the story's own last line
    # (or a subheading): the run ends there.
    kept: list[int] = []
    for i in run:
        if (
            doc.removed(i)
            or is_closing(i)
            or _overlap(doc.view(i), story()) <= config.headline_max_overlap
        ):
            kept.append(i)
        else:
            break
    return kept[::-1]


def _make_closing(rule: DocumentRule, config: Config) -> DocumentAction | None:
    closing = _closing_matcher(config)
    if closing is None:
        return None

    def has_closing(doc: Document, run: list[int]) -> bool:
        return any(closing.fullmatch(key(doc.view(i))) for i in run if not doc.removed(i))

    def apply(doc: Document) -> None:
        for i in _tail_run(doc, config, closing, has_closing):
            if not doc.removed(i) and closing.fullmatch(key(doc.view(i))):
                doc.remove(i, rule, "a prompt to readers after the story's last paragraph")

    return apply


PROMPT_CLOSING = DocumentRule(
    id="BS0601",
    name="prompt.closing",
    category=Category.PROMPT,
    description="A question or call to readers ('What do you think?', a like widget's 'Like "
    "this:') that closes the text: an engagement prompt. The same words inside the story "
    "are kept.",
    reason="a closing prompt to readers",
    lists=("prompt.closing",),
    make=_make_closing,
    removes=(
        "The council voted 7-2 to approve the budget late on Tuesday night.\n\n"
        "What do you think?\n",
        "Le conseil municipal a voté le budget mardi soir.\n\nQu'en pensez-vous ?\n",
    ),
    keeps=(
        "What do you think?\n\nThat was the question the mayor put to the council on "
        "Tuesday, and nobody answered it.\n",
        '"What do you think?" she asked.\n',
    ),
)


# Debris that marks the end of the story: what follows it is not story either. Credits,
# captions, contact lines and dates also stand inside stories, so they do not count.
_STORY_END = {Category.RELATED, Category.PROMPT, Category.AD, Category.NOTICE, Category.TEASER}


def _ends_story(doc: Document, i: int) -> bool:
    verdict = doc.verdicts.get(i)
    return verdict is not None and verdict.rule.category in _STORY_END


def _make_trailing(rule: DocumentRule, config: Config) -> DocumentAction:
    closing = _closing_matcher(config)

    def has_evidence(doc: Document, run: list[int]) -> bool:
        return any(_ends_story(doc, i) for i in run)

    def apply(doc: Document) -> None:
        run = _tail_run(doc, config, closing, has_evidence)
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

# --- the headline, when the user does not want it ---------------------------------------


def _make_headline(rule: DocumentRule, config: Config) -> DocumentAction | None:
    if config.keep_title:
        return None

    def apply(doc: Document) -> None:
        kept = doc.kept_content()
        first = next(kept, None)
        if first is None or next(kept, None) is None:
            return
        if headline_like(doc.view(first), config):
            doc.remove(first, rule, "a headline on the first line (keep_title=False)")

    return apply


META_HEADLINE = DocumentRule(
    id="BS0903",
    name="meta.headline",
    category=Category.META,
    description="The headline on the first line, removed only with keep_title=False (by "
    "default a headline is part of the story).",
    reason="the headline",
    make=_make_headline,
    keeps=("Storm closes schools across the county\n\nThe storm hit at noon.\n",),
)

# --- the page's title, when the caller knows it ---------------------------------------------


def _norm_title(s: str) -> str:
    return " ".join(s.split()).casefold()


# Short labels above a headline ("Review", "World news"), at most this many words.
_LABEL_MAX_WORDS = 3
# A title repeated further down is removed only if it has at least this many words: a
# short title ("Review") may well be a line of the story.
_REPEAT_MIN_WORDS = 3


def _make_title(rule: DocumentRule, config: Config) -> DocumentAction:
    def apply(doc: Document) -> None:
        titles = {t for t in map(_norm_title, doc.titles) if t}
        if not titles:
            return
        top = doc.content[:3]
        for k, i in enumerate(top):
            if _norm_title(doc.view(i)) in titles:
                labels = top[:k]
                if all(len(doc.view(j).split()) <= _LABEL_MAX_WORDS for j in labels):
                    for j in labels:
                        doc.remove(j, rule, "a label above the headline")
                    doc.remove(i, rule, "the page's title, given by the caller")
                break
        long_titles = {t for t in titles if len(t.split()) >= _REPEAT_MIN_WORDS}
        if long_titles:
            for i in doc.content:
                if _norm_title(doc.view(i)) in long_titles:
                    doc.remove(i, rule, "the page's title, repeated")

    return apply


META_TITLE = DocumentRule(
    id="BS0904",
    name="meta.title",
    category=Category.META,
    description="Only when the caller gives the page's title (extract() takes it from the "
    "HTML; clean(text, title=...)): the headline that repeats it at the top, short labels "
    "above it, and copies of it further down. The caller has the title already.",
    reason="the page's title",
    make=_make_title,
    keeps=("Storm closes schools across the county\n\nThe storm hit at noon.\n",),
)

DOCUMENT_RULES: tuple[DocumentRule, ...] = (
    RELATED_LINK_LIST,
    TEASER_AFTER_MARKER,
    AUTHOR_BIO,
    AUTHOR_CLOSING_BIO,
    PROMPT_CLOSING,
    TEASER_TRAILING,
    META_HEADLINE,
    META_TITLE,
)


class LayoutRule(Rule):
    stage = "layout"


LAYOUT_BLANK = LayoutRule(
    id="BS0001",
    name="layout.blank",
    category=Category.LAYOUT,
    description="A blank line that separated a removed line from its neighbours: only one "
    "blank line is kept between two kept paragraphs.",
    reason="a blank line left over after a removal",
)
