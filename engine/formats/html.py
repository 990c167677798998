"""html: one self-contained page (inline CSS, SVG charts and a hashed script; nothing from the network)
with the full report of each scorecard, one after the other (a page break between them in print)."""
from __future__ import annotations

import itertools

from .words import ui_lang
from ..html import card, page

NAME = "html"
SUFFIX = ".html"
_BODY = "\0body\0"
"""Where the articles go in the page (no page text holds a NUL)."""


def render(cards, lang: str | None = None) -> str:
    return "".join(chunks(cards, lang))


def chunks(cards, lang: str | None = None):
    """The page in pieces: its head, each scorecard's article, its end (thousands are never one string)."""
    it = iter(cards)
    head = list(itertools.islice(it, 2))
    if not head:
        yield page.document("scorecard", "", lang or "zh")
        return
    title = card.title(head[0], lang) if len(head) == 1 else head[0].rubric.title.get(lang)
    before, after = page.document(title, _BODY, ui_lang(lang, head[0].rubric)).split(_BODY)
    yield before + card.article(head[0], lang)
    for c in itertools.chain(head[1:], it):
        yield "\n" + card.article(c, lang)
    yield after
