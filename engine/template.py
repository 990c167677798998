"""Submission templates (`scorecard init`): every measure of a rubric, ready to fill in.

Pure: a rubric and a header in, YAML text or an openpyxl Workbook out.  The YAML template lists
each measure commented out under comments that say what it is and what to write, so an untouched
template is a valid submission with every value missing.  The XLSX template has one row per
measure and reads back through engine.readers.xlsx_file.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from . import methods
from . import template_owner as owner
from .methods._words import show
from .model import Group, Label, Loc, Measure, Rubric
from .problems import Problem

FORMATS = ("yaml", "xlsx")
SCHEMAS = "docs/schemas/{id}.schema.json"
"""Where a project keeps the generated submission schemas (`scorecard schema`), from its root: the shipped
rubrics' are committed there, and the shipped submissions' modelines point at them."""
BREAKS = re.compile("\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""Whatever a YAML reader (PyYAML: CR, LF, NEL, LS, PS) or Python might take for a line break."""
UNPRINTABLE = re.compile("[^\t\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters a YAML reader refuses anywhere in a file, comments included."""


@dataclass(frozen=True)
class Header:
    """Who and when a template is for."""

    subject: str
    name: str
    period: str
    """As typed on the command line; digits become a number, as YAML reads them."""
    schema: str | None = None
    """The modeline's schema path or URL; None: no modeline, a comment says how to get one."""
    schema_from: str | None = None
    """Where ``schema`` is seen from when that is not known to be the file's own place (a template printed
    to the terminal): a comment says so."""
    filed_by: str | None = None
    """The unit the template is for (``init --owner``): only its measures, each marked lead or co-owner, and
    ``filed_by`` set; None: every measure, for the subject's own file."""


# --- YAML ----------------------------------------------------------------------------------


def yaml_template(rubric: Rubric, header: Header) -> str:
    """The YAML template: modeline, header, then every measure in rubric order, commented out."""
    lines = _yaml_head(rubric, header)
    for m, path in _listed(rubric, header):
        about = _about(rubric, m, path) + _role_lines(rubric, m, header.filed_by)
        lines += [""] + ["  # " + c if c else "  #" for c in about] + [f"  # {m.id}: "]
    return "\n".join(map(_line, lines)) + "\n"


def _line(text: str) -> str:
    """One line of the template, whatever a rubric's text held: a label or guidance with a line break in it
    must not end a comment early and put its rest in the submission."""
    return UNPRINTABLE.sub("\ufffd", BREAKS.sub(" ", text))


def _yaml_head(rubric: Rubric, h: Header) -> list[str]:
    return _modeline(rubric, h) + [
        f"# {_one_line(rubric.title.get())} ({rubric.ref}): submission template made by `scorecard init`.",
        *_whose(rubric, h.filed_by),
        "# delete the '# ' before its id and write the value after the colon. With evidence or a note:",
        f'#   {_example_id(rubric, h)}: {{value: ..., evidence: ["《统计公报》第3页"], note: "..."}}',
        f"rubric: {_scalar(rubric.ref)}",
        f"subject: {{id: {_scalar(h.subject)}, name: {_scalar(h.name)}}}",
        f"period: {period_text(h.period)}",
        *([f"filed_by: {_scalar(h.filed_by)}"] if h.filed_by else []),
        "values:",
    ]


def _whose(rubric: Rubric, unit: str | None) -> list[str]:
    """Whose measures the template lists: every one, or those of the unit it is for."""
    if unit is None:
        return ["# Every measure is listed below, commented out, and counts as missing until you fill it in:"]
    n = owner.counts(rubric, unit)
    return [f"# For {_one_line(owner.unit_name(rubric, unit))} ({unit}) to file: the {sum(n.values())} measures it "
            f"owns, {n['lead']} as lead (牵头) and {n['co-owner']} as co-owner (配合), nothing else;",
            "# the other units file theirs in their own files. Each is listed below, commented out, and counts",
            "# as missing until you fill it in:"]


def _listed(rubric: Rubric, h: Header):
    """The template's (measure, groups above it): every measure, or those of the unit it is for."""
    return owner.owned(_measures(rubric), h.filed_by)


def _role_lines(rubric: Rubric, m: Measure, unit: str | None) -> list[str]:
    """Under a unit's measure, its role: the lead files it; a co-owner agrees with the lead who does."""
    if unit is None:
        return []
    if owner.role(m, unit) == "lead":
        return ["  role: 牵头 lead — your unit files it"]
    lead = _one_line(owner.unit_name(rubric, m.owners[0]))
    return [f"  role: 配合 co-owner — the lead is {lead} ({m.owners[0]}); agree which of you files it, as",
            "    the same measure filed twice with two values is an error"]


def _modeline(rubric: Rubric, h: Header) -> list[str]:
    """The editor's modeline (hover text and completion from the schema), or how to get one."""
    if h.schema is None:
        return ["# Editor help (hover text, completion, checks as you type): write the schema with",
                f"#   scorecard schema <rubric file> -o {SCHEMAS.format(id=rubric.id)}",
                '# and make the first line of this file "# yaml-language-server: $schema=PATH", PATH being',
                "# the schema's path from this file (`scorecard init -o FILE` writes it once the schema is there)."]
    line = [f"# yaml-language-server: $schema={h.schema}"]
    if h.schema_from:
        line.append(f"# (that $schema path is seen from {h.schema_from}: saved anywhere else, correct it, or "
                    "make the template with -o FILE)")
    return line


def _example_id(rubric: Rubric, h: Header) -> str:
    listed = _listed(rubric, h)
    return listed[0][0].id if listed else "D1.M01"


def _about(rubric: Rubric, m: Measure, path: tuple[Group, ...]) -> list[str]:
    """The comment lines above one measure."""
    lines = [" › ".join(f"{g.id} {_one_line(g.label.get())}" for g in path)] if path else []
    lines += _label_lines(m)
    lines.append(f"  method: {how(m)}")
    lines.append("  " + " · ".join(_facts(rubric, m)))
    if m.guidance:
        lines += ["  guidance: " + ln if i == 0 else "    " + ln for i, ln in enumerate(m.guidance.splitlines())]
    if m.assess:
        lines.append("  assess: " + ", ".join(m.assess))
    return lines


def _label_lines(m: Measure) -> list[str]:
    main = m.label.get()
    others = [f"  {code}: {_one_line(text)}" for code, text in m.label.texts if code and text and text != main]
    return [f"{m.id} {_one_line(main)}"] + others


def _facts(rubric: Rubric, m: Measure) -> list[str]:
    facts = [] if m.is_modifier else [f"points: {m.points:g}"]
    if m.unit:
        facts.append(f"unit: {m.unit}")
    if m.min is not None or m.max is not None:
        facts.append(f"plausible range: [{_num(m.min, '-inf')}, {_num(m.max, 'inf')}]")
    if m.owners:
        facts.append("owners: " + ", ".join(owner_names(rubric, m)))
    facts.append(f"evidence: {m.evidence}")
    return facts


def how(m: Measure) -> str:
    """The method and its parameters in words, and what to write (each method says it: template_hint)."""
    return methods.get(m.method).template_hint(m)


def owner_names(rubric: Rubric, m: Measure) -> list[str]:
    return [rubric.units.get(o, Label.of(o)).get() for o in m.owners]


def header_problems(rubric: Rubric, h: Header, path: str) -> list[Problem]:
    """What `scorecard validate` would say of a template written to ``path`` about its header and place (the
    folder must be the subject id, a file named for a period that period): the template's own header lines,
    read back as validate reads any file.  Empty when the template is a valid submission there."""
    from . import validate, yamlstrict
    from .readers.yaml_file import from_doc

    try:  # a value the loader refuses (a 5,000-digit period) is a problem like any other, not a traceback
        doc = yamlstrict.load_text("\n".join(map(_line, _yaml_head(rubric, h))), collect=True)
    except yamlstrict.YamlError as e:
        return [Problem(Loc(path, e.line, e.col), e.message, code="yaml")]
    raw, problems = from_doc(doc, path)
    problems = [Problem(Loc(path, e.line, e.col), e.message, code="yaml") for e in doc.problems] + problems
    if raw is not None:
        problems += validate.check(raw, rubric)[1]
    return [p for p in problems if p.level == "error"]


def period_text(period: str) -> str:
    """A period as YAML: 2024 as a number, anything else as a string."""
    return period if re.fullmatch(r"[1-9][0-9]*", period) else _scalar(period)


def period_value(period: str) -> Any:
    return int(period) if re.fullmatch(r"[1-9][0-9]*", period) else period


def _scalar(text: str) -> str:
    """Plain when YAML reads it back as the same string, else double-quoted."""
    plain = re.fullmatch(r"[^\W\d][\w.\-@/]*", text) and text.lower() not in ("true", "false", "null")
    if plain:
        return text
    quoted = json.dumps(text, ensure_ascii=False)  # JSON escapes are YAML escapes, but JSON leaves these raw:
    return re.sub("[\x7f-\x9f\u2028\u2029\ufffe\uffff]", lambda c: f"\\u{ord(c.group()):04x}", quoted)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _num(x: float | None, none: str) -> str:
    return none if x is None else f"{x:g}"


def _measures(rubric: Rubric, nodes=None, path: tuple = ()):
    """(measure, the groups above it) in rubric order."""
    for n in rubric.tree if nodes is None else nodes:
        if isinstance(n, Group):
            yield from _measures(rubric, n.children, path + (n,))
        else:
            yield n, path


# --- XLSX ----------------------------------------------------------------------------------

COLUMNS = {
    "measure": 14, "label": 40, "method": 30, "target": 10, "unit": 8, "points": 8, "owners": 24,
    "guidance": 60, "value": 14, "evidence": 36, "note": 24, "subject": 12, "subject_name": 14,
    "period": 10, "rubric": 24,
}
"""The template's columns and their widths (in characters; a Chinese character counts two)."""
OWNER_COLUMNS = {"role": 14, "filed_by": 10}
"""Added to a unit's template (``init --owner``): its role on each measure, and itself on every row."""


def columns(h: Header) -> dict[str, int]:
    """The columns of the template for this header: a unit's gets its role after owners, filed_by at the end."""
    if h.filed_by is None:
        return COLUMNS
    names = list(COLUMNS)
    at = names.index("owners") + 1
    names[at:at] = ["role"]
    return {n: COLUMNS.get(n) or OWNER_COLUMNS[n] for n in names + ["filed_by"]}


def xlsx_template(rubric: Rubric, header: Header):
    """An openpyxl Workbook with one sheet 'submission': a row per measure, value cells left blank."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "submission"
    cols = columns(header)
    ws.append(list(cols))
    for m, _ in _listed(rubric, header):
        cells = dict(zip(COLUMNS, _row(rubric, m, header)), role=_role_cell(m, header), filed_by=header.filed_by)
        ws.append([cells[c] for c in cols])
    _dress(ws, rubric, header)
    _no_formulas(ws)
    return wb


def _no_formulas(ws) -> None:
    """Cells that begin with = + - @ stay text, never a formula (SPEC 7), and show no added quote."""
    from .formats.common import FORMULA_START

    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START):
                cell.data_type = "s"


def _row(rubric: Rubric, m: Measure, h: Header) -> list:
    module = methods.get(m.method)
    target = show(module.target(m)) if hasattr(module, "target") else ""
    points = "" if m.is_modifier else m.points
    guidance = m.guidance + ("\n（需佐证 evidence required）" if m.evidence == "required" else "")
    labels = " / ".join(dict.fromkeys(_one_line(t) for _, t in m.label.texts if t))
    return [m.id, labels, how(m), target, m.unit, points, "、".join(owner_names(rubric, m)), guidance,
            None, None, None, h.subject, h.name, period_value(h.period), rubric.ref]


def _role_cell(m: Measure, h: Header) -> str | None:
    return owner.ROLES[owner.role(m, h.filed_by)] if h.filed_by else None


def _dress(ws, rubric: Rubric, h: Header) -> None:
    """Widths, a frozen bold header, wrapped long texts and drop-downs on true/false and choice values."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for j, width in enumerate(columns(h).values(), start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "B2"
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    _dropdowns(ws, rubric, h)


def _dropdowns(ws, rubric: Rubric, h: Header) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    column = ws.cell(1, list(columns(h)).index("value") + 1).column_letter
    by_list: dict[str, list[str]] = {}
    for i, (m, _) in enumerate(_listed(rubric, h), start=2):
        options = _options(m)
        if options:
            by_list.setdefault(options, []).append(f"{column}{i}")
    for options, cells in by_list.items():
        dv = DataValidation(type="list", formula1=f'"{options}"', allow_blank=True, showErrorMessage=True,
                            showInputMessage=True, errorStyle="warning")
        dv.error, dv.prompt = f"one of: {options}", f"one of: {options}"
        for ref in cells:
            dv.add(ref)
        ws.add_data_validation(dv)


def _options(m: Measure) -> str:
    """The drop-down list for a value cell (the method's dropdown), '' when it has none or none fits (Excel
    lists: no commas or quotes, 255 chars)."""
    keys = methods.get(m.method).dropdown(m)
    text = ",".join(keys)
    return "" if any("," in k or '"' in k for k in keys) or len(text) > 255 else text
