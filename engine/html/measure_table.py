"""The full measure table of one report: every measure with its value, original text, target, score,
status, owners, evidence and note; sortable and filterable by the inline script, a plain table without it."""
from __future__ import annotations

from functools import lru_cache

from .. import methods, waivers
from ..formats import display
from ..formats.common import num
from ..formats.words import owner_name
from ..methods._common import is_number
from ..model import Rubric
from ..results import STATUSES, MeasureResult, Scorecard
from .page import esc
from .words import w

COLUMNS = ("id", "measure", "value", "raw", "target", "score", "status", "owners", "evidence", "note")
NUMERIC = ("value", "score")
NUM_CLASS = ' class="n"'


def section(card: Scorecard, ui: str, lang: str | None) -> str:
    """The table with its (hidden until the script runs) text filter and status select."""
    present = [s for s in STATUSES if any(m.status == s for m in card.measures)]
    options = "".join(f'<option value="{s}">{esc(display.status(s, ui))}</option>' for s in present)
    tools = (f'<div class="tools" hidden><input type="search" class="f-text" placeholder="{esc(w("filter", ui))}" '
             f'aria-label="{esc(w("filter", ui))}"><select class="f-status" aria-label="{esc(w("col_status", ui))}">'
             f'<option value="">{esc(w("all_status", ui))}</option>{options}</select>'
             f'<span class="f-count note"></span>&#160;<span class="note">{esc(w("sort_hint", ui))}</span></div>')
    heads = "".join(f'<th scope="col"{NUM_CLASS if c in NUMERIC else ""}>{esc(w("col_" + c, ui))}</th>'
                    for c in COLUMNS)
    rows = "\n".join(row(m, card.rubric, ui, lang) for m in card.measures)
    return (f'<section class="mtable"><h2>{esc(w("measures", ui))}</h2>{tools}<table class="sortable">'
            f"<thead><tr>{heads}</tr></thead><tbody>\n{rows}\n</tbody></table></section>")


def waived(card: Scorecard, ui: str, lang: str | None) -> str:
    """The waived measures with reason, approver and expiry (SPEC 9: never hidden); '' when none is."""
    found = waivers.listed(card)
    if not found:
        return ""
    heads = "".join(f'<th scope="col">{esc(w(k, ui))}</th>' for k in ("id", "measure", "max", "waiver_reason",
                                                                      "waiver_by", "waiver_expires"))
    rows = "\n".join(f'<tr><td class="id">{esc(m.id)}</td><td>{esc(m.measure.label.get(lang))}</td>'
                     f'<td class="n">{esc(num(m.max))}</td><td>{esc(x.reason)}</td><td>{esc(x.approved_by)}</td>'
                     f'<td>{esc(x.expires or w("waiver_open", ui))}</td></tr>' for m, x in found)
    return (f'<section class="waivers"><h2>{esc(w("waivers", ui))}</h2><table><thead><tr>{heads}</tr></thead>'
            f"<tbody>\n{rows}\n</tbody></table></section>")


def row(m: MeasureResult, rubric: Rubric, ui: str, lang: str | None) -> str:
    """One <tr>; data-v holds the sort key of a numeric cell, data-status the row's status."""
    entry = m.entry
    named, target, owners = fixed_cells(m.measure, rubric, ui, lang)
    cells = [
        named,
        f'<td class="n"{_key(m.value, entry is None)}>{esc(value_text(m, ui))}</td>',
        f'<td class="s">{esc("" if entry is None else display.written(entry.raw, ui))}</td>',
        target,
        f'<td class="n"{_key(m.score)}>{esc(score_text(m))}</td>',
        status_cell(m.status, ui),
        owners,
        f'<td class="s">{"<br>".join(esc(e) for e in (entry.evidence if entry else ()))}</td>',
        f'<td class="s">{esc(entry.note if entry else "")}</td>',
    ]
    return f'<tr data-status="{m.status}">{"".join(cells)}</tr>'


