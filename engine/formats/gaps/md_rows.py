"""markdown's measure view of a batch row (engine.formats.gaps.batch): report_md's lines with each cell
worded by the same functions, the ones that depend on a gap's key (Batch.key) once per key, a number's
value and distance per value (their display.qty), every cell escaped as row() escapes it."""
from __future__ import annotations

from types import SimpleNamespace

from ...gaps import NextGrade
from ...safe_text import md, md_code
from .. import display
from ..common import num, pct
from ..markdown import row
from ..words import ui_lang, word
from .batch import MISSING_AT, Row, missing
from .common import next_text, owners_text, path_text, target_text, to_go_text, value_text


def report_text(r: Row, lang: str | None, top: int | None) -> str:
    """report_md(report, lang, ("measure",), top) of the row."""
    b, i = r.shared, r.i
    rubric, batch = b.rubric, b.gaps.batch
    ui = ui_lang(lang, rubric)
    v = batch.values
    grade = rubric.grades[int(batch.grade_index[i])]
    from .json_rows import coverage

    filed, base = coverage(b, i)
    share = filed / base if base else 1.0
    lines = [f"# {md(str(v.names[i]))} · {md(v.periods[i])} · {md(rubric.title.get(lang))}", "",
             f"**{word('total', ui)} {num(float(batch.total[i]))} / {num(rubric.scale)}** · {word('grade', ui)} "
             f"**{md(grade.label.get(lang))}** · {word('recoverable', ui)} {num(float(b.gaps.together[i]))} · "
             f"{md(word('coverage_line', ui, pct=pct(share), filed=filed, base=base))}", ""]
    ng = next_grade(b, i)
    lines.append(f"> {md(path_text(SimpleNamespace(card=SimpleNamespace(grade=grade, rubric=rubric), next_grade=ng), ui))}")
    if ng and ng.measures:
        lines.append("> → " + ", ".join(md_code(x) for x in ng.measures))
    return "\n".join(lines + [""] + measure_lines(b, i, lang, ui, top, ng))


def next_grade(b, i: int) -> NextGrade | None:
    """engine.gaps.next_grade of the row."""
    batch, grades = b.gaps.batch, b.rubric.grades
    at = int(batch.grade_index[i])
    if at == 0:
        return None
    chosen, gain, reachable, needs = (p[i] for p in b.gaps.path)
    vetoed_by = batch.vetoed_by(i)
    if vetoed_by:
        return NextGrade(grades[at - 1], None, (), 0.0, False, vetoed_by)
    measures = b.rubric.measures
    return NextGrade(grades[at - 1], needs, tuple(measures[j].id for j in b.order[i][:int(chosen)]), float(gain),
                     bool(reachable))


def measure_lines(b, i: int, lang, ui: str, top, ng) -> list[str]:
    """measure_md's lines of the row."""
    memo, measures, rubric, a = b.memo, b.rubric.measures, b.rubric, b.aims
    out = [f"## {word('gaps', ui)}", "",
           row("#", word("measure", ui), word("value", ui), word("target", ui), word("to_go", ui),
               word("points", ui), word("owners", ui)), "|--:|---|--:|--:|--:|--:|---|"]
    chosen = len(ng.measures) if ng else 0
    rec, values = b.recoverable[i], a.values[i]
    order = b.order[i][:top]
    for k, j in enumerate(order):
        key = b.key(i, j)
        t = memo.get(("md", key, k < chosen))
        if t is None:
            t = memo[("md", key, k < chosen)] = _piece(b.gap(i, j), lang, ui, rubric, k < chosen)
        if key[-1]:
            m = measures[j]
            value = _escaped(display.value(m, values[j], ui))  # nearly every value is its own: not kept
            short, p = float(a.short[i, j]), float(a.pct[i, j])
            to_go = "—" if short != short else _escaped(" ".join(
                [display.qty(short, m.unit, ui)] + ([] if p != p else [f"({p:.0f}%)"])))
        else:
            value, to_go = t[1], t[3]
        points = _cell(memo, ("md-num", rec[j]), lambda: num(rec[j]))
        out.append(f"| {k + 1} | {t[0]} | {value} | {t[2]} | {to_go} | {points} | {t[4]} |")
    if not order:
        out.append(row("", word("none", ui), "", "", "", "", ""))
    gone = missing(b, i)
    base = [(j, s) for j, s in gone if not measures[j].is_modifier]
    if base:
        out += ["", f"## {word('missing', ui)}", "", row(word("measure", ui), word("status", ui),
                word("at_stake", ui), word("owners", ui)), "|---|---|--:|---|"]
        out += [row(f"{measures[j].id} {measures[j].label.get(lang)}",
                    display.status(("missing", "excluded")[b.status[i][j] != MISSING_AT], ui), num(s),
                    owners_text(SimpleNamespace(measure=measures[j]), ui, rubric)) for j, s in base]
    mods = [measures[j].id for j, _ in gone if measures[j].is_modifier]
    if mods:
        out += ["", f"{md(word('modifiers_missing', ui))}: " + ", ".join(md_code(x) for x in mods)]
    bare = b.bare(i)
    if bare:
        out += ["", f"## {word('evidence', ui)}", ""]
        out += [f"- {md_code(measures[j].id)} {md(measures[j].label.get(lang))}" for j in bare]
    return out


def _cell(memo: dict, key, make) -> str:
    """A cell's escaped text, made once per key."""
    found = memo.get(key)
    if found is None:
        found = memo[key] = _escaped(make())
    return found


def _escaped(text: str) -> str:
    return row(text)[2:-2]


def _piece(g, lang, ui: str, rubric, on_path: bool) -> tuple:
    """(measure, value, target, to go, owners) cells of a gap, escaped (value and to go: for a number, the
    row's own)."""
    m, more = g.result, next_text(g, ui)
    return (_escaped(f"{'▶ ' if on_path else ''}{g.id} {m.measure.label.get(lang)}"), _escaped(value_text(m, ui)),
            _escaped(target_text(g, ui) + (f" ({more})" if more else "")), _escaped(to_go_text(g, ui)),
            _escaped(owners_text(m, ui, rubric)))
