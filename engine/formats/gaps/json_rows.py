"""json's object for a batch row (engine.formats.gaps.batch), as an item of the array: report_dict's keys
filled from the batch's arrays.  Each gap's object, each unit's and each group's is a format string cut from
json_indent's text of its dict (per (measure, status, value cell), per unit, per group), filled with the row's
own numbers, whose texts are worked out once per distinct value of the batch (json_texts).  Every piece is
json_ci'd where it is made, so the joined text is json_ci's text of the whole without scanning it again (no
piece ends inside a '##[': a piece ends at a JSON token's edge)."""
from __future__ import annotations

from ...gap_views import light
from ...safe_text import json_ci
from ...vector.rounding import r2_array
from ...results import r2
from ..common import r4
from ..json_indent import dumps as indented
from ..words import owner_name
from .batch import MISSING_AT, Row, missing
from .common import gap_dict
from .json_pieces import MARK, format_marked, format_of, json_float, pad_list, string
from .json_texts import Texts, number_texts

OPEN = ("rank", "score", "weight", "recoverable", "in_path")
OPEN_NUMBER = ("rank", "value", "distance", "distance_pct", "score", "weight", "recoverable", "in_path")
"""In the order of gap_dict's keys."""
OWNER_OPEN = ("lead", "lead_points", "co", "co_points", "missing", "evidence_missing")
INDICATOR_OPEN = ("score", "pct", "light", "recoverable", "gaps")
DEPTH = 1
"""An item of the array: the gap objects sit three levels down."""
INNER = "\n" + "  " * (DEPTH + 2)
CLOSE = "\n" + "  " * (DEPTH + 1) + "]"
LISTED = DEPTH + 3
"""The depth of an id in a unit's lists."""


def row_text(row: Row, lang: str | None, top: int | None) -> str:
    """json_ci(indented(report_dict(report), 2, 1)) of the row's report."""
    b, i = row.shared, row.i
    return head_text(b, i, lang, gaps_text(row, lang, top), owners_text(b, i, lang), indicators_text(b, i, lang))


def texts(b, lang: str | None) -> Texts:
    t = b.memo.get(("json-texts", lang))
    if t is None:
        t = b.memo[("json-texts", lang)] = Texts(b)
    return t


def _array(objs: list[str]) -> str:
    return "[" + INNER + ("," + INNER).join(objs) + CLOSE if objs else "[]"


def gaps_text(row: Row, lang: str | None, top: int | None) -> str:
    """The gaps array of the row: a format per (measure, status, value cell or step), the row's numbers."""
    b, i = row.shared, row.i
    order = b.order[i][:top]
    if not order:
        return "[]"
    t, a = texts(b, lang), b.aims
    numeric, values, steps, status, cells = a.numeric, a.values[i], a.steps[i], b.status[i], b.cells[i]
    score, weight, rec, dist, pct = t.score[i], t.weight[i], t.recoverable[i], t.distance[i], t.distance_pct[i]
    chosen, ranks, formats = int(b.gaps.path[0][i]), t.ranks, t.formats
    out = []
    for k, j in enumerate(order):
        x, path = values[j], "true" if k < chosen else "false"
        if numeric[j] and x is not None:
            key = (j, status[j], steps[j], True)
            f = formats.get(key) or _gap_format(b, t, i, j, key, lang)
            out.append(f % (ranks[k], repr(x), dist[j], pct[j], score[j], weight[j], rec[j], path))
        else:
            key = (j, status[j], cells[j], False)
            f = formats.get(key) or _gap_format(b, t, i, j, key, lang)
            out.append(f % (ranks[k], score[j], weight[j], rec[j], path))
    return _array(out)


def _gap_format(b, t: Texts, i: int, j: int, key: tuple, lang: str | None) -> str:
    t.formats[key] = f = format_of(gap_dict(b.gap(i, j), lang), OPEN_NUMBER if key[-1] else OPEN, DEPTH + 2)
    return f


