"""csv: one row per scorecard (every subject and period) with its league rank, change and group scores.

Group columns are the top-level group ids of every rubric compared; the writer adds the utf-8 BOM and
every cell that could start a formula is neutralised.
"""
from __future__ import annotations

import csv
import io

from ...compare import period_key
from ..common import safe_cell
from .common import card_row

NAME = "csv"
SUFFIX = ".csv"
ENCODING = "utf-8-sig"
"""With a BOM, so Excel opens the Chinese text as UTF-8."""
COLUMNS = ("rubric", "period", "subject", "subject_name", "rank", "total", "change", "trend", "grade", "vetoed")


def render(comparisons, lang: str | None = None) -> str:
    groups = list(dict.fromkeys(g.id for c in comparisons for g in c.league.groups))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS + tuple(groups))
    for c in comparisons:
        for row in _rows(c, lang, groups):
            w.writerow([safe_cell("" if v is None else v) for v in row])
    return buf.getvalue()


def _rows(c, lang, groups):
    ranks = {id(s.card): s.rank for s in c.league.standings}
    changes = {id(s.after): s.total for t in c.trends for s in t.steps}
    cards = [card for t in c.trends for card in t.cards]
    cards += [s.card for s in c.league.standings if all(s.card is not x for x in cards)]
    cards += [a for a in c.league.absent if all(a is not x for x in cards)]
    for card in sorted(cards, key=lambda x: (x.submission.subject_id, period_key(x.submission.period))):
        d, change = card_row(card, lang), changes.get(id(card))
        yield (card.rubric.id, d["period"], d["subject"]["id"], d["subject"]["name"], ranks.get(id(card)),
               d["total"], None if change is None else change.delta, None if change is None else change.arrow,
               d["grade"]["label"], "true" if d["vetoed"] else "false",
               *[d["groups"].get(g, {}).get("score") for g in groups])
