"""json: the machine-readable result of SPEC 6: an object for one submission, an array for several.

The shape is the caller's to choose (``single``), never the data's: `scorecard score a.yaml b.yaml` is an
array even when only one of them is valid, and `[]` when none is; one file given is an object (``null``
when it is invalid).  Without ``single``, an object when exactly one card is given (a report file).

Streams: a batch of thousands is written card by card, one compact object per line (engine.formats.json_card),
never held whole in memory; a single submission is pretty-printed.
"""
from __future__ import annotations

import itertools
import json
from typing import Iterable, Iterator

from .common import card_dict

NAME = "json"
SUFFIX = ".json"


def render(cards, lang: str | None = None, single: bool | None = None) -> str:
    return "".join(chunks(cards, lang, single))


def chunks(cards: Iterable, lang: str | None = None, single: bool | None = None) -> Iterator[str]:
    """The JSON text in pieces, as the cards come."""
    it = _items(cards, lang)
    first = next(it, None)
    second = next(it, None)
    if second is None and single is not False:
        yield _dump(first, lang, indent=2) if first is not None else "null\n" if single else "[]\n"
        return
    if first is None:
        yield "[]\n"
        return
    from .json_card import CardWriter

    writer = CardWriter(lang).line
    line = lambda x: x if isinstance(x, str) else writer(x)  # noqa: E731
    yield "[\n" + line(first)
    for card in it if second is None else itertools.chain([second], it):
        yield ",\n" + line(card)
    yield "\n]\n"


def _items(cards: Iterable, lang: str | None) -> Iterator:
    """The scorecards, or for a whole scored batch of two or more rows (a long table) each row's compact line
    already written from the batch's arrays (engine.formats.json_batch)."""
    if not hasattr(cards, "runs"):
        yield from cards
        return
    for run in cards.runs():
        if run[0] == "cards":
            yield from run[1]
        elif len(run[1]) > 1 and run[1].values.rows is not None and "value" in run[1].values.cells:
            from .json_batch import lines

            yield from lines(run[1], run[2], lang)
        else:
            from ..vector.cards import iter_scorecards

            yield from iter_scorecards(run[1], run[2])


def shaped(items: list, single: bool | None = None):
    """What a JSON output holds: the one item (None when there is none) if ``single``, else the list; without
    ``single``, the item when there is exactly one (the rule every command's JSON shares)."""
    if single is None:
        single = len(items) == 1
    if single and len(items) <= 1:
        return items[0] if items else None
    return list(items)


def dumps(data, indent: int | None = 2) -> str:
    """JSON as every JSON format writes it: UTF-8 text, with whatever a terminal or a CI log could act on
    (C1 and bidi controls, ``##[``) written as \\u escapes, so the data is the same once parsed."""
    from ..safe_text import json_ci

    if indent:
        from .json_indent import dumps as indented

        return json_ci(indented(data, indent))
    return json_ci(json.dumps(data, ensure_ascii=False, separators=(",", ":")))


def items(data: Iterable, single: bool | None = None, indent: int = 2) -> Iterator[str]:
    """``dumps(shaped(list(data), single)) + "\\n"`` in pieces, an item at a time: a report of thousands is
    never one string, nor a list of their dicts."""
    from ..safe_text import json_ci
    from .json_indent import dumps as indented

    it = iter(data)
    head = list(itertools.islice(it, 2))
    if len(head) < 2 and (single or (single is None and head)):
        yield ("null" if not head else json_ci(indented(head[0], indent))) + "\n"
        return
    if not head:
        yield "[]\n"
        return
    pad = " " * indent
    yield "[\n" + pad + json_ci(indented(head[0], indent, 1))
    for item in itertools.chain(head[1:], it):
        yield ",\n" + pad + json_ci(indented(item, indent, 1))
    yield "\n]\n"


def _dump(card, lang, indent: int | None = None) -> str:
    text = dumps(card_dict(card, lang), indent)
    return text + "\n" if indent else text
