"""scorecard init: write a submission template with every measure of a rubric, or a unit's measures."""
from __future__ import annotations

import io
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Optional

import typer

from .. import pipeline, template
from .. import rubric as rubrics
from .. import template_owner as owners
from ..io import make_folder, refuse_protected, write_atomic, write_bytes_atomic
from ..model import Loc, Rubric
from ..problems import Problem, UsageError
from ..safe_text import literal
from ..lang import ui_lang
from .common import LANG, RUBRICS_DIR, Lang, choices, emit, err_console, handled, lang_code
from .lines import say

TemplateFormat = choices("TemplateFormat", template.FORMATS)
MAX_SCHEMA = 64 << 20
"""A committed schema bigger than this is not read (it is not one `scorecard schema` wrote)."""


@handled
def init(
    rubric: str = typer.Argument(..., help="The rubric YAML file (or a rubric id in --rubrics-dir).",
                                 show_default=False),
    subject: str = typer.Option(..., "--subject", help="Subject id, e.g. jinchang.", show_default=False),
    period: str = typer.Option(..., "--period", help="Period, e.g. 2024.", show_default=False),
    name: Optional[str] = typer.Option(None, "--name", help="Subject name, e.g. 金昌市. Default: the id.",
                                       show_default=False),
    fmt: TemplateFormat = typer.Option("yaml", "--format", "-f", help="yaml (commented) or xlsx (a sheet "
                                       "with drop-downs; needs -o)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file instead of the "
                                          "terminal. Named for a period, it must lie in a folder named for the "
                                          "subject (SUBJECT/PERIOD.yaml), as validate requires.",
                                          show_default=False),
    schema_path: Optional[str] = typer.Option(None, "--schema-path", help="Schema path or URL for the editor "
                                              "modeline, written as given. Default: the rubric's schema in "
                                              "docs/schemas/ (of this folder or the rubric's project), seen from "
                                              "the -o file, or from submissions/SUBJECT/ when printing; no "
                                              "modeline (a comment says how) when there is none.",
                                              show_default=False),
    owner: Optional[str] = typer.Option(None, "--owner", help="A unit of the rubric's units (e.g. mzw): the "
                                        "template holds only the measures it owns, each marked lead (牵头, the "
                                        "first owner) or co-owner (配合), with filed_by set to it, for that unit "
                                        "to file as its own part of the submission (SUBJECT/PERIOD/UNIT.yaml). "
                                        "all: one such template per unit that owns a measure, written into the "
                                        "folder -o DIR as UNIT.yaml (or UNIT.xlsx).", show_default=False),
    rubrics_dir: str = RUBRICS_DIR,
    lang: Optional[Lang] = LANG,
) -> int:
    """Write a submission template: every measure in rubric order with its label, method, target, unit,
    points, owners and guidance. The YAML template validates as it is (every value missing).

    The engine never writes into rubrics/ or submissions/: print to the terminal and redirect, e.g.
    scorecard init rubrics/ethnic-unity-city.yaml --subject jinchang --period 2025 > submissions/jinchang/2025.yaml

    Filed in parts, each unit gets its own (the parts of one subject and period are assembled), e.g.
    scorecard init rubrics/ethnic-unity-city.yaml --subject jinchang --period 2025 --owner all -o to-send/
    """
    r, source = _rubric(rubric, rubrics_dir)
    header = template.Header(subject, name or subject, period)
    if owner == owners.ALL:
        return _every_unit(r, source, header, fmt.value, output, schema_path, ui_lang(lang_code(lang), r))
    if owner is not None:
        owners.check_unit(r, owner)
        header = replace(header, filed_by=owner)
    _check_header(r, header, output)
    if fmt.value == "xlsx":
        if output is None or str(output) == "-":
            raise UsageError("--format xlsx writes a workbook: give the file with -o FILE.xlsx")
        where = _write_workbook(template.xlsx_template(r, header), output)
        err_console().print(literal(say("wrote", ui_lang(lang_code(lang), r), path=where)))
    else:
        emit(template.yaml_template(r, _with_schema(header, r, source, output, schema_path)), output)
    return 0


