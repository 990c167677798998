"""scorecard validate: check submissions against their rubric, report every problem of every file."""
from __future__ import annotations

from typing import List, Optional

import typer

from .. import pipeline
from ..problems import errors
from .progress import tracked
from .common import RUBRIC, RUBRICS_DIR, err_console, handled, print_problems

QUIET = typer.Option(False, "--quiet", "-q", help="Print errors only (no warnings or normalisation notes).")


@handled
def validate(
    paths: List[str] = typer.Argument(..., help="Submission files or folders (.yaml .yml .json .csv .xlsx).",
                                      show_default=False),
    rubric: Optional[str] = RUBRIC,
    rubrics_dir: str = RUBRICS_DIR,
    quiet: bool = QUIET,
) -> int:
    """Validate submissions: types, options, bounds, unknown ids (with 'did you mean'), required evidence,
    rubric and path agreement. Every problem of every file as FILE:LINE:COL, then a one-line summary.

    Numbers written the way officials print them (３.６万, 1,234, 85%, 6000余人, 是/否) are accepted and each
    normalisation is shown; approximate values (余/多/约/近) give a warning.

    Exit 0 when every file is valid, 1 otherwise.  Example: scorecard validate submissions/
    """
    console = err_console()
    levels = ("error",) if quiet else ("error", "warning", "info")
    outcomes = []
    files = pipeline.files(paths)
    run = pipeline.run_files(files, pipeline.RubricFinder(rubric, rubrics_dir), scoring=False)
    for outcome in tracked(run, len(files), console, "validating"):
        print_problems(outcome.problems, console, levels)
        outcomes.append(outcome)
    return _summary(outcomes, console)


def _summary(outcomes, console) -> int:
    bad = [o for o in outcomes if not o.ok]
    n_err = sum(len(errors(o.problems)) for o in outcomes)
    n_warn = sum(1 for o in outcomes for p in o.problems if p.level == "warning")
    style = "red" if bad else "green"
    console.print(f"[{style}]{len(outcomes)} file(s) checked: {len(outcomes) - len(bad)} valid, {len(bad)} invalid"
                  f" ({n_err} error(s), {n_warn} warning(s))[/]")
    return 1 if bad or not outcomes else 0
