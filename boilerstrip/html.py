"""HTML in: trafilatura finds the article text, boilerstrip removes what it left in.

trafilatura is imported on first use, so :func:`boilerstrip.clean` never pays for it.

The trafilatura options are the ones that scored best together with the cleaner on the
dev bench's 181 pages (``tests/bench_html.py``): its defaults (``txt`` output, one
paragraph per line, tables kept) with comments left out (``include_comments=False``):
reader comments are never the story, and leaving them out gained more than any other
option. ``favor_precision`` scored higher F1 but lost recall (story), so it is not used.
"""

from __future__ import annotations

from typing import Any

from .config import Config
from .model import Explanation
from .pipeline import cleaner_for

TRAFILATURA_OPTIONS: dict[str, Any] = {
    "output_format": "txt",
    "include_comments": False,
    "include_tables": True,
}


def article_text(html: str | bytes, url: str | None = None) -> str | None:
    """trafilatura's article text, one paragraph per line; None when it finds none (or
    fails on the page)."""
    import trafilatura

    try:
        text = trafilatura.extract(html, url=url, **TRAFILATURA_OPTIONS)
    except Exception:  # a page trafilatura cannot parse has no article for us either
        return None
    return text if isinstance(text, str) else None


def extract(
    html: str | bytes, *, url: str | None = None, config: Config | None = None
) -> str | None:
    """The story of an HTML page: trafilatura's article text, cleaned.

    None when no article text was found. An article that was all debris comes back as
    the empty string.
    """
    text = article_text(html, url)
    return None if text is None else cleaner_for(config).clean(text)


def explain_html(
    html: str | bytes, *, url: str | None = None, config: Config | None = None
) -> Explanation | None:
    """Like :func:`extract`, with a decision per line of trafilatura's text."""
    text = article_text(html, url)
    return None if text is None else cleaner_for(config).explain(text)
