"""Meta: date and time lines, tags, reading times; the headline with keep_title=False, and
the page's title when the caller knows it."""

from __future__ import annotations

import re

import regex

from ..config import Config
from ..model import Category
from ..phrases import compile_fast, load, phrase_regex
from ..text import TRAIL
from ..triggers import first_token
from .base import (
    Document,
    DocumentAction,
    DocumentRule,
    LineMatcher,
    LineRule,
    phrase_source,
    start_tokens,
)
from .common import headline_like, title_key

_NUMERIC_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
# A time: "10:02", "18.30", "10h30" (a mark of meta.time_mark between the numbers).
_TIME = r"\d{1,2}(?:[:.]|<<meta.time_mark>>)\d{2}"
_DIGIT = re.compile(r"\d")
_DATE_TOKEN = regex.compile(r"[\w\p{M}]+")
_ASCII_TOKEN = re.compile(r"\w+")  # the same on ASCII text, and several times faster
# A token of a number: "18th", "1er", "10am", "10h30", "pm".
_NUMBERISH = (
    r"\d++(?:<<meta.ordinal>>|<<meta.time_mark>>)?|<<meta.time_mark>>"
    r"|\d++<<meta.time_mark>>\d++"
)


# A token that starts with a letter (on the same tokens as _DATE_TOKEN, but not "10h30").
_LETTERS = re.compile(r"(?<!\w)[^\W\d_]\w*")


def _date_word(tok: str, allowed: set[str], numberish: regex.Pattern[str], zones: bool) -> bool:
    """May this token stand in a date line? ``zones``: may it be a time zone (after a
    time: "10:02 AM EST")?"""
    return (
        tok.casefold() in allowed
        or (tok[0].isdigit() and numberish.fullmatch(tok) is not None)
        or (zones and tok.isupper() and 2 <= len(tok) <= 4)
    )


# A date line starts with a number, a day or month name, "Published" and the like, or the
# ago word of a relative time ("vor 2 Tagen", "hace 3 horas").
DATE_STARTS = ("<<meta.day>>", "<<meta.month>>", "<<meta.published>>", "<<meta.ago>>", "{n}")
# The longest date line (also for the head of a line that author.dated_byline judges).
DATE_MAX_CHARS = 80
# Every list the date matcher reads.
DATE_LISTS = (
    "meta.date",
    "meta.day",
    "meta.month",
    "meta.published",
    "meta.ago",
    "meta.unit",
    "meta.ordinal",
    "meta.time_mark",
)


