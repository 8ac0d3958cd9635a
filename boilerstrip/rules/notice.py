"""Notices: cookie and consent banners, paywalls, affiliate-link disclosures, comment
policies and rows of footer links."""

from __future__ import annotations

import regex

from ..config import Config
from ..model import Category
from .base import FLAGS, LineMatcher, LineRule, phrase_source

NOTICE_COOKIE = LineRule(
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

NOTICE_PAYWALL = LineRule(
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

NOTICE_AFFILIATE = LineRule(
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

NOTICE_COMMENTS = LineRule(
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

_FOOTER = r"(?:<<notice.footer>>(?!\w)(?:\s*+[|/•·,-]?\s*+|\Z)){2,12}"


def _make_footer(rule: LineRule, config: Config) -> LineMatcher | None:
    source = phrase_source(_FOOTER, config)
    if source is None:
        return None
    pattern = regex.compile(source, FLAGS)
    return lambda v, k: "" if pattern.fullmatch(k) else None


NOTICE_FOOTER = LineRule(
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

RULES = (NOTICE_COOKIE, NOTICE_PAYWALL, NOTICE_AFFILIATE, NOTICE_COMMENTS, NOTICE_FOOTER)
