"""Related: read-more headings, buttons and links to other stories, and lists of links
outside the story."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..config import Config
from ..model import Category
from .base import (
    FLAGS,
    Document,
    DocumentAction,
    DocumentRule,
    LineMatcher,
    LineRule,
    marker_phrases,
    phrase_source,
)
from .common import MD_LINK, SEP

RELATED_HEADING = LineRule(
    id="BS0101",
    name="related.heading",
    category=Category.RELATED,
    description="A heading that opens a list of links to other stories: the list is not part "
    "of this story, and the heading alone says nothing.",
    reason="the whole line is a heading for links to other stories",
    markers=("related.heading",),
    max_chars=120,
    removes=(
        "Related Articles",
        "You may also like...",
        "Keep Reading",
        "More from Reuters:",
        "Lesen Sie auch",
        "Lire aussi",
        "Te puede interesar",
        "Leggi anche",
        "Leia também",
        "Lees ook",
        "Czytaj także",
        "Zobacz też",
    ),
    keeps=(
        "Related to the budget dispute, the council met again on Monday.",
        "Readers may also like the new format, the editor said.",
        "Más de 300 personas asistieron al funeral.",
        "Más de la mitad votó.",
        "More from the same family were arrested on Monday.",
    ),
)

RELATED_MORE = LineRule(
    id="BS0102",
    name="related.more",
    category=Category.RELATED,
    description="A 'read more' or 'continue reading' button: a link label, not a sentence.",
    reason="the whole line is a read-more link label",
    markers=("related.more",),
    max_chars=80,
    removes=(
        "Read more",
        "Continue reading »",
        "Weiterlesen",
        "Lire la suite",
        "Leer más",
        "Continua a leggere",
        "Leia mais",
        "Lees verder",
        "Czytaj dalej",
    ),
    keeps=("Read more books, the librarian told the children.",),
)

RELATED_LINK = LineRule(
    id="BS0103",
    name="related.link",
    category=Category.RELATED,
    description="A marker such as 'RELATED:' or 'Read more:' followed by the headline of "
    "another story, inserted between paragraphs.",
    reason="a marker followed by the headline of another story",
    markers=("related.heading", "related.more", "related.link"),
    # Not a sentence: a headline does not end in a full stop ("Mehr: Die Preise steigen
    # weiter, sagt die Bundesbank." is a paragraph of the story).
    after=rf"{SEP}.{{3,200}}+(?<![\w)\]]\.)(?<!\w\.[\"'”’»])",
    removes=(
        "RELATED:\u00a0North Korea shoots at defector",
        "Read more: Alibaba poised to launch record-breaking Hong Kong listing",
        "[Related: Salesforce keynote: AI, integration and protests]",
        "Lesen Sie auch: Was die Steuerreform für Familien bedeutet",
        "Lire aussi : Le gouvernement recule sur la réforme",
        "Leer más: El Gobierno aprueba los presupuestos",
    ),
    keeps=(
        "Related to the budget dispute, the council met again on Monday.",
        "See also the report's appendix, which lists every school that closed.",
        "Mehr: Die Preise steigen weiter, sagt die Bundesbank.",
        "Video: Police released footage of the arrest on Tuesday.",
    ),
)

# "On HoustonChronicle.com: ..." (a colon after the domain), "Also on rt.com ..." (none).
_DOMAIN = r"[\w-]++(?:\.[\w-]++)+"
_SITE_LINK = (
    rf"<<related.site_link>>\s++{_DOMAIN}\s*+:\s*+.{{3,200}}+"
    rf"|<<related.site_link_bare>>\s++{_DOMAIN}\s++.{{3,200}}+"
)


def _make_site_link(rule: LineRule, config: Config) -> LineMatcher | None:
    source = phrase_source(_SITE_LINK, config, empty="(?!)")
    if source is None or not marker_phrases("related.site_link", config):
        return None
    pattern = regex.compile(source, FLAGS)
    return lambda v, k: "" if pattern.fullmatch(k) else None


RELATED_SITE_LINK = LineRule(
    id="BS0104",
    name="related.site_link",
    category=Category.RELATED,
    description="A link to a story on another page of the site, introduced by the site's "
    "domain ('On HoustonChronicle.com: ...', 'Also on rt.com ...').",
    reason="a headline linked from the site's domain",
    lists=("related.site_link", "related.site_link_bare"),
    make=_make_site_link,
    starts=("<<related.site_link>>",),
    max_chars=260,
    removes=(
        "On HoustonChronicle.com: Car sales plunge nearly 17 percent in August",
        "Also on rt.com Journalists threatened with arrest as Bolivia purges officials",
    ),
    keeps=("On Amazon.com, the book sold out within a day.",),
)


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

RULES = (RELATED_HEADING, RELATED_MORE, RELATED_LINK, RELATED_SITE_LINK, RELATED_LINK_LIST)