def date_matcher(config: Config, anchored: bool = True) -> LineMatcher:
    """What rule meta.date asks of a line: that it is only a date or time, and (when
    ``anchored``) starts as a date line does (:data:`DATE_STARTS`). A byline asks it,
    not anchored, of what follows the name: "By Jane Doe on November 19, 2019"."""

    def tokens(name: str) -> set[str]:  # as lines are read: "Aujourd'hui" is two tokens
        return {t for p in load(name, config.languages) for t in _DATE_TOKEN.findall(p.casefold())}

    words = tokens("meta.date")
    days = tokens("meta.day")
    words |= days
    months = tokens("meta.month")
    pub = tokens("meta.published")
    numeric = re.compile(rf"{_ISO}|{_NUMERIC_DATE}")
    time = compile_fast(phrase_source(_TIME, config, empty="(?!)") or "")
    numberish = regex.compile(phrase_source(_NUMBERISH, config, empty="(?!)") or "", regex.I)
    allowed = words | months | pub
    # A relative time ("2 days ago", "vor 2 Tagen", "il y a 2 jours"): a number, a unit and
    # one of the ago phrases.
    ago_phrases = load("meta.ago", config.languages)
    ago_words = {w for p in ago_phrases for w in p.casefold().split()}
    units = {w.casefold() for w in load("meta.unit", config.languages)}
    relative = ago_words | units
    ago = regex.compile(
        r"(?<!\w)(?:" + "|".join(phrase_regex(p) for p in ago_phrases) + r")(?!\w)"
        if ago_phrases
        else r"(?!)"
    )
    first_words = allowed | relative

    starters = start_tokens(DATE_STARTS, config)

    def match(v: str, k: str) -> str | None:
        if len(v) > DATE_MAX_CHARS or _DIGIT.search(v, 0, 40) is None:
            return None
        if "%" in v:
            return None  # a figure of a table or a story ("1/1/2013  +13.1%"), not a stamp
        if anchored and first_token(k) not in starters:
            return None
        # Most lines fail at their first word ("1. Research your..."): a cheap test first,
        # which lets a zone pass; the loop below asks again.
        w = _LETTERS.search(v)
        if w is not None and not _date_word(w.group(), first_words, numberish, True):
            return None
        n_times = len(time.findall(numeric.sub(" ", v)))  # not "18.04" of a date
        has_time = n_times > 0
        if numeric.fullmatch(v):
            return ""
        n_months = 0
        has_pub = has_day = has_unit = has_year = stray = False
        for tok in (_ASCII_TOKEN if v.isascii() else _DATE_TOKEN).findall(v):
            low = tok.casefold()
            has_year |= len(tok) == 4 and tok.isdigit()
            if low in months:
                n_months += 1
            elif low in pub:  # "Updated 10:02"
                has_pub = True
            elif low in days:  # "Tuesday 10:02", "Today 10:02"
                has_day = True
            elif low in relative:
                has_unit |= low in units
                stray |= low not in allowed
            elif not _date_word(tok, allowed, numberish, has_time):
                return None
        if has_unit and ago.search(k):  # "2 days ago at 07:47 am", "Updated 3 hours ago"
            return ""
        if stray:  # a unit or an ago word without the rest: "3 days", "vor 2019"
            return None
        n_dates = n_months + len(numeric.findall(v))
        if (n_dates > 1 or n_times > 1) and not has_pub:
            # A range or a schedule ("29 November 2018 | 20 January 2019", opening hours
            # "Monday 9:00 - 17:00"): content. A time stamp names one moment.
            return None
        if has_day and n_months and not (has_year or has_time or has_pub):
            # A day without its year or a time ("Sábado 17 de febrero"): the heading of a
            # day in a fixture list, a programme or a diary. A stamp names the year.
            return None
        if n_dates or ((has_pub or has_day) and has_time):
            return ""
        return None

    return match


META_DATE = LineRule(
    id="BS0901",
    name="meta.date",
    category=Category.META,
    shape=True,
    description="A line that is only a date or time, maybe with 'Published' or 'Updated': "
    "page furniture, not a sentence of the story.",
    reason="the line is only a date or time",
    lists=DATE_LISTS,
    make=lambda rule, config: date_matcher(config),
    # A date line starts with a number, a day or month name, "Published" and the like, or
    # the ago word of a relative time ("vor 2 Tagen", "hace 3 horas").
    starts=DATE_STARTS,
    max_chars=DATE_MAX_CHARS,
    removes=(
        "November 18, 2019",
        "Published 10:02 AM EST Nov 19, 2019",
        "Updated at 1:23 p.m.",
        "19 NOV 2019",
        "2019-11-19T08:57:40+01:00",
        "Veröffentlicht am 3. März 2020, 14:05 Uhr",
        "Publié le 12 mai 2021 à 10h30",
        "sexta-feira, 22 de outubro de 2010 às 20:13",
        "Today 12:01 AM",
        "Gestern, 18:30 Uhr",
        "2 days ago at 07:47 am",
        "Updated 3 hours ago",
        "vor 5 Minuten",
        "il y a 2 jours",
        "hace 3 horas",
        "2 giorni fa",
        "há 4 dias",
        "2 uur geleden",
        "5 minut temu",
    ),
    keeps=(
        "50 years ago",
        "3 days",
        "March 3 was the warmest day on record.",
        "In 2019, 40 people died.",
        "12:30",
        "29 November 2018 | 20 January 2019",
        "2018.04.05 ~ OPEN RUN",
        "Monday 9:00 - 17:00",  # opening hours: two times are a schedule
        "Samedi et dimanche : 10h00 – 19h00",
        "1/1/2013\t+13.1%",  # a row of a table: a date and a percentage
        "Sábado 17 de febrero",  # a day of a fixture list or a diary, without its year
        "Poniedziałek, 3 października",
    ),
)

