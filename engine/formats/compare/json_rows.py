"""compare json's league standings, a thousand subjects at a time: each standing's object joined from a
%-format per (rubric, grade, ranked or not), cut from json_indent's text of league_dict's item with its
values left open, and the standing's own texts (engine.formats.gaps.json_pieces), instead of a dict per
standing walked by the encoder and the whole text scanned again by json_ci."""
from __future__ import annotations

from ...gap_views import light
from ...model import Group
from ...results import r2
from ..common import r4
from ..gaps.json_pieces import MARK, format_marked, json_float, pad_list, string
from ..json_indent import dumps as indented
from ...safe_text import json_ci

STANDINGS = MARK.format("standings")
"""What league_dict's standings are while the rest of the comparison is written."""


def spliced(text: str, standings: list, lang: str | None) -> str:
    """The comparison's text (json_ci'd, holding STANDINGS's JSON text once) with its standings written in."""
    mark = indented(STANDINGS)
    at = text.index(mark)
    line = text[text.rindex("\n", 0, at) + 1:at]
    depth = (len(line) - len(line.lstrip(" "))) // 2  # the key's line: its value's depth
    return text[:at] + standings_text(standings, depth, lang) + text[at + len(mark):]


def standings_text(standings: list, depth: int, lang: str | None) -> str:
    """indented(league_dict's standings, 2, depth), json_ci'd."""
    formats: dict = {}
    texts: dict = {}
    items = [_item(s, depth + 1, lang, formats, texts) for s in standings]
    return pad_list(items, depth)


def _item(s, depth: int, lang: str | None, formats: dict, texts: dict) -> str:
    card = s.card
    rubric, sub = card.rubric, card.submission
    key = (id(rubric), card.grade.id, s.rank is None)
    f = formats.get(key)
    if f is None:
        f = formats[key] = _format(s, depth, lang)
    vetoes = [string(x) for x in card.vetoed_by]
    values = ["null" if s.rank is None else str(s.rank), string(sub.subject_id), string(sub.subject_name),
              _scalar(texts, sub.period), json_float(card.total), "true" if card.vetoed else "false",
              pad_list(vetoes, depth + 1)]
    colors = rubric.colors
    for gid in _groups(rubric, formats):
        g = card.group(gid)
        pct = None if g.fraction is None else 100.0 * g.fraction
        values += ("null" if g.fraction is None else json_float(r2(g.score)),
                   "null" if pct is None else json_float(r2(pct)), _light(texts, light(pct, colors)))
    values.append(json_float(r4(s.coverage)))
    return f % tuple(values)


def _groups(rubric, formats: dict) -> list[str]:
    """card_row's group ids: the top-level groups that carry points."""
    key = ("groups", id(rubric))
    if key not in formats:
        formats[key] = [g.id for g in rubric.tree if isinstance(g, Group) and g.worth > 0]
    return formats[key]


def _format(s, depth: int, lang: str | None) -> str:
    """The standing's object with its own values left open (card_row's keys)."""
    from .common import card_row

    row = card_row(s.card, lang)
    names = ["rank", "id", "name", "period", "total", "vetoed", "vetoed_by"]
    row["subject"] = {"id": MARK.format("id"), "name": MARK.format("name")}
    row.update(period=MARK.format("period"), total=MARK.format("total"), vetoed=MARK.format("vetoed"),
               vetoed_by=MARK.format("vetoed_by"))
    for gid, g in row["groups"].items():
        g.update(score=MARK.format(gid + ".score"), pct=MARK.format(gid + ".pct"), light=MARK.format(gid + ".light"))
        names += (gid + ".score", gid + ".pct", gid + ".light")
    d = {"rank": MARK.format("rank"), **row, "coverage": MARK.format("coverage"),
         **({"unranked": "insufficient data"} if s.rank is None else {})}
    return format_marked(d, tuple(names) + ("coverage",), depth)


def _scalar(texts: dict, x) -> str:
    key = ("scalar", type(x), x)
    if key not in texts:
        texts[key] = json_ci(indented(x))
    return texts[key]


def _light(texts: dict, x) -> str:
    key = ("light", x)
    if key not in texts:
        texts[key] = json_ci(indented(x))
    return texts[key]
