"""What the rules of several categories share: pattern pieces, how a credit is read, what a
headline looks like, and the run of debris that ends a text.

Patterns here are regex sources (strings), to be put into a rule's own pattern; words of
languages come from phrase lists (``<<list>>`` slots, or :func:`marker_phrases`).
"""

from __future__ import annotations

from collections.abc import Callable

import regex

from ..config import Config
from ..phrases import CAP_WORD, alternation, key, load
from ..text import BULLETS, TRAIL, content_words, has_content_word
from .base import FLAGS, Document, LineMatcher, LineRule, marker_phrases, phrase_source

# A bullet, bracket or arrow that may stand before a marker, and up to three of them:
# "* ### By Jane Doe", "*(Reporting by ...)*".
_BULLET = rf"[{regex.escape(BULLETS)}]\s*+"
LEAD = f"(?:{_BULLET}){{0,3}}+"
# A separator between a marker and the headline it introduces.
SEP = r"\s*+[:|»›>→–—-]\s*+"
# A person or organisation: capitalised words, with the particles names carry (a list that
# no language owns: names travel).
PARTICLE = alternation(load("name.particle", ()))
PERSON = rf"(?:{CAP_WORD}(?:\s++(?:{PARTICLE}\s++)?{CAP_WORD}){{0,4}})"
URL = r"(?:https?://|www\.)\S++"
EMAIL = r"[\w.+-]++@[\w-]++(?:\.[\w-]++)++"
HANDLE = r"(?<![\w@])@\w{2,}+"
# A Markdown link or image, "[text](address)", "![alt](source "title")", and an image that
# links: "[![alt](source)](link)".
MD_LINK = (
    r'(?:\[(?=!\[))?+!?\[[^\]]{0,300}+\]\([^()\s]*+(?:\s++"[^"]*+")?+\s*+\)'
    r"(?:\]\([^()\s]*+\))?+"
)

# --- credits: a phrase, then names ---------------------------------------------------------

# After "Photo by", a lower-case start is a credit only when it is a few words that make no
# sentence: "Courtesy of the artist", not "Courtesy calls were made to the families.".
_SHORT_CREDIT = regex.compile(r"[^\s.,;:!?]++(?:\s++[^\s.,;:!?]++){0,5}+[\s)\]]*+")
_WORD_EDGE = ".,;:!?()[]\"'”’«»"


def half_lower(words: list[str]) -> bool:
    """Do at least half the words start in lower case? Then they read as a sentence, not
    as names ("le maire a été remplacé en 2019", not "Staff Writer, May 3, 2019")."""
    return 2 * sum(w[0].islower() for w in words) >= len(words)


def _is_sentence(words: list[str], vocabulary: frozenset[str]) -> bool:
    """Are these words, which end in a full stop, a sentence rather than a credit? At least
    half of them in lower case, or five words or more with a lower-case word of five letters
    or more ("Die Polizei sucht diesen Mann.": German nouns are capitalised) that is not a
    word of the credit phrases ("..., with reporting by A and B, editing by C."). Particles
    and prepositions are short: "John Smith for The New York Times." is a credit."""
    if half_lower(words):
        return True
    if len(words) < 5:
        return False
    lower = (w.strip(_WORD_EDGE) for w in words if w[0].islower())
    return any(len(w) >= 5 and w not in vocabulary for w in lower)


# A number and perhaps a unit ("15", "4,5 ECTS"), or a rest with two numbers or more
# ("4K UHD, 3840 x 2160"): figures, where a credit names someone (at most a year in it).
_QUANTITY = regex.compile(r"\d++(?:[.,]\d++)?(?:\s++[\p{L}%]{1,5})?[\s.]*+")
_NUMBER = regex.compile(r"\d++(?:[.,]\d++)*+")


def _is_quantity(rest: str) -> bool:
    return _QUANTITY.fullmatch(rest) is not None or len(_NUMBER.findall(rest)) >= 2


