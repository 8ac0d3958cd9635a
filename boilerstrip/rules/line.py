"""Line rules: a line that is boilerplate whatever surrounds it.

Each rule matches the whole matching view of a line (``template``), or its end
(``at_end``), or runs a small predicate (``make``). The words live in phrase files
(``data/phrases/<lang>/<list>.txt``); the templates here only say how they are put
together. Every template caps the length it accepts, so no line rule can remove a long
story paragraph, and every repetition is bounded or possessive, so matching is linear.
"""

from __future__ import annotations

import regex

from ..config import Config
from ..model import Category
from ..phrases import CAP_WORD, load
from .base import FLAGS, LineMatcher, LineRule

# A bullet, bracket or arrow that may stand before a marker.
LEAD = r"(?:[\[(«<>•·▸►▶*#|~-]\s*+)?"
# Punctuation that may follow a marker: "Related:", "Read more »", "Keep Reading ...".
TRAIL = r"[\s:.!?…>»›→|~\])(*-]*+"
# A separator between a marker and the headline it introduces.
SEP = r"\s*+[:|»›>→–—-]\s*+"
# A person or organisation: capitalised words, with the particles names carry.
PARTICLE = r"(?:de|da|do|dos|das|del|della|di|van|von|der|den|ter|le|la|du|bin|al|el|y|e)"
PERSON = rf"(?:{CAP_WORD}(?:\s++(?:{PARTICLE}\s++)?{CAP_WORD}){{0,4}})"
# Social networks and share targets (common/social.txt holds the names).
_SOCIAL = "<<social>>"
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
    template=rf"{LEAD}<<related.heading>>{TRAIL}",
    removes=("Related Articles", "You may also like...", "Keep Reading", "More from Reuters:",
             "Lesen Sie auch", "Lire aussi", "Te puede interesar", "Leggi anche",
             "Leia também", "Lees ook", "Czytaj także", "Zobacz też"),
    keeps=("Related to the budget dispute, the council met again on Monday.",
           "Readers may also like the new format, the editor said."),
)

RELATED_MORE = _line(
    id="BS0102",
    name="related.more",
    category=Category.RELATED,
    description="A 'read more' or 'continue reading' button: a link label, not a sentence.",
    reason="the whole line is a read-more link label",
    template=rf"{LEAD}<<related.more>>{TRAIL}",
    removes=("Read more", "Continue reading »", "Weiterlesen", "Lire la suite", "Leer más",
             "Continua a leggere", "Leia mais", "Lees verder", "Czytaj dalej"),
    keeps=("Read more books, the librarian told the children.",),
)

RELATED_LINK = _line(
    id="BS0103",
    name="related.link",
    category=Category.RELATED,
    description="A marker such as 'RELATED:' or 'Read more:' followed by the headline of "
    "another story, inserted between paragraphs.",
    reason="a marker followed by the headline of another story",
    template=rf"{LEAD}(?:<<related.heading>>|<<related.more>>|<<related.link>>){SEP}.{{3,200}}+",
    removes=("RELATED:\u00a0North Korea shoots at defector",
             "Read more: Alibaba poised to launch record-breaking Hong Kong listing",
             "[Related: Salesforce keynote: AI, integration and protests]",
             "Lesen Sie auch: Was die Steuerreform für Familien bedeutet",
             "Lire aussi : Le gouvernement recule sur la réforme",
             "Leer más: El Gobierno aprueba los presupuestos"),
    keeps=("Related to the budget dispute, the council met again on Monday.",
           "See also the report's appendix, which lists every school that closed."),
)

RELATED_SITE_LINK = _line(
    id="BS0104",
    name="related.site_link",
    category=Category.RELATED,
    description="A link to a story on another page of the site, introduced by the site's "
    "domain ('On HoustonChronicle.com: ...', 'Also on rt.com ...').",
    reason="a headline linked from the site's domain",
    template=r"(?:(?:also|more)\s++)?(?:on|at|from|via)\s++[\w-]++(?:\.[\w-]++)+\s*+:\s*+.{3,200}+"
    r"|also\s++on\s++[\w-]++(?:\.[\w-]++)+\s++.{3,200}+",
    removes=("On HoustonChronicle.com: Car sales plunge nearly 17 percent in August",
             "Also on rt.com Journalists threatened with arrest as Bolivia purges officials"),
    keeps=("On Amazon.com, the book sold out within a day.",),
)

# --- teasers that are recognisable on their own ---------------------------------------

