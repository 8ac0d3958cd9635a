"""Captions: photo captions that end in a credit or open with a label, and images."""

from __future__ import annotations

import regex

from ..config import Config
from ..model import Category
from ..phrases import key, load
from .base import FLAGS, LineMatcher, LineRule, phrase_source
from .common import LEAD, MD_LINK, PERSON, half_lower

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
# "REUTERS/Brendan McDermid", "Jane Doe/AFP/Getty Images"
_WIRES = load("caption.wire", ())  # as the wires write their names
_WIRE = regex.compile(
    rf"(?<!\w)(?:{'|'.join(map(regex.escape, _WIRES))})\s*+/\s*+{PERSON}[\s.]*+\Z"
)
# "installation views, photos © Inexhibit, 2018"
_COPY = regex.compile(r"©\s*+[^.!?©]{1,60}+[\s.]*+\Z")


# A short capitalised word (an agency), a slash and a name at the end of the line.
_WIRE_SLASH = (
    r"/[^\S\n]*+\p{Lu}(?<=(?<!\w)(?:\p{Lu}[\p{L}-]{1,6}|(?i:<<caption.wire>>))"
    r"[^\S\n]{0,3}/[^\S\n]*\p{Lu})"
    r"[^\n/]{0,60}+EOL"
)


# A caption is at least this long.
_CAPTION_MIN_CHARS = 20
# A credit after a label is a few names; this many words, half of them in lower case, are
# a sentence.
_SENTENCE_MIN_WORDS = 6


# A parenthesis of this many words, half of them in lower case, is an aside of the
# story ("(there is a photo of him standing on the ice, ...)"), not a credit ("(AP
# Photo/Jane Doe)", "(Photo courtesy of the Smith family)").
_ASIDE_MIN_WORDS = 8


def _is_aside(words: list[str]) -> bool:
    return len(words) >= _ASIDE_MIN_WORDS and half_lower(words)


def _make_caption(rule: LineRule, config: Config) -> LineMatcher | None:
    paren_src = phrase_source(_PAREN_WORD, config)
    after_src = phrase_source(_AFTER_SENTENCE, config)
    if paren_src is None or after_src is None:
        return None
    paren_word = regex.compile(paren_src, FLAGS)
    after = regex.compile(after_src, FLAGS)
    agencies = tuple(key(a) for a in load("caption.agency", config.languages))

    def match(v: str, k: str) -> str | None:
        n = len(v)
        if n < _CAPTION_MIN_CHARS:
            return None
        tail = max(0, n - 200)
        if v.rstrip(" .").endswith(")"):
            p = v.rfind("(", tail)
            # Not a link's address: "[text](address)", "(https://...)".
            link = p > 0 and (v[p - 1] == "]" or k.startswith(("http:", "https:"), p + 1))
            if (
                p > 0
                and not link
                and (paren_word.match(k, p) or _PAREN_NAMES.match(v, p))
                and not _is_aside(v[p + 1 :].rstrip(" .)").split())
            ):
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
        if len(words) >= _SENTENCE_MIN_WORDS and half_lower(words):
            return None  # "... in 2001. Photo: the only one that survived the fire."
        return f"ends in {credit!r}"

    return match


CAPTION_CREDIT = LineRule(
    id="BS0401",
    name="caption.credit",
    category=Category.CAPTION,
    description="A photo caption: a paragraph that ends in a photo credit. Story paragraphs "
    "do not end in '(AP Photo/Jane Doe)'.",
    reason="a photo caption ending in a credit",
    lists=("caption.word", "credit.label", "caption.agency", "caption.wire", "name.particle"),
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
        "He planted the orchard in 1931, the year the river froze (there is a photo of him "
        "standing on the ice, holding a spade like a rifle).",
    ),
)

_IMAGE = rf"(?=\[?!\[){MD_LINK}"
_IMAGES = regex.compile(rf"{LEAD}{_IMAGE}(?:\s*+{_IMAGE}){{0,4}}+[\s.]*+")
# The address of an image file, alone: "https://example.com/logo.png".
_IMAGE_EXTENSIONS = ("jpg", "jpeg", "png", "gif", "webp", "svg", "avif")
_IMAGE_URL = regex.compile(rf"(?:https?:)?//\S++(?<=\.(?:{'|'.join(_IMAGE_EXTENSIONS)}))")


def _image(v: str, k: str) -> str | None:
    return "" if _IMAGES.fullmatch(v) or _IMAGE_URL.fullmatch(k) else None


CAPTION_IMAGE = LineRule(
    id="BS0403",
    name="caption.image",
    category=Category.CAPTION,
    description="An image in Markdown ('![alt text](address)'), or an image file's address, "
    "alone on a line: a picture that plain text cannot show, whose alt text is at most its "
    "caption. Extractors that write Markdown keep them.",
    reason="an image",
    make=lambda rule, config: _image,
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

CAPTION_LABEL = LineRule(
    id="BS0402",
    name="caption.label",
    category=Category.CAPTION,
    description="A photo caption introduced by its label ('Image caption ...', 'Caption: ...', "
    "'Bildunterschrift: ...'): the caption of a photo that is not in the text.",
    reason="a caption, introduced by its label",
    # A colon after the label, or none after a label such as "Image caption".
    markers=("caption.label", "caption.label_bare"),
    after=r"\s*+:\s*+.{3,300}+",
    afters=(("caption.label_bare", r"(?:\s*+:)?\s*+.{3,300}+"),),
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

RULES = (CAPTION_IMAGE, CAPTION_CREDIT, CAPTION_LABEL)
