"""scorecard gaps: where the points were lost, what closes the next grade, who owns each gap."""
from __future__ import annotations

import enum
import itertools
from pathlib import Path
from typing import List, Optional

import typer

from ..formats import gaps as gap_formats
from ..outcome import Cards
from . import as_of as dating
from .common import LANG, LONG, OUTPUT, RUBRIC, RUBRICS_DIR, Lang, Tally, choices, err_console, handled, lang_code, \
    run
from .output import write
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
    long: bool = LONG,
    as_of: Optional[str] = dating.ON_REQUEST,
) -> int:
    """Gap report: every measure below full score ranked by the points of the total it would recover,
    its value, target and distance, the fewest measures that reach the next grade, missing data and
    absent evidence, and who owns each gap.

    Example: scorecard gaps submissions/zhaotong/2025.city-index.yaml --by owner --top 5
    """
    errc = err_console()
    tally = Tally(errc)
    outcomes = dating.dated(run(paths, rubric, rubrics_dir, long), as_of, False)
    module = gap_formats.get(fmt.value)
    options = dict(by=(by.value,), top=top, **json_shape(fmt.value, paths, long))
    if output is None and hasattr(module, "show"):  # the terminal: past a screenful, the rest summed up
        write(module, Cards(outcomes, tally.add), output, lang_code(lang), errc, **options)
        tally.warn()
        return summary(tally, errc)
    runs = Cards(outcomes, tally.add).runs()  # a long table's batch written from its arrays (formats.gaps.batch)
    first = next(runs, None)
    if first is not None or fmt.value == "json":
        write(module, gap_formats.Runs(itertools.chain([first] if first is not None else [], runs)), output,
              lang_code(lang), errc, **options)
    tally.warn()
    return summary(tally, errc)