TEASER_TAGGED = _line(
    id="BS0203",
    name="teaser.tagged",
    category=Category.TEASER,
    description="A headline with an all-capitals tag such as [VIDEO] or [PICS]: a link to "
    "another story or a media item, dropped into the text.",
    reason="a headline tagged like a link ([VIDEO], [INSIGHT])",
    template=r".{10,200}?\s\[(?-i:[\p{Lu}\d][\p{Lu}\d ]{1,18})\]\W{0,2}",
    removes=("Lakers vs Nets: NBA make final decision on game amid China turmoil [VIDEO]",
             "Plague warning: health agency names eight deadly diseases [INSIGHT]"),
    keeps=("The senator said the bill was \"dead on arrival\" [sic].",
           "Shares rose 3% in early trading [chart below]."),
)

# --- credits ------------------------------------------------------------------------------

CREDIT_LABEL = _line(
    id="BS0301",
    name="credit.label",
    category=Category.CREDIT,
    description="A photo, image or video credit: a label such as 'Photo:' or 'Credit:' and "
    "the name of the photographer or agency.",
    reason="a photo or image credit",
    template=rf"{LEAD}(?:<<credit.label>>\s*+[:|/]|<<credit.by>>\s)\s*+.{{1,250}}+",
    removes=("Photo: David Zalubowski, STF / Associated Press", "Credit: Jane Doe",
             "Photo by Kevin Mazur/Getty Images", "Image copyright Getty Images",
             "Foto: dpa", "Crédit photo : AFP", "Foto di Mario Rossi",
             "Fot. Jan Kowalski"),
    keeps=("Photos show the damage to the north wing of the building.",
           "Photographers waited outside the court for hours."),
)

CREDIT_AGENCY = _line(
    id="BS0302",
    name="credit.agency",
    category=Category.CREDIT,
    description="A line that is only the name of a photo or news agency, alone or after a "
    "photographer's name ('Getty Images', 'Michael Conroy, AP').",
    reason="the line is only a photographer or agency credit",
    template=rf"{LEAD}\(?©?\s*+(?:{PERSON}\s*+[,/]\s*+)?<<credit.agency>>"
    r"(?:\s*+[/,]\s*+<<credit.agency>>){0,3}\s*+\)?\.?",
    removes=("Getty Images", "(AFP)", "Michael Conroy, AP", "REUTERS",
             "Sakib Ali/Hindustan Times/Getty Images"),
    keeps=("AP reported the fire first.",),
)

_NAME_SLASH = regex.compile(rf"(?:{PERSON})(?:\s*+/\s*+{PERSON}){{1,3}}", FLAGS)
_WORD = regex.compile(r"\w+")


def _make_platform_person(config: Config) -> LineMatcher:
    def match(v: str) -> str | None:
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
    removes=("YouTube/James Pearson", "Jason Cipriani/ZDNet", "Instagram/Kim Kardashian West"),
    keeps=("24/7", "Yes/No", "He said yes/no questions were banned."),
)

CREDIT_COPYRIGHT = _line(
    id="BS0304",
    name="credit.copyright",
    category=Category.CREDIT,
    description="A copyright line ('© 2019 CBS Interactive Inc. All Rights Reserved.', "
    "'© Amazon').",
    reason="a copyright notice",
    template=r"(?:\(\s*+)?(?:©|\(c\)|copyright\s*+(?:©|\(c\)|\d{4}))\s*+.{0,250}+"
    r"|.{0,200}?\b<<credit.rights>>\b.{0,100}+",
    removes=("© 2019 CBS Interactive Inc. All Rights Reserved.", "© Amazon",
             "Copyright 2019 The Associated Press. All rights reserved.",
             "Alle Rechte vorbehalten.", "Tous droits réservés"),
    keeps=("Copyright lawyers said the ruling would be appealed.",),
)

# --- captions ------------------------------------------------------------------------------

_CAPTION_END = (
    # "(AP Photo/Jane Doe)", "(Photo: Reuters)", "(credit: NASA/Jude Guidry)"
    r"\(\s*+[^()]{0,80}?\b<<caption.word>>\b[^()]{0,100}+\)"
    # "(Miguel Martinez/ AJC)"
    rf"|\(\s*+{PERSON}(?:\s*+/\s*+{PERSON}){{1,3}}\s*+\)"
    # "REUTERS/Brendan McDermid"
    rf"|(?<!\w)(?-i:REUTERS|Reuters|AP|AFP|EPA|EPA-EFE|ANSA|EFE|dpa)\s*+/\s*+{PERSON}"
    # "... equivalent. Credit: ESA", "... earnings. Photograph by Robyn Beck/AFP"
    r"|[.!?\"”]\s++(?:<<credit.label>>\s*+:|<<credit.by>>\s)\s*+[^.!?]{1,80}+"
    # "... problematic use of the drug. Getty"
    r"|[.!?\"”]\s++<<caption.agency>>"
    # "installation views, photos © Inexhibit, 2018"
    r"|©\s*+[^.!?©]{1,60}+"
)


