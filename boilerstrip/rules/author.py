"""Authors: bylines, author boxes and bios, contact lines and reporting credits."""

from __future__ import annotations

import re
from itertools import islice

import regex

from ..config import Config
from ..model import Category
from ..phrases import CAP_WORD, alternation, key, load
from ..text import TRAIL, has_content_word
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
from .common import (
    EMAIL,
    HANDLE,
    LEAD,
    PARTICLE,
    PERSON,
    closing_pattern,
    half_lower,
    headline_like,
    phrase_then_credit,
)
from .meta import DATE_LISTS, DATE_STARTS, date_matcher

AUTHOR_HEADING = LineRule(
    id="BS0501",
    name="author.heading",
    category=Category.AUTHOR,
    description="The heading of an author box ('About the Author'); the bio after it goes "
    "too (rule author.bio).",
    reason="an author-box heading",
    markers=("author.heading",),
    max_chars=80,
    removes=(
        "About the Author",
        "Über den Autor",
        "À propos de l'auteur",
        "Sobre el autor",
        "O autorze",
    ),
    keeps=("About the author's claims, the court said little.",),
)

# What may part a byline's name from the rest: a bar, a dash, a comma, "and".
_BYLINE_REST_SEP = r"\s*+(?:[|•·–—/]|-\s|,|<<author.byline_and>>\s)"
# The name starts with a letter: "by 505,796 people" opens a sentence.
_BYLINE_NAME = regex.compile(rf"\s*+:?\s*+(?=\p{{L}}){PERSON}")
_TERMINAL = ".!?"
_DIGIT = re.compile(r"\d")
_NON_SPACE = regex.compile(r"\S++")


def _make_byline(rule: LineRule, config: Config) -> LineMatcher | None:
    source = phrase_source(rf"{LEAD}<<author.byline>>(?=[\s:]|\Z)", config)
    if source is None:
        return None
    head = regex.compile(source, FLAGS)
    rest_sep = regex.compile(phrase_source(_BYLINE_REST_SEP, config, empty="(?!)") or "", FLAGS)
    date = date_matcher(config, anchored=False)

    def match(v: str, k: str) -> str | None:
        m = head.match(k)
        if m is None:
            return None
        if not v[m.end() :].strip(" :"):
            return ""  # the word "By" alone
        name = _BYLINE_NAME.match(v, m.end())
        if name is None:
            return None
        rest = v[name.end() :]
        if not rest.strip():
            return ""
        if not rest_sep.match(rest):
            # "Von Anna Schmidt publiziert am 3. Mai 2019": a name, then a date line (which
            # may start with a capital: "By Jane Doe Published 10:02 AM Nov 19, 2019").
            words = [w.start() for w in _NON_SPACE.finditer(v, m.end(), name.end())]
            for start in [*words[1:], name.end()]:
                tail = v[start:].strip()
                if tail and date is not None and date(tail, key(tail)) is not None:
                    return ""
            return None
        # "By Jane Doe, Staff Writer" and "By Jane Doe | May 3, 2019." are bylines;
        # "By Monday, the council had voted." and "Par Jean Dupont, le maire a été remplacé
        # en 2019." are sentences.
        words = rest.split()
        sentence = not any(c.isdigit() for c in rest) or half_lower(words)
        if rest.rstrip()[-1] in _TERMINAL and sentence:
            return None
        # A sentence that goes on on the next line, as in text wrapped at 80 columns: "By
        # Monday, the council had voted to close the library and the".
        lower = sum(w[0].islower() for w in words)
        return None if len(words) >= 6 and 3 * lower >= 2 * len(words) else ""

    return match


