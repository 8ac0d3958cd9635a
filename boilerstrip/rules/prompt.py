"""Prompts: calls to share, subscribe, follow, comment, click or send a tip; comment
forms; questions and calls to readers that close the text."""

from __future__ import annotations

import regex

from ..config import Config
from ..model import Category
from ..phrases import key
from ..text import TRAIL
from .base import (
    FLAGS,
    Document,
    DocumentAction,
    DocumentRule,
    LineMatcher,
    LineRule,
    phrase_source,
)
from .common import LEAD, closing_pattern, tail_run

PROMPT_SHARE = LineRule(
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
_SOCIAL_BUTTON = rf"\[?+(?:<<social>>|<<prompt.share_word>>)(?!\w)(?:\]{_LINK_TARGET}?+)?+"
_SOCIAL_BAR = rf"{LEAD}(?:{_SOCIAL_BUTTON}(?:\s*+[|/•·,]?\s*+|\Z)){{1,12}}"


def _make_social_bar(rule: LineRule, config: Config) -> LineMatcher | None:
    source = phrase_source(_SOCIAL_BAR, config)
    if source is None:
        return None
    pattern = regex.compile(source, FLAGS)
    return lambda v, k: "" if pattern.fullmatch(k) else None


PROMPT_SOCIAL_BAR = LineRule(
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

PROMPT_SUBSCRIBE = LineRule(
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

PROMPT_NEWSLETTER = LineRule(
    id="BS0609",
    name="prompt.newsletter",
    category=Category.PROMPT,
    description="A short line naming a newsletter: the label of a sign-up box.",
    reason="a newsletter sign-up label",
    # The word ends the line, maybe after a mark ("*Newsletter"), not inside a word.
    anywhere=r"\A(?:\S++\s++){0,3}(?:\S*?[^\w\s])?<<prompt.newsletter_word>>[\s:!»›→>]*+\Z",
    max_chars=60,
    ends=("<<prompt.newsletter_word>>",),
    removes=("Pick Six Newsletter", "The Morning Review newsletter", "Nieuwsbrief"),
    keeps=("It began as a newsletter.", "It began as a newsletter"),
)


PROMPT_FOLLOW = LineRule(
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

PROMPT_COMMENT = LineRule(
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

PROMPT_REPLY_FORM = LineRule(
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

# Where a sentence ends and another starts, on a key.
_SENTENCE_END = r"[.!?]\s++(?=\w)"
_NO_SENTENCE_END = rf"(?:(?!{_SENTENCE_END}).)*+"
# After a phrase: the rest of its sentence and at most one more, 250 characters at most.
# Three sentences or more make a paragraph (a how-to's step), not a prompt.
_TWO_SENTENCES_AT_MOST = (
    rf"(?:\W(?=.{{0,250}}+\Z){_NO_SENTENCE_END}(?:{_SENTENCE_END}{_NO_SENTENCE_END})?)?"
)

PROMPT_CLICK = LineRule(
    id="BS0606",
    name="prompt.click",
    category=Category.PROMPT,
    description="An instruction to click or tap a link, which is gone in plain text. One "
    "that may be a step of a how-to ('Click the button in the upper right corner') must "
    "name the site, its offer or a link; a paragraph of three sentences or more is content.",
    reason="a click-here prompt",
    markers=("prompt.click", "prompt.click_verb"),
    unless_reported=True,
    after=_TWO_SENTENCES_AT_MOST,
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
        "Click here to download the free spreadsheet. You must be signed in to your own "
        "account to download it. Next, open the file and make a copy.",
    ),
)

PROMPT_CLICK_END = LineRule(
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

PROMPT_TIP = LineRule(
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


def _make_closing(rule: DocumentRule, config: Config) -> DocumentAction | None:
    closing = closing_pattern(config)
    if closing is None:
        return None

    def has_closing(doc: Document, run: list[int]) -> bool:
        return any(closing.fullmatch(key(doc.view(i))) for i in run if not doc.removed(i))

    def apply(doc: Document) -> None:
        for i in tail_run(doc, config, closing, has_closing):
            if not doc.removed(i) and closing.fullmatch(key(doc.view(i))):
                doc.remove(i, rule, "a prompt to readers after the story's last paragraph")

    return apply


PROMPT_CLOSING = DocumentRule(
    id="BS0601",
    name="prompt.closing",
    category=Category.PROMPT,
    description="A question or call to readers ('What do you think?', a like widget's 'Like "
    "this:') that closes the text: an engagement prompt. The same words inside the story "
    "are kept.",
    reason="a closing prompt to readers",
    lists=("prompt.closing",),
    make=_make_closing,
    removes=(
        "The council voted 7-2 to approve the budget late on Tuesday night.\n\n"
        "What do you think?\n",
        "Le conseil municipal a voté le budget mardi soir.\n\nQu'en pensez-vous ?\n",
    ),
    keeps=(
        "What do you think?\n\nThat was the question the mayor put to the council on "
        "Tuesday, and nobody answered it.\n",
        '"What do you think?" she asked.\n',
    ),
)

RULES = (
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
    PROMPT_CLOSING,
)