def _make_caption(config: Config) -> LineMatcher | None:
    source = CAPTION_CREDIT.phrase_source(_CAPTION_END, config)
    if source is None:
        return None
    pattern = regex.compile(rf"(?:{source})[\s.]*+\Z", FLAGS)
    limit = config.caption_max_chars

    def match(v: str) -> str | None:
        if len(v) > limit:
            return None
        m = pattern.search(v, max(0, len(v) - 220))
        return None if m is None else f"ends in {m.group().strip()!r}"

    return match


CAPTION_CREDIT = _line(
    id="BS0401",
    name="caption.credit",
    category=Category.CAPTION,
    description="A photo caption: a paragraph that ends in a photo credit. Story paragraphs "
    "do not end in '(AP Photo/Jane Doe)'.",
    reason="a photo caption ending in a credit",
    lists=("caption.word", "credit.label", "credit.by", "caption.agency"),
    make=_make_caption,
    removes=(
        "Students read plays they wrote on Thursday. (Miguel Martinez/ AJC)",
        "Vicente Aguiar loads trims into his truck in Hialeah, Fla. (AP Photo/Alan Diaz, File)",
        "Traders work on the floor of the exchange. REUTERS/Brendan McDermid",
        "A module for a crewed Mars mission. Credit: ESA",
        "Ein Demonstrant in Berlin. (Foto: dpa)",
    ),
    keeps=(
        "The vote passed 52-48 (Republicans/Democrats split along party lines).",
        "BERLIN (dpa) - Die Regierung hat am Montag neue Regeln beschlossen.",
        "The company said it would appeal, according to Reuters.",
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
    template=rf"{LEAD}<<author.heading>>{TRAIL}",
    removes=("About the Author", "Über den Autor", "À propos de l'auteur", "Sobre el autor",
             "O autorze"),
    keeps=("About the author's claims, the court said little.",),
)

_BYLINE_REST_SEP = regex.compile(r"\s*+(?:[|•·–—/]|-\s|,|\s(?:and|und|et|y|e|en|i|&)\s)")
_TERMINAL = ".!?"


def _make_byline(config: Config) -> LineMatcher | None:
    source = AUTHOR_BYLINE.phrase_source("<<author.byline>>", config)
    if source is None:
        return None
    head = regex.compile(rf"{LEAD}{source}(?:\s*+:?\s*+(?P<name>{PERSON}))?", FLAGS)

    def match(v: str) -> str | None:
        if len(v) > 160:
            return None
        m = head.match(v)
        if m is None:
            return None
        rest = v[m.end() :]
        if not rest.strip():
            return ""
        if m.group("name") is None or not _BYLINE_REST_SEP.match(rest):
            return None
        # "By Jane Doe, Staff Writer" and "By Jane Doe | May 3, 2019" are bylines;
        # "By Monday, the council had voted." is a sentence.
        if rest.rstrip()[-1] in _TERMINAL and not any(c.isdigit() for c in rest):
            return None
        return ""

    return match


AUTHOR_BYLINE = _line(
    id="BS0502",
    name="author.byline",
    category=Category.AUTHOR,
    description="A byline: 'By' and the author's name, perhaps with a role or a date.",
    reason="a byline",
    lists=("author.byline",),
    make=_make_byline,
    removes=("By Jane Doe", "By Jane Doe | Staff Writer", "by Jeff Foust",
             "By Tess Bonn - 11/19/19 06:56 AM EST", "Von Anna Schmidt", "Par Jean Dupont",
             "Por María López", "Door Jan de Vries"),
    keeps=("By Monday, the council had voted.", "By the time police arrived, he had fled.",
           "Von Anfang an war klar, dass es knapp wird.",
           "Par ailleurs, le ministre a démenti."),
)

_CONTACT_TOKEN = rf"(?:{_EMAIL}|{_URL}|{_HANDLE}|\b<<social>>\b)"


def _make_contact(config: Config) -> LineMatcher | None:
    phrases = AUTHOR_CONTACT.phrase_source("<<author.contact>>", config)
    token_src = AUTHOR_CONTACT.phrase_source(_CONTACT_TOKEN, config)
    if phrases is None or token_src is None:
        return None
    phrase = regex.compile(rf"\b{phrases}\b", FLAGS)
    token = regex.compile(token_src, FLAGS)
    only = regex.compile(rf"(?:(?:e-?mail|twitter|x|contact)\s*+:\s*+)?(?:{_EMAIL}|{_URL}"
                         rf"|{_HANDLE}|(?:twitter|x|instagram|facebook)\.com/\S++)", FLAGS)
    bio = regex.compile(rf"{PERSON}\s*+(?:\([^()]{{0,80}}+\)\s*+)?(?:is|was)\s++(?:a|an|the)\s", FLAGS)

    def match(v: str) -> str | None:
        if len(v) > 300:
            return None
        if only.fullmatch(v):
            return "the line is only an address"
        if not token.search(v):
            return None
        if phrase.search(v) or bio.match(v):
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
    lists=("author.contact", "social"),
    make=_make_contact,
    removes=("Follow her on Twitter @janedoe.", "paul.takahashi@chron.com",
             "Write to Al Root at allen.root@dowjones.com",
             "Jane Doe is a reporter for the Tribune. Contact her at jdoe@example.com.",
             "twitter.com/paultakahashi"),
    keeps=("She said she could be reached at home most evenings.",
           "The account @NWS posted the warning at 3 a.m., hours before the storm."),
)

