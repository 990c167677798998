"""scorecard gaps: where the points were lost, what closes the next grade, who owns each gap."""
from __future__ import annotations

import enum
from pathlib import Path
from typing import List, Optional

import typer

from .. import gaps as analysis
from .. import pipeline
from ..formats import gaps as gap_formats
from .common import LANG, OUTPUT, RUBRIC, RUBRICS_DIR, Lang, choices, emit, err_console, handled, lang_code, \
    out_console, print_outcomes
from .score_cmd import JSON_SHAPE, json_shape, summary

GapFormat = choices("GapFormat", gap_formats.FORMATS)
View = enum.Enum("View", {v: v for v in gap_formats.VIEWS}, type=str)


@handled
def gaps(
    paths: List[str] = typer.Argument(..., help="Submission files or folders.", show_default=False),
    rubric: Optional[str] = RUBRIC,
    rubrics_dir: str = RUBRICS_DIR,
    by: View = typer.Option("measure", "--by", help="measure: every gap ranked by the points of the total it "
                            "would recover, with the missing data; owner: each responsible unit's task list "
                            "(lead and co-owner); indicator: attainment per group with traffic lights."),
    top: Optional[int] = typer.Option(None, "--top", "-n", min=1, help="Show only the N biggest gaps (per unit "
                                      "with --by owner).", show_default=False),
    fmt: GapFormat = typer.Option("table", "--format", "-f", help="Output format (json always holds every view); "
                                  + JSON_SHAPE),
    output: Optional[Path] = OUTPUT,
    lang: Optional[Lang] = LANG,
) -> int:
    """Gap report: every measure below full score ranked by the points of the total it would recover,
    its value, target and distance, the fewest measures that reach the next grade, missing data and
    absent evidence, and who owns each gap.

    Example: scorecard gaps submissions/zhaotong/2025.city-index.yaml --by owner --top 5
    """
    outcomes = list(pipeline.run(paths, pipeline.RubricFinder(rubric, rubrics_dir)))
    errc = err_console()
    print_outcomes(outcomes, errc)
    reports = [analysis.analyse(o.card) for o in outcomes if o.ok]
    module, code = gap_formats.get(fmt.value), lang_code(lang)
    if fmt.value == "table" and output is None:
        module.show(reports, out_console(), code, (by.value,), top)
    elif reports or fmt.value == "json":
        text = module.render(reports, code, (by.value,), top, **json_shape(fmt.value, paths))
        emit(text, output, errc, "utf-8-sig" if fmt.value == "csv" else "utf-8")
    return summary(outcomes, errc)
