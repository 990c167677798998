"""html: one self-contained page (inline CSS, SVG charts and a hashed script; nothing from the network)
with the full report of each scorecard, one after the other (a page break between them in print)."""
from __future__ import annotations

from .words import ui_lang
from ..html import card, page

NAME = "html"
SUFFIX = ".html"


def render(cards, lang: str | None = None) -> str:
    if not cards:
        return page.document("scorecard", "", lang or "zh")
    title = card.title(cards[0], lang) if len(cards) == 1 else cards[0].rubric.title.get(lang)
    body = "\n".join(card.article(c, lang) for c in cards)
    return page.document(title, body, ui_lang(lang, cards[0].rubric))