def owners_text(b, i: int, lang: str | None) -> str:
    """The by_owner array of the row, ranked as engine.gap_views.owners ranks its units (those with nothing
    to do left out): a format per unit (its key and name), the row's lists and points."""
    t = texts(b, lang)
    lead: dict[str, list] = {}
    co: dict[str, list] = {}
    ids, lead_of, co_of = t.ids, t.lead_of, t.co_of
    for j in b.order[i]:
        u = lead_of[j]
        if u in lead:
            lead[u].append(ids[j])
        else:
            lead[u] = [ids[j]]
        for u in co_of[j]:
            if u in co:
                co[u].append(ids[j])
            else:
                co[u] = [ids[j]]
    absent: dict[str, list] = {}
    for j in b.absent(i):
        if t.base[j]:
            absent.setdefault(lead_of[j], []).append(ids[j])
    bare: dict[str, list] = {}
    for j in b.bare(i):
        bare.setdefault(lead_of[j], []).append(ids[j])
    lists = [{u: pad_list(xs, LISTED) for u, xs in d.items()} for d in (lead, co, absent, bare)]
    leads, cos, absents, bares = lists
    formats, units, lp, cp = t.formats, t.units, t.lead_points[i], t.co_points[i]
    objs = []
    for k in t.unit_rank[i]:
        u = units[k]
        if u in leads or u in cos or u in absents or u in bares:
            f = formats.get(("unit", u)) or _unit_format(b.rubric, t, u, lang)
            objs.append(f % (leads.get(u, "[]"), lp[k], cos.get(u, "[]"), cp[k], absents.get(u, "[]"),
                             bares.get(u, "[]")))
    return _array(objs)


def _unit_format(rubric, t: Texts, u: str, lang: str | None) -> str:
    t.formats[("unit", u)] = f = format_of(
        {"unit": u, "name": owner_name(rubric, u, lang or "zh") if u else None, **dict.fromkeys(OWNER_OPEN)},
        OWNER_OPEN, DEPTH + 2)
    return f


def indicators_text(b, i: int, lang: str | None) -> str:
    """The by_indicator array of the row: a format per group (its id, label, depth and max), the row's
    score, %, light, recoverable points and gaps."""
    t = texts(b, lang)
    if "indicators" not in t.formats:
        t.formats["indicators"] = _indicator_parts(b, lang)
    formats, score, pct, lights, rec, counts = t.formats["indicators"]
    if not formats:
        return "[]"
    s, p, li, r, c = score[i], pct[i], lights[i], rec[i], counts[i]
    return _array([f % (s[n], p[n], li[n], r[n], c[n]) for n, f in enumerate(formats)])


def _indicator_parts(b, lang: str | None) -> tuple:
    """(a format per group, then per row and group the texts of its score, %, light, recoverable, gaps)."""
    import numpy as np

    batch, colors, groups = b.gaps.batch, b.rubric.colors, b.gaps.groups
    if not groups:
        return [], [], [], [], [], []
    cols = [k for k, *_ in groups]
    frac = batch.group_fraction[:, cols]
    raw = np.where(np.isnan(frac), np.nan, 100.0 * frac)
    named: dict = {}

    def light_text(p: float) -> str:
        x = light(None if p != p else p, colors)
        if x not in named:
            named[x] = json_ci(indented(x))
        return named[x]

    lights = [[light_text(p) for p in row] for row in raw.tolist()]
    formats = [format_of({"id": g.id, "label": g.label.get(lang), "depth": depth, "score": 0, "max": r2(g.worth),
                          "pct": 0, "light": 0, "recoverable": 0, "gaps": 0}, INDICATOR_OPEN, DEPTH + 2)
               for k, g, depth, _, _ in groups]
    rec = np.stack([r for *_, r, _ in groups], axis=1)
    counts = np.stack([n for *_, n in groups], axis=1)
    return (formats, number_texts(r2_array(batch.group_score[:, cols])), number_texts(r2_array(raw)),
            lights, number_texts(r2_array(rec)), [[str(n) for n in row] for row in counts.tolist()])


HEAD_OPEN = ("subject", "name", "period", "total", "vetoed", "vetoed_by", "recoverable", "share", "filed", "base")
NEXT_OPEN = ("needs", "measures", "gain", "reachable", "vetoed_by_next")
REST_OPEN = ("gaps", "missing", "evidence_missing", "by_owner", "by_indicator")


