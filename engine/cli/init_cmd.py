"""scorecard init: write a submission template with every measure of a rubric."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Optional

import typer

from .. import pipeline, template
from .. import rubric as rubrics
from ..io import write_bytes_atomic
from ..model import Loc, Rubric
from ..problems import Problem, UsageError
from .common import OUTPUT, RUBRICS_DIR, choices, emit, err_console, handled

TemplateFormat = choices("TemplateFormat", template.FORMATS)


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
    output: Optional[Path] = OUTPUT,
    schema_path: Optional[str] = typer.Option(None, "--schema-path", help="Schema path or URL for the editor "
                                              "modeline. Default: ../../reports/schemas/<rubric-id>.schema.json",
                                              show_default=False),
    rubrics_dir: str = RUBRICS_DIR,
) -> int:
    """Write a submission template: every measure in rubric order with its label, method, target, unit,
    points, owners and guidance. The YAML template validates as it is (every value missing).

    The engine never writes into rubrics/ or submissions/: print to the terminal and redirect, e.g.
    scorecard init rubrics/ethnic-unity-city.yaml --subject jinchang --period 2025 > submissions/jinchang/2025.yaml
    """
    r = _rubric(rubric, rubrics_dir)
    header = template.Header(subject, name or subject, period, schema_path)
    if fmt.value == "xlsx":
        if output is None:
            raise UsageError("--format xlsx writes a workbook: give the file with -o FILE.xlsx")
        where = _write_workbook(template.xlsx_template(r, header), output)
        err_console().print(f"wrote {where}")
    else:
        emit(template.yaml_template(r, header), output)
    return 0


def _rubric(ref: str, rubrics_dir: str) -> Rubric:
    """A rubric file, else a rubric id (id@version) looked up in the rubrics folder."""
    if Path(ref).is_file():
        return rubrics.load(ref)
    if Path(ref).suffix.lower() in (".yaml", ".yml"):
        raise UsageError(f"no such rubric file: {ref}")
    found = pipeline.RubricFinder(None, rubrics_dir).for_ref(ref, Loc(ref))
    if isinstance(found, Problem):
        raise UsageError(found.message)
    return found


def _write_workbook(wb, output: Path) -> Path:
    """Save the workbook atomically."""
    buffer = io.BytesIO()
    wb.save(buffer)
    return write_bytes_atomic(output, buffer.getvalue())
