"""scorecard score: validate and score submissions, print or write the results."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .. import formats
from ..outcome import Cards
from . import as_of as dating
from .common import LANG, LONG, OUTPUT, RUBRIC, RUBRICS_DIR, Lang, Tally, choices, err_console, handled, lang_code, \
    run, voice
from .lines import say
from .output import write

ScoreFormat = choices("ScoreFormat", formats.FORMATS)
JSON_SHAPE = ("json is an object when exactly one submission file is given (null if it is invalid) and an array "
              "for several paths, a folder or a long table, however many of them are valid ([] when none is).")


@handled
def score(
    paths: List[str] = typer.Argument(..., help="Submission files or folders (searched recursively for "
                                      ".yaml .yml .json .csv .xlsx), or long tables.", show_default=False),
    rubric: Optional[str] = RUBRIC,
    rubrics_dir: str = RUBRICS_DIR,
    fmt: ScoreFormat = typer.Option("table", "--format", "-f", help="Output format; " + JSON_SHAPE),
    output: Optional[Path] = OUTPUT,
    lang: Optional[Lang] = LANG,
    long: bool = LONG,
    as_of: Optional[str] = dating.ON_REQUEST,
) -> int:
    """Score submissions: total, grade, veto, every group and measure.

    Invalid files are reported as FILE:LINE:COL and skipped; the exit code is then 1. Results stream:
    thousands of files are written as they are scored, on every core.

    A long table (one .csv or .parquet with the columns subject, period, measure, value for thousands of
    subjects, see --long) is scored at once; a subject with an invalid row is left out (exit code 1).

    Example: scorecard score submissions/jinchang/ --format json -o reports/jinchang.json
    """
    errc = err_console()
    tally = Tally(errc)
    cards = Cards(dating.dated(run(paths, rubric, rubrics_dir, long), as_of, False), tally.add)
    write(formats.get(fmt.value), cards, output, lang_code(lang), errc, **json_shape(fmt.value, paths, long))
    tally.warn()
    return summary(tally, errc)


def json_shape(fmt: str, paths, long: bool = False) -> dict:
    """The keyword that gives a JSON renderer its shape from what was asked, never from what turned out valid
    (JSON_SHAPE); nothing for other formats."""
    return {"single": one_file(paths, long)} if fmt == "json" else {}


def one_file(paths, long: bool = False) -> bool:
    """Exactly one path given, and neither a folder nor a long table: one submission (SPEC 6's object)."""
    if len(paths) != 1 or Path(paths[0]).is_dir():
        return False
    from ..long_input import is_long

    return not is_long(Path(paths[0]), long)


def summary(tally: Tally, console) -> int:
    """Print a one-line count of the Tally and return the exit code (1 when any submission is invalid or none
    was found)."""
    if not tally.files:
        console.print(f"[yellow]{say('no_files', voice())}[/]")
        return 1
    if tally.invalid:
        console.print(f"[red]{say('invalid_of', voice(), invalid=tally.invalid, files=tally.files)}[/]")
        return 1
    return 0