def head_text(b, i: int, lang: str | None, gaps: str, owners: str, indicators: str) -> str:
    """The row's object around its gaps, units and groups: a format per grade reached, the row's values."""
    t = texts(b, lang)
    g, measures, ids = b.gaps, b.rubric.measures, t.ids
    batch, v = g.batch, g.batch.values
    at = int(batch.grade_index[i])
    f = t.formats.get(("head", at)) or _head_format(b, t, at, lang)
    vetoes = [string(x) for x in batch.vetoed_by(i)]
    vetoed_by = pad_list(vetoes, DEPTH + 1)
    filed, base = coverage(b, i)
    values = (string(str(v.subjects[i])), string(str(v.names[i])), _scalar(t, v.periods[i]), t.total[i],
              "true" if vetoes else "false", vetoed_by, t.together[i],
              repr(r4(filed / base if base else 1.0)), str(filed), str(base))
    if at:
        chosen, gain, reachable, needs = (p[i] for p in g.path)
        values += ("null" if vetoes else json_float(needs),
                   pad_list([ids[j] for j in b.order[i][:int(chosen)]], DEPTH + 2), t.gain[i],
                   "true" if reachable else "false", pad_list(vetoes, DEPTH + 2))
    missed = [_item(t, ("missing", j, b.status[i][j] != MISSING_AT, stake), lang, measures)
              for j, stake in missing(b, i)]
    bare = [_item(t, ("evidence", j), lang, measures) for j in b.bare(i)]
    return f % (values + (gaps, pad_list(missed, DEPTH + 1), pad_list(bare, DEPTH + 1), owners, indicators))


def _head_format(b, t: Texts, at: int, lang: str | None) -> str:
    """The row object's format for rows at grade ``at`` (report_dict's keys)."""
    rubric, v = b.rubric, b.gaps.batch.values
    grade, goal = rubric.grades[at], rubric.grades[at - 1] if at else None
    m = {k: MARK.format(k) for k in HEAD_OPEN + NEXT_OPEN + REST_OPEN}
    d = {
        "rubric": {"id": rubric.id, "version": rubric.version}, "subject": {"id": m["subject"], "name": m["name"]},
        "period": m["period"], "file": v.path, "total": m["total"], "max": r2(rubric.scale),
        "grade": {"id": grade.id, "label": grade.label.get(lang)}, "vetoed": m["vetoed"], "vetoed_by": m["vetoed_by"],
        "recoverable": m["recoverable"], "coverage": {"share": m["share"], "filed": m["filed"], "base": m["base"]},
        "next_grade": None if goal is None else {
            "id": goal.id, "label": goal.label.get(lang), "min": goal.min, "needs": m["needs"],
            "measures": m["measures"], "gain": m["gain"], "reachable": m["reachable"],
            "vetoed_by": m["vetoed_by_next"]},
        "gaps": m["gaps"], "missing": m["missing"], "evidence_missing": m["evidence_missing"], "waivers": [],
        "by_owner": m["by_owner"], "by_indicator": m["by_indicator"]}
    t.formats[("head", at)] = f = format_marked(d, HEAD_OPEN + (NEXT_OPEN if goal else ()) + REST_OPEN, DEPTH)
    return f


def _item(t: Texts, key: tuple, lang: str | None, measures) -> str:
    """The text of an item of the missing list (key: "missing", column, excluded, points at stake) or of the
    evidence_missing list ("evidence", column)."""
    found = t.formats.get(key)
    if found is None:
        m = measures[key[1]]
        d = {"id": m.id, "label": m.label.get(lang)}
        if key[0] == "missing":
            d.update(method=m.method, owners=list(m.owners), status=("missing", "excluded")[key[2]],
                     at_stake=r2(key[3]))
        else:
            d["owners"] = list(m.owners)
        found = t.formats[key] = json_ci(indented(d, 2, DEPTH + 2))
    return found


def _scalar(t: Texts, x) -> str:
    """A scalar's JSON text (a row's period), once per value."""
    key = ("scalar", type(x), x)
    found = t.formats.get(key)
    if found is None:
        found = t.formats[key] = json_ci(indented(x))
    return found


def coverage(b, i: int) -> tuple[int, int]:
    """engine.coverage.counts of the row: (base measures with a value, base measures not waived)."""
    from ...results import STATUSES

    key = "coverage"
    if key not in b.memo:
        batch = b.gaps.batch
        base = ~b.gaps.modifier[None, :] & (batch.status != STATUSES.index("waived"))
        b.memo[key] = ((base & batch.values.present).sum(axis=1).tolist(), base.sum(axis=1).tolist())
    filed, owed = b.memo[key]
    return filed[i], owed[i]