def _every_unit(r: Rubric, source: Path, header: template.Header, fmt: str, folder: Optional[Path],
                schema_path: Optional[str], ui: str = "en") -> int:
    """--owner all: one template per unit that owns a measure, into the folder; each checked before any is
    written."""
    if folder is None or str(folder) == "-":
        raise UsageError(f"--owner {owners.ALL} writes one template per unit: give the folder with -o DIR")
    units = owners.owning_units(r)
    if not units:
        raise UsageError(f"--owner {owners.ALL}: no measure of rubric {r.ref} has an owner among its units")
    paths = {u: folder / name for u, name in owners.file_names(units, fmt).items()}
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--owner {owners.ALL} -o {folder}: it is not a folder; give a folder (made if missing)")
    refuse_protected(folder.absolute(), folder)
    for u, path in paths.items():
        _check_header(r, replace(header, filed_by=u), path)
    make_folder(folder)
    console = err_console()
    for u, path in paths.items():
        where = _write_unit(r, source, replace(header, filed_by=u), fmt, path, schema_path)
        n = owners.counts(r, u)
        console.print(literal(say("init_unit", ui, path=where, unit=u, name=owners.unit_name(r, u), n=sum(n.values()),
                                  lead=n["lead"], co=n["co-owner"])))
    idle = [u for u in r.units if u not in paths]
    console.print(literal(say("init_units", ui, n=len(paths), folder=folder)
                          + (say("init_idle", ui, idle=("、" if ui == "zh" else ", ").join(idle)) if idle else "")))
    return 0


def _write_unit(r: Rubric, source: Path, header: template.Header, fmt: str, path: Path,
                schema_path: Optional[str]) -> Path:
    if fmt == "xlsx":
        return _write_workbook(template.xlsx_template(r, header), path)
    text = template.yaml_template(r, _with_schema(header, r, source, path, schema_path))
    return write_atomic(path, text)


def _rubric(ref: str, rubrics_dir: str) -> tuple[Rubric, Path]:
    """A rubric file, else a rubric id (id@version) looked up in the rubrics folder; and the folder it is in."""
    if Path(ref).is_file():
        return rubrics.load(ref), Path(ref).parent
    if Path(ref).suffix.lower() in (".yaml", ".yml"):
        raise UsageError(f"no such rubric file: {ref}")
    found = pipeline.RubricFinder(None, rubrics_dir).for_ref(ref, Loc(ref))
    if isinstance(found, Problem):
        raise UsageError(found.message)
    return found, Path(rubrics_dir)


def _check_header(r: Rubric, header: template.Header, output: Optional[Path]) -> None:
    """Refuse to write a template validate would refuse (an empty period; a place whose folder is not the subject
    or whose name is another period), saying what to give instead."""
    problems = template.header_problems(r, header, str(output) if output is not None else "template.yaml")
    if not problems:
        return
    p = problems[0]
    if p.code == "path" and output is not None:
        stem = output.name.split(".")[0]
        fix = output.parent.parent / header.subject / (str(header.period) + output.name[len(stem):])
        raise UsageError(f"-o {output}: {p.message}: write it to {fix}, or give the --subject and --period its "
                         "place names")
    raise UsageError(f"--subject {header.subject!r} --period {header.period!r}: {p.message}")


def _with_schema(header: template.Header, r: Rubric, source: Path, output: Optional[Path],
                 given: Optional[str]) -> template.Header:
    """The header with the modeline's schema path: as given, else the committed schema seen from the file."""
    from dataclasses import replace

    if given:
        return replace(header, schema=given)
    found = committed_schema(r, source)
    if found is None:
        return header
    if output is not None:
        return replace(header, schema=Path(os.path.relpath(found, output.resolve().parent)).as_posix())
    seen = Path("submissions", header.subject, f"{header.period}.yaml").as_posix()
    return replace(header, schema="../../" + Path(os.path.relpath(found, Path.cwd())).as_posix(), schema_from=seen)


def committed_schema(r: Rubric, source: Path) -> Optional[Path]:
    """docs/schemas/<id>.schema.json of this folder, else of the rubric's project (the folder above its
    rubrics folder), when it is a regular file generated for this very rubric (its $id names id and version)."""
    from ..schema import submission_schema

    rel = template.SCHEMAS.format(id=r.id)
    for root in (Path.cwd(), source.resolve().parent):
        path = root / rel
        try:
            if not path.is_file() or path.is_symlink() or path.stat().st_size > MAX_SCHEMA:
                continue
            if json.loads(path.read_text(encoding="utf-8")).get("$id") == submission_schema(r)["$id"]:
                return path.resolve()
        except (OSError, ValueError, AttributeError):
            continue
    return None


def _write_workbook(wb, output: Path) -> Path:
    """Save the workbook atomically."""
    buffer = io.BytesIO()
    wb.save(buffer)
    return write_bytes_atomic(output, buffer.getvalue())