AUTHOR_BYLINE = LineRule(
    id="BS0502",
    name="author.byline",
    category=Category.AUTHOR,
    shape=True,
    description="A byline: 'By' and the author's name, perhaps with a role or a date.",
    reason="a byline",
    lists=("author.byline", "author.byline_and", *DATE_LISTS),
    make=_make_byline,
    starts=("<<author.byline>>",),
    max_chars=160,
    removes=(
        "By Jane Doe",
        "By Jane Doe | Staff Writer",
        "by Jeff Foust",
        "By Tess Bonn - 11/19/19 06:56 AM EST",
        "Von Anna Schmidt",
        "Par Jean Dupont",
        "Por María López",
        "Door Jan de Vries",
        "By DANICA KIRKA and JILL LAWLESS",
        "Von Anna Schmidt und Jonas Weber",
        "Von Anna Schmidt publiziert am 3. Mai 2019",
        "By Jane Doe Published 10:02 AM EST Nov 19, 2019",
    ),
    keeps=(
        "By Sunday published reports said 5 people had died.",
        "By Monday, the council had voted.",
        "By the time police arrived, he had fled.",
        "Von Anfang an war klar, dass es knapp wird.",
        "Par ailleurs, le ministre a démenti.",
        "Par Jean Dupont, le maire a été remplacé en 2019.",
        "By Monday, the council had voted to close the library and the",
        "by 505,796 people between 2008 and 2016. Of the participants who filled in",
    ),
)

# Where a byline may start after a date: after a space, perhaps after a bar or a dash.
_DATED_SPLIT = r"(?:\s*+[|•·–—-])?\s++(?=<<author.byline>>(?:[\s:]|\Z))"
_DATE_END = " |•·–—-,"


def _make_dated_byline(rule: LineRule, config: Config) -> LineMatcher | None:
    source = phrase_source(_DATED_SPLIT, config)
    date, byline = date_matcher(config), _make_byline(rule, config)
    if source is None or date is None or byline is None:
        return None
    split = regex.compile(source, FLAGS)
    # The first words of the byline phrases: most date lines have none, and go at once.
    firsts = {key(p).split()[0].rstrip(":.") for p in marker_phrases("author.byline", config) if p}

    def match(v: str, k: str) -> str | None:
        if _DIGIT.search(v, 0, 40) is None:
            return None  # a date has a number near the start
        if firsts.isdisjoint(w.rstrip(":.") for w in k.split()):
            return None
        for m in islice(split.finditer(k, 1), 2):  # the first two places a byline may start
            head, tail = v[: m.start()].rstrip(_DATE_END), v[m.end() :]
            if date(head, key(head)) is not None and byline(tail, key(tail)) is not None:
                return ""
        return None

    return match


AUTHOR_DATED_BYLINE = LineRule(
    id="BS0507",
    name="author.dated_byline",
    category=Category.AUTHOR,
    shape=True,
    description="A date, then a byline ('November 20, 2019 by Jane Doe', 'Published: 20 "
    "November 2019 | By Jane Doe'): each part alone is page furniture (rules meta.date and "
    "author.byline).",
    reason="a date and a byline",
    lists=("author.byline", "author.byline_and", *DATE_LISTS),
    make=_make_dated_byline,
    starts=DATE_STARTS,
    max_chars=160,
    removes=(
        "November 20, 2019 by Jane Doe",
        "Published: 20 November 2019 | By Jane Doe",
        "5:45 AM PST 11/19/2019 by Jane Doe",
        "Veröffentlicht am 20. November 2019 von Anna Schmidt",
        "05/10/2018 - Publicado por: Maria Souza - Categoria: Saúde",
    ),
    keeps=(
        "November 20, 2019 by the river",
        "In 2019 by Jane Doe's count, 40 people died.",
        "20 November 2019 by Jane Doe, the council said, was the deadline.",
        "2019 by the numbers",
    ),
)

