"""csv: one row per scorecard (every subject and period) with its league rank, change and group scores.

Group columns are the top-level group ids of every rubric compared; the writer adds the utf-8 BOM and
every cell that could start a formula is neutralised.
"""
from __future__ import annotations

import csv
import io

from ...compare import period_key
from ...coverage import share
from ..common import r4, safe_cell
from .common import card_row

NAME = "csv"
SUFFIX = ".csv"
ENCODING = "utf-8-sig"
"""With a BOM, so Excel opens the Chinese text as UTF-8."""
COLUMNS = ("rubric", "version", "period", "subject", "subject_name", "rank", "total", "change", "trend", "compared",
           "grade", "vetoed")
"""compared: how the change was reckoned against the previous period when that was scored under another
version of the rubric: 'crosswalk' (groups through the crosswalk), 'totals' (no crosswalk: the totals only).
After the group columns: coverage (SPEC 10, 0-1); a subject below the rubric's min_coverage has the rank
'insufficient data', and a change between periods of unequal coverage the trend '≠' (not comparable)."""


def render(comparisons, lang: str | None = None) -> str:
    groups = list(dict.fromkeys(g.id for c in comparisons for g in c.league.groups))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(COLUMNS + tuple(groups) + ("coverage",))
    # a trend across rubric versions lies in its latest version's comparison: ranks, steps and cards are
    # gathered over all of them, and each card is written once
    ranks = {id(s.card): "insufficient data" if s.rank is None else s.rank
             for c in comparisons for s in c.league.standings}
    steps = {id(s.after): s for c in comparisons for t in c.trends for s in t.steps}
    seen: set[int] = set()
    for c in comparisons:
        for row in _rows(c, lang, groups, ranks, steps, seen):
            w.writerow([safe_cell("" if v is None else v) for v in row])
    return buf.getvalue()


def _rows(c, lang, groups, ranks: dict, steps: dict, seen: set):
    cards = [card for t in c.trends for card in t.cards] + [s.card for s in c.league.standings] + list(c.league.absent)
    cards = [x for x in {id(x): x for x in cards}.values() if id(x) not in seen]
    seen.update(id(x) for x in cards)
    for card in sorted(cards, key=lambda x: (x.submission.subject_id, period_key(x.submission.period))):
        d, s = card_row(card, lang), steps.get(id(card))
        change = None if s is None else s.total
        yield (card.rubric.id, card.rubric.version, d["period"], d["subject"]["id"], d["subject"]["name"],
               ranks.get(id(card)), d["total"], None if change is None else change.delta,
               None if change is None else change.arrow, _compared(s), d["grade"]["label"],
               "true" if d["vetoed"] else "false", *[d["groups"].get(g, {}).get("score") for g in groups],
               r4(share(card)))


def _compared(s) -> str | None:
    if s is None or s.link is None:
        return None
    return "crosswalk" if s.link.crosswalk else "totals"
