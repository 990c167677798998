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
    it = articles(cards, lang)
    head = list(itertools.islice(it, 2))
    if not head:
        yield page.document("scorecard", "", lang or "zh")
        return
    rubric = head[0][0]
    title = head[0][1] if len(head) == 1 else rubric.title.get(lang)
    before, after = page.document(title, _BODY, ui_lang(lang, rubric)).split(_BODY)
    yield before + head[0][2]
    for _, _, text in itertools.chain(head[1:], it):
        yield "\n" + text
    yield after


def articles(cards, lang: str | None = None):
    """(rubric, title, article) of each scorecard; a long table's whole scored batch (engine.outcome.Cards.runs())
    with its measure tables written from the batch's arrays (engine.formats.html_batch)."""
    if not hasattr(cards, "runs"):
        yield from _each(cards, lang)
        return
    for run in cards.runs():
        if run[0] == "cards":
            yield from _each(run[1], lang)
        elif run[1].values.rows is not None and "value" in run[1].values.cells:
            from .html_batch import articles as batch_articles

            yield from ((run[2], title, text) for title, text in batch_articles(run[1], run[2], lang))
        else:
            from ..vector.cards import iter_scorecards

            yield from _each(iter_scorecards(run[1], run[2]), lang)


def _each(cards, lang: str | None):
    for c in cards:
        yield c.rubric, card.title(c, lang), card.article(c, lang)