AUTHOR_CONTRIBUTED = _line(
    id="BS0504",
    name="author.contributed",
    category=Category.AUTHOR,
    description="A note on who else reported or edited the story ('... contributed to "
    "this report', 'Reporting by ...; Editing by ...').",
    reason="a reporting-credit note",
    template=r".{0,300}?\b<<author.contributed>>\b.{0,200}+"
    rf"|(?:\(\s*+)?<<author.reporting>>\s.{{1,300}}+",
    removes=("Associated Press writer Alan Fram contributed to this report.",
             "Keith Bradsher contributed reporting from Hong Kong.",
             "(Reporting by Greg Roumeliotis; Editing by Martin Howell)",
             "Additional reporting by Joseph Hudak", "Mit Material von dpa"),
    keeps=("The reporting by the Times prompted an inquiry.",),
)

# --- prompts -----------------------------------------------------------------------------

PROMPT_SHARE = _line(
    id="BS0602",
    name="prompt.share",
    category=Category.PROMPT,
    description="A share button or a plea to share the story.",
    reason="a share prompt",
    template=rf"{LEAD}<<prompt.share>>{TRAIL}",
    removes=("Share this article", "Sharing is caring!", "Share on Facebook",
             "Artikel teilen", "Partager cet article", "Compartir"),
    keeps=("Share prices fell 4% on Monday.",),
)

_SOCIAL_BAR_WORDS = r"<<social>>|<<prompt.share_word>>"


def _make_social_bar(config: Config) -> LineMatcher | None:
    source = PROMPT_SOCIAL_BAR.phrase_source(_SOCIAL_BAR_WORDS, config)
    if source is None:
        return None
    pattern = regex.compile(rf"(?:(?:{source})(?:\s*+[|/•·,]?\s*+|\Z)){{1,12}}", FLAGS)

    def match(v: str) -> str | None:
        return "" if len(v) <= 150 and pattern.fullmatch(v) else None

    return match


PROMPT_SOCIAL_BAR = _line(
    id="BS0608",
    name="prompt.social_bar",
    category=Category.PROMPT,
    description="A row of share buttons: nothing but network names and share words.",
    reason="a row of share buttons",
    lists=("social", "prompt.share_word"),
    make=_make_social_bar,
    removes=("Facebook Twitter Email", "Whatsapp  Facebook  Pint", "Tweet", "Email | Print"),
    keeps=("Facebook Twitter and Google were fined.",),
)

PROMPT_SUBSCRIBE = _line(
    id="BS0603",
    name="prompt.subscribe",
    category=Category.PROMPT,
    description="A call to subscribe, sign up for a newsletter, or become a member.",
    reason="a subscription or newsletter prompt",
    template=rf"{LEAD}<<prompt.subscribe>>\b.{{0,250}}+|.{{0,60}}?\b<<prompt.newsletter_word>>{TRAIL}",
    removes=("Sign up for our daily newsletter", "Subscribe to WIRED and stay smart.",
             "Get the day's top headlines delivered to your inbox every morning.",
             "Pick Six Newsletter", "Jetzt Newsletter abonnieren", "Abonnez-vous à notre newsletter",
             "Suscríbete a nuestro boletín", "Zapisz się do newslettera"),
    keeps=("The newsletter, founded in 1998, reached 40,000 readers.",
           "Subscribers complained about the price rise."),
)


