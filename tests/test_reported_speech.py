"""A prompt inside reported speech is a sentence of the story.

Stories about scams, campaigns and police appeals quote calls to subscribe or follow
without quotation marks: "Subscribe to our YouTube channel, the scammers wrote in the fake
email." The prompt rules leave such a line when a short clause after a comma or a dash
names someone saying it (``unless_reported``, the ``quote.verb`` lists). The same prompt
with any other clause after it is still removed, in every language.
"""

from __future__ import annotations

import pytest

from boilerstrip import explain

STORY = "The council met on Monday to discuss the budget, and the mayor said the plan would pass.\n"

# (prompt, a clause of reported speech, a clause of the prompt's own)
CASES = [
    ("Subscribe to our YouTube channel", ", the scammers wrote in the fake email.", ", it's free."),
    ("Folgen Sie uns auf Twitter", ", schrieb der Betrüger an das Opfer.", ", es lohnt sich!"),
    (
        "Abonnez-vous à notre newsletter",
        ", a expliqué le faux conseiller à la victime.",
        ", c'est gratuit.",
    ),
    ("Suscríbete a nuestro canal de YouTube", ", dijo el estafador a la víctima.", ", es gratis."),
    ("Iscriviti alla nostra newsletter", ", ha detto il truffatore alla vittima.", ", è gratis."),
    ("Inscreva-se no nosso canal do YouTube", ", disse o golpista à vítima.", ", é grátis."),
    ("Volg ons op Twitter", ", schreef de oplichter aan het slachtoffer.", ", het is gratis."),
    ("Obserwuj nas na Twitterze", " – napisał oszust do ofiary.", ", to nic nie kosztuje."),
]


def _decision(line: str) -> tuple[bool, str]:
    """Is the line kept between two story paragraphs, and by which rule is it removed?"""
    decisions = explain(STORY + line + "\n" + STORY).decisions
    d = next(d for d in decisions if d.text == line)
    return d.kept, d.rule_name


@pytest.mark.parametrize(("prompt", "reported", "own"), CASES, ids=[c[0] for c in CASES])
def test_prompt_in_reported_speech_stays(prompt: str, reported: str, own: str) -> None:
    assert _decision(prompt + reported) == (True, "")


@pytest.mark.parametrize(("prompt", "reported", "own"), CASES, ids=[c[0] for c in CASES])
def test_prompt_with_a_clause_of_its_own_goes(prompt: str, reported: str, own: str) -> None:
    kept, rule = _decision(prompt + own)
    assert not kept
    assert rule.startswith("prompt.")


# A clause of comparison is the notice's own words, whatever its verb.
NOTICES = [
    "We use cookies to improve your experience. By continuing to browse, you agree to our use "
    "of cookies, as explained in our Cookie Policy.",
    "Wir verwenden Cookies, wie in unserer Datenschutzerklärung erklärt.",
    "Nous utilisons des cookies, comme expliqué dans notre politique de confidentialité.",
    "Utilizamos cookies propias y de terceros, según se indica en nuestra política de cookies.",
    "Utilizziamo i cookie, come spiegato nella nostra informativa.",
]


@pytest.mark.parametrize("notice", NOTICES, ids=[n[:24] for n in NOTICES])
def test_notice_with_a_clause_of_comparison_goes(notice: str) -> None:
    assert _decision(notice) == (False, "notice.cookie")
