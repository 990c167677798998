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
    detail: bool = typer.Option(False, "--detail", help="Table and markdown: a table per subject and period with "
                                "a row per unit (what --subject or a single submission shows anyway), instead of "
                                "the summary that more than one subject or period gets."),
    subject: Optional[str] = typer.Option(None, "--subject", help="Only this subject (its id or name; every "
                                          "period of it given). Every format.", show_default=False),
    unit: Optional[str] = typer.Option(None, "--unit", help="Only this unit (its key in the rubric's units, or its "
                                       "name): table and markdown show its list (责任清单), per subject each "
                                       "measure it still owes with its name, lead or co-owner, missing or "
                                       "invalid, and its points; JSON and CSV keep only its rows.",
                                       show_default=False),
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

    What the terminal shows: for more than one subject or period a summary (a row per subject and period:
    coverage, filed, invalid, missing, points missing, how many units have filed nothing and the first of
    them; then every unit across them: the table to send round), with --detail a unit table per subject
    (each row lists the first two or three measure ids it owes, then '…': JSON and CSV list them all), for
    one subject its unit table, with --unit one unit's list.

    Missing measures are what progress is for, not an error: the exit code is 0, and 1 only when a file
    is invalid (its errors are printed as FILE:LINE:COL and its progress still shown) or none is found.

    Examples: scorecard progress submissions/ --format markdown -o 填报进度.md ·
    scorecard progress submissions/ --unit jyj (what 市教育局 still owes, everywhere) ·
    scorecard progress submissions/ --subject example-city --format csv -o example.csv
    """
    errc = err_console()
    tally = Tally(errc)
    filings = []
    for outcome in run(paths, rubric, rubrics_dir, long, scoring=False, label="reading"):
        tally.add(outcome)  # validated only: who filed what needs no score, points missing come from the rubric
        filings += [outcome.filing] if outcome.filing is not None else []
    tally.warn()
    result = analysis.select(analysis.progress(filings), subject, unit)
    view = "duties" if unit else "detail" if detail or subject else None
    module = progress_formats.get(fmt.value)
    if output is None and hasattr(module, "show"):
        module.show(result, out_console(), lang_code(lang), view)
    else:
        emit(module.render(result, lang_code(lang), view=view), output, errc, encoding(module))
    return summary(tally, errc)
