"""markdown: the gap report as it reads pasted into a report: path to the next grade, ranked gaps, task lists."""
from __future__ import annotations

from ...gaps import GapReport
from ..common import coverage_text, num
from ...safe_text import md, md_code
from ..markdown import bold, row, stages_md, waivers_md
from .. import display
from ..words import owner_name, ui_lang, word
from .common import next_text, owners_text, path_text, target_text, to_go_text, value_text

NAME = "markdown"
SUFFIX = ".md"
LIGHTS = {"green": "🟢", "yellow": "🟡", "orange": "🟠", "red": "🔴", None: "⚪"}


def render(reports, lang: str | None = None, by=("measure",), top: int | None = None) -> str:
    return "".join(chunks(reports, lang, by, top))


def chunks(reports, lang: str | None = None, by=("measure",), top: int | None = None):
    """The text a report at a time (reports apart by a blank line), never the whole of it held."""
    first = True
    from .batch import Row, units  # numpy: not for the check path, which loads this registry
    from .md_rows import report_text

    for r in units(reports):
        if isinstance(r, Row) and r.plain and tuple(by) == ("measure",):
            text = report_text(r, lang, top)
        else:
            text = report_md(r.report() if isinstance(r, Row) else r, lang, by, top)
        yield text if first else "\n\n" + text
        first = False
    yield "\n"


def report_md(rep: GapReport, lang, by, top) -> str:
    card, ui = rep.card, ui_lang(lang, rep.card.rubric)
    sub = card.submission
    lines = [f"# {md(sub.subject_name)} · {md(sub.period)} · {md(card.rubric.title.get(lang))}", "",
             f"**{word('total', ui)} {num(card.total)} / {num(card.max)}** · {word('grade', ui)} "
             f"**{md(card.grade.label.get(lang))}** · {word('recoverable', ui)} {num(rep.recoverable)} · "
             f"{md(coverage_text(card, ui))}", "",
             *stages_md(card, lang), f"> {md(path_text(rep, ui))}"]
    if rep.next_grade and rep.next_grade.measures:
        lines.append("> → " + ", ".join(md_code(i) for i in rep.next_grade.measures))
    views = {"measure": measure_md, "indicator": indicator_md, "owner": owner_md}
    for view in by:
        lines += ["", *views[view](rep, lang, ui, top)]
    return "\n".join(lines + waivers_md(card, lang))  # not gaps, but never hidden (SPEC 9), whatever the view



def measure_md(rep: GapReport, lang, ui: str, top) -> list[str]:
    rubric = rep.card.rubric
    path = rep.next_grade.measures if rep.next_grade else ()
    out = [f"## {word('gaps', ui)}", "",
           row("#", word("measure", ui), word("value", ui), word("target", ui), word("to_go", ui),
               word("points", ui), word("owners", ui)), "|--:|---|--:|--:|--:|--:|---|"]
    for g in rep.gaps[:top]:
        m, more = g.result, next_text(g, ui)
        mark = "▶ " if g.id in path else ""
        out.append(row(g.rank, f"{mark}{g.id} {m.measure.label.get(lang)}", value_text(m, ui),
                       target_text(g, ui) + (f" ({more})" if more else ""), to_go_text(g, ui),
                       num(g.recoverable), owners_text(m, ui, rubric)))
    if not rep.gaps:
        out.append(row("", word("none", ui), "", "", "", "", ""))
    base = [i for i in rep.missing if not i.is_modifier]
    if base:
        out += ["", f"## {word('missing', ui)}", "", row(word("measure", ui), word("status", ui),
                word("at_stake", ui), word("owners", ui)), "|---|---|--:|---|"]
        out += [row(f"{i.id} {i.result.measure.label.get(lang)}", display.status(i.result.status, ui), num(i.at_stake),
                    owners_text(i.result, ui, rubric)) for i in base]
    mods = [i.id for i in rep.missing if i.is_modifier]
    if mods:
        out += ["", f"{md(word('modifiers_missing', ui))}: " + ", ".join(md_code(i) for i in mods)]
    if rep.evidence:
        out += ["", f"## {word('evidence', ui)}", ""]
        out += [f"- {md_code(m.id)} {md(m.measure.label.get(lang))}" for m in rep.evidence]
    return out


def indicator_md(rep: GapReport, lang, ui: str, top) -> list[str]:
    out = [f"## {word('by_indicator', ui)}", "", row(word("group", ui), word("score", ui), word("attainment", ui),
           word("n_gaps", ui), word("points", ui)), "|---|--:|--:|--:|--:|"]
    for i in rep.indicators:
        g = i.result
        pct = word("excluded", ui) if i.pct is None else f"{LIGHTS[i.light]} {i.pct:.1f}%"
        label = f"{'　' * i.depth}{g.id} {g.group.label.get(lang)}"
        out.append(row(bold(label) if i.depth == 0 else label, f"{num(g.score)} / {num(g.max)}", pct,
                       i.gaps or "", num(i.recoverable) if i.gaps else ""))
    return out


def owner_md(rep: GapReport, lang, ui: str, top) -> list[str]:
    rubric = rep.card.rubric
    out = [f"## {word('by_owner', ui)}", "", row(word("unit", ui), word("lead", ui), word("lead_pts", ui),
           word("co", ui), word("co_pts", ui), word("missing_n", ui)), "|---|--:|--:|--:|--:|--:|"]
    for o in rep.owners:
        out.append(row(owner_name(rubric, o.unit, ui), len(o.lead) or "", num(o.lead_points) if o.lead else "",
                       len(o.co) or "", num(o.co_points) if o.co else "", len(o.missing) or ""))
    for o in rep.owners:
        out += ["", f"### {md(owner_name(rubric, o.unit, ui))}" + (f" ({md_code(o.unit)})" if o.unit else "")]
        roles = [(word("lead", ui), g) for g in o.lead] + [(word("co", ui), g) for g in o.co]
        if roles:
            out += ["", row("", word("measure", ui), word("value", ui), word("target", ui), word("points", ui)),
                    "|---|---|--:|--:|--:|"]
            out += [row(role, f"{g.id} {g.result.measure.label.get(lang)}", value_text(g.result, ui),
                        target_text(g, ui), num(g.recoverable)) for role, g in roles[:top]]
        notes = [f"- {word('missing_n', ui)}: " + ", ".join(md_code(i) for i in o.missing)] if o.missing else []
        notes += [f"- {word('evidence', ui)}: " + ", ".join(md_code(i) for i in o.evidence)] if o.evidence else []
        out += ["", *notes] if notes else []
    return out
