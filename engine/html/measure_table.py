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
from .memo import Memo
from .page import esc
from .words import w

COLUMNS = ("id", "measure", "value", "raw", "target", "score", "status", "owners", "evidence", "note")
NUMERIC = ("value", "score")
NUM_CLASS = ' class="n"'


def section(card: Scorecard, ui: str, lang: str | None) -> str:
    """The table with its (hidden until the script runs) text filter and status select."""
    before, after = frame(tuple(s for s in STATUSES if any(m.status == s for m in card.measures)), ui)
    return before + "\n".join(row(m, card.rubric, ui, lang) for m in card.measures) + after


@lru_cache(maxsize=1024)
def frame(present: tuple[str, ...], ui: str) -> tuple[str, str]:
    """The section before its rows (heading, tools offering the ``present`` statuses, column heads) and after."""
    options = "".join(f'<option value="{s}">{esc(display.status(s, ui))}</option>' for s in present)
    tools = (f'<div class="tools" hidden><input type="search" class="f-text" placeholder="{esc(w("filter", ui))}" '
             f'aria-label="{esc(w("filter", ui))}"><select class="f-status" aria-label="{esc(w("col_status", ui))}">'
             f'<option value="">{esc(w("all_status", ui))}</option>{options}</select>'
             f'<span class="f-count note"></span>&#160;<span class="note">{esc(w("sort_hint", ui))}</span></div>')
    heads = "".join(f'<th scope="col"{NUM_CLASS if c in NUMERIC else ""}>{esc(w("col_" + c, ui))}</th>'
                    for c in COLUMNS)
    return (f'<section class="mtable"><h2>{esc(w("measures", ui))}</h2>{tools}<table class="sortable">'
            f"<thead><tr>{heads}</tr></thead><tbody>\n", "\n</tbody></table></section>")


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
    entry, meas = m.entry, m.measure
    if entry is None:
        value, written, evidence, note = _value_cell((meas,), None, False, True, ui), "", "", ""
    else:
        value = _value_cell((meas,), m.value, bool(entry.approximate), False, ui)
        written, note = esc(display.written(entry.raw, ui)), esc(entry.note)
        evidence = "<br>".join(esc(e) for e in entry.evidence) if entry.evidence else ""
    return (f'<tr data-status="{m.status}">{fixed_cells((meas, rubric), ui, lang)}{value}<td class="s">{written}</td>'
            f'{_target_cell((meas,), ui)}{_score_cell((meas,), m.score, m.max)}{status_cell(m.status, ui)}'
            f'{_owners_cell((meas, rubric), ui, lang)}<td class="s">{evidence}</td><td class="s">{note}</td></tr>')


fixed_cells = Memo(lambda meas, rubric, ui, lang:
                   f'<td class="id">{esc(meas.id)}</td><td>{esc(meas.label.get(lang))}</td>')
"""The id and label cells of a measure's row."""
_target_cell = Memo(lambda meas, ui: f"<td>{esc(measure_target(meas, ui))}</td>")
_owners_cell = Memo(lambda meas, rubric, ui, lang: f"<td>{measure_owners(meas, rubric, ui, lang)}</td>")
_value_cell = Memo(lambda meas, v, approximate, missing, ui: f'<td class="n"{_key(v, missing)}>'
                   f"{esc(shown_value(meas, v, approximate, missing, ui))}</td>")
_score_cell = Memo(lambda meas, score, top: f'<td class="n"{_key(score)}>{esc(measure_score(meas, score, top))}</td>')


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
    entry = m.entry
    return shown_value(m.measure, m.value, entry is not None and bool(entry.approximate), entry is None, ui)


def shown_value(meas, v, approximate: bool, missing: bool, ui: str) -> str:
    """value_text of a measure's value (approximate: written '约120'; missing: not reported)."""
    if missing:
        return "—"
    text = display.value(meas, v, ui)
    return (w("approx", ui) + text) if approximate else text


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
    return measure_score(m.measure, m.score, m.max)


def measure_score(meas, score: float, top: float) -> str:
    """score_text of a measure's score and max."""
    if not meas.is_modifier:
        return f"{num(score)} / {num(top)}"
    sign = methods.get(meas.method).SIGN
    if sign is None or not score:
        return "—"
    return sign + num(score)


def owners_html(m: MeasureResult, rubric: Rubric, ui: str, lang: str | None) -> str:
    """The lead unit in bold, then the co-owners, by name."""
    return measure_owners(m.measure, rubric, ui, lang)


def measure_owners(meas, rubric: Rubric, ui: str, lang: str | None) -> str:
    """owners_html of a measure."""
    names = [esc(owner_name(rubric, u, lang or ui)) for u in meas.owners]
    if not names:
        return "—"
    return "<b>" + names[0] + "</b>" + "".join(("、" if ui == "zh" else ", ") + n for n in names[1:])