# A social network's profile link ("twitter.com/jdoe"); the networks are a language-free
# list.
_SITES = alternation(load("author.profile_site", ()))
_PROFILE_SITE = rf"(?i:{_SITES})\.com/"
# An address in a line: an e-mail, a handle, a social profile (a bare web link is not one).
# (Three searches: one of the alternation is several times slower. An e-mail starts where
# its run of characters does, not at each character of it.)
_CONTACT_TOKENS = tuple(regex.compile(p) for p in (_PROFILE_SITE, HANDLE, rf"(?<![\w.+-]){EMAIL}"))
# An address alone on a line, maybe after a label. A bare web link is not here: lists of
# links (shops, sources) are part of some stories.
_ONLY_ADDRESS = (
    rf"(?:<<author.address_label>>\s*+:\s*+)?(?:{EMAIL}|{HANDLE}"
    rf"|(?:https?://)?(?:www\.)?{_SITES}\.com/\w++/?)"
)
# "Email Jane Doe at jdoe@example.com": a line that opens by telling the reader to write to
# someone named, at an address.
_MAIL_SOMEONE = (
    rf"{LEAD}(?i:<<author.write_to>>)\s++{PERSON}\s++(?i:<<author.write_at>>)\s++{EMAIL}"
)
# A one-line bio: "Jane Doe (Tribune) is a reporter ...", the name maybe a Markdown link.
_BIO = (
    rf"(?:{PERSON}|\[{PERSON}\]\([^()\s]{{0,200}}+\))\s*+(?:\([^()]{{0,80}}+\)\s*+)?"
    rf"(?i:<<author.bio_verb>>)\s++(?i:<<author.bio_article>>)\s"
)
_PROFILE = rf"(?<=(?i:{_SITES}))\.com/"


def _make_contact(rule: LineRule, config: Config) -> LineMatcher | None:
    source = phrase_source(r"\b<<author.contact>>\b", config)
    if source is None:
        return None
    phrase = regex.compile(source, FLAGS)
    only_address, mail_someone, bio = (
        regex.compile(phrase_source(p, config, empty="(?!)") or "", FLAGS)
        for p in (_ONLY_ADDRESS, _MAIL_SOMEONE, _BIO)
    )

    def match(v: str, k: str) -> str | None:
        if only_address.fullmatch(k):
            return "the line is only an address"
        if mail_someone.match(v):
            return ""
        if not any(t.search(v) for t in _CONTACT_TOKENS):
            return None
        if bio.match(v):
            return ""
        found = phrase.search(k)
        if found is None:
            return None
        # A paragraph of the story that ends with the author's handles ("I hope this helps
        # ... You can follow me on Bluesky at @..."): the phrase comes after two sentences.
        if len(_SENTENCE_END.findall(k, 0, found.start())) >= _CONTACT_MAX_SENTENCES:
            return None
        return ""

    return match


# A contact line says how to reach the author in its first two sentences; a paragraph
# whose first such phrase comes later is the story's, with the handles at its end.
_CONTACT_MAX_SENTENCES = 2
_SENTENCE_END = regex.compile(r"[.!?]\s++(?=\S)")


AUTHOR_CONTACT = LineRule(
    id="BS0503",
    name="author.contact",
    category=Category.AUTHOR,
    description="How to reach the author: an address, a handle, 'Follow her on Twitter "
    "@...', 'can be reached at ...', or a one-line bio with an address in it. A paragraph "
    "whose 'follow me on ...' comes after two sentences is the story's closing paragraph.",
    reason="an author's contact line",
    lists=(
        "author.contact",
        "author.address_label",
        "author.write_to",
        "author.write_at",
        "author.bio_verb",
        "author.bio_article",
        "author.profile_site",
    ),
    make=_make_contact,
    contains=("@",),
    finds=(_PROFILE,),
    max_chars=300,
    removes=(
        "Jane Doe can be reached at jdoe@example.com.",
        "paul.takahashi@chron.com",
        "Write to Al Root at allen.root@dowjones.com",
        "Jane Doe is a reporter for the Tribune. Contact her at jdoe@example.com.",
        "twitter.com/paultakahashi",
        "Email Jane Doe at jdoe@example.com or follow her @janedoe.",
        "[Jane Doe](/contributor/jane-doe) is a staff writer at the Tribune covering courts. "
        "She was an editor before. Previously she wrote for the Ledger. Follow her on "
        "Twitter @janedoe.",
    ),
    keeps=(
        "She said she could be reached at home most evenings.",
        "Residents can email the council at budget@example.gov until Friday.",
        "The account @NWS posted the warning at 3 a.m., hours before the storm.",
        # The story's closing paragraph, which ends with the author's handles.
        "I hope this walk-through helps you run the log on your own servers. The code is "
        "in the repository. If you have questions, follow me on Mastodon at @jdoe@example.org.",
    ),
)

