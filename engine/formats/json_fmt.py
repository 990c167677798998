"""json: the machine-readable result of SPEC 6 (an object for one submission, an array for several).

Streams: a batch of thousands is written card by card, one compact object per line, never held
whole in memory; a single submission is pretty-printed.
"""
from __future__ import annotations

import json
from typing import Iterable, Iterator

from .common import card_dict

NAME = "json"
SUFFIX = ".json"


def render(cards, lang: str | None = None) -> str:
    return "".join(chunks(cards, lang))


def chunks(cards: Iterable, lang: str | None = None) -> Iterator[str]:
    """The JSON text in pieces, as the cards come."""
    it = iter(cards)
    first = next(it, None)
    second = next(it, None)
    if second is None:
        yield _dump(first, lang, indent=2) if first is not None else "[]\n"
        return
    yield "[\n" + _dump(first, lang)
    yield ",\n" + _dump(second, lang)
    for card in it:
        yield ",\n" + _dump(card, lang)
    yield "\n]\n"


def _dump(card, lang, indent: int | None = None) -> str:
    text = json.dumps(card_dict(card, lang), ensure_ascii=False, indent=indent,
                      separators=None if indent else (",", ":"))
    return text + "\n" if indent else text
