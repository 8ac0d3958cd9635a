r"""boilerstrip: strip leftover boilerplate from scraped article text, keep the story.

>>> from boilerstrip import clean
>>> clean("The vote passed.\n\nRELATED: Council race heats up\n\nThe mayor signed it.")
'The vote passed.\n\nThe mayor signed it.'
"""

from __future__ import annotations

from .config import LANGUAGES, Config
from .html import explain_html, extract
from .model import Category, Decision, Explanation, removed_by_category
from .pipeline import Cleaner, Title, cleaner_for
from .rules import REGISTRY, Rule

__version__ = "0.1.0"

__all__ = [
    "LANGUAGES",
    "Category",
    "Cleaner",
    "Config",
    "Decision",
    "Explanation",
    "Rule",
    "clean",
    "explain",
    "explain_html",
    "extract",
    "removed_by_category",
    "rules",
]


def clean(text: str, config: Config | None = None, *, title: Title = None) -> str:
    """Remove boilerplate lines from ``text``; every kept line is returned byte for byte.

    ``title``: the page's title, if the caller knows it apart from the text; lines that
    repeat it are removed too (see :meth:`Cleaner.clean`)."""
    return cleaner_for(config).clean(text, title)


def explain(text: str, config: Config | None = None, *, title: Title = None) -> Explanation:
    """Like :func:`clean`, plus one :class:`Decision` per input line saying why."""
    return cleaner_for(config).explain(text, title)


def rules() -> tuple[Rule, ...]:
    """Every rule: ``id``, ``name``, ``category``, ``languages``, ``description``."""
    return tuple(REGISTRY)
