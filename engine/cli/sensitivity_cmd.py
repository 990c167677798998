"""scorecard sensitivity: how robust the league is to the group weights and the assessors (SPEC 10)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..formats import sensitivity as views
from ..outcome import Cards
from ..problems import UsageError
from .common import LANG, LONG, OUTPUT, RUBRIC, RUBRICS_DIR, Lang, Tally, choices, err_console, handled, lang_code, run
from .output import write
from .progress import Bar
from .score_cmd import summary

SensitivityFormat = choices("SensitivityFormat", views.FORMATS)


@handled
def sensitivity(
    paths: List[str] = typer.Argument(..., help="Submission files or folders, or a long table (--long).",
                                      show_default=False),
    weights: float = typer.Option(20.0, "--weights", "-w", help="How far each group's weight may move, in percent: "
                                  "each run multiplies it by a uniform factor in [1-PCT%, 1+PCT%]. 0 keeps the "
                                  "rubric's weights.", metavar="PCT"),
    raters: bool = typer.Option(False, "--raters", help="Also resample each rating measure's assessors with "
                                "replacement (the rubric's trim then applies as in scoring)."),
    runs: int = typer.Option(1000, "--runs", "-n", help="How many Monte Carlo runs."),
    seed: Optional[int] = typer.Option(None, "--seed", "-s", help="Random seed: the same seed gives the same "
                                       "figures. Default: a fresh one each time.", show_default=False),
    rubric: Optional[str] = RUBRIC,
    rubrics_dir: str = RUBRICS_DIR,
    fmt: SensitivityFormat = typer.Option("table", "--format", "-f", help="table (terminal) or json (an object per "
                                          "rubric, an array when there are several)."),
    output: Optional[Path] = OUTPUT,
    lang: Optional[Lang] = LANG,
    long: bool = LONG,
) -> int:
    """How much does the league depend on the weights and on who rated? Scores every subject many times
    with each group's weight moved at random (and, with --raters, the assessors resampled), then prints per
    subject its rank (as scorecard compare ranks it), its median rank with the 5–95% interval over the runs,
    and how often it got each grade. A subject under the rubric's min_coverage is unranked (数据不足) and
    listed apart. With --weights 0 and no --raters every run is the plain league.

    Example: scorecard sensitivity submissions/ --weights 20 --runs 1000 --seed 7
    """
    from ..sensitivity import sensitivity as analyse

    if not 0 <= weights < 100:
        raise UsageError(f"--weights {weights:g}: give a percent from 0 to under 100, e.g. --weights 20")
    if runs < 1:
        raise UsageError(f"--runs {runs}: give at least 1 run, e.g. --runs 1000")
    errc = err_console()
    tally = Tally(errc)
    sources = by_rubric(Cards(run(paths, rubric, rubrics_dir, long), tally.add).runs())
    tally.warn()
    results = []
    for values, rub in sources:
        with Bar(errc, "sensitivity") as bar:
            results.append(analyse(values, rub, weights / 100, raters, runs, seed, bar))
    module = views.get(fmt.value)
    if results or fmt.value == "json":
        write(module, results, output, lang_code(lang), errc)
    return summary(tally, errc)


def by_rubric(runs) -> list:
    """(LongValues, rubric) per rubric: a long table's batch as it is, submission files through
    engine.vector.values.from_submissions.  One source per rubric (a long table and files of the same rubric
    at once: a usage error)."""
    from ..vector.values import from_submissions

    out: dict = {}
    files: dict = {}
    for r in runs:
        if r[0] == "batch":
            key = (r[2].id, r[2].version)
            if key in out or key in files:
                raise UsageError(f"sensitivity takes one long table or submission files per rubric ({r[2].ref})")
            out[key] = (r[1].values, r[2])
        else:
            for card in r[1]:
                key = (card.rubric.id, card.rubric.version)
                if key in out:
                    raise UsageError(f"sensitivity takes one long table or submission files per rubric ({card.rubric.ref})")
                files.setdefault(key, (card.rubric, []))[1].append(card.submission)
    for key, (rub, subs) in files.items():
        out[key] = (from_submissions(rub, subs), rub)
    return list(out.values())