_FIXED: dict = {}
"""(ids of a measure and its rubric, ui, lang) -> (the measure, the rubric, its fixed cells): the thousands of
reports of a long table share them (the objects are held, so an id is never another's)."""


def fixed_cells(meas, rubric: Rubric, ui: str, lang: str | None) -> tuple[str, str, str]:
    """The cells of a measure's row that depend on the rubric only: id and label, target, owners."""
    key = (id(meas), id(rubric), ui, lang)
    hit = _FIXED.get(key)
    if hit is None or hit[0] is not meas or hit[1] is not rubric:
        if len(_FIXED) > 1 << 14:
            _FIXED.clear()
        cells = (f'<td class="id">{esc(meas.id)}</td><td>{esc(meas.label.get(lang))}</td>',
                 f"<td>{esc(measure_target(meas, ui))}</td>", f"<td>{measure_owners(meas, rubric, ui, lang)}</td>")
        hit = _FIXED[key] = (meas, rubric, cells)
    return hit[2]


@lru_cache(maxsize=256)
def status_cell(status: str, ui: str) -> str:
    """The status cell: sorted by the status's place in STATUSES (an unknown one last)."""
    order = STATUSES.index(status) if status in STATUSES else len(STATUSES)
    return f'<td data-v="{order}"><span class="st st-{status}">{esc(display.status(status, ui))}</span></td>'


def _key(x, missing: bool = False) -> str:
    """The data-v attribute that sorts a cell by number ('' sorts first); none for text (sorted as shown)."""
    if missing or isinstance(x, bool) or is_number(x):
        return f' data-v="{"" if missing else repr(float(x))}"'
    return ""


def value_text(m: MeasureResult, ui: str) -> str:
    """The value as people write it ('13.6万', '是', '4 5 4', an option's label); '—' when not reported."""
    if m.entry is None:
        return "—"
    text = display.value(m.measure, m.value, ui)
    return (w("approx", ui) + text) if m.entry.approximate else text


def target_text(m: MeasureResult, ui: str) -> str:
    """What earns full marks ('≥95%', '是', 'A'); for a modifier its points per item and cap."""
    return measure_target(m.measure, ui)


def measure_target(meas, ui: str) -> str:
    """target_text of a measure (it depends on nothing else)."""
    if meas.is_modifier:
        return _per_item(meas, methods.get(meas.method).SIGN, ui)
    return display.target(meas, methods.get(meas.method).target(meas), ui)


def _per_item(meas, sign: str | None, ui: str) -> str:
    """A modifier's points per item and cap ('+1 each, at most 5'); for a veto (SIGN None: it has no points)
    what fires it."""
    if sign is None:
        return w("veto_target", ui)
    cap = meas.params.get("cap")
    text = w("each", ui, sign=sign, per=num(meas.params.get("per", 1)))
    return text + (w("cap", ui, cap=num(cap)) if cap is not None else "")


def score_text(m: MeasureResult) -> str:
    """'1.5 / 2' for a base measure; '+2' or '−1' for a bonus or deduction that fired; '—' otherwise."""
    if not m.measure.is_modifier:
        return f"{num(m.score)} / {num(m.max)}"
    sign = methods.get(m.measure.method).SIGN
    if sign is None or not m.score:
        return "—"
    return sign + num(m.score)


def owners_html(m: MeasureResult, rubric: Rubric, ui: str, lang: str | None) -> str:
    """The lead unit in bold, then the co-owners, by name."""
    return measure_owners(m.measure, rubric, ui, lang)


def measure_owners(meas, rubric: Rubric, ui: str, lang: str | None) -> str:
    """owners_html of a measure."""
    names = [esc(owner_name(rubric, u, lang or ui)) for u in meas.owners]
    if not names:
        return "—"
    return "<b>" + names[0] + "</b>" + "".join(("、" if ui == "zh" else ", ") + n for n in names[1:])
