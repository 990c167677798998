"""scorecard score: validate and score submissions, print or write the results."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .. import formats, pipeline
from .common import LANG, OUTPUT, RUBRIC, RUBRICS_DIR, Lang, choices, emit, err_console, handled, lang_code, \
    out_console, print_outcomes

ScoreFormat = choices("ScoreFormat", formats.FORMATS)


@handled
def score(
    paths: List[str] = typer.Argument(..., help="Submission files or folders (searched recursively for "
                                      ".yaml .yml .json .csv .xlsx).", show_default=False),
    rubric: Optional[str] = RUBRIC,
    rubrics_dir: str = RUBRICS_DIR,
    fmt: ScoreFormat = typer.Option("table", "--format", "-f", help="Output format."),
    output: Optional[Path] = OUTPUT,
    lang: Optional[Lang] = LANG,
) -> int:
    """Score submissions: total, grade, veto, every group and measure.

    Invalid files are reported as FILE:LINE:COL and skipped; the exit code is then 1.

    Example: scorecard score submissions/jinchang/ --format json -o reports/jinchang.json
    """
    outcomes = list(pipeline.run(paths, pipeline.RubricFinder(rubric, rubrics_dir)))
    errc = err_console()
    print_outcomes(outcomes, errc)
    cards = [o.card for o in outcomes if o.ok]
    module = formats.get(fmt.value)
    if fmt.value == "table" and output is None:
        module.show(cards, out_console(), lang_code(lang))
    elif cards:
        emit(module.render(cards, lang_code(lang)), output, errc, "utf-8-sig" if fmt.value == "csv" else "utf-8")
    return summary(outcomes, errc)


def summary(outcomes, console) -> int:
    """Print a one-line count and return the exit code (1 when any file is invalid)."""
    bad = [o for o in outcomes if not o.ok]
    if not outcomes:
        console.print("[yellow]no submission files found[/]")
        return 1
    if bad:
        console.print(f"[red]{len(bad)} of {len(outcomes)} submission(s) invalid[/]")
        return 1
    return 0
