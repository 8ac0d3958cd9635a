"""Page mode: find the main text in the text of a whole page.

A page's text (``get_text()``, html-text, inscriptis, html2text, a Markdown converter)
carries the page's menus, footers, sidebars and link lists around the story. Their lines
are short labels and links; the story's are sentences. Each unit of text (a line, or a
wrapped paragraph joined back into one) gets a score: its words when it reads as prose,
a negative weight when it reads as a label. The main text is the run of units with the
largest sum (as in Finn et al.'s Body Text Extraction, on lines instead of tags); what
lies outside it goes. With mode="auto" only where a fitted detector reads the text as a
page (docs/page.md).
"""

from __future__ import annotations

import functools
import json
import math
import re
import warnings
from collections import Counter
from collections.abc import Callable, Collection
from importlib import resources
from itertools import pairwise
from typing import NamedTuple

import regex

from .. import native
from ..config import Config
from ..model import Category
from ..text import BLANK, CLOSERS, END_MARKS, WRAP_MIN_CHARS, ends_sentence
from .base import Document, DocumentAction, DocumentRule
from .common import title_key

# A Markdown image, a Markdown link (its text stays; inline, or by reference: "[text][12]"),
# a link target in parentheses as some
# converters write it after the link text, a bare URL; an HTML tag (no link: documentation
# names its tags).
# (``re``: the patterns need nothing only ``regex`` has, and ``re`` is faster per call.)
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\](?:\([^)\n]*\)|\[\d+\])")
_TARGET = re.compile(r"\((?:https?:|mailto:|/|#|\.\.?/)[^)\s]*\)|https?://\S+")
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s[^<>\n]{0,200})?/?>")
_LEAD = re.compile(r"^[\s*+\-•·>#|]*(?:\d{1,3}[.)]\s+)?")
_WORD = regex.compile(r"\w+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
# No character of those scripts comes before Thai's block.
_CJK_FIRST = "\u0e00"
_ASCII_WORD = re.compile(r"\w+")

# The C version of the unit pass and of the cheap page check (boilerstrip/_page.c), where
# it was built from the source of this interface version and is not switched off.
NATIVE = native.load("_page", 3)


class Unit(NamedTuple):
    first: int  # the unit's first line (index into the text's lines)
    last: int  # its last line
    words: int
    linked: float  # the share of its characters inside links
    score: float
    text: str  # as a reader sees it


def visible(line: str) -> tuple[str, int]:
    """A line's text as a reader sees it, and how many of its characters are link text."""
    s = line.strip()
    linked = 0
    if "](" in s or "][" in s:
        s = _IMAGE.sub("", s)
        linked = sum(len(m.group(1)) for m in _LINK.finditer(s))
        s = _LINK.sub(r"\1", s)
    if "(" in s or "://" in s:
        t = _TARGET.sub("", s)
        if len(t) < len(s):  # a converter's "(/path)" marks the text before it as a link
            linked = max(linked, len(t.strip()))
            s = t.strip()
    if "<" in s:
        s = _TAG.sub("", s).strip()  # a tag, perhaps named in the text: no link
    if s and not s[0].isalnum():
        s = _LEAD.sub("", s).strip()
    return s, linked


def words_of(s: str) -> list[str]:
    """The lower-cased words of a unit."""
    return _ASCII_WORD.findall(s.lower()) if s.isascii() else _WORD.findall(s.lower())


def _plane_table(pattern: regex.Pattern[str]) -> bytes:
    """For each character of the Basic Multilingual Plane, 1 if the pattern matches it."""
    table = bytearray(0x10000)
    for m in pattern.finditer("".join(map(chr, range(0x10000)))):
        table[m.start()] = 1
    return bytes(table)


@functools.cache
def _word_table() -> bytes:
    """The characters ``words_of`` reads as word characters (the C unit pass counts words
    with them)."""
    return _plane_table(regex.compile(r"\w"))


@functools.cache
def _cjk_table() -> bytes:
    """The CJK and Thai characters, which count half a word each."""
    return _plane_table(_CJK)


@functools.cache
def _stop_index() -> tuple[tuple[str, ...], dict[str, bytes]]:
    """jusText's stop lists (about 100 languages): their names, and for each word the
    numbers of the languages whose list has it, one byte each (the first 256 lists).
    Empty without justext (it comes with trafilatura): then prose is read without stop
    lists, and a warning says so once."""
    try:
        import justext  # type: ignore[import-untyped]
    except ImportError:
        warnings.warn(
            "justext is not installed (it comes with trafilatura): page mode reads prose "
            "without stop lists",
            RuntimeWarning,
            stacklevel=2,
        )
        return (), {}
    names = tuple(sorted(justext.get_stoplists()))[:256]
    index: dict[str, bytes] = {}
    get = index.get
    for n, name in enumerate(names):
        number = bytes((n,))
        for word in justext.get_stoplist(name):
            before = get(word)
            index[word] = number if before is None else before + number
    return names, index


@functools.cache
def _stop_list(name: str) -> frozenset[str]:
    import justext

    return frozenset(justext.get_stoplist(name))


def language(words: list[str]) -> tuple[str, frozenset[str]] | None:
    """The stop list that holds most of these (lower-cased) words, when it holds at least
    a tenth of them."""
    names, index = _stop_index()
    if not names:
        return None
    if NATIVE is None:
        hits = _language_hits(words, index, len(names))
    else:
        hits = NATIVE.language_hits(words, index, len(names))
    best = max(range(len(names)), key=hits.__getitem__)
    if not words or hits[best] * 10 < len(words):
        return None
    return names[best], _stop_list(names[best])


def _language_hits(words: list[str], index: dict[str, bytes], n: int) -> list[int]:
    """For each of the n languages, how many of the words its stop list holds. (The
    reference of the C version, ``boilerstrip/_page.c``.)"""
    hits = [0] * n
    for word, count in Counter(words).items():
        for k in index.get(word, b""):
            hits[k] += count
    return hits


# A unit is prose with at least this many words and an end mark (or twice as many).
_PROSE_WORDS = 8
# The weight of a label unit.
_LABEL = -3.0
# The weight of a unit that a rule removed: twice a label's (chosen on wcxb's page dumps,
# where -3 to -10 score alike and -20 costs non-article pages; bench: +0.008 full-page).
_DEBRIS = -6.0
# Prose has at least this share of stop words.
_STOPS = 0.2
# What the C version scores with.
_LIMITS = (_PROSE_WORDS, _STOPS, _LABEL, _DEBRIS)
# How many words of the text's longer units choose its stop list.
_SAMPLE = 600


# Hard-wrapped text breaks its paragraphs before a word in lower case again and again; a
# page dump writes each paragraph on a line of its own.
_WRAP_EVIDENCE = 3


def _wrapped(lines: list[str]) -> bool:
    """Is the text hard-wrapped: a long line that does not end a sentence, then one that
    starts in lower case, three times or more? Then a long line without an end mark goes
    on in the next one; otherwise it is a line of its own (a headline, a teaser)."""
    seen = 0
    for line, after in pairwise(lines):
        if len(line) >= WRAP_MIN_CHARS and after.lstrip()[:1].islower():
            s = line.strip()
            if len(s) >= WRAP_MIN_CHARS and not ends_sentence(s):
                seen += 1
                if seen == _WRAP_EVIDENCE:
                    return True
    return False


# (first line, last line, text as a reader sees it, link share, words, ends a sentence; the C
# version gives -1 words where the lower-cased text has a character beyond the Basic
# Multilingual Plane: not counted)
RawUnit = tuple[int, int, str, float, int, bool]


def _raw_units(lines: list[str], wrap: bool, words: list[list[str]] | None = None) -> list[RawUnit]:
    """The text's units before they are scored: each line that is not blank, or each
    hard-wrapped paragraph joined back into one line; each unit's words go into
    ``words``, when given. (The reference of the C version, ``boilerstrip/_page.c``.)"""
    raw: list[RawUnit] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if line.isspace() or not line:  # (what visible() would find empty, at less cost)
            i += 1
            continue
        text, linked = visible(line)
        if not text:
            i += 1
            continue
        first = i
        parts, link = [text], linked
        while (
            wrap
            and i + 1 < n
            and len(lines[i]) >= WRAP_MIN_CHARS
            and len(lines[i].strip()) >= WRAP_MIN_CHARS
            and not ends_sentence(text)
            and lines[i + 1].strip()
            and lines[i + 1].lstrip()[0].isalnum()
        ):
            i += 1
            text, linked = visible(lines[i])
            if not text:
                break
            parts.append(text)
            link += linked
        joined = " ".join(parts)  # (not the last line's text: it may be empty)
        ws = words_of(joined)
        if words is not None:
            words.append(ws)
        share = link / max(1, len(joined))
        raw.append((first, i, joined, share, len(ws), ends_sentence(joined)))
        i += 1
    return raw


def units(lines: list[str], debris: Collection[int] = ()) -> list[Unit]:
    """The text's units and their scores. A unit whose first line is in ``debris`` (a
    rule removed it: a cookie notice, a copyright line, a comment's date) scores twice as
    low as a label, however much prose it holds."""
    wrap = _wrapped(lines)
    # The words of each unit: counted (in C), listed when they are read.
    tokens: list[list[str] | None]
    if NATIVE is None:
        listed: list[list[str]] = []
        raw = _raw_units(lines, wrap, listed)
        tokens = list(listed)
    else:
        raw = NATIVE.raw_units(lines, wrap, WRAP_MIN_CHARS, CLOSERS, END_MARKS, _word_table())
        tokens = [None if r[4] >= 0 else words_of(r[2]) for r in raw]
    counts = [r[4] if ws is None else len(ws) for r, ws in zip(raw, tokens, strict=True)]

    def words(k: int) -> list[str]:
        ws = tokens[k]
        if ws is None:
            text = raw[k][2]
            ws = NATIVE.words_of(text, _word_table()) if NATIVE is not None else None
            if ws is None:
                ws = words_of(text)
            tokens[k] = ws
        return ws

    sample: list[str] = []
    for k, count in enumerate(counts):
        if count >= _PROSE_WORDS:
            sample += words(k)
            if len(sample) >= _SAMPLE:
                break
    found = language(sample)
    stop = found[1] if found else None
    if NATIVE is None:
        return [
            _score(r, counts[k], functools.partial(words, k), stop, debris)
            for k, r in enumerate(raw)
        ]
    scored: list[Unit | None] = NATIVE.score_units(
        raw, counts, debris, stop, _word_table(), _cjk_table(), Unit, _LIMITS
    )
    return [
        u if u is not None else _score(raw[k], counts[k], functools.partial(words, k), stop, debris)
        for k, u in enumerate(scored)
    ]


def _score(
    raw: RawUnit,
    count: int,
    words: Callable[[], list[str]],
    stop: frozenset[str] | None,
    debris: Collection[int],
) -> Unit:
    """A unit scored: prose its words, a short sentence 0, a label -3, debris -6. (The
    reference of the C version, ``boilerstrip/_page.c``.)"""
    first, last, text, share, _, ends = raw
    if not text.isascii() and max(text) >= _CJK_FIRST:
        count += len(_CJK.findall(text)) // 2  # CJK characters count half a word each
    prose = False
    if count >= _PROSE_WORDS and share < 0.5:
        ws = words()
        stops = sum(map(stop.__contains__, ws)) / len(ws) if stop is not None and ws else 1.0
        prose = stops >= _STOPS and (ends or (count >= 2 * _PROSE_WORDS and stops >= 1.5 * _STOPS))
    if first in debris:
        score = _DEBRIS
    elif prose:
        score = float(count)
    elif ends and share < 0.5 and count >= 3:
        score = 0.0
    else:
        score = _LABEL
    return Unit(first, last, count, share, score, text)


def main_run(us: list[Unit]) -> tuple[int, int] | None:
    """The run of units (first, last index) with the largest sum of scores."""
    best, best_at = 0.0, None
    total, start = 0.0, 0
    for j, u in enumerate(us):
        if total <= 0:
            total, start = 0.0, j
        total += u.score
        if total > best:
            best, best_at = total, (start, j)
    return best_at


# The story starts within this many units after its headline (a byline, a date, a share
# bar between them).
_AFTER_TITLE = 12


def anchored_run(us: list[Unit], titles: frozenset[str]) -> tuple[int, int] | None:
    """The main run when the page's title is known: a run that starts within a few units
    after a unit that is the title (the headline) and goes on while its sum stays above
    0, the one with the largest sum; None when no unit is the title or no such run sums
    above 0."""
    best, found = 0.0, None
    for h, head in enumerate(us):
        if title_key(head.text) not in titles:
            continue
        for a in range(h + 1, min(h + 1 + _AFTER_TITLE, len(us))):
            total = 0.0
            for j in range(a, len(us)):
                total += us[j].score
                if total <= 0:
                    break
                if total > best:
                    best, found = total, (a, j)
    return found


# The main run may end in a list after the story: teasers with their summaries, comments
# under their names and dates. There each prose unit follows at least this many units that
# are not prose (a headline and a time, a name and a date); the story's paragraphs follow
# one another, or one label (a subheading, a caption).
_ITEM_GAP = 2
# A list has this many items or more; the story before it this many paragraphs, and at
# least this share of the run's prose.
_LIST_ITEMS = 3
_STORY_PARAGRAPHS = 3
_STORY = 0.5


def _trim_tail(us: list[Unit], a: int, b: int) -> int:
    """The main run's last unit, without the list that ends it: the prose units from the
    first one on that each follow ``_ITEM_GAP`` units or more that are not prose, when they
    are ``_LIST_ITEMS`` or more and the story before them holds its share of the prose."""
    prose = [j for j in range(a, b + 1) if us[j].score > 0]
    t = len(prose)
    while t > 1 and prose[t - 1] - prose[t - 2] > _ITEM_GAP:
        t -= 1
    if len(prose) - t < _LIST_ITEMS or t < _STORY_PARAGRAPHS:
        return b
    words = [us[j].words for j in prose]
    if sum(words[:t]) < _STORY * sum(words):
        return b  # the prose is the list's: a listing, a thread
    return prose[t - 1]


def _list_after(us: list[Unit], b: int) -> int:
    """The main run's last unit, past the list that its last line (or the short sentence
    after it) announces with a colon ("The tour dates:"): the items up to the first menu
    item (a few words of letters)."""
    if not us[b].text.endswith(":"):
        if b + 1 < len(us) and us[b + 1].score == 0 and us[b + 1].text.endswith(":"):
            b += 1
        else:
            return b
    while b + 1 < len(us):
        u = us[b + 1]
        if u.linked >= _LINKED or _menu_item(u):
            break
        b += 1
    return b


def _menu_item(u: Unit) -> bool:
    """Does the unit read as a menu item: a few words of letters?"""
    return u.words <= _NAV_WORDS and _NAV.fullmatch(u.text) is not None


def _share(us: list[Unit], a: int, b: int) -> dict[str, float]:
    """The guard's evidence (see ``guarded``) for the run of units a..b."""
    return {
        "inside": sum(u.words for u in us[a : b + 1] if u.score > 0)
        / max(1, sum(u.words for u in us if u.score > 0)),
        "paragraphs": sum(1 for u in us[a : b + 1] if u.score > 0),
    }


class Region(NamedTuple):
    first: int  # the main text's first line
    last: int  # its last line
    before: int  # label units before it
    after: int  # label units after it
    listed: int = 0  # the items of the list that ended the main run, cut after it
    fields: int = 0  # the units beside the main run that it takes in (its fields, a headline)


# A unit that reads as a menu item: a few words of letters.
_NAV = regex.compile(r"[\p{L}][\p{L}\p{M}'’&/ .-]{0,40}")
_NAV_WORDS = 4
_DIGIT = regex.compile(r"\d")
# A unit mostly of link text.
_LINKED = 0.5
# The last units, where a page's footer with its copyright sign is.
_FOOTER_UNITS = 40
# The units at each end where a page's header and footer are.
_EDGE_UNITS = 20
_MENU_UNITS = 30


class Reading(NamedTuple):
    """What page mode read in a text: its main region and the detector's evidence."""

    region: Region
    features: dict[str, float]
    score: float  # the detector's score: the text reads as a page above 0
    # The main region and the guard's evidence as the cleaned text will have them, without
    # the units that a rule removed (None: no rule removed any); read when asked.
    cleaned: Callable[[], tuple[Region, dict[str, float]] | None] = lambda: None


def read(lines: list[str], ruled: Collection[int], titles: tuple[str, ...] = ()) -> Reading | None:
    """The main region of the lines, and how much they read as a whole page's text.
    ``ruled``: the lines the rules before removed; ``titles``: the page's title(s), when
    the caller knows them (the main text starts after the headline that repeats one)."""
    us = units(lines, ruled)
    heads = frozenset(filter(None, map(title_key, titles)))
    run = (anchored_run(us, heads) if heads else None) or main_run(us)
    if run is None:
        return None
    a, b = run
    b = _list_after(us, b)
    labels = [u for u in us if u.score < 0]
    digit = _DIGIT.search
    nav = [u.score < 0 and _menu_item(u) for u in us]
    longest = max(map(len, bytes(nav).split(b"\0")))  # the longest run of menu items
    counts = Counter(u.text for u, x in zip(us, nav, strict=True) if x)
    words = sum(u.words for u in us) or 1
    n = len(us)
    edge = min(_EDGE_UNITS, n)
    features = {
        "before": sum(1 for u in us[:a] if u.score < 0),
        "after": sum(1 for u in us[b + 1 :] if u.score < 0),
        "run": longest,
        "dups": sum(c for c in counts.values() if c > 1),
        "ruled": len(ruled),
        "copyright": sum("©" in u.text for u in us[-_FOOTER_UNITS:]),
        "digits": sum(1 for u in labels if digit(u.text)) / max(1, len(labels)),
        "prose": sum(u.words for u in us if u.score > 0) / words,
        # The share of units that are links: a Markdown dump's menus (an extract's text
        # holds a few links among its paragraphs).
        "links": sum(1 for u in us if u.linked >= _LINKED) / n,
        "head": a / len(us),
        **_share(us, a, b),
        # A page's header and footer: labels and menu items at both ends of the text.
        "units": n,
        "top_labels": sum(1 for u in us[:edge] if u.score < 0) / edge,
        "bottom_labels": sum(1 for u in us[-edge:] if u.score < 0) / edge,
        "top_menu": sum(nav[:_MENU_UNITS]),
        "bottom_menu": sum(nav[-_MENU_UNITS:]),
        # Units of one or two words: a listing's prices and counts as much as a menu's.
        "tiny": sum(1 for u in us if u.words <= 2) / n,
    }
    # The detector reads the run as it is; the main text ends before a list inside it.
    region = _region(us, a, b)
    cleaned = functools.partial(_cleaned, us, ruled, heads)
    return Reading(region, features, detector_score(features), cleaned)


def _cleaned(
    us: list[Unit], ruled: Collection[int], heads: frozenset[str]
) -> tuple[Region, dict[str, float]] | None:
    """The main region and the guard's evidence on the units that no rule removed."""
    if not ruled:
        return None
    kept = [u for u in us if u.first not in ruled]
    run = (anchored_run(kept, heads) if heads else None) or main_run(kept)
    if run is None:
        return None
    a, b = run
    b = _list_after(kept, b)
    return _region(kept, a, b), _share(kept, a, b)


def _region(us: list[Unit], a: int, b: int) -> Region:
    """The main text of the run a..b: without the list that ends it (``_trim_tail``), past
    the list its last line announces (``_list_after``)."""
    end = _list_after(us, _trim_tail(us, a, b))
    listed = sum(1 for u in us[end + 1 : b + 1] if u.score > 0)
    first, last = _with_fields(us, a, end)
    before = sum(1 for u in us[:first] if u.score < 0)
    after = sum(1 for u in us[last + 1 :] if u.score < 0)
    fields = a - first + last - end
    return Region(us[first].first, us[last].last, before, after, listed, fields)


# Fields: short labels with a figure (a quantity, a price, a size, a time: "150 g pearl
# barley", "2200 W", "Serves 4"), as a recipe's ingredients, a product's specifications and
# a timetable list them. Beside the main text they are its fields: the main text takes
# them in, walking out from each end while the fields outweigh the other units (a label
# -1, a link -2, a line a rule removed -3; prose 0, so that comments, a name, a date and
# a paragraph each, and teasers with their summaries do not add up) and stopping when the
# others lead by more than _FIELD_REACH. Each side ends at its best sum, when above 0.
# Above the main text a headline counts as a field too: a label of _HEADLINE_WORDS words
# or more between shorter units (a story's headline, a product's name, a service page's
# opening line; headlines listed one under another are other stories), and so does a
# short sentence (a lead, a slogan); a label next to a field, its key or name, counts 0
# there instead of -1 (after the main text a date's neighbour is a comment's author or a
# teaser's headline).
_FIELD_WORDS = 8
_HEADLINE_WORDS = 5
_FIELD_REACH = 6.0
# A numbered headline ("3. New ferry timetable starts in May"): a list of other stories.
_NUMBERED = regex.compile(r"\d{1,2}[.)]?\s+\p{Lu}\S*(?:\s+\S+){2}")


def _field_weight(us: list[Unit], j: int, step: int) -> float:
    """What unit j weighs on the walk away from the main text (step -1: upwards, +1:
    downwards): for it as a field, against it as a menu, a link or debris."""
    u = us[j]
    if step < 0 and u.score == 0:
        return 1.0  # a short sentence above the main text: its lead
    if step < 0 and _headline(u):
        listed = (j > 0 and _headline(us[j - 1])) or (j + 1 < len(us) and _headline(us[j + 1]))
        if not listed:
            return 1.0
    if u.score == _DEBRIS:
        return -3.0
    if u.linked >= _LINKED:
        return -2.0
    if u.score >= 0:
        return 0.0
    if _is_field(u):
        return 1.0
    if step < 0 and (
        (j > 0 and _is_field(us[j - 1])) or (j + 1 < len(us) and _is_field(us[j + 1]))
    ):
        return 0.0  # above the main text, the key or name of a field ("Power" / "2200 W")
    return -1.0


def _is_field(u: Unit) -> bool:
    """A label with a figure (see _FIELD_WORDS)."""
    return (
        u.score == _LABEL
        and u.linked < _LINKED
        and u.words <= _FIELD_WORDS
        and _DIGIT.search(u.text) is not None
        and _NUMBERED.match(u.text) is None
    )


def _headline(u: Unit) -> bool:
    return u.score == _LABEL and u.linked < _LINKED and u.words >= _HEADLINE_WORDS


def _with_fields(us: list[Unit], a: int, end: int) -> tuple[int, int]:
    """The main run a..end, with the fields beside it (see _FIELD_WORDS)."""
    out = []
    for edge, step in ((a, -1), (end, 1)):
        best = total = 0.0
        best_at = j = edge
        while 0 <= j + step < len(us) and total >= -_FIELD_REACH:
            j += step
            total += _field_weight(us, j, step)
            if total > best:
                best, best_at = total, j
        out.append(best_at)
    return out[0], out[1]


# The features that are shares (0 to 1); the others are counts, read on a log scale.
_SHARES = frozenset(("digits", "prose", "head", "links", "top_labels", "bottom_labels", "tiny"))


@functools.cache
def _detector() -> tuple[tuple[str, ...], tuple[float, ...], float]:
    """The page detector's fitted weights (``data/page_detector.json``, written by
    ``python -m tests.fit_page``): feature names, weights, bias."""
    data = json.loads(
        resources.files("boilerstrip").joinpath("data/page_detector.json").read_text()
    )
    return tuple(data["features"]), tuple(data["weights"]), float(data["bias"])


def inputs(features: dict[str, float], names: tuple[str, ...]) -> list[float]:
    """The detector's inputs: the named features, counts on a log scale."""
    return [features[k] if k in _SHARES else math.log1p(features[k]) for k in names]


def detector_score(features: dict[str, float]) -> float:
    names, weights, bias = _detector()
    return bias + sum(w * v for w, v in zip(weights, inputs(features, names), strict=True))


# Texts shorter than this many lines, or with fewer short lines, or with short lines under
# this share of their lines, are not pages (a long story's paragraphs, hard-wrapped in
# some dumps, outnumber the menus; the detector decides, this check only spares extracts
# the unit pass); nor are texts of more lines than MAX_LINES (the largest page dumps of
# both kits have 5,500: a longer text is a book, a log or a concatenation, and the unit
# pass holds about 650 bytes per line of it: 1 MB of 16,000 footer lines took 10.5 times
# its size, read as a page, and 1-2 times in the cleaner's windows).
_MIN_LINES = 20
MAX_LINES = 10_000
_MIN_SHORT = 15
_MIN_SHORT_SHARE = 0.3
_SHORT = 50


def _maybe_page(lines: list[str]) -> bool:
    """Cheap: are there enough short lines for the text to be a page's (as a reader sees
    them: without the addresses of Markdown links)?"""
    if not _MIN_LINES <= len(lines) <= MAX_LINES:
        return False
    if NATIVE is None:
        short, filled = _short_lines(lines)
    else:
        short, filled = NATIVE.short_lines(lines, _SHORT)
    return short >= _MIN_SHORT and short >= _MIN_SHORT_SHARE * filled


def _short_lines(lines: list[str]) -> tuple[int, int]:
    """How many lines are shorter than ``_SHORT`` characters as a reader sees them, and
    how many are not blank. (The reference of the C version, ``boilerstrip/_page.c``.)"""
    short = filled = 0
    for line in lines:
        n = len(line.strip())
        if n:
            filled += 1
            if n >= _SHORT and ("](" in line or "://" in line or "<" in line):
                # A menu item as a Markdown converter writes it, with the link's address.
                n = len(visible(line)[0])
            short += n < _SHORT
    return short, filled


# In a page, the main text holds at least this share of the prose (prose spread over
# many runs, documentation between its code or a thread's posts, is content in pieces), in
# at least this many paragraphs.
_MIN_INSIDE = 0.5
_MIN_PARAGRAPHS = 2


def guarded(features: dict[str, float]) -> bool:
    """May a text with these features be cut as a page? Its main text holds half its prose
    or more, in two paragraphs or more: one paragraph amid hundreds of labels is more
    likely a catalogue's blurb than a story."""
    return features["inside"] >= _MIN_INSIDE and features["paragraphs"] >= _MIN_PARAGRAPHS


def cut_region(reading: Reading) -> Region | None:
    """The region to keep when the text reads as a page: the main run, or, when only the
    cleaned text's main run passes the guard, that one. Then the cleaned text reads as
    the same page with the same main text, and cleaning it again changes nothing more
    (without it, debris that split the story kept the first clean() from cutting and let
    the second cut)."""
    if guarded(reading.features):
        return reading.region
    cleaned = reading.cleaned()
    if cleaned is not None and guarded(cleaned[1]):
        return cleaned[0]
    return None


def _make_outside(rule: DocumentRule, config: Config) -> DocumentAction | None:
    if config.mode == "article":
        return None
    forced = config.mode == "page"

    def apply(doc: Document) -> None:
        lines = doc.lines
        if not forced and (doc.window or not _maybe_page(lines)):
            return
        reading = read(lines, doc.verdicts.keys(), doc.titles)
        if reading is None:
            return
        if forced:
            r = reading.region
        else:
            found = cut_region(reading) if reading.score > 0 else None
            if found is None:
                return
            r = found
        why = (
            "the mode is page"
            if forced
            else f"the text reads as a whole page (score {reading.score:+.1f})"
        )
        listed = (
            f"; the list of {r.listed} prose items after the story, each after two labels "
            "or more, is no part of it"
            if r.listed
            else ""
        )
        fields = (
            f"; with the {r.fields} lines next to it that go with it (its fields: figures, "
            "quantities; a headline above it)"
            if r.fields
            else ""
        )
        where = (
            f"the main text (lines {r.first + 1}-{r.last + 1}; {r.before} label lines before "
            f"it, {r.after} after){listed}{fields}; {why}"
        )
        for side, span in (("before", range(r.first)), ("after", range(r.last + 1, len(lines)))):
            doc.remove_all((i for i in span if lines[i].strip(BLANK)), rule, f"{side} {where}")

    return apply


PAGE_OUTSIDE = DocumentRule(
    id="BS1001",
    name="page.outside",
    category=Category.PAGE,
    description="In the text of a whole page (menus, footers and sidebars around the "
    "story), every line outside the main text. Each line, or wrapped paragraph, scores its "
    "words when it reads as prose (eight words or more with a sentence's end, a fifth of "
    "them stop words of the text's language, under half of it link text) and -3 when it "
    "reads as a label; the main text is the run of lines with the largest sum, without "
    "the list that may end it (three prose lines or more, each after two labels or more: "
    "teasers with their summaries, comments under their names and dates), and with the "
    "fields beside it (short lines with a figure: a recipe's quantities, a product's "
    "specifications, and above it their keys, a short sentence, or a headline of five words "
    "or more that is not one of a list of them), as long as they outweigh the labels, "
    "links and debris among them. With "
    "mode='auto' (the default) this runs only on text that reads as a page: a detector "
    "weighs the label lines before the main text, runs of menu items and repeated ones, "
    "the lines the line rules removed, a copyright sign near the end, digits in the labels "
    "and the shares of prose and of link units (weights fitted on the wcxb kit, "
    "data/page_detector.json), and "
    "the main text must hold half the prose, in two paragraphs or more. When the caller "
    "gives the page's title (clean(text, title=...), extract()), the main text starts "
    "within a few lines after the headline that repeats it. "
    "mode='page' always runs it, mode='article' never.",
    reason="outside the main text of a page",
    make=_make_outside,
    keeps=("Storm closes schools.\n\nThe storm hit at noon.\n",),
)

RULES = (PAGE_OUTSIDE,)
