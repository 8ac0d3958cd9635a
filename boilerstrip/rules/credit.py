"""Credits: photo, image and video credits, agency lines, copyright and rights notices."""

from __future__ import annotations

import regex

from ..config import Config
from ..model import Category
from ..phrases import LEAD_CHARS, alternation, key, load
from .base import FLAGS, LineMatcher, LineRule
from .common import PERSON, phrase_then_credit

CREDIT_LABEL = LineRule(
    id="BS0301",
    name="credit.label",
    category=Category.CREDIT,
    description="A photo, image or video credit, or a source line: a label such as 'Photo:', "
    "'Credit:' or 'Quelle:' and the name of the photographer, agency or source.",
    reason="a credit or source line",
    lists=("credit.label", "credit.source"),
    make=phrase_then_credit("credit.label", "credit.source", label=True),
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
        "Foto: 123RF",
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
        "Credits: 15",  # a quantity: a course's credit points
        "Crédits : 4,5 ECTS",
        "Bild: 4K UHD, 3840 x 2160, HDR10 und HLG",  # a spec sheet's picture line
    ),
)

CREDIT_BY = LineRule(
    id="BS0306",
    name="credit.by",
    category=Category.CREDIT,
    description="A photo or image credit written as a phrase: 'Photo by X', 'Image "
    "copyright X', 'Courtesy of X'.",
    reason="a photo or image credit",
    lists=("credit.by",),
    make=phrase_then_credit("credit.by"),
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
_VIA_WORDS = load("credit.via", ())
_VIA = regex.compile(rf"\s++{alternation(_VIA_WORDS)}\s++")
_WORD = regex.compile(r"\w+")
_DIGIT = regex.compile(r"\d")


# A label before the agencies ("Source: AP") has at most this many words.
_AGENCY_LABEL_MAX_WORDS = 2


def _make_agency(rule: LineRule, config: Config) -> LineMatcher | None:
    agencies = {" ".join(key(a).split()) for a in load("credit.agency", config.languages)}
    if not agencies:
        return None

    last_words = {a.rsplit(" ", 1)[-1] for a in agencies}

    def match(v: str, k: str) -> str | None:
        stripped = " ".join(k.split()).strip(" .()[]©")
        if stripped.rsplit(" ", 1)[-1].rsplit("/", 1)[-1] not in last_words:
            return None
        label, colon, rest = stripped.partition(":")
        words = label.split()
        if colon and len(words) <= _AGENCY_LABEL_MAX_WORDS and all(map(str.isalpha, words)):
            stripped = rest.strip()  # "Source: AP", "Images: AFP"; not "Jupiter. (Source: NASA)"
        if any(f" {w} " in stripped for w in _VIA_WORDS) and all(
            w[0].isupper() for w in _WORD.findall(v) if w not in _VIA_WORDS
        ):
            stripped = _VIA.sub("/", stripped)
        parts = _PARTS.split(stripped)
        # "Getty Images", "AFP/Getty Images", and "Michael Conroy, AP" (a name, then agencies)
        if len(parts) > 1 and parts[0] not in agencies and len(parts[0].split()) <= 4:
            parts = parts[1:]
        return "" if all(p in agencies for p in parts) else None

    return match


CREDIT_AGENCY = LineRule(
    id="BS0302",
    name="credit.agency",
    category=Category.CREDIT,
    description="A line that is only the name of a photo or news agency, alone or after a "
    "photographer's name ('Getty Images', 'Michael Conroy, AP').",
    reason="the line is only a photographer or agency credit",
    lists=("credit.agency", "credit.via"),
    make=_make_agency,
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
# The name after the last slash starts with a capital ("Jason Cipriani/ZDNet", not "1/9").
_LAST_NAME = regex.compile(r"/\s*+[\p{Lu}\p{Lt}][^/]{0,80}+\Z")


# A person's name: two to four capitalised words, each with a lower-case letter after its
# capital, or an initial ("Amy K. Dragoo"). "UI", "CRM" and "Qwen3" are not.
_NAME_WORD = regex.compile(r"[\p{Lu}\p{Lt}](?:\p{Ll}[\p{L}\p{M}'’-]*+|\.)")
_NAME_MIN_WORDS, _NAME_MAX_WORDS = 2, 4
# A platform before a person: a word with a capital inside it ("YouTube", "LinkedIn").
_CAMEL = regex.compile(r"\p{L}*\p{Ll}\p{Lu}\p{L}*")


def _name(part: str) -> bool:
    words = part.split()
    return _NAME_MIN_WORDS <= len(words) <= _NAME_MAX_WORDS and all(
        _NAME_WORD.fullmatch(w) for w in words
    )


def _make_platform_person(rule: LineRule, config: Config) -> LineMatcher:
    def match(v: str, k: str) -> str | None:
        if "/" not in v or not v[0].isalpha() or not _LAST_NAME.search(v):
            return None
        if not (_NAME_SLASH.fullmatch(v) and len(_WORD.findall(v)) >= 3):
            return None
        if _DIGIT.search(v):
            return None  # a model or a version ("Qwen/Qwen3.5-9B")
        # A person first, then where the picture is from ("Doug Mills/The New York
        # Times"), or a platform, then a person ("YouTube/James Pearson"). Two words
        # joined by a slash before a third are alternatives ("Managerial/Cost
        # Accounting", "Black/Silhouette Grey"), not a credit; nor are names set apart by
        # spaced slashes, as products and their variants are ("Stuurtas Klik-Fix / Grijs
        # Melange"; an agency's credit, "Jane Doe / AP", is credit.agency's).
        if " /" in v or "/ " in v:
            return None
        parts = v.split("/")
        if _name(parts[0]) or (_CAMEL.fullmatch(parts[0]) and _name(parts[-1])):
            return ""
        return None

    return match


CREDIT_SLASH = LineRule(
    id="BS0303",
    name="credit.slash",
    category=Category.CREDIT,
    shape=True,
    description="A credit written as person/source, as video and photo credits are "
    "('Jason Cipriani/ZDNet', 'YouTube/James Pearson'): a person's name of two to four "
    "capitalised words first, or a platform written with a capital inside ('YouTube') and "
    "then a name, with no space around the slash (products and their variants have them) "
    "and no digits (not a model or a version).",
    reason="a source/person credit line",
    lists=("name.particle",),
    make=_make_platform_person,
    finds=(_LAST_SLASH,),  # what _LAST_NAME finds in the view
    max_chars=80,
    removes=("YouTube/James Pearson", "Jason Cipriani/ZDNet", "Doug Mills/The New York Times"),
    keeps=(
        "24/7",
        "Yes/No",
        "He said yes/no questions were banned.",
        # Alternatives joined by a slash: product variants, services, headings.
        "Managerial/Cost Accounting",
        "Black/Silhouette Grey",
        "UX/UI Designer",
        "Fruit / Vegetables / Herbs",
        "Stuurtas Klik-Fix / Grijs Melange",
        "Qwen/Qwen3.5-9B",
    ),
)

# "ⓒ" (a circled c) stands for "©" on Korean sites.
# The bullets before a line, but "(", which opens "(c) 2019".
_LIST_MARKS = LEAD_CHARS.replace("(", "")
_COPYRIGHT_WORDS = tuple(key(w) for w in load("credit.copyright", ()))
_COPYRIGHT = regex.compile(
    rf"\(?\s*+(?:[©ⓒ]|\(c\)|{alternation(_COPYRIGHT_WORDS)}\s*+(?:[©ⓒ]|\(c\)|\d{{4}}))"
)


def _copyright(v: str, k: str) -> str | None:
    k = k.lstrip(_LIST_MARKS)  # a copyright line in a list of footer links: "* © 2019 ..."
    if not k.startswith(("©", "ⓒ", "(", *_COPYRIGHT_WORDS)):
        return None
    return "" if _COPYRIGHT.match(k) else None


CREDIT_COPYRIGHT = LineRule(
    id="BS0304",
    name="credit.copyright",
    category=Category.CREDIT,
    description="A copyright line ('© 2019 CBS Interactive Inc. All Rights Reserved.', "
    "'© Amazon').",
    reason="a copyright notice",
    make=lambda rule, config: _copyright,
    lists=("credit.copyright",),
    starts=("©", "ⓒ", "(c)", "<<credit.copyright>>"),
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

CREDIT_RIGHTS = LineRule(
    id="BS0305",
    name="credit.rights",
    category=Category.CREDIT,
    description="A short line reserving the rights to the text or photos.",
    reason="a rights notice",
    anywhere=r"\b<<credit.rights>>\b",
    max_chars=200,
    contains=("<<credit.rights>>",),
    removes=(
        "Alle Rechte vorbehalten.",
        "Tous droits réservés",
        "Reproduction interdite. Tous droits réservés.",
    ),
    keeps=("The company reserved the right to appeal, its lawyer said.",),
)

RULES = (CREDIT_LABEL, CREDIT_BY, CREDIT_AGENCY, CREDIT_SLASH, CREDIT_COPYRIGHT, CREDIT_RIGHTS)