def _make_follow(config: Config) -> LineMatcher | None:
    head = PROMPT_FOLLOW.phrase_source(rf"{LEAD}<<prompt.follow>>\b", config)
    token_src = PROMPT_FOLLOW.phrase_source(_CONTACT_TOKEN, config)
    if head is None or token_src is None:
        return None
    start = regex.compile(head, FLAGS)
    token = regex.compile(token_src, FLAGS)

    def match(v: str) -> str | None:
        if len(v) > 250 or not start.match(v) or not token.search(v):
            return None
        return ""

    return match


PROMPT_FOLLOW = _line(
    id="BS0604",
    name="prompt.follow",
    category=Category.PROMPT,
    description="A call to follow the site or author on a social network.",
    reason="a follow-us prompt",
    lists=("prompt.follow", "social", "author.contact"),
    make=_make_follow,
    removes=("Follow us on Facebook", "Follow Newsbeat on Instagram, Facebook, Twitter and "
             "YouTube.", "Folgen Sie uns auf Twitter", "Suivez-nous sur Facebook",
             "Síguenos en Twitter"),
    keeps=("Follow the money, the detective said.",),
)

PROMPT_COMMENT = _line(
    id="BS0605",
    name="prompt.comment",
    category=Category.PROMPT,
    description="A comments widget label or a call to comment.",
    reason="a comments label or prompt",
    template=rf"{LEAD}(?:\d++\s*+)?<<prompt.comment>>(?:\s*+\(?\d++\)?)?{TRAIL}",
    removes=("Leave a comment", "14 comments", "Comments (3)", "Kommentare",
             "Laisser un commentaire", "Komentarze"),
    keeps=("Comments made by the mayor angered residents.",),
)

PROMPT_CLICK = _line(
    id="BS0606",
    name="prompt.click",
    category=Category.PROMPT,
    description="An instruction to click or tap a link, which is gone in plain text.",
    reason="a click-here prompt",
    template=rf"{LEAD}<<prompt.click>>\b.{{0,250}}+|.{{0,200}}?\b<<prompt.click_end>>{TRAIL}",
    removes=("Click here to get the Fox News app", "GET FOX BUSINESS ON THE GO BY CLICKING HERE",
             "Klicken Sie hier, um das Video zu sehen"),
    keeps=("Clicking sounds came from the engine.",),
)

PROMPT_TIP = _line(
    id="BS0607",
    name="prompt.tip",
    category=Category.PROMPT,
    description="A call to send the newsroom a tip or a correction.",
    reason="a news-tip prompt",
    template=rf"{LEAD}<<prompt.tip>>\b.{{0,200}}+",
    removes=("Send us a news tip", "Have a tip? Email tips@example.com",
             "Hinweise an die Redaktion"),
    keeps=("The tip came from a neighbour, police said.",),
)

# --- ads and widget labels --------------------------------------------------------------

AD_LABEL = _line(
    id="BS0701",
    name="ad.label",
    category=Category.AD,
    description="An advertisement label or an ad slot's notice.",
    reason="an advertisement label",
    template=rf"{LEAD}<<ad.label>>{TRAIL}",
    removes=("Advertisement", "ADVERTISEMENT", "Story continues below advertisement",
             "Anzeige", "Publicité", "Publicidad", "Pubblicità", "Reklama"),
    keeps=("Advertisement spending rose 5% last year.",),
)

AD_WIDGET = _line(
    id="BS0702",
    name="ad.widget",
    category=Category.AD,
    description="The label of a page widget (video player, gallery, 'Featured') that the "
    "extractor kept without the widget.",
    reason="a widget label",
    template=rf"{LEAD}<<ad.widget>>{TRAIL}",
    removes=("Videos by Rare", "Featured", "VIDEO", "Image 1 of 5", "Back to Gallery",
             "This slideshow requires JavaScript."),
    keeps=("Featured speakers included the mayor.",),
)

# --- notices ---------------------------------------------------------------------------

