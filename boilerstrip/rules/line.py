"""Line rules: a line that is boilerplate whatever surrounds it.

A rule either says that the line starts with a marker phrase (``markers``) and what may
follow it (``after``), or searches the line's key for a phrase (``anywhere``), or runs a
small predicate (``make``) for what needs the original case or a little logic. The words
live in phrase files (``data/phrases/<lang>/<list>.txt``); the code here only says how they
are put together. Every rule caps the length of line it judges, so no line rule can remove
a long story paragraph, and every repetition is bounded or possessive, so matching time is
linear in the line's length.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

import regex

from ..config import Config
from ..model import Category
from ..phrases import CAP_WORD, LEAD_CHARS, alternation, key, load, phrase_regex
from ..triggers import BLANK, BULLETS
from .base import FLAGS, TRAIL, LineMatcher, LineRule, marker_phrases

# A bullet, bracket or arrow that may stand before a marker, and up to three of them:
# "* ### By Jane Doe", "*(Reporting by ...)*".
_BULLET = rf"[{regex.escape(BULLETS)}]\s*+"
LEAD = f"(?:{_BULLET}){{0,3}}+"
# A separator between a marker and the headline it introduces.
SEP = r"\s*+[:|»›>→–—-]\s*+"
# A person or organisation: capitalised words, with the particles names carry.
PARTICLE = r"(?:de|da|do|dos|das|del|della|di|van|von|der|den|ter|le|la|du|bin|al|el|y|e)"
PERSON = rf"(?:{CAP_WORD}(?:\s++(?:{PARTICLE}\s++)?{CAP_WORD}){{0,4}})"
_URL = r"(?:https?://|www\.)\S++"
_EMAIL = r"[\w.+-]++@[\w-]++(?:\.[\w-]++)++"
_HANDLE = r"(?<![\w@])@\w{2,}+"


def _line(**kw: object) -> LineRule:
    return LineRule(**kw)  # type: ignore[arg-type]


# --- related: read-more markers and their links --------------------------------------

RELATED_HEADING = _line(
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

RELATED_MORE = _line(
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

RELATED_LINK = _line(
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

_SITE_LINK = regex.compile(
    r"(?:(?:also|more)\s++)?(?:on|at|from|via)\s++[\w-]++(?:\.[\w-]++)+\s*+:\s*+.{3,200}+"
    r"|also\s++on\s++[\w-]++(?:\.[\w-]++)+\s++.{3,200}+"
)
_SITE_LINK_START = ("on ", "at ", "from ", "via ", "also ", "more ")


def _site_link(v: str, k: str) -> str | None:
    if len(k) > 260 or not k.startswith(_SITE_LINK_START):
        return None
    return "" if _SITE_LINK.fullmatch(k) else None


RELATED_SITE_LINK = _line(
    id="BS0104",
    name="related.site_link",
    category=Category.RELATED,
    description="A link to a story on another page of the site, introduced by the site's "
    "domain ('On HoustonChronicle.com: ...', 'Also on rt.com ...').",
    reason="a headline linked from the site's domain",
    make=lambda config: _site_link,
    starts=("on", "at", "from", "via", "also", "more"),
    max_chars=260,
    removes=(
        "On HoustonChronicle.com: Car sales plunge nearly 17 percent in August",
        "Also on rt.com Journalists threatened with arrest as Bolivia purges officials",
    ),
    keeps=("On Amazon.com, the book sold out within a day.",),
)

# --- teasers that are recognisable on their own ---------------------------------------

_TAG = regex.compile(r"\s\[[\p{Lu}\d][\p{Lu}\d ]{1,18}\]\W{0,2}\Z")


def _tagged(v: str, k: str) -> str | None:
    if not 10 <= len(v) <= 200 or "]" not in v[-3:]:
        return None
    return "" if _TAG.search(v, len(v) - 25 if len(v) > 25 else 0) else None


TEASER_TAGGED = _line(
    id="BS0203",
    name="teaser.tagged",
    category=Category.TEASER,
    description="A headline with an all-capitals tag such as [VIDEO] or [PICS]: a link to "
    "another story or a media item, dropped into the text.",
    reason="a headline tagged like a link ([VIDEO], [INSIGHT])",
    make=lambda config: _tagged,
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
    ),
)

# --- credits ------------------------------------------------------------------------------

# After "Photo by", a lower-case start is a credit only when it is a few words that make no
# sentence: "Courtesy of the artist", not "Courtesy calls were made to the families.".
_SHORT_CREDIT = regex.compile(r"[^\s.,;:!?]++(?:\s++[^\s.,;:!?]++){0,5}+[\s)\]]*+")
_WORD_EDGE = ".,;:!?()[]\"'”’«»"


def _half_lower(words: list[str]) -> bool:
    """Do at least half the words start in lower case? Then they read as a sentence, not
    as names ("le maire a été remplacé en 2019", not "Staff Writer, May 3, 2019")."""
    return 2 * sum(w[0].islower() for w in words) >= len(words)


def _is_sentence(words: list[str], vocabulary: frozenset[str]) -> bool:
    """Are these words, which end in a full stop, a sentence rather than a credit? At least
    half of them in lower case, or five words or more with a lower-case word of five letters
    or more ("Die Polizei sucht diesen Mann.": German nouns are capitalised) that is not a
    word of the credit phrases ("..., with reporting by A and B, editing by C."). Particles
    and prepositions are short: "John Smith for The New York Times." is a credit."""
    if _half_lower(words):
        return True
    if len(words) < 5:
        return False
    lower = (w.strip(_WORD_EDGE) for w in words if w[0].islower())
    return any(len(w) >= 5 and w not in vocabulary for w in lower)


def _phrase_then_credit(*names: str, label: bool = False) -> Callable[[Config], LineMatcher | None]:
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

    def make(config: Config) -> LineMatcher | None:
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
            if labelled or first.isupper() or first.isdigit() or first in "@([":
                if not rest.rstrip(" *)]\"'”’").endswith((".", "!", "?")):
                    return ""
                return None if _is_sentence(rest.split(), vocabulary) else ""
            return "" if _SHORT_CREDIT.fullmatch(rest) else None

        return match

    return make


CREDIT_LABEL = _line(
    id="BS0301",
    name="credit.label",
    category=Category.CREDIT,
    description="A photo, image or video credit, or a source line: a label such as 'Photo:', "
    "'Credit:' or 'Quelle:' and the name of the photographer, agency or source.",
    reason="a credit or source line",
    lists=("credit.label", "credit.source"),
    make=_phrase_then_credit("credit.label", "credit.source", label=True),
    starts=("<<credit.label>>", "<<credit.source>>"),
    max_chars=300,
    removes=(
        "Photo: David Zalubowski, STF / Associated Press",
        "Credit: Jane Doe",
        "Foto: dpa",
        "Crédit photo : AFP",
        "Bild: Keystone",
        "Quelle: Statistisches Bundesamt",
        "Fuente: Instituto Nacional de Estadística",
        "Photo: John Smith for The New York Times.",
        "Foto: Hans Müller für die Süddeutsche Zeitung.",
    ),
    keeps=(
        "Source: Jets trade Le'Veon Bell to Chiefs",
        "Imagen: la empresa busca mejorar su reputación tras el escándalo.",
        "Quelle: Der Bericht stammt aus dem Ministerium.",
        "Foto: Die Polizei sucht diesen Mann.",
        "Video: Die Polizei veröffentlichte Aufnahmen der Tat.",
        "Photo/video sharing apps",
        "Photos show the damage to the north wing of the building.",
        "Photographers waited outside the court for hours.",
    ),
)

CREDIT_BY = _line(
    id="BS0306",
    name="credit.by",
    category=Category.CREDIT,
    description="A photo or image credit written as a phrase: 'Photo by X', 'Image "
    "copyright X', 'Courtesy of X'.",
    reason="a photo or image credit",
    lists=("credit.by",),
    make=_phrase_then_credit("credit.by"),
    starts=("<<credit.by>>",),
    max_chars=260,
    removes=(
        "Photo by Kevin Mazur/Getty Images",
        "Image copyright Getty Images",
        "Image Copyright @ewarren",
        "Foto di Mario Rossi",
        "Fot. Jan Kowalski",
        "Courtesy of the artist",
        "Courtesy: the artist's family",
        "[Foto von Moritz Bachmann]",
    ),
    keeps=(
        "Photographers waited outside the court for hours.",
        "Courtesy calls were made to all the families of the victims.",
        "Zdjęcie zostało zrobione w 1945 roku przez nieznanego fotografa.",
        "Photo de famille pour les dirigeants du G7, qui se sont retrouvés à Biarritz.",
        "Bild von einem Mann, der sein Leben riskierte, ging um die Welt.",
        "Foto von der Feier: Hunderte Menschen kamen auf den Platz.",
        "Imagen de marca es lo que la empresa busca con la campaña.",
        "Photo by",
    ),
)

_PARTS = regex.compile(r"\s*+[,/|]\s*+")
# Getty's credit form, "AFP via Getty Images": "via" parts agencies when every other word of
# the line is capitalised (not in "Shares were sold via Reuters").
_VIA = regex.compile(r"\s++via\s++")
_WORD = regex.compile(r"\w+")


# A label before the agencies ("Source: AP") has at most this many words.
_AGENCY_LABEL_MAX_WORDS = 2


def _make_agency(config: Config) -> LineMatcher | None:
    agencies = {" ".join(key(a).split()) for a in load("credit.agency", config.languages)}
    if not agencies:
        return None

    last_words = {a.rsplit(" ", 1)[-1] for a in agencies}

    def match(v: str, k: str) -> str | None:
        if len(k) > 80:
            return None
        stripped = " ".join(k.split()).strip(" .()[]©")
        if stripped.rsplit(" ", 1)[-1].rsplit("/", 1)[-1] not in last_words:
            return None
        label, colon, rest = stripped.partition(":")
        words = label.split()
        if colon and len(words) <= _AGENCY_LABEL_MAX_WORDS and all(map(str.isalpha, words)):
            stripped = rest.strip()  # "Source: AP", "Images: AFP"; not "Jupiter. (Source: NASA)"
        if " via " in stripped and all(w[0].isupper() for w in _WORD.findall(v) if w != "via"):
            stripped = _VIA.sub("/", stripped)
        parts = _PARTS.split(stripped)
        # "Getty Images", "AFP/Getty Images", and "Michael Conroy, AP" (a name, then agencies)
        if len(parts) > 1 and parts[0] not in agencies and len(parts[0].split()) <= 4:
            parts = parts[1:]
        return "" if all(p in agencies for p in parts) else None

    return match


CREDIT_AGENCY = _line(
    id="BS0302",
    name="credit.agency",
    category=Category.CREDIT,
    description="A line that is only the name of a photo or news agency, alone or after a "
    "photographer's name ('Getty Images', 'Michael Conroy, AP').",
    reason="the line is only a photographer or agency credit",
    lists=("credit.agency",),
    make=lambda config: _make_agency(config),
    ends=("<<credit.agency>>", "©"),
    max_chars=80,
    removes=(
        "Getty Images",
        "(AFP)",
        "Michael Conroy, AP",
        "REUTERS",
        "AFP/Getty Images",
        "Source: AP",
        "Jane Doe/AFP via Getty Images",
        "(AFP via Getty Images)",
        "Jane Doe | Bloomberg | Getty Images",
    ),
    keeps=(
        "AP reported the fire first.",
        "Shares were sold via Reuters",
        "The source of the leak: Reuters",
        "Jupiter. (Source: NASA)",  # a line of hard-wrapped text, the end of a sentence
    ),
)

_NAME_SLASH = regex.compile(rf"(?:{PERSON})(?:\s*+/\s*+{PERSON}){{1,3}}", FLAGS)
# A slash and a capitalised word after it, at most 80 characters from the line's end.
_LAST_SLASH = r"/[^\S\n]*+[\p{Lu}\p{Lt}][^\n/]{0,80}+EOL"
# A short capitalised word (an agency), a slash and a name at the end of the line.
_WIRE_SLASH = (
    r"/[^\S\n]*+\p{Lu}(?<=(?<![\w/])(?:\p{Lu}[\p{L}-]{1,6}|dpa)[^\S\n]{0,3}/[^\S\n]*\p{Lu})"
    r"[^\n/]{0,60}+EOL"
)


def _make_platform_person(config: Config) -> LineMatcher:
    def match(v: str, k: str) -> str | None:
        if len(v) > 80 or "/" not in v or not v[0].isalpha():
            return None
        if _NAME_SLASH.fullmatch(v) and len(_WORD.findall(v)) >= 3:
            return ""
        return None

    return match


CREDIT_SLASH = _line(
    id="BS0303",
    name="credit.slash",
    category=Category.CREDIT,
    description="A credit written as source/person, as video and photo credits are "
    "('YouTube/James Pearson', 'Jason Cipriani/ZDNet').",
    reason="a source/person credit line",
    make=_make_platform_person,
    finds=(_LAST_SLASH,),
    max_chars=80,
    removes=("YouTube/James Pearson", "Jason Cipriani/ZDNet", "Instagram/Kim Kardashian West"),
    keeps=("24/7", "Yes/No", "He said yes/no questions were banned."),
)

# "ⓒ" (a circled c) stands for "©" on Korean sites.
# The bullets before a line, but "(", which opens "(c) 2019".
_LIST_MARKS = LEAD_CHARS.replace("(", "")
_COPYRIGHT = regex.compile(r"\(?\s*+(?:[©ⓒ]|\(c\)|copyright\s*+(?:[©ⓒ]|\(c\)|\d{4}))")


def _copyright(v: str, k: str) -> str | None:
    k = k.lstrip(_LIST_MARKS)  # a copyright line in a list of footer links: "* © 2019 ..."
    if len(k) > 260 or not k.startswith(("©", "ⓒ", "(", "copyright")):
        return None
    return "" if _COPYRIGHT.match(k) else None


CREDIT_COPYRIGHT = _line(
    id="BS0304",
    name="credit.copyright",
    category=Category.CREDIT,
    description="A copyright line ('© 2019 CBS Interactive Inc. All Rights Reserved.', "
    "'© Amazon').",
    reason="a copyright notice",
    make=lambda config: _copyright,
    starts=("©", "ⓒ", "(c)", "copyright"),
    max_chars=260,
    removes=(
        "© 2019 CBS Interactive Inc.",
        "© Amazon",
        "Copyright 2019 The Associated Press",
        "Copyright ⓒ Entermedia.co.kr",
        "* © 2019 Microsoft",
    ),
    keeps=("Copyright lawyers said the ruling would be appealed.",),
)

CREDIT_RIGHTS = _line(
    id="BS0305",
    name="credit.rights",
    category=Category.CREDIT,
    description="A short line reserving the rights to the text or photos.",
    reason="a rights notice",
    anywhere=r"\b<<credit.rights>>\b",
    max_chars=200,
    starts=("<<credit.rights>>",),
    ends=("<<credit.rights>>",),
    removes=(
        "Alle Rechte vorbehalten.",
        "Tous droits réservés",
        "Reproduction interdite. Tous droits réservés.",
    ),
    keeps=("The company reserved the right to appeal, its lawyer said.",),
)

# --- captions ------------------------------------------------------------------------------

# The credit a caption ends in. On the key: "(AP Photo/Jane Doe)", "(Photo: Reuters)".
_PAREN_WORD = r"\(\s*+[^()]{0,80}?\b<<caption.word>>\b[^()]{0,100}+\)[\s.]*+\Z"
# After the caption's last sentence, on the key: "Credit: ESA", "Getty".
_AFTER_SENTENCE = r"(?:<<credit.label>>\s*+:\s*+[^.!?]{1,80}+|<<caption.agency>>)[\s.]*+"
_LAST_SENTENCE_END = regex.compile(r"(?r)[.!?\"”]\s++")
# On the view, where names keep their capitals: "(Miguel Martinez/ AJC)". Only after the
# caption's last sentence: "... on Thursday. (Miguel Martinez/ AJC)". A story sentence may
# end in names of its own: "... the largest carrier in the region (Air France/KLM)."
_PAREN_NAMES = regex.compile(
    rf"(?<=[.!?\"'”’][\s>|*_]*+)\(\s*+{PERSON}(?:\s*+/\s*+{PERSON}){{1,3}}\s*+\)[\s.]*+\Z"
)
# "REUTERS/Brendan McDermid"
_WIRE = regex.compile(
    rf"(?<!\w)(?:REUTERS|Reuters|AP|AFP|EPA|EPA-EFE|ANSA|EFE|dpa)\s*+/\s*+"
    rf"{PERSON}[\s.]*+\Z"
)
# "installation views, photos © Inexhibit, 2018"
_COPY = regex.compile(r"©\s*+[^.!?©]{1,60}+[\s.]*+\Z")


# A credit after a label is a few names; this many words, half of them in lower case, are
# a sentence.
_SENTENCE_MIN_WORDS = 6


def _make_caption(config: Config) -> LineMatcher | None:
    paren_src = CAPTION_CREDIT.phrase_source(_PAREN_WORD, config)
    after_src = CAPTION_CREDIT.phrase_source(_AFTER_SENTENCE, config)
    if paren_src is None or after_src is None:
        return None
    paren_word = regex.compile(paren_src, FLAGS)
    after = regex.compile(after_src, FLAGS)
    limit = config.caption_max_chars
    agencies = tuple(key(a) for a in load("caption.agency", config.languages))

    def match(v: str, k: str) -> str | None:
        n = len(v)
        if n > limit or n < 20:
            return None
        tail = max(0, n - 200)
        if v.rstrip(" .").endswith(")"):
            p = v.rfind("(", tail)
            # Not a link's address: "[text](address)", "(https://...)".
            link = p > 0 and (v[p - 1] == "]" or k.startswith(("http:", "https:"), p + 1))
            if p > 0 and not link and (paren_word.match(k, p) or _PAREN_NAMES.match(v, p)):
                return f"ends in {v[p:].strip()!r}"
        if "/" in v[-60:]:
            m = _WIRE.search(v, max(0, n - 60))
            if m:
                return f"ends in {m.group().strip()!r}"
        c = v.find("©", max(0, n - 70))
        if c > 0 and _COPY.match(v, c):
            return f"ends in {v[c:].strip()!r}"
        if ":" not in k[-90:] and not k.rstrip(" .").endswith(agencies):
            return None  # nothing for `after` to match
        m = _LAST_SENTENCE_END.search(k, max(0, n - 90))
        if m is None or not after.fullmatch(k, m.end()):
            return None
        credit = v[m.end() :].strip()
        words = credit.split(":", 1)[-1].split()
        if len(words) >= _SENTENCE_MIN_WORDS and _half_lower(words):
            return None  # "... in 2001. Photo: the only one that survived the fire."
        return f"ends in {credit!r}"

    return match


CAPTION_CREDIT = _line(
    id="BS0401",
    name="caption.credit",
    category=Category.CAPTION,
    description="A photo caption: a paragraph that ends in a photo credit. Story paragraphs "
    "do not end in '(AP Photo/Jane Doe)'.",
    reason="a photo caption ending in a credit",
    lists=("caption.word", "credit.label", "caption.agency"),
    make=_make_caption,
    ends=("<<caption.agency>>",),
    contains=("©",),
    # What `match` looks for: the line ends in a parenthesis (not a [link](address)) with a
    # slash or a caption word in it; or in a wire credit; or in a colon and a short rest
    # (the label before the colon is left to `match`: a look-behind for it costs more).
    finds=(
        r"\((?<!\]\()(?!https?:)(?=[^()\n]{0,200}+\)[ .]*+EOL)"
        r"(?:[^()\n/]*+/|[^()\n]{0,100}?\b(?i:<<caption.word>>)\b)",
        _WIRE_SLASH,
        r":(?:(?<=\w:)|(?<=\w :))(?!//)[^\S\n]*+[^\s:.!?][^\n:.!?]{0,89}+[ .]*+EOL",
    ),
    max_chars_setting="caption_max_chars",
    removes=(
        "Students read plays they wrote on Thursday. (Miguel Martinez/ AJC)",
        "Vicente Aguiar loads trims into his truck in Hialeah, Fla. (AP Photo/Alan Diaz, File)",
        "Traders work on the floor of the exchange. REUTERS/Brendan McDermid",
        "A module for a crewed Mars mission. Credit: ESA",
        "Ein Demonstrant in Berlin. (Foto: dpa)",
    ),
    keeps=(
        "Unemployment fell to 4.1 percent in October. Source: Bureau of Labor Statistics",
        "The vote passed 52-48 (Republicans/Democrats split along party lines).",
        "BERLIN (dpa) - Die Regierung hat am Montag neue Regeln beschlossen.",
        "The company said it would appeal, according to Reuters.",
        "The museum bought the painting in 2001. Photo: the only one that survived the fire.",
        "The merger created the largest carrier in the region (Air France/KLM).",
    ),
)

# A Markdown link or image, "[text](address)", "![alt](source "title")", and an image that
# links: "[![alt](source)](link)".
MD_LINK = (
    r'(?:\[(?=!\[))?+!?\[[^\]]{0,300}+\]\([^()\s]*+(?:\s++"[^"]*+")?+\s*+\)'
    r"(?:\]\([^()\s]*+\))?+"
)
_IMAGE = rf"(?=\[?!\[){MD_LINK}"
_IMAGES = regex.compile(rf"{LEAD}{_IMAGE}(?:\s*+{_IMAGE}){{0,4}}+[\s.]*+")
# The address of an image file, alone: "https://example.com/logo.png".
_IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "webp", "svg", "avif")
_IMAGE_URL = regex.compile(rf"(?:https?:)?//\S++(?<=\.(?:{'|'.join(_IMAGE_EXTENSIONS)}))")


def _image(v: str, k: str) -> str | None:
    return "" if _IMAGES.fullmatch(v) or _IMAGE_URL.fullmatch(k) else None


CAPTION_IMAGE = _line(
    id="BS0403",
    name="caption.image",
    category=Category.CAPTION,
    description="An image in Markdown ('![alt text](address)'), or an image file's address, "
    "alone on a line: a picture that plain text cannot show, whose alt text is at most its "
    "caption. Extractors that write Markdown keep them.",
    reason="an image",
    make=lambda config: _image,
    contains=("![",),
    ends=_IMAGE_EXTENSIONS,
    max_chars=3000,
    removes=(
        "![A firefighter on the roof](https://example.com/img/fire.jpg)",
        '[![Jane Doe](https://example.com/jane.png "Jane Doe")](https://example.com/by/jane)',
        "![](data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==)",
        "https://www.example.com/assets/images/logos/og-image-logo.png",
    ),
    keeps=(
        "The ![alt] syntax puts an image in Markdown, the guide explains.",
        "![Chart](https://example.com/c.png) shows the rise in prices since 2019.",
        "The logo is at https://example.com/logo.png",
    ),
)

CAPTION_LABEL = _line(
    id="BS0402",
    name="caption.label",
    category=Category.CAPTION,
    description="A photo caption introduced by its label ('Image caption ...', 'Caption: ...', "
    "'Bildunterschrift: ...'): the caption of a photo that is not in the text.",
    reason="a caption, introduced by its label",
    markers=("caption.label",),
    # A colon after the label, or none after a two-word label such as "Image caption".
    after=r"(?:\s*+:|(?<=\w caption))\s*+.{3,300}+",
    max_chars=320,
    removes=(
        "Image caption The lander touched down on Thursday",
        "Caption: Firefighters on the roof of the school",
        "Bildunterschrift: Feuerwehrleute auf dem Dach",
        "Légende : Des pompiers sur le toit",
        "Pie de foto: Bomberos en el tejado",
        "Pictured: the suspect outside court",
        "Na zdjęciu: prezydent miasta podczas uroczystości",
    ),
    keeps=(
        "Caption contests are popular with readers.",
        "Pictured in the photo are the mayor and her husband.",
        "Leyenda del fútbol, Pelé cumplió 80 años.",
    ),
)

# --- authors -------------------------------------------------------------------------------

AUTHOR_HEADING = _line(
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

_BYLINE_REST_SEP = regex.compile(r"\s*+(?:[|•·–—/]|-\s|,|(?:and|und|et|y|e|en|i|&)\s)")
# The name starts with a letter: "by 505,796 people" opens a sentence.
_BYLINE_NAME = regex.compile(rf"\s*+:?\s*+(?=\p{{L}}){PERSON}")
_TERMINAL = ".!?"
_NON_SPACE = regex.compile(r"\S++")


def _make_byline(config: Config) -> LineMatcher | None:
    source = AUTHOR_BYLINE.phrase_source(rf"{LEAD}<<author.byline>>(?=[\s:]|\Z)", config)
    if source is None:
        return None
    head = regex.compile(source, FLAGS)
    date = _make_date(config)

    def match(v: str, k: str) -> str | None:
        if len(v) > 160:
            return None
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
        if not _BYLINE_REST_SEP.match(rest):
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
        sentence = not any(c.isdigit() for c in rest) or _half_lower(words)
        if rest.rstrip()[-1] in _TERMINAL and sentence:
            return None
        # A sentence that goes on on the next line, as in text wrapped at 80 columns: "By
        # Monday, the council had voted to close the library and the".
        lower = sum(w[0].islower() for w in words)
        return None if len(words) >= 6 and 3 * lower >= 2 * len(words) else ""

    return match


AUTHOR_BYLINE = _line(
    id="BS0502",
    name="author.byline",
    category=Category.AUTHOR,
    description="A byline: 'By' and the author's name, perhaps with a role or a date.",
    reason="a byline",
    lists=("author.byline", "meta.date", "meta.day", "meta.month", "meta.published"),
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


def _make_dated_byline(config: Config) -> LineMatcher | None:
    source = AUTHOR_DATED_BYLINE.phrase_source(_DATED_SPLIT, config)
    date, byline = _make_date(config), _make_byline(config)
    if source is None or date is None or byline is None:
        return None
    split = regex.compile(source, FLAGS)
    # The first words of the byline phrases: most date lines have none, and go at once.
    firsts = {key(p).split()[0].rstrip(":.") for p in marker_phrases("author.byline", config) if p}

    def match(v: str, k: str) -> str | None:
        if len(v) > 160 or _DIGIT.search(v, 0, 40) is None:
            return None  # a date has a number near the start
        if firsts.isdisjoint(w.rstrip(":.") for w in k.split()):
            return None
        for m in islice(split.finditer(k, 1), 2):  # the first two places a byline may start
            head, tail = v[: m.start()].rstrip(_DATE_END), v[m.end() :]
            if date(head, key(head)) is not None and byline(tail, key(tail)) is not None:
                return ""
        return None

    return match


AUTHOR_DATED_BYLINE = _line(
    id="BS0507",
    name="author.dated_byline",
    category=Category.AUTHOR,
    description="A date, then a byline ('November 20, 2019 by Jane Doe', 'Published: 20 "
    "November 2019 | By Jane Doe'): each part alone is page furniture (rules meta.date and "
    "author.byline).",
    reason="a date and a byline",
    lists=("author.byline", "meta.date", "meta.day", "meta.month", "meta.published"),
    make=_make_dated_byline,
    starts=("<<meta.day>>", "<<meta.month>>", "<<meta.published>>", "{n}"),
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

_CONTACT_TOKEN = regex.compile(rf"{_EMAIL}|{_URL}|{_HANDLE}")
# An address alone on a line: an e-mail, a handle or a social profile. A bare web link is
# not here: lists of links (shops, sources) are part of some stories.
_ONLY_ADDRESS = regex.compile(
    rf"(?:(?:e-?mail|twitter|x|contact)\s*+:\s*+)?(?:{_EMAIL}|{_HANDLE}"
    rf"|(?:https?://)?(?:www\.)?(?:twitter|x|instagram|facebook)\.com/\w++/?)"
)
# "Email Jane Doe at jdoe@example.com": a line that opens by telling the reader to write to
# someone named, at an address.
_MAIL_SOMEONE = regex.compile(rf"{LEAD}(?i:e-?mail|contact|reach)\s++{PERSON}\s++at\s++{_EMAIL}")
_BIO = regex.compile(rf"{PERSON}\s*+(?:\([^()]{{0,80}}+\)\s*+)?(?:is|was)\s++(?:a|an|the)\s")


_PROFILE = r"(?<=(?i:twitter|x|instagram|facebook))\.com/"


def _make_contact(config: Config) -> LineMatcher | None:
    source = AUTHOR_CONTACT.phrase_source(r"\b<<author.contact>>\b", config)
    if source is None:
        return None
    phrase = regex.compile(source, FLAGS)

    def match(v: str, k: str) -> str | None:
        if len(v) > 300:
            return None
        if _ONLY_ADDRESS.fullmatch(k):
            return "the line is only an address"
        if _MAIL_SOMEONE.match(v):
            return ""
        if _CONTACT_TOKEN.search(v) and (phrase.search(k) or _BIO.match(v)):
            return ""
        return None

    return match


AUTHOR_CONTACT = _line(
    id="BS0503",
    name="author.contact",
    category=Category.AUTHOR,
    description="How to reach the author: an address, a handle, 'Follow her on Twitter "
    "@...', 'can be reached at ...', or a one-line bio with an address in it.",
    reason="an author's contact line",
    lists=("author.contact",),
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
    ),
    keeps=(
        "She said she could be reached at home most evenings.",
        "Residents can email the council at budget@example.gov until Friday.",
        "The account @NWS posted the warning at 3 a.m., hours before the storm.",
    ),
)

AUTHOR_CONTRIBUTED = _line(
    id="BS0504",
    name="author.contributed",
    category=Category.AUTHOR,
    description="A note on who else reported or edited the story ('... contributed to "
    "this report', 'Reporting by ...; Editing by ...').",
    reason="a reporting-credit note",
    anywhere=r"\b<<author.contributed>>\b",
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

AUTHOR_STAFF = _line(
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

AUTHOR_REPORTING = _line(
    id="BS0506",
    name="author.reporting",
    category=Category.AUTHOR,
    description="A credit line for reporting and editing ('Reporting by ...; Editing by ...').",
    reason="a reporting-credit line",
    lists=("author.reporting",),
    make=_phrase_then_credit("author.reporting"),
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

# --- prompts -----------------------------------------------------------------------------

PROMPT_SHARE = _line(
    id="BS0602",
    name="prompt.share",
    category=Category.PROMPT,
    description="A share button or a plea to share the story.",
    reason="a share prompt",
    markers=("prompt.share",),
    unless_reported=True,
    max_chars=120,
    removes=(
        "Share this article",
        "Sharing is caring!",
        "Share on Facebook",
        "Artikel teilen",
        "Partager cet article",
        "Compartir",
    ),
    keeps=("Share prices fell 4% on Monday.",),
)

# A share button may be a Markdown link: "[Facebook](https://...)", "[Twitter][12]".
_LINK_TARGET = r"(?:\(<[^<>]{0,500}+>\)|\([^()\s]{0,500}+\)|\[\d{1,4}+\])"
_SOCIAL_BUTTON = rf"\[?+(?:<<social>>|<<prompt.share_word>>)(?:\]{_LINK_TARGET}?+)?+"
_SOCIAL_BAR = rf"{LEAD}(?:{_SOCIAL_BUTTON}(?:\s*+[|/•·,]?\s*+|\Z)){{1,12}}"


def _make_social_bar(config: Config) -> LineMatcher | None:
    source = PROMPT_SOCIAL_BAR.phrase_source(_SOCIAL_BAR, config)
    if source is None:
        return None
    pattern = regex.compile(source, FLAGS)
    return lambda v, k: "" if pattern.fullmatch(k) else None


PROMPT_SOCIAL_BAR = _line(
    id="BS0608",
    name="prompt.social_bar",
    category=Category.PROMPT,
    description="A row of share buttons: nothing but network names and share words.",
    reason="a row of share buttons",
    lists=("social", "prompt.share_word"),
    make=_make_social_bar,
    starts=("<<social>>", "<<prompt.share_word>>"),
    max_chars=800,
    removes=(
        "Facebook Twitter Email",
        "Whatsapp  Facebook  Pint",
        "Tweet",
        "Email | Print",
        "* WhatsApp",
        "* [Facebook](https://example.com/share?u=1)",
        "[Twitter][12]",
    ),
    keeps=(
        "Facebook Twitter and Google were fined.",
        "[Facebook announced new rules](https://example.com/news)",
    ),
)

PROMPT_SUBSCRIBE = _line(
    id="BS0603",
    name="prompt.subscribe",
    category=Category.PROMPT,
    description="A call to subscribe, sign up for a newsletter, or become a member. A call "
    "that opens with a verb that also opens sentences ('Melden Sie sich', 'Profitez de') "
    "must name the site or what it offers ('unseren Newsletter', 'notre offre gratuite'); "
    "one that opens with a question ('Want more Tribune stories?') must name a newsletter.",
    reason="a subscription or newsletter prompt",
    markers=("prompt.subscribe", "prompt.subscribe_verb", "prompt.lead_in"),
    unless_reported=True,
    after=r"(?:\W.{0,400}+)?",
    guarded=(
        ("prompt.subscribe_verb", "prompt.site_word"),
        ("prompt.lead_in", "prompt.newsletter_word"),
    ),
    removes=(
        "Sign up for our daily newsletter",
        "Want more Tribune stories? Sign up for our newsletter.",
        "Lust auf mehr? Abonnieren Sie unseren Newsletter.",
        "¿Quieres más? Suscríbete a nuestro boletín.",
        "Subscribe to WIRED and stay smart.",
        "Get the day's top headlines delivered to your inbox every morning.",
        "Jetzt Newsletter abonnieren",
        "Abonnez-vous à notre newsletter",
        "Suscríbete a nuestro boletín",
        "Zapisz się do newslettera",
        "Melden Sie sich für unseren Newsletter an",
        "Profitez de notre offre d'essai gratuite",
        "Não perca nenhuma notícia: assine a nossa newsletter",
        "Stay informed",
        "Inscrivez-vous gratuitement",
        "Regístrate en nuestra web",
    ),
    keeps=(
        "Want more energy? Our experts recommend eight hours of sleep.",
        "Subscribe to our YouTube channel, the scammers wrote in the fake email.",
        "Abbonati alla rivista da 40 anni, i due fratelli hanno ricevuto un premio.",
        "Download the app, then scan the code at the gate.",
        "The newsletter, founded in 1998, reached 40,000 readers.",
        "Subscribers complained about the price rise.",
        "Melden Sie sich bei der Polizei, wenn Sie etwas gesehen haben.",
        "Start your day with a glass of water, nutritionists advise.",
        "Profitez de la douceur du printemps pour jardiner, conseillent les experts.",
        "Não perca o prazo do imposto de renda, alerta a Receita.",
        "Nie przegap terminu składania wniosków o dopłaty.",
        "Sign up for the class by Friday, the school said.",
        "Inscrivez-vous sur les listes électorales avant le 3 mars, rappelle la mairie.",
        "Cadastre-se no programa até sexta-feira, orienta a prefeitura.",
        "Zapisz się do lekarza rodzinnego przed końcem roku.",
    ),
)

PROMPT_NEWSLETTER = _line(
    id="BS0609",
    name="prompt.newsletter",
    category=Category.PROMPT,
    description="A short line naming a newsletter: the label of a sign-up box.",
    reason="a newsletter sign-up label",
    anywhere=r"\A(?:\S++\s++){0,3}\S*?<<prompt.newsletter_word>>[\s:!»›→>]*+\Z",
    max_chars=60,
    ends=("<<prompt.newsletter_word>>",),
    removes=("Pick Six Newsletter", "The Morning Review newsletter", "Nieuwsbrief"),
    keeps=("It began as a newsletter.", "It began as a newsletter"),
)


PROMPT_FOLLOW = _line(
    id="BS0604",
    name="prompt.follow",
    category=Category.PROMPT,
    description="A call to follow the site or author on a social network, naming it, or "
    "alone on its line ('Follow us on', the networks' icons after it).",
    reason="a follow-us prompt",
    markers=("prompt.follow", "prompt.follow_alone"),
    unless_reported=True,
    after=r"(?:\W.{0,150}?\b<<social>>\b.{0,150}+)",
    whole=("prompt.follow_alone",),
    removes=(
        "Follow us on Facebook",
        "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.",
        "Follow The Tribune on",
        "Folgen Sie uns auf Twitter",
        "Folgen Sie uns auf:",
        "Suivez-nous sur Facebook",
        "Síguenos en Twitter",
        "¡Síguenos en Instagram!",
        "Seguici su",
    ),
    keeps=(
        "Follow the money, the detective said.",
        "Follow us on Twitter, the suspect wrote to the teenager before the meeting.",
    ),
)

PROMPT_COMMENT = _line(
    id="BS0605",
    name="prompt.comment",
    category=Category.PROMPT,
    description="A comments widget label or a call to comment.",
    reason="a comments label or prompt",
    markers=("prompt.comment", "prompt.comment_count"),
    unless_reported=True,
    after=rf"(?:\s*+\(?\d++\)?)?{TRAIL}",
    whole=("prompt.comment_count",),
    max_chars=60,
    removes=(
        "Leave a comment",
        "14 comments",
        "Comments (3)",
        "Kommentare",
        "Laisser un commentaire",
        "Komentarze",
    ),
    keeps=("Comments made by the mayor angered residents.",),
)

PROMPT_REPLY_FORM = _line(
    id="BS0611",
    name="prompt.reply_form",
    category=Category.PROMPT,
    description="The title of a comment form, which blog software prints with its 'Cancel "
    "reply' link on one line ('Leave a Reply Cancel reply', 'Share your thoughts Cancel "
    "reply'), or the link alone.",
    reason="a comment form's title",
    anywhere=rf"\b<<prompt.cancel_reply>>{TRAIL}\Z",
    max_chars=100,
    ends=("<<prompt.cancel_reply>>",),
    removes=(
        "Leave a Reply Cancel reply",
        "Share your thoughts Cancel reply",
        "Cancel reply",
        "Lascia un commento Annulla risposta",
        "Schreibe einen Kommentar Antworten abbrechen",
    ),
    keeps=("Users can now cancel replies they regret, the company said.",),
)

PROMPT_CLICK = _line(
    id="BS0606",
    name="prompt.click",
    category=Category.PROMPT,
    description="An instruction to click or tap a link, which is gone in plain text. One "
    "that may be a step of a how-to ('Click the button in the upper right corner') must "
    "name the site, its offer or a link.",
    reason="a click-here prompt",
    markers=("prompt.click", "prompt.click_verb"),
    unless_reported=True,
    after=r"(?:\W.{0,250}+)?",
    guarded=(("prompt.click_verb", "prompt.site_word"),),
    removes=(
        "Click here to get the Fox News app",
        "Klicken Sie hier, um das Video zu sehen",
        "Click the link below to subscribe to our newsletter",
        "Click to enlarge",
    ),
    keeps=(
        "Click to enlarge the map in the app, the council advises.",
        "Clicking sounds came from the engine.",
        "Click the button in the upper right corner to open Settings.",
        "Cliquez sur le bouton rouge, explique le technicien.",
        "Klik op de link in de sms niet, waarschuwt de politie.",
    ),
)

PROMPT_CLICK_END = _line(
    id="BS0610",
    name="prompt.click_end",
    category=Category.PROMPT,
    description="A short line that ends by telling the reader to click.",
    reason="a click-here prompt",
    anywhere=rf"\b<<prompt.click_end>>{TRAIL}\Z",
    max_chars=200,
    ends=("<<prompt.click_end>>",),
    removes=("GET FOX BUSINESS ON THE GO BY CLICKING HERE", "Pour voir la vidéo, cliquez ici"),
    keeps=("He said he would click here and there until it worked.",),
)

PROMPT_TIP = _line(
    id="BS0607",
    name="prompt.tip",
    category=Category.PROMPT,
    description="A call to send the newsroom a tip or a correction.",
    reason="a news-tip prompt",
    markers=("prompt.tip",),
    unless_reported=True,
    # The phrase alone, a question or a colon right after it ("Have a tip? Email ..."), or
    # a word naming the site after it: "Spotted an error in the ballot, officials halted
    # the count." is a sentence of the story.
    after=rf"(?:{TRAIL}|\s*+[?:!].{{0,200}}+|\s*+\((?:/|https?:|www\.)[^\s)]*+\){TRAIL}"
    rf"|\W.{{0,200}}?\b<<prompt.site_word>>\b.{{0,200}}+)",
    removes=(
        "Send us a news tip",
        "Have a tip? Email tips@example.com",
        "Send Us a Tip (/contact#tip)",
        "Hinweise an die Redaktion",
    ),
    keeps=(
        "The tip came from a neighbour, police said.",
        "Spotted an error in the ballot, officials halted the count.",
        "Found a mistake in the data, the researchers withdrew the paper.",
    ),
)

# --- ads and widget labels --------------------------------------------------------------

AD_LABEL = _line(
    id="BS0701",
    name="ad.label",
    category=Category.AD,
    description="An advertisement label or an ad slot's notice.",
    reason="an advertisement label",
    markers=("ad.label",),
    max_chars=120,
    removes=(
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Anzeige",
        "Publicité",
        "Publicidad",
        "Pubblicità",
        "Reklama",
    ),
    keeps=("Advertisement spending rose 5% last year.",),
)

AD_WIDGET = _line(
    id="BS0702",
    name="ad.widget",
    category=Category.AD,
    description="The label of a page widget (video player, gallery, 'Featured') or a message "
    "of a form ('An error has occurred'), that the extractor kept without the widget.",
    reason="a widget label",
    markers=("ad.widget", "ad.form_message", "ad.listen"),
    whole=("ad.widget", "ad.form_message"),
    # An audio player's label may carry the recording's length: "Listen · 4 min", "(4:32)".
    after=rf"(?:\s*+[:·•|(\[–—-]?\s*+\d{{1,3}}+(?::\d\d){{0,2}}+\s*+[\w.]{{0,12}}+)?{TRAIL}",
    max_chars=120,
    removes=(
        "Videos by Rare",
        "Featured",
        "VIDEO",
        "Back to Gallery",
        "This slideshow requires JavaScript.",
        "There was an error processing your subscription.",
        "Une erreur est survenue, veuillez réessayer plus tard.",
        "Zum Inhalt springen",
        "Retour en haut",
        "Skip to main content",
        "Artikel vorlesen lassen",
        "Posłuchaj artykułu",
        "Add to reading list",
        "Listen to this article · 4 min",
        "Artikel anhören (3:12)",
        "← Previous story",
    ),
    keeps=(
        "Search for the missing hikers resumed on Monday.",
        "Listen to this: 40 years of silence ended on Monday.",
        "Featured 3 times in the report, the bridge was closed.",
        "Log in details were stolen in the attack.",
        "Entrar na universidade ficou mais difícil.",
        "Featured speakers included the mayor.",
        "An error occurred in the flight software, NASA said.",
    ),
)

AD_COUNTER = _line(
    id="BS0703",
    name="ad.counter",
    category=Category.AD,
    description="A gallery or slideshow counter ('3 of 12', 'Image 3 of 12') left without "
    "its gallery.",
    reason="a gallery counter",
    markers=("ad.counter",),
    max_chars=30,
    removes=("Image 1 of 5", "3 of 12", "2 / 7"),
    keeps=("3 of 12 jurors voted to acquit.",),
)

# --- notices ---------------------------------------------------------------------------

NOTICE_COOKIE = _line(
    id="BS0801",
    name="notice.cookie",
    category=Category.NOTICE,
    description="A cookie or consent banner. A banner's button or opener that also opens "
    "sentences ('Alle akzeptieren', 'Door verder te gaan') is one alone, or when cookies, "
    "privacy or consent are named after it.",
    reason="a cookie or consent notice",
    markers=("notice.cookie", "notice.cookie_verb"),
    unless_reported=True,
    after=r"(?:\W.{0,700}+)?",
    guarded=(("notice.cookie_verb", "notice.cookie_word"),),
    removes=(
        "We use cookies to improve your experience on our site.",
        "Diese Website verwendet Cookies.",
        "Ce site utilise des cookies.",
        "Utilizamos cookies propias y de terceros.",
        "Alle akzeptieren",
        "Door verder te gaan, gaat u akkoord met het gebruik van cookies.",
    ),
    keeps=(
        "Cookies and cakes were sold at the fair.",
        "Alle akzeptieren die neue Regel.",
        "Door verder te gaan met de bouw, riskeert de gemeente een boete.",
        "Akceptuję wyrok sądu, powiedział oskarżony.",
    ),
)

NOTICE_PAYWALL = _line(
    id="BS0802",
    name="notice.paywall",
    category=Category.NOTICE,
    description="A paywall or login notice.",
    reason="a paywall notice",
    markers=("notice.paywall",),
    unless_reported=True,
    after=r"(?:\W.{0,300}+)?",
    removes=(
        "Subscribe to continue reading",
        "This article is for subscribers only.",
        "Already a subscriber? Log in",
        "Dieser Artikel ist nur für Abonnenten",
        "Il vous reste 74% de cet article à lire.",
        "¿Ya eres suscriptor? Inicia sesión",
    ),
    keeps=(
        "Subscribers to the service complained about the price.",
        "Already registered voters need not apply again, officials said.",
        "Sie haben bereits ein Konto bei der Sparkasse eröffnet.",
    ),
)

NOTICE_AFFILIATE = _line(
    id="BS0804",
    name="notice.affiliate",
    category=Category.NOTICE,
    description="A disclosure that the page's links earn the site a commission ('This post "
    "contains affiliate links', 'We may earn a commission'): a legal notice, not the story.",
    reason="an affiliate-link disclosure",
    markers=("notice.affiliate", "notice.affiliate_verb"),
    unless_reported=True,
    after=r"(?:\W.{0,300}+)?",
    guarded=(("notice.affiliate_verb", "notice.affiliate_word"),),
    removes=(
        "This post may contain affiliate links.",
        "We may earn a commission from links on this page.",
        "Hinweis: Dieser Artikel enthält Affiliate-Links. Kaufen Sie darüber, erhalten wir eine "
        "Provision.",
        "Cet article contient des liens affiliés.",
        "As an Amazon Associate I earn from qualifying purchases.",
    ),
    keeps=(
        "This post contains affiliate links to the Chinese military, the report alleges.",
        "Affiliate links earn publishers billions a year, the report found.",
        "We may earn a commission on each sale, the chief executive told investors in 2019, "
        "but the margins are thin.",
    ),
)

NOTICE_COMMENTS = _line(
    id="BS0805",
    name="notice.comments",
    category=Category.NOTICE,
    description="The policy of a comment section ('Comments are moderated', 'Os comentários "
    "são de responsabilidade de seus autores'), kept without the comments.",
    reason="a comment-section policy",
    markers=("notice.comments",),
    unless_reported=True,
    after=r"(?:\W.{0,300}+)?",
    removes=(
        "Comments are moderated and will appear after approval.",
        "Kommentare werden moderiert. Bitte beachten Sie unsere Netiquette.",
        "Os comentários são de responsabilidade exclusiva de seus autores.",
        "Les commentaires sont soumis à modération.",
        "Redakcja nie ponosi odpowiedzialności za treść komentarzy.",
    ),
    keeps=(
        "Comments are moderated by volunteers, the company said in a statement.",
        "Comments are moderators' main headache, a survey found.",
        "Os comentários são de responsabilidade do usuário, segundo a decisão do STJ.",
    ),
)

_FOOTER = r"(?:<<notice.footer>>(?:\s*+[|/•·,-]?\s*+|\Z)){2,12}"


def _make_footer(config: Config) -> LineMatcher | None:
    source = NOTICE_FOOTER.phrase_source(_FOOTER, config)
    if source is None:
        return None
    pattern = regex.compile(source, FLAGS)
    return lambda v, k: "" if pattern.fullmatch(k) else None


NOTICE_FOOTER = _line(
    id="BS0803",
    name="notice.footer",
    category=Category.NOTICE,
    description="The row of a site's footer links: nothing but two or more labels such as "
    "'Privacy Policy', 'Terms of Use', 'Contact Us', 'Impressum'.",
    reason="a row of footer links",
    lists=("notice.footer",),
    make=_make_footer,
    starts=("<<notice.footer>>",),
    max_chars=200,
    removes=(
        "Privacy Policy | Terms of Use | Contact Us",
        "Impressum Datenschutz",
        "Mentions légales - Politique de confidentialité",
        "Aviso legal · Política de privacidad · Contacto",
    ),
    keeps=("Privacy", "Contact us at the front desk.", "Privacy terms were changed in May."),
)

# --- meta: dates, tags, reading time ---------------------------------------------------

_NUMERIC_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_TIME = r"\d{1,2}[:.h]\d{2}"
_DIGIT = re.compile(r"\d")
_DATE_TOKEN = regex.compile(r"[\w\p{M}]+")
_NUMBERISH = regex.compile(r"\d+(?:st|nd|rd|th|er|e|º|ª|°|h)?|[ap]m|\d+[ap]m|\d+h\d+", regex.I)


# A token that starts with a letter (on the same tokens as _DATE_TOKEN, but not "10h30").
_LETTERS = re.compile(r"(?<!\w)[^\W\d_]\w*")


def _date_word(tok: str, allowed: set[str], zones: bool) -> bool:
    """May this token stand in a date line? ``zones``: may it be a time zone (after a
    time: "10:02 AM EST")?"""
    return (
        tok.casefold() in allowed
        or (tok[0].isdigit() and _NUMBERISH.fullmatch(tok) is not None)
        or (zones and tok.isupper() and 2 <= len(tok) <= 4)
    )


def _make_date(config: Config) -> LineMatcher | None:
    def tokens(name: str) -> set[str]:  # as lines are read: "Aujourd'hui" is two tokens
        return {t for p in load(name, config.languages) for t in _DATE_TOKEN.findall(p.casefold())}

    words = tokens("meta.date")
    days = tokens("meta.day")
    words |= days
    months = tokens("meta.month")
    pub = tokens("meta.published")
    numeric = regex.compile(rf"{_ISO}|{_NUMERIC_DATE}")
    time = regex.compile(_TIME)
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

    def match(v: str, k: str) -> str | None:
        if len(v) > 80 or _DIGIT.search(v, 0, 40) is None:
            return None
        # Most lines fail at their first word ("1. Research your..."): a cheap test first,
        # which lets a zone pass; the loop below asks again.
        w = _LETTERS.search(v)
        if w is not None and not _date_word(w.group(), first_words, True):
            return None
        has_time = time.search(numeric.sub(" ", v)) is not None  # not "18.04" of a date
        if numeric.fullmatch(v):
            return ""
        n_months = 0
        has_pub = has_unit = stray = False
        for tok in _DATE_TOKEN.findall(v):
            low = tok.casefold()
            if low in months:
                n_months += 1
            elif low in pub or low in days:  # "Updated 10:02", "Tuesday 10:02", "Today 10:02"
                has_pub = True
            elif low in relative:
                has_unit |= low in units
                stray |= low not in allowed
            elif not _date_word(tok, allowed, has_time):
                return None
        if has_unit and ago.search(k):  # "2 days ago at 07:47 am", "Updated 3 hours ago"
            return ""
        if stray:  # a unit or an ago word without the rest: "3 days", "vor 2019"
            return None
        n_dates = n_months + len(numeric.findall(v))
        if n_dates > 1 and not has_pub:
            return None  # a range or a schedule ("29 November 2018 | 20 January 2019"): story
        if n_dates or (has_pub and has_time):
            return ""
        return None

    return match


META_DATE = _line(
    id="BS0901",
    name="meta.date",
    category=Category.META,
    description="A line that is only a date or time, maybe with 'Published' or 'Updated': "
    "page furniture, not a sentence of the story.",
    reason="the line is only a date or time",
    lists=("meta.date", "meta.day", "meta.month", "meta.published", "meta.ago", "meta.unit"),
    make=_make_date,
    # A date line starts with a number, a day or month name, "Published" and the like, or
    # the ago word of a relative time ("vor 2 Tagen", "hace 3 horas").
    starts=("<<meta.day>>", "<<meta.month>>", "<<meta.published>>", "<<meta.ago>>", "{n}"),
    max_chars=80,
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
    ),
)

META_TAGS = _line(
    id="BS0905",
    name="meta.tags",
    category=Category.META,
    description="A line of tags or categories ('Tags: budget, schools', 'Filed under: "
    "Politics'): links to index pages, not a sentence of the story.",
    reason="a line of tags or categories",
    markers=("meta.tags",),
    # A colon, then a list: items of one to five words, apart by commas, bars, bullets or
    # slashes, and no sentence punctuation ("Themen: Rente und Migration standen im
    # Mittelpunkt" is a sentence).
    after=r"\s*+:\s*+(?:[^\s.!?,;|•·/]++(?:\s++[^\s.!?,;|•·/]++){0,4}+\s*+(?:[,;|•·/]\s*+|\Z)){1,40}+",
    max_chars=240,
    removes=(
        "Tags: budget, schools, city council",
        "Filed under: Politics |",
        "Schlagwörter: Bundestag, Haushalt",
        "Mots-clés : budget, école",
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

META_READING_TIME = _line(
    id="BS0902",
    name="meta.reading_time",
    category=Category.META,
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

LINE_RULES: tuple[LineRule, ...] = (
    RELATED_HEADING,
    RELATED_MORE,
    RELATED_LINK,
    RELATED_SITE_LINK,
    TEASER_TAGGED,
    CREDIT_LABEL,
    CREDIT_BY,
    CREDIT_AGENCY,
    CREDIT_SLASH,
    CREDIT_COPYRIGHT,
    CREDIT_RIGHTS,
    CAPTION_IMAGE,
    CAPTION_CREDIT,
    CAPTION_LABEL,
    AUTHOR_HEADING,
    AUTHOR_BYLINE,
    AUTHOR_DATED_BYLINE,
    AUTHOR_CONTACT,
    AUTHOR_STAFF,
    AUTHOR_REPORTING,
    AUTHOR_CONTRIBUTED,
    NOTICE_COOKIE,
    NOTICE_PAYWALL,
    NOTICE_AFFILIATE,
    NOTICE_COMMENTS,
    NOTICE_FOOTER,
    PROMPT_SHARE,
    PROMPT_SUBSCRIBE,
    PROMPT_NEWSLETTER,
    PROMPT_FOLLOW,
    PROMPT_COMMENT,
    PROMPT_REPLY_FORM,
    PROMPT_CLICK,
    PROMPT_CLICK_END,
    PROMPT_TIP,
    PROMPT_SOCIAL_BAR,
    AD_LABEL,
    AD_WIDGET,
    AD_COUNTER,
    META_DATE,
    META_TAGS,
    META_READING_TIME,
)