# A colon, then a list: items of one to five words, apart by commas, bars, bullets or
# slashes, and no sentence punctuation ("Themen: Rente und Migration standen im
# Mittelpunkt" is a sentence).
_TAG_LIST = (
    r"\s*+:\s*+(?:[^\s.!?,;|•·/]++(?:\s++[^\s.!?,;|•·/]++){0,4}+\s*+(?:[,;|•·/]\s*+|\Z)){1,40}+"
)

META_TAGS = LineRule(
    id="BS0905",
    name="meta.tags",
    category=Category.META,
    shape=True,
    description="A line of tags or categories ('Tags: budget, schools', 'Filed under: "
    "Politics'): links to index pages, not a sentence of the story.",
    reason="a line of tags or categories",
    markers=("meta.tags",),
    after=_TAG_LIST,
    max_chars=240,
    removes=(
        "Tags: budget, schools, city council",
        "Filed under: Politics |",
        "Schlagwörter: Bundestag, Haushalt",
        "Étiquettes : budget, école",
        "Etiquetas: presupuesto, escuelas",
        "Tagi: budżet, szkoły",
    ),
    keeps=(
        "Topics: the council discussed the budget. It then voted.",
        "Themen: Klimaschutz, Rente und Migration standen im Mittelpunkt.",
        "Temas: la reforma laboral y las pensiones dominaron el debate",
        "Tagged as a risk, the bridge was closed.",
    ),
)

META_KEYWORDS = LineRule(
    id="BS0906",
    name="meta.keywords",
    category=Category.META,
    shape=True,
    weak=True,
    description="A line of keywords ('Keywords: budget, schools', 'Mots-clés : ...') beside "
    "other debris: the tags of a story. Between two kept lines it stays (layout.context): a "
    "paper's abstract ends with its keywords too.",
    reason="a line of keywords beside other debris",
    markers=("meta.keywords",),
    after=_TAG_LIST,
    max_chars=240,
    removes=(
        "The council voted for free buses for under-18s.\n\n3 hours ago\n\n"
        "Keywords: transport, youth\n\nPrivacy | Cookies | Contact\n",
        "Le conseil a voté la gratuité des bus.\n\nil y a 3 heures\n\n"
        "Mots-clés : transports, jeunesse\n",
    ),
    keeps=(
        "Spring frost damages apple blossom in most years in the valley orchards.\n\n"
        "Keywords: soil moisture, spring frost, apple, phenology\n\n"
        "Received 5 January 2023; accepted 14 June 2023.\n",
    ),
)

META_READING_TIME = LineRule(
    id="BS0902",
    name="meta.reading_time",
    category=Category.META,
    shape=True,
    description="An estimated reading time.",
    reason="a reading-time label",
    markers=("meta.reading_time", "meta.reading_unit"),
    whole=("meta.reading_unit",),
    after=rf"(?:\s*+:?\s*+\d++\s*+[\w.]*+)?{TRAIL}",
    max_chars=60,
    removes=(
        "5 min read",
        "Reading time: 3 minutes",
        "Tempo de leitura: 2 minutos",
        "Lesezeit: 4 Min.",
    ),
    keeps=("Reading time for children has fallen by a third, the study found.",),
)


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


# Short labels above a headline ("Review", "World news"), at most this many words.
_LABEL_MAX_WORDS = 3
# A title repeated further down is removed only if it has at least this many words: a
# short title ("Review") may well be a line of the story.
_REPEAT_MIN_WORDS = 3


def _make_title(rule: DocumentRule, config: Config) -> DocumentAction:
    def apply(doc: Document) -> None:
        titles = {t for t in map(title_key, doc.titles) if t}
        if not titles:
            return
        top = doc.content[:3]
        for k, i in enumerate(top):
            if title_key(doc.view(i)) in titles:
                labels = top[:k]
                if all(len(doc.view(j).split()) <= _LABEL_MAX_WORDS for j in labels):
                    for j in labels:
                        doc.remove(j, rule, "a label above the headline")
                    doc.remove(i, rule, "the page's title, given by the caller")
                break
        long_titles = {t for t in titles if len(t.split()) >= _REPEAT_MIN_WORDS}
        if long_titles:
            for i in doc.content:
                if title_key(doc.view(i)) in long_titles:
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

RULES = (META_DATE, META_TAGS, META_KEYWORDS, META_READING_TIME, META_HEADLINE, META_TITLE)
