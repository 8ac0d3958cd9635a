"""HTML in: trafilatura finds the article text, boilerstrip removes what it left in.

trafilatura is imported on first use, so :func:`boilerstrip.clean` never pays for it.

The trafilatura options are the ones that scored best together with the cleaner on the
dev bench's 181 pages (``tests/bench_html.py``, docs/html.md): its defaults (``txt``
output, one paragraph per line, tables kept) with comments left out
(``include_comments=False``): reader comments are never the story, and leaving them out
gained more than any other option. ``favor_precision`` scored higher F1 but lost recall
(story), so it is not used.

The page's title, as its ``<head>`` and its only ``<h1>`` give it, goes to the cleaner
(rule ``meta.title``): the headline trafilatura keeps at the top of the text, and copies
of it further down, are removed. The body is what ``extract`` returns; the title is the
page's own.
"""

from __future__ import annotations

import re
from typing import Any

from .config import Config
from .model import Explanation
from .pipeline import cleaner_for

TRAFILATURA_OPTIONS: dict[str, Any] = {
    "output_format": "txt",
    "include_comments": False,
    "include_tables": True,
}

# "Story title | Site name", "Story title - Site": the parts of a <title>.
_TITLE_PARTS = re.compile(r"\s+[|\-–—:·•]\s+")


def page_titles(tree: Any) -> tuple[str, ...]:
    """The forms of a page's title: ``og:title``, ``twitter:title``, ``<title>`` and its
    parts of two words or more, and the ``<h1>`` if there is only one (an ``<h2>`` may be
    a subheading of the story, so none is taken)."""
    found: list[str] = []
    head = tree.xpath(
        "//head/meta[@property='og:title' or @name='twitter:title' or @name='title']/@content"
        " | //head/title/text()"
    )
    for value in head:
        title = " ".join(str(value).split())
        if title:
            found.append(title)
            parts = _TITLE_PARTS.split(title)
            if len(parts) > 1:
                found.extend(p for p in parts if len(p.split()) >= 2)
    h1 = tree.xpath("//h1")
    if len(h1) == 1:
        title = " ".join(h1[0].text_content().split())
        if title:
            found.append(title)
    return tuple(dict.fromkeys(found))


def article(html: str | bytes, url: str | None = None) -> tuple[str, tuple[str, ...]] | None:
    """trafilatura's article text (one paragraph per line) and the page's titles; None
    when it finds no text (or fails on the page)."""
    import trafilatura

    try:
        tree = trafilatura.load_html(html)
        if tree is None:
            return None
        titles = page_titles(tree)  # before trafilatura prunes the tree
        text = trafilatura.extract(tree, url=url, **TRAFILATURA_OPTIONS)
    except Exception:  # a page trafilatura cannot parse has no article for us either
        return None
    return (text, titles) if isinstance(text, str) else None


def extract(
    html: str | bytes, *, url: str | None = None, config: Config | None = None
) -> str | None:
    """The story of an HTML page: trafilatura's article text, cleaned, without the
    headline (the page's title).

    None when no article text was found. An article that was all debris comes back as
    the empty string.
    """
    found = article(html, url)
    return None if found is None else cleaner_for(config).clean(found[0], found[1])


def explain_html(
    html: str | bytes, *, url: str | None = None, config: Config | None = None
) -> Explanation | None:
    """Like :func:`extract`, with a decision per line of trafilatura's text."""
    found = article(html, url)
    return None if found is None else cleaner_for(config).explain(found[0], found[1])