AUTHOR_CONTRIBUTED = LineRule(
    id="BS0504",
    name="author.contributed",
    category=Category.AUTHOR,
    description="A note on who else reported or edited the story ('... contributed to "
    "this report', 'Reporting by ...; Editing by ...').",
    reason="a reporting-credit note",
    # The note starts or ends the line, or a word of author.contributed_word marks it
    # wherever it stands ("Keith Bradsher contributed reporting from Hong Kong.").
    # Both phrases anywhere is read from the line's start only: a search that tried
    # the lookahead at every position would take time quadratic in the line.
    anywhere=rf"(?s)\A(?:{LEAD}<<author.contributed>>\b"
    r"|(?=.*?\b<<author.contributed_word>>\b).*?\b<<author.contributed>>\b)"
    rf"|\b<<author.contributed>>{TRAIL}\Z",
    max_chars=400,
    starts=("<<author.contributed>>",),
    ends=("<<author.contributed>>",),
    contains=("<<author.contributed_word>>",),
    removes=(
        "Associated Press writer Alan Fram contributed to this report.",
        "Keith Bradsher contributed reporting from Hong Kong.",
    ),
    keeps=("The reporting by the Times prompted an inquiry.",),
)

AUTHOR_STAFF = LineRule(
    id="BS0509",
    name="author.staff",
    category=Category.AUTHOR,
    description="A byline that names the newsroom, not a person ('Staff report', "
    "'Redacción', 'Da Redação'), alone on its line.",
    reason="a newsroom byline",
    markers=("author.staff",),
    max_chars=40,
    removes=("Staff report", "Redacción", "Da Redação", "Redazione", "Redakcja"),
    keeps=("Staff were told on Monday that the plant would close.",),
)

AUTHOR_REPORTING = LineRule(
    id="BS0506",
    name="author.reporting",
    category=Category.AUTHOR,
    description="A credit line for reporting and editing ('Reporting by ...; Editing by ...').",
    reason="a reporting-credit line",
    lists=("author.reporting",),
    make=phrase_then_credit("author.reporting"),
    starts=("<<author.reporting>>",),
    max_chars=320,
    removes=(
        "(Reporting by Greg Roumeliotis; Editing by Martin Howell)",
        "Additional reporting by Joseph Hudak",
        "Mit Material von dpa",
        "Recherche: Anna Schmidt, Jonas Weber",
        "Edição: João Silva",
        "Com informações da Agência Brasil",
    ),
    keeps=(
        "The reporting by the Times prompted an inquiry.",
        "Research by the university found that the drug works in mice.",
        "Research by Oxford University found that the drug works in mice.",
        "Recherche zeigt, dass die Zahlen stimmen.",
        "Colaborou com a polícia durante anos.",
    ),
)


BIO_MAX_CHARS = 600


def _make_bio(rule: DocumentRule, config: Config) -> DocumentAction:
    def apply(doc: Document) -> None:
        for i in doc.found("author.heading"):
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
    requires=("author.heading",),
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
    source = phrase_source(
        r"\s++<<author.bio_is>>\s++(?:[^\s.!?]++\s++){0,8}?<<author.bio_role>>"
        r"\s++<<author.bio_at>>(?!\w)",
        config,
    )
    if source is None:
        return None
    job = regex.compile(source, FLAGS)
    closing = closing_pattern(config)

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

RULES = (
    AUTHOR_HEADING,
    AUTHOR_BYLINE,
    AUTHOR_DATED_BYLINE,
    AUTHOR_CONTACT,
    AUTHOR_STAFF,
    AUTHOR_REPORTING,
    AUTHOR_CONTRIBUTED,
    AUTHOR_BIO,
    AUTHOR_CLOSING_BIO,
)
