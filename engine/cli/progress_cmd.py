"""scorecard progress: who still owes which measures (填报进度, SPEC 8), and what they are worth."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .. import progress as analysis
from ..formats import progress as progress_formats
from .common import LANG, LONG, OUTPUT, RUBRIC, RUBRICS_DIR, Lang, Tally, choices, emit, err_console, handled, \
    lang_code, out_console, run
from .output import encoding
from .score_cmd import summary

ProgressFormat = choices("ProgressFormat", progress_formats.FORMATS)


@handled
def progress(
    paths: List[str] = typer.Argument(..., help="Submission files or folders: every part filed so far "
                                      "(submissions/SUBJECT/PERIOD/*.yaml beside SUBJECT/PERIOD.yaml).",
                                      show_default=False),
    rubric: Optional[str] = RUBRIC,
    rubrics_dir: str = RUBRICS_DIR,
    fmt: ProgressFormat = typer.Option("table", "--format", "-f", help="Output format; json is one object: "
                                       "{subjects: [...], units: [...]}."),
    output: Optional[Path] = OUTPUT,
    lang: Optional[Lang] = LANG,
    long: bool = LONG,
) -> int:
    """Filing progress (填报进度): per subject and period, per responsible unit, the measures it was assigned
    as lead (牵头, the first owner) and as co-owner (配合), how many are filed, invalid and still missing,
    and the points of the total the missing and invalid ones are worth; per subject the coverage and the
    units that have filed nothing; then every unit across subjects, the one that owes most first.

    Counted: base measures only (bonus, deduction and veto items are left out: not filing them costs no
    points). A measure is filed when any part gives it a valid value (the unit's own, a co-owner's, the
    subject's own part, either stage): once the city or a co-owner has filed it the lead owes nothing.
    Invalid: given with an error in some part. Missing: neither. Points missing: what full marks on the
    missing and invalid measures are worth in the total with every measure reported (under missing:
    exclude that is what filing them puts at stake); a co-owned measure counts for each of its owners.
    Coverage: the share of base measures filed. Filed nothing: a unit none of whose measures is filed and
    that has filed no part. A long table's values count as the subject's own (it names no unit).

    Missing measures are what progress is for, not an error: the exit code is 0, and 1 only when a file
    is invalid (its errors are printed as FILE:LINE:COL and its progress still shown) or none is found.

    Example: scorecard progress submissions/ --format markdown -o 填报进度.md
    """
    errc = err_console()
    tally = Tally(errc)
    filings = []
    for outcome in run(paths, rubric, rubrics_dir, long, label="reading"):
        tally.add(outcome)
        filings += [f] if (f := filing(outcome)) is not None else []
    tally.warn()
    result = analysis.progress(filings)
    module = progress_formats.get(fmt.value)
    if output is None and hasattr(module, "show"):
        module.show(result, out_console(), lang_code(lang))
    else:
        emit(module.render(result, lang_code(lang)), output, errc, encoding(module))
    return summary(tally, errc)


def filing(outcome):
    """Who filed what in a submission: its Filing (valid or not); for a long table's subject, which has none,
    the one its scorecard stands for (every value the subject's own)."""
    if outcome.filing is not None:
        return outcome.filing
    return analysis.filing_of(outcome.card) if outcome.scored else None