def phrase_then_credit(
    *names: str, label: bool = False
) -> Callable[[LineRule, Config], LineMatcher | None]:
    """A rule's matcher: a phrase of the lists ``names`` starts the line, a credit follows.

    With ``label``, the phrase is a label that a colon, a bar or a slash must follow
    ("Photo: AP", "Quelle | dpa"). Otherwise a colon or a full stop may follow it
    ("Courtesy: NASA", "Fot. Jan Kowalski"), and a phrase written with a colon needs it:
    "Recherche zeigt, dass ..." is a sentence.

    The credit after a separator, or one that starts with a capital, a digit, '@' or a
    bracket (a name, an agency, a handle), must not be a sentence (:func:`_is_sentence`):
    "Research by Oxford University found that the drug works.", "Quelle: Der Bericht
    stammt aus dem Ministerium.", "Foto: Die Polizei sucht diesen Mann.". A credit
    that starts in lower case must be a few words that make no sentence ("Mit Material
    von dpa", "Courtesy of the artist").
    """

    def make(rule: LineRule, config: Config) -> LineMatcher | None:
        phrases = tuple(p for n in names for p in marker_phrases(n, config))
        if not phrases:
            return None
        head = regex.compile(rf"{LEAD}{alternation(phrases)}(?!\w)", FLAGS)
        vocabulary = frozenset(w.strip(_WORD_EDGE) for p in phrases for w in key(p).split())
        seps = ":|/" if label else ":."

        def match(v: str, k: str) -> str | None:
            m = head.match(k)
            if m is None:
                return None
            labelled = k[m.end() - 1] == ":"
            rest = v[m.end() :].lstrip()
            if rest and rest[0] in seps:
                labelled = labelled or rest[0] != "."
                sep, rest = rest[0], rest[1:].lstrip()
                if sep == "/" and not rest[:1].isupper():
                    return None  # "Photo/video sharing apps", not "Photo/Jane Doe"
            if not rest or (label and not labelled):
                return None
            first = rest[0]
            if first.isdigit() and _is_quantity(rest):
                return None  # "Credits: 15", "Bild: 4K UHD, 3840 x 2160": not a name
            if labelled or first.isupper() or first.isdigit() or first in "@([":
                if not rest.rstrip(" *)]\"'”’").endswith((".", "!", "?")):
                    return ""
                return None if _is_sentence(rest.split(), vocabulary) else ""
            return "" if _SHORT_CREDIT.fullmatch(rest) else None

        return match

    return make


# --- headlines -----------------------------------------------------------------------------

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


def title_key(s: str) -> str:
    """A title as lines are compared with it: white space runs as one space, any case."""
    return " ".join(s.split()).casefold()


# A line of prose: this many words, ending a sentence.
PROSE_MIN_WORDS = 8
# Citation marks after a sentence: "[4]", "[citation needed]".
_CITATIONS = regex.compile(r"(?:\s*+\[[^\[\]]{1,30}\])++\Z")


def prose_line(v: str) -> bool:
    """A line of prose: a sentence of ``PROSE_MIN_WORDS`` words or more (not a teaser's
    summary cut short with '...'), before its citation marks."""
    end = v.rstrip(" )]\"'”’»") if v[-1:] != "]" else _CITATIONS.sub("", v).rstrip(" )\"'”’»")
    return (
        len(v.split()) >= PROSE_MIN_WORDS
        and end.endswith((".", "!", "?"))
        and not end.endswith(("...", "…"))
    )


def overlap(v: str, story: set[str]) -> float:
    """The share of the line's content words that the story has too."""
    words = content_words(v)
    return len(words & story) / len(words) if words else 1.0


# --- the end of the text -------------------------------------------------------------------


def closing_pattern(config: Config) -> regex.Pattern[str] | None:
    """A closing prompt to readers, the whole line ("What do you think?"), on a key."""
    source = phrase_source(rf"{LEAD}<<prompt.closing>>{TRAIL}", config)
    return None if source is None else regex.compile(source, FLAGS)


def tail_run(
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

    # The rules that ask for this run remove only lines in it, so the run and the story
    # before it are computed once; they depend on the lines before the run's first.
    run: list[int] | None = doc.recall("tail_run")
    if run is None:
        run = []
        for i in doc.content_from_end():
            if not (doc.removed(i) or is_closing(i) or headline_like(doc.view(i), config)):
                break
            run.append(i)
        doc.remember("tail_run", run, run[-1] if run else len(doc.lines))
    if not run or not needed(doc, run):
        return []

    text: str | None = doc.recall("tail_text")
    if text is None:
        text = doc.kept_text(run[-1])
        doc.remember("tail_text", text, run[-1])
    if not has_content_word(text):
        return []  # nothing before the run: no story to compare with

    def story() -> set[str]:  # the story's words, read only when a headline needs them
        words: set[str] | None = doc.recall("tail_story")
        if words is None:
            words = content_words(text)
            doc.remember("tail_story", words, run[-1])
        return words

    # A headline-like line that shares words with the story is the story's own last line
    # (or a subheading): the run ends there.
    kept: list[int] = []
    for i in run:
        if (
            doc.removed(i)
            or is_closing(i)
            or overlap(doc.view(i), story()) <= config.headline_max_overlap
        ):
            kept.append(i)
        else:
            break
    return kept[::-1]
