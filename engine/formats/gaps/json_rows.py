"""json's object for a batch row (engine.formats.gaps.batch), as an item of the array: report_dict's keys
filled from the batch's arrays, and each gap's object joined from a template per (measure, status, value
cell) with the row's own numbers, the template cut from json_indent's text of the gap's dict."""
from __future__ import annotations

import itertools
import math

from ...gap_views import light
from ...results import STATUSES, r2
from ..common import r4
from ..json_indent import dumps as indented
from ..words import owner_name
from .batch import MISSING_AT, Row, missing, owners
from .common import gap_dict

MARK = "\x00\x01{}\x01\x00"
"""A text no data holds in its place, for the values a gap template leaves open (and the gap list's place)."""
OPEN = ("rank", "score", "weight", "recoverable", "in_path")
OPEN_NUMBER = ("rank", "value", "distance", "distance_pct", "score", "weight", "recoverable", "in_path")
"""In the order of gap_dict's keys."""
DEPTH = 1
"""An item of the array: the gap objects sit three levels down."""


def row_text(row: Row, lang: str | None, top: int | None) -> str:
    """indented(report_dict(report), 2, 1) of the row's report, json_ci not yet applied."""
    text = indented(row_dict(row, lang), 2, DEPTH)
    return text.replace(indented(MARK.format("gaps")), gaps_text(row, lang, top), 1)


def gaps_text(row: Row, lang: str | None, top: int | None) -> str:
    b, i = row.shared, row.i
    order = b.order[i][:top]
    if not order:
        return "[]"
    memo, a = b.memo, b.aims
    score, weight, rec = b.score[i], b.weight[i], b.recoverable[i]
    values, dist, pct = a.values[i], a.distance[i], a.distance_pct[i]
    chosen = int(b.gaps.path[0][i])
    out = []
    for k, j in enumerate(order):
        key = b.key(i, j)
        t = memo.get(("json", key))
        if t is None:
            t = memo[("json", key)] = template(b.gap(i, j), lang, key[-1])
        own = (str(k + 1), _json(values[j]), _json(dist[j]), _json(pct[j])) if key[-1] else (str(k + 1),)
        own += (_r2(score[j]), _r2(weight[j]), _r2(rec[j]), "true" if k < chosen else "false")
        out.append("".join(itertools.chain.from_iterable(zip(t, own))) + t[-1])
    pad = "\n" + "  " * (DEPTH + 2)
    return "[" + pad + ("," + pad).join(out) + "\n" + "  " * (DEPTH + 1) + "]"


def template(gap, lang: str | None, numeric: bool) -> list[str]:
    """The gap object's text in the pieces around its open values (a number's value, distance and % too)."""
    d = gap_dict(gap, lang)
    keys = OPEN_NUMBER if numeric else OPEN
    d.update({k: MARK.format(k) for k in keys})
    text = indented(d, 2, DEPTH + 2)
    pieces = []
    for k in keys:
        head, text = text.split(indented(MARK.format(k)), 1)
        pieces.append(head)
    return pieces + [text]


def _json(x) -> str:
    """A number (or None) as the JSON encoder writes it."""
    return "null" if x is None else repr(x)


def _r2(x: float) -> str:
    return repr(r2(x))


def row_dict(row: Row, lang: str | None) -> dict:
    """report_dict of the row's report, with a mark where the gaps go."""
    b, i = row.shared, row.i
    g, rubric = b.gaps, b.rubric
    batch, v = g.batch, g.batch.values
    chosen, gain, reachable, needs = (p[i] for p in g.path)
    at = int(batch.grade_index[i])
    grade, vetoed_by = rubric.grades[at], list(batch.vetoed_by(i))
    measures = rubric.measures
    filed, base = coverage(b, i)
    goal = rubric.grades[at - 1] if at else None
    return {
        "rubric": {"id": rubric.id, "version": rubric.version},
        "subject": {"id": str(v.subjects[i]), "name": str(v.names[i])},
        "period": v.periods[i], "file": v.path, "total": float(batch.total[i]), "max": r2(rubric.scale),
        "grade": {"id": grade.id, "label": grade.label.get(lang)},
        "vetoed": bool(vetoed_by), "vetoed_by": vetoed_by, "recoverable": r2(float(g.together[i])),
        "coverage": {"share": r4(filed / base if base else 1.0), "filed": filed, "base": base},
        "next_grade": None if goal is None else {
            "id": goal.id, "label": goal.label.get(lang), "min": goal.min, "needs": None if vetoed_by else needs,
            "measures": [measures[j].id for j in b.order[i][:int(chosen)]], "gain": r2(float(gain)),
            "reachable": bool(reachable), "vetoed_by": vetoed_by},
        "gaps": MARK.format("gaps"),
        "missing": [{"id": measures[j].id, "label": measures[j].label.get(lang), "method": measures[j].method,
                     "owners": list(measures[j].owners), "status": ("missing", "excluded")[b.status[i][j] != MISSING_AT],
                     "at_stake": r2(stake)} for j, stake in missing(b, i)],
        "evidence_missing": [{"id": measures[j].id, "label": measures[j].label.get(lang),
                              "owners": list(measures[j].owners)} for j in b.bare(i)],
        "waivers": [],
        "by_owner": [{"unit": u, "name": owner_name(rubric, u, lang or "zh") if u else None,
                      "lead": [measures[j].id for j in lead], "lead_points": r2(lp),
                      "co": [measures[j].id for j in co], "co_points": r2(cp), "missing": list(absent),
                      "evidence_missing": list(bare)} for u, lead, co, absent, bare, lp, cp in owners(b, i)],
        "by_indicator": indicators(b, i, lang),
    }


def indicators(b, i: int, lang: str | None) -> list[dict]:
    batch, colors, out = b.gaps.batch, b.rubric.colors, []
    for k, group, depth, rec, n in b.gaps.groups:
        frac = float(batch.group_fraction[i, k])
        pct = None if math.isnan(frac) else 100.0 * frac
        out.append({"id": group.id, "label": group.label.get(lang), "depth": depth,
                    "score": r2(float(batch.group_score[i, k])), "max": r2(group.worth), "pct": r2(pct),
                    "light": light(pct, colors), "recoverable": r2(float(rec[i])), "gaps": int(n[i])})
    return out


def coverage(b, i: int) -> tuple[int, int]:
    """engine.coverage.counts of the row: (base measures with a value, base measures not waived)."""
    key = "coverage"
    if key not in b.memo:
        batch = b.gaps.batch
        base = ~b.gaps.modifier[None, :] & (batch.status != STATUSES.index("waived"))
        b.memo[key] = ((base & batch.values.present).sum(axis=1).tolist(), base.sum(axis=1).tolist())
    filed, owed = b.memo[key]
    return filed[i], owed[i]
