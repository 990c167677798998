"""scorecard compare: a league table per rubric, a heatmap of group attainment, trends across periods."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .. import compare as analysis
from ..formats import compare as compare_formats
from ..outcome import Cards
from .common import LANG, LONG, OUTPUT, RUBRIC, RUBRICS_DIR, Lang, Tally, choices, err_console, handled, lang_code, \
    run
from .output import write
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

    Versions: each version has its own league, but a subject's trend runs on across the versions of its
    rubric (the same rubric id, or a rubric that declares replaces: OLD_ID@VERSION) and is shown under its
    latest period's version. With a crosswalk ({old_id: new_id, or null: dropped}) the groups
    and measures are lined up through it (an id it does not name keeps its id if the new version has it);
    what maps one to one is compared, and the rest is listed as not comparable (dropped, absent, merged
    into one, new). Without a crosswalk only the totals are compared. A wrong crosswalk stops compare
    (exit 2, located): scorecard rubric lint finds it first.

    A long table (one .csv or .parquet with the columns subject, period, measure, value for thousands of
    subjects, see --long) is ranked at once; a subject with an invalid row is left out (exit code 1).

    Example: scorecard compare submissions/ --format markdown -o reports/compare.md
    """
    errc = err_console()
    tally = Tally(errc)
    comparisons = analysis.of_runs(Cards(run(paths, rubric, rubrics_dir, long), tally.add).runs(), period)
    tally.warn()
    module = compare_formats.get(fmt.value)
    if comparisons or fmt.value == "json" or (output is None and hasattr(module, "show")):
        write(module, comparisons, output, lang_code(lang), errc, **json_shape(fmt.value, paths, long))
    return summary(tally, errc)
