"""Every rule boilerstrip has, in the order they run."""

from __future__ import annotations

from .base import DocumentRule, LineRule, Registry, Rule
from .document import DOCUMENT_RULES, LAYOUT_BLANK
from .line import LINE_RULES

REGISTRY = Registry()
REGISTRY.extend(LINE_RULES)
REGISTRY.extend(DOCUMENT_RULES)
REGISTRY.add(LAYOUT_BLANK)

__all__ = ["LAYOUT_BLANK", "REGISTRY", "DocumentRule", "LineRule", "Rule"]
