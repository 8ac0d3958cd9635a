"""Ads: advertisement labels, widget labels and gallery counters."""

from __future__ import annotations

from ..model import Category
from ..text import TRAIL
from .base import LineRule

AD_LABEL = LineRule(
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

AD_WIDGET = LineRule(
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

AD_COUNTER = LineRule(
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

RULES = (AD_LABEL, AD_WIDGET, AD_COUNTER)
