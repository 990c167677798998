"""scorecard compare: a league table per rubric, a heatmap of group attainment, trends across periods."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .. import compare as analysis
from .. import pipeline
from ..formats import compare as compare_formats
from .common import LANG, LONG, OUTPUT, RUBRIC, RUBRICS_DIR, Lang, choices, emit, err_console, handled, \
    lang_code, out_console, print_outcomes
from .score_cmd import json_shape, summary

CompareFormat = choices("CompareFormat", compare_formats.FORMATS)


@handled
def compare(
    paths: List[str] = typer.Argument(..., help="Submission files or folders (several subjects, several "
                                      "periods, even several rubrics).", show_default=False),
    rubric: Optional[str] = RUBRIC,
    rubrics_dir: str = RUBRICS_DIR,
    period: Optional[str] = typer.Option(None, "--period", "-p", help="Rank only the submissions for this "
                                         "period. Default: each subject's latest.", show_default=False),
    fmt: CompareFormat = typer.Option("table", "--format", "-f", help="Output format; json holds one comparison "
                                      "per rubric: an object when exactly one submission file is given (null if "
                                      "it is invalid), else an array, however many are valid ([] when none is)."),
    output: Optional[Path] = OUTPUT,
    lang: Optional[Lang] = LANG,
    long: bool = LONG,
) -> int:
    """League table across subjects (vetoed subjects last), a heatmap of group attainment, and each
    subject's trend across periods (↑ better, → within 0.5 points, ↓ worse) with the measures that
    moved away from their target. Submissions of different rubrics get one league each.

    A long table (one .csv or .parquet with the columns subject, period, measure, value for thousands of
    subjects, see --long) is ranked at once; a subject with an invalid row is left out (exit code 1).

    Example: scorecard compare submissions/ --format markdown -o reports/compare.md
    """
    from ..batch import long_tables  # reads a file's first lines only; pandas just for a long table

    if tables := long_tables(paths, long):
        from ..batch import cli as batch_cli

        rest = [p for p in paths if p not in tables]
        return batch_cli.compare(tables, rest, rubric, rubrics_dir, period, fmt.value, output, lang_code(lang))
    outcomes = list(pipeline.run(paths, pipeline.RubricFinder(rubric, rubrics_dir)))
    errc = err_console()
    print_outcomes(outcomes, errc)
    comparisons = analysis.compare([o.card for o in outcomes if o.ok], period)
    module, code = compare_formats.get(fmt.value), lang_code(lang)
    if fmt.value == "table" and output is None:
        module.show(comparisons, out_console(), code)
    elif comparisons or fmt.value == "json":
        emit(module.render(comparisons, code, **json_shape(fmt.value, paths)), output, errc, "utf-8-sig" if fmt.value == "csv" else "utf-8")
    return summary(outcomes, errc)