NOTICE_COOKIE = _line(
    id="BS0801",
    name="notice.cookie",
    category=Category.NOTICE,
    description="A cookie or consent banner.",
    reason="a cookie or consent notice",
    template=rf"{LEAD}<<notice.cookie>>\b.{{0,400}}+",
    removes=("We use cookies to improve your experience on our site.",
             "Diese Website verwendet Cookies.", "Ce site utilise des cookies.",
             "Utilizamos cookies propias y de terceros."),
    keeps=("Cookies and cakes were sold at the fair.",),
)

NOTICE_PAYWALL = _line(
    id="BS0802",
    name="notice.paywall",
    category=Category.NOTICE,
    description="A paywall or login notice.",
    reason="a paywall notice",
    template=rf"{LEAD}<<notice.paywall>>\b.{{0,300}}+",
    removes=("Subscribe to continue reading", "This article is for subscribers only.",
             "Already a subscriber? Log in", "Dieser Artikel ist nur für Abonnenten"),
    keeps=("Subscribers to the service complained about the price.",),
)

# --- meta: dates, reading time ---------------------------------------------------------

_NUMERIC_DATE = r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}"
_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_TIME = r"\d{1,2}[:.h]\d{2}"
_TOKEN = regex.compile(r"[\w\p{M}]+")
_NUMBERISH = regex.compile(r"\d+(?:st|nd|rd|th|er|e|º|ª|°|h)?|[ap]m|\d+[ap]m", regex.I)


def _make_date(config: Config) -> LineMatcher | None:
    words = {w.casefold() for w in load("meta.date", config.languages)}
    months = {w.casefold() for w in load("meta.month", config.languages)}
    pub = {w.casefold() for w in load("meta.published", config.languages)}
    numeric = regex.compile(rf"{_ISO}|{_NUMERIC_DATE}")
    time = regex.compile(_TIME)
    allowed = words | months | pub

    def match(v: str) -> str | None:
        if len(v) > 80 or not any(c.isdigit() for c in v[:40]):
            return None
        if numeric.fullmatch(v):
            return ""
        has_month = has_pub = False
        for tok in _TOKEN.findall(v):
            low = tok.casefold()
            if low in months:
                has_month = True
            elif low in pub:
                has_pub = True
            elif low in allowed or _NUMBERISH.fullmatch(tok):
                pass
            elif not (tok.isupper() and 2 <= len(tok) <= 4):  # a time zone: EST, MEZ
                return None
        if has_month or numeric.search(v) or (has_pub and time.search(v)):
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
    lists=("meta.date", "meta.month", "meta.published"),
    make=_make_date,
    removes=("November 18, 2019", "Published 10:02 AM EST Nov 19, 2019",
             "Updated at 1:23 p.m.", "19 NOV 2019", "2019-11-19T08:57:40+01:00",
             "Veröffentlicht am 3. März 2020, 14:05 Uhr", "Publié le 12 mai 2021 à 10h30",
             "sexta-feira, 22 de outubro de 2010 às 20:13"),
    keeps=("March 3 was the warmest day on record.", "In 2019, 40 people died.",
           "12:30"),
)

META_READING_TIME = _line(
    id="BS0902",
    name="meta.reading_time",
    category=Category.META,
    description="An estimated reading time.",
    reason="a reading-time label",
    template=rf"{LEAD}(?:<<meta.reading_time>>\s*+:?\s*+(?:\d++\s*+[\w.]*+)?|\d++\s*+<<meta.reading_unit>>){TRAIL}",
    removes=("5 min read", "Reading time: 3 minutes", "Tempo de leitura: 2 minutos",
             "Lesezeit: 4 Min."),
    keeps=("Reading time for children has fallen by a third, the study found.",),
)

LINE_RULES: tuple[LineRule, ...] = (
    RELATED_HEADING,
    RELATED_MORE,
    RELATED_LINK,
    RELATED_SITE_LINK,
    TEASER_TAGGED,
    CREDIT_LABEL,
    CREDIT_AGENCY,
    CREDIT_SLASH,
    CREDIT_COPYRIGHT,
    CAPTION_CREDIT,
    AUTHOR_HEADING,
    AUTHOR_BYLINE,
    AUTHOR_CONTACT,
    AUTHOR_CONTRIBUTED,
    PROMPT_SHARE,
    PROMPT_SOCIAL_BAR,
    PROMPT_SUBSCRIBE,
    PROMPT_FOLLOW,
    PROMPT_COMMENT,
    PROMPT_CLICK,
    PROMPT_TIP,
    AD_LABEL,
    AD_WIDGET,
    NOTICE_COOKIE,
    NOTICE_PAYWALL,
    META_DATE,
    META_READING_TIME,
)
