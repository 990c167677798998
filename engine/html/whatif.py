"""The "what it takes" panel of one HTML report (SPEC 10): the path to the next grade (engine.gaps) as a
what-if: the total and grade with those measures at full marks, and per measure the value it takes, what it
is worth and who leads it.  Pure; every text from a file goes through esc; only existing classes are used."""
from __future__ import annotations

from ..formats.common import num
from ..formats.gaps.common import owners_text, target_text, value_text
from ..gaps import GapReport, total_with
from ..panels import signed
from ..results import r2
from .panels import NUM
from .page import esc
from .words import w

TOP = 10
"""Rows shown; a longer path says how many more (scorecard gaps lists them all)."""
KEYS = ("id", "measure", "whatif_before", "whatif_target", "whatif_delta", "whatif_lead")


def panel(rep: GapReport, ui: str, lang: str | None) -> str:
    """'' at the top grade, when vetoed, or when no score can reach the next grade."""
    ng, card = rep.next_grade, rep.card
    if ng is None or not ng.reachable or not ng.measures:
        return ""
    gaps = [g for g in rep.gaps if g.id in ng.measures]
    after = total_with(card, sum(g.result.lost for g in gaps))
    line = w("whatif_line", ui, total=w("total", ui), before=num(card.total), after=num(after),
             delta=signed(r2(after - card.total)), grade=w("grade", ui), grade_before=card.grade.label.get(lang),
             grade_after=ng.grade.label.get(lang))
    rows = "\n".join(_row(g, ui, lang, card.rubric) for g in gaps[:TOP])
    more = f'<p class="note">{esc(w("whatif_more", ui, n=len(gaps) - TOP))}</p>' if len(gaps) > TOP else ""
    return (f'<section class="stages"><h2>{esc(w("whatif_takes", ui))}</h2>'
            f'<p class="next"><b>{esc(line)}</b></p><table>{_header_row(ui)}\n{rows}\n</table>{more}'
            f'<p class="note">{esc(w("whatif_takes_note", ui))}</p></section>')


def _row(g, ui: str, lang: str | None, rubric) -> str:
    """id, label, value now, the value that earns full marks, what that adds to the total, the lead unit."""
    return (f'<tr><td class="id">{esc(g.id)}</td><td>{esc(g.result.measure.label.get(lang))}</td>'
            f'<td class="n">{esc(value_text(g.result, ui))}</td><td class="n">{esc(target_text(g, ui))}</td>'
            f'<td class="n"><b>{esc(signed(g.recoverable))}</b></td><td>{esc(owners_text(g.result, ui, rubric))}</td>'
            "</tr>")


def _header_row(ui: str) -> str:
    """The column heads as the table's first row."""
    return "<tr>" + "".join(f'<th scope="col"{NUM if i in (2, 3, 4) else ""}>{esc(w(k, ui))}</th>'
                            for i, k in enumerate(KEYS)) + "</tr>"
