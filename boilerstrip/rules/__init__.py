"""Every rule boilerstrip has, in the order they run: this list is the one place that
states it.

Line rules judge each line alone; a line goes by the first of them (in this order) that
removes it. Then ``layout.continued`` takes back the verdicts of wrapped sentence ends,
``page.outside`` removes what lies outside the main text of a whole page's text, and the
other document rules run, in this order, on all verdicts so far. Last, ``layout.repeated``
takes back those of shape rules whose lines head block after block of the text that is
left, ``layout.section`` those of label rules on Markdown headings above prose,
``layout.context`` those of weak rules between kept lines, and ``layout.code`` keeps the
lines of fenced code blocks. ``layout.blank`` names the blank lines the assembly drops.
"""

from __future__ import annotations

from . import ad, author, caption, credit, layout, meta, notice, page, prompt, related, teaser
from .base import DocumentRule, LayoutRule, LineRule, Registry, Rule
from .layout import LAYOUT_BLANK

REGISTRY = Registry()
REGISTRY.extend(
    (
        # line rules
        related.RELATED_HEADING,
        related.RELATED_MORE,
        related.RELATED_LINK,
        related.RELATED_SITE_LINK,
        teaser.TEASER_TAGGED,
        credit.CREDIT_LABEL,
        credit.CREDIT_BY,
        credit.CREDIT_AGENCY,
        credit.CREDIT_SLASH,
        credit.CREDIT_COPYRIGHT,
        credit.CREDIT_RIGHTS,
        caption.CAPTION_IMAGE,
        caption.CAPTION_CREDIT,
        caption.CAPTION_LABEL,
        author.AUTHOR_HEADING,
        author.AUTHOR_BYLINE,
        author.AUTHOR_DATED_BYLINE,
        author.AUTHOR_CONTACT,
        author.AUTHOR_STAFF,
        author.AUTHOR_REPORTING,
        author.AUTHOR_CONTRIBUTED,
        notice.NOTICE_COOKIE,
        notice.NOTICE_PAYWALL,
        notice.NOTICE_AFFILIATE,
        notice.NOTICE_COMMENTS,
        notice.NOTICE_FOOTER,
        prompt.PROMPT_SHARE,
        prompt.PROMPT_SUBSCRIBE,
        prompt.PROMPT_NEWSLETTER,
        prompt.PROMPT_FOLLOW,
        prompt.PROMPT_COMMENT,
        prompt.PROMPT_REPLY_FORM,
        prompt.PROMPT_CLICK,
        prompt.PROMPT_CLICK_END,
        prompt.PROMPT_TIP,
        prompt.PROMPT_SOCIAL_BAR,
        ad.AD_LABEL,
        ad.AD_WIDGET,
        ad.AD_COUNTER,
        meta.META_DATE,
        meta.META_TAGS,
        meta.META_KEYWORDS,
        meta.META_READING_TIME,
        # the layout of the lines, then document rules
        layout.LAYOUT_CONTINUED,
        page.PAGE_OUTSIDE,
        related.RELATED_LINK_LIST,
        teaser.TEASER_AFTER_MARKER,
        author.AUTHOR_BIO,
        author.AUTHOR_CLOSING_BIO,
        prompt.PROMPT_CLOSING,
        teaser.TEASER_TRAILING,
        meta.META_HEADLINE,
        meta.META_TITLE,
        layout.LAYOUT_REPEATED,
        layout.LAYOUT_SECTION,
        layout.LAYOUT_CONTEXT,
        layout.LAYOUT_FIELDS,
        layout.LAYOUT_CODE,
        # named by the assembly
        layout.LAYOUT_BLANK,
    )
)
REGISTRY.check()

# The category modules, each with RULES: every rule it holds.
MODULES = (related, teaser, credit, caption, author, prompt, ad, notice, meta, page, layout)

__all__ = ["LAYOUT_BLANK", "MODULES", "REGISTRY", "DocumentRule", "LayoutRule", "LineRule", "Rule"]
