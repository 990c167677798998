"""json's object for a batch row (engine.formats.gaps.batch), as an item of the array: report_dict's keys
filled from the batch's arrays, and each gap's object joined from a template per (measure, status, value
cell) with the row's own numbers, the template cut from json_indent's text of the gap's dict."""
from __future__ import annotations

import itertools
from json.encoder import encode_basestring

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
    text = text.replace(indented(MARK.format("gaps")), gaps_text(row, lang, top), 1)
    text = text.replace(indented(MARK.format("by_owner")), owners_text(row.shared, row.i, lang), 1)
    return text.replace(indented(MARK.format("by_indicator")), indicators_text(row.shared, row.i, lang), 1)


OWNER_OPEN = ("lead", "lead_points", "co", "co_points", "missing", "evidence_missing")


def _texts_of(items, depth: int) -> str:
    """indented(list(items), 2, depth) of texts."""
    if not items:
        return "[]"
    inner = "\n" + "  " * (depth + 1)
    return "[" + inner + ("," + inner).join(map(encode_basestring, items)) + "\n" + "  " * depth + "]"


def owners_text(b, i: int, lang: str | None) -> str:
    """The by_owner array of the row: a template per unit (its key and name), the row's lists and points."""
    found = owners(b, i)
    if not found:
        return "[]"
    memo, ids, rubric = b.memo, [m.id for m in b.rubric.measures], b.rubric
    inner = DEPTH + 3
    objs = []
    for u, lead, co, absent, bare, lp, cp in found:
        t = memo.get(("json-unit", u))
        if t is None:
            t = memo[("json-unit", u)] = _template(
                {"unit": u, "name": owner_name(rubric, u, lang or "zh") if u else None, **dict.fromkeys(OWNER_OPEN)},
                OWNER_OPEN, DEPTH + 2)
        objs.append(_fill(t, (_texts_of([ids[j] for j in lead], inner), _r2(lp), _texts_of([ids[j] for j in co], inner),
                              _r2(cp), _texts_of(absent, inner), _texts_of(bare, inner))))
    pad = "\n" + "  " * (DEPTH + 2)
    return "[" + pad + ("," + pad).join(objs) + "\n" + "  " * (DEPTH + 1) + "]"


def gaps_text(row: Row, lang: str | None, top: int | None) -> str:
    b, i = row.shared, row.i
    order = b.order[i][:top]
    if not order:
        return "[]"
    memo, a = b.memo, b.aims
    score, weight, rec = b.score[i], b.weight[i], b.recoverable[i]
    values, dist, pct = a.values[i], a.distance[i], a.distance_pct[i]
    chosen = int(b.gaps.path[0][i])
    known = memo.setdefault("r2 text", {})
    shown = known.get

    def put(x: float) -> str:
        known[x] = _r2(x)
        return known[x]

    out = []
    for k, j in enumerate(order):
        key = b.key(i, j)
        t = memo.get(("json", key))
        if t is None:
            t = memo[("json", key)] = template(b.gap(i, j), lang, key[-1])
        own = (str(k + 1), _json(values[j]), _json(dist[j]), _json(pct[j])) if key[-1] else (str(k + 1),)
        own += (shown(score[j]) or put(score[j]), shown(weight[j]) or put(weight[j]), shown(rec[j]) or put(rec[j]),
                "true" if k < chosen else "false")
        out.append(_fill(t, own))
    pad = "\n" + "  " * (DEPTH + 2)
    return "[" + pad + ("," + pad).join(out) + "\n" + "  " * (DEPTH + 1) + "]"


def template(gap, lang: str | None, numeric: bool) -> list[str]:
    """The gap object's text in the pieces around its open values (a number's value, distance and % too)."""
    return _template(gap_dict(gap, lang), OPEN_NUMBER if numeric else OPEN, DEPTH + 2)


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
        "by_owner": MARK.format("by_owner"),
        "by_indicator": MARK.format("by_indicator"),
    }


def indicators_text(b, i: int, lang: str | None) -> str:
    """The by_indicator array of the row: a template per group (its id, label, depth and max), the row's
    score, %, light, recoverable points and gaps (r2 over the batch's arrays at once)."""
    memo = b.memo
    if "indicators" not in memo:
        memo["indicators"] = _indicator_parts(b, lang)
    templates, score, pct, rec, lights, counts = memo["indicators"]
    if not templates:
        return "[]"
    objs = [_fill(t, (score[i][n], pct[i][n], lights[i][n], rec[i][n], counts[i][n])) for n, t in enumerate(templates)]
    pad = "\n" + "  " * (DEPTH + 2)
    return "[" + pad + ("," + pad).join(objs) + "\n" + "  " * (DEPTH + 1) + "]"


def _indicator_parts(b, lang):
    import numpy as np

    from ...vector.rounding import r2_array

    batch, colors, groups = b.gaps.batch, b.rubric.colors, b.gaps.groups
    if not groups:
        return [], [], [], [], [], []
    cols = [k for k, *_ in groups]
    frac = batch.group_fraction[:, cols]
    raw = np.where(np.isnan(frac), np.nan, 100.0 * frac)
    lights = [[json_text(light(None if p != p else p, colors)) for p in row] for row in raw.tolist()]
    keys = ("score", "pct", "light", "recoverable", "gaps")
    templates = [_template({"id": g.id, "label": g.label.get(lang), "depth": depth, "score": 0, "max": r2(g.worth),
                            "pct": 0, "light": 0, "recoverable": 0, "gaps": 0}, keys, DEPTH + 2)
                 for k, g, depth, _, _ in groups]
    rec = np.stack([r for *_, r, _ in groups], axis=1)
    counts = np.stack([n for *_, n in groups], axis=1)
    return (templates, _texts(r2_array(batch.group_score[:, cols])), _texts(r2_array(raw)), _texts(r2_array(rec)),
            lights, [[str(n) for n in row] for row in counts.tolist()])


def _texts(x) -> list:
    """Each number of a matrix as JSON writes its float (NaN: null)."""
    return [["null" if v != v else repr(v) for v in row] for row in x.tolist()]


def json_text(x) -> str:
    return indented(x)


def _template(d: dict, keys: tuple, depth: int) -> list[str]:
    """indented(d, 2, depth) in the pieces around the values of ``keys`` (in d's order)."""
    d = {**d, **{k: MARK.format(k) for k in keys}}
    text = indented(d, 2, depth)
    pieces = []
    for k in keys:
        head, text = text.split(indented(MARK.format(k)), 1)
        pieces.append(head)
    return pieces + [text]


def _fill(template: list[str], values) -> str:
    return "".join(itertools.chain.from_iterable(zip(template, values))) + template[-1]


def coverage(b, i: int) -> tuple[int, int]:
    """engine.coverage.counts of the row: (base measures with a value, base measures not waived)."""
    key = "coverage"
    if key not in b.memo:
        batch = b.gaps.batch
        base = ~b.gaps.modifier[None, :] & (batch.status != STATUSES.index("waived"))
        b.memo[key] = ((base & batch.values.present).sum(axis=1).tolist(), base.sum(axis=1).tolist())
    filed, owed = b.memo[key]
    return filed[i], owed[i]
