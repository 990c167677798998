"""The campaign's sections of one HTML report (SPEC 8): 自评分 against 核定分 with the measures the verified
stage changed, and the assessor panels of the rating measures.  Pure: figures from engine.panels, markup out;
every text from a file goes through esc.  Only the page's existing classes are used (the stylesheet, and so
its CSP hash, stays the same)."""
from __future__ import annotations

from .. import panels as campaign
from ..formats.common import num
from ..results import Scorecard
from .page import esc
from .words import w

NUM = ' class="n"'


def stages(card: Scorecard, ui: str, lang: str | None) -> str:
    """The two totals and the changed measures; '' without a verified stage."""
    st = campaign.stages(card)
    if st is None:
        return ""
    line = f'<p class="next"><b>{esc(campaign.stage_line(st, ui))}</b></p>'
    if not st.changed:
        return f'<section class="stages"><h2>{esc(w("stage_title", ui))}</h2>{line}</section>'
    keys = ("id", "measure", "stage_self_value", "stage_verified_value", "stage_delta", "stage_note")
    rows = "\n".join(_change_row(campaign.change_cells(c, ui, lang)) for c in st.changed)
    return (f'<section class="stages"><h2>{esc(w("stage_title", ui))}</h2>{line}'
            f'<p class="note">{esc(w("stage_changed", ui))}</p><table>{_head(keys, (2, 3, 4), ui)}'
            f"<tbody>\n{rows}\n</tbody></table></section>")


def _change_row(cells: tuple[str, ...]) -> str:
    ident, label, own, verified, delta, note = map(esc, cells)
    return (f'<tr><td class="id">{ident}</td><td>{label}</td><td class="n">{own}</td><td class="n">{verified}</td>'
            f'<td class="n"><b>{delta}</b></td><td class="s">{note}</td></tr>')


def assessors(card: Scorecard, ui: str, lang: str | None) -> str:
    """The panels of the rating measures rated by two or more sources; '' when there are none."""
    found = campaign.panels(card)
    if not found:
        return ""
    keys = ("measure", "panel_ratings", "panel_kept", "panel_mean", "panel_spread", "panel_disagree")
    rows = "\n".join(_panel_row(p, ui, lang) for p in found)
    return (f'<section class="panels"><h2>{esc(w("panel_title", ui))}</h2><table>{_head(keys, (3, 4), ui)}'
            f'<tbody>\n{rows}\n</tbody></table><p class="note">{esc(w("panel_note", ui))}</p></section>')


def _panel_row(p: campaign.Panel, ui: str, lang: str | None) -> str:
    who = "<br>".join(f"{esc(name)}: {esc(campaign.ratings_text(rs))}" for name, rs in p.rows)
    flag = campaign.flag_text(p, ui)
    mark = f'<span class="st st-zero">{esc(flag)}</span>' if flag else ""
    return (f'<tr><td>{esc(p.measure.id)} {esc(p.measure.label.get(lang))}</td>'
            f'<td class="s">{who}</td><td>{esc(campaign.ratings_text(p.kept))}</td><td class="n">{num(p.mean)}</td>'
            f'<td class="n">{num(p.spread)}</td><td>{mark}</td></tr>')


def _head(keys: tuple[str, ...], numeric: tuple[int, ...], ui: str) -> str:
    cells = "".join(f'<th scope="col"{NUM if i in numeric else ""}>{esc(w(k, ui))}</th>' for i, k in enumerate(keys))
    return f"<thead><tr>{cells}</tr></thead>"
