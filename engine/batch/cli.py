"""`scorecard score` and `scorecard compare` when some inputs are long tables (engine.cli calls these).

One long table and nothing else takes the fast path: its CSV (score) and its league (compare) come
straight from the batch's arrays.  Any other mix, and the other formats, go through Scorecards
(to_scorecards) and the usual renderers, so the output is the same as for per-subject files.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import compare as analysis
from .. import formats, pipeline
from ..cli.common import emit, emit_chunks, err_console, out_console, print_outcomes
from ..formats import compare as compare_formats
from ..formats import csv_fmt
from ..model import Loc, Rubric
from ..problems import InputError, Problem, errors
from ..safe_text import literal
from . import csv_out, league
from .cards import iter_scorecards
from ..readers.long.read import read_long
from ..vector.result import BatchResult
from ..vector.score import score_long
from ..readers.long.validate import validate_long


@dataclass(frozen=True)
class Table:
    """One long table read, validated and scored (batch None when it could not be)."""

    path: str
    rubric: Rubric | None
    batch: BatchResult | None
    problems: tuple[Problem, ...]

    @property
    def invalid(self) -> int:
        """(subject, period) pairs left out for errors."""
        return len(self.batch.values.rejected) if self.batch is not None else 0

    @property
    def rows(self) -> int:
        return self.invalid + (len(self.batch) if self.batch is not None else 0)


def load(path: str, finder: pipeline.RubricFinder) -> Table:
    """Read, validate and score one long table; its problems instead of exceptions."""
    try:
        df = read_long(path)
    except InputError as e:
        return Table(path, None, None, tuple(e.problems))
    found = finder.for_ref(_named_rubric(df), Loc(path))
    if isinstance(found, Problem):
        return Table(path, None, None, (found,))
    values, problems = validate_long(df, found, path)
    return Table(path, found, score_long(values, found), tuple(problems))


def _named_rubric(df) -> str:
    """The first rubric named in a 'rubric' column ('' for none)."""
    cols = [c for c in df.columns if str(c).strip().lower() == "rubric"]
    if not cols:
        return ""
    cells = df[cols[0]].to_numpy(dtype=object)
    return next((c.strip() for c in cells if isinstance(c, str) and c.strip()), "")


def _report(tables: list[Table], outcomes: list, console) -> int:
    """Print errors (and a count of warnings) for every input; the exit code."""
    print_outcomes(outcomes + [pipeline.Outcome(t.path, None, t.problems) for t in tables], console)
    code = 0
    for t in tables:
        if t.batch is not None and not t.rows and not errors(t.problems):
            console.print(f"[yellow]{literal(t.path)}: no subjects in the table[/]")
            code = 1
        elif t.batch is None or errors(t.problems):
            left = f"{t.invalid} of {t.rows} subject(s) not scored" if t.batch is not None else "not scored"
            console.print(f"[red]{literal(t.path)}: {len(errors(t.problems))} error(s); {left}[/]")
            code = 1
    if any(not o.ok for o in outcomes):
        console.print(f"[red]{sum(not o.ok for o in outcomes)} of {len(outcomes)} submission(s) invalid[/]")
        code = 1
    return code


def _run(tables: list[str], others: list[str], finder: pipeline.RubricFinder):
    outcomes = list(pipeline.run(others, finder)) if others else []
    return [load(t, finder) for t in tables], outcomes


def _cards(tables: list[Table], outcomes: list) -> Iterator:
    """The valid per-file outcomes' cards, then every scored table's, one at a time."""
    return itertools.chain((o.card for o in outcomes if o.ok),
                           *(iter_scorecards(t.batch, t.rubric) for t in tables if t.batch is not None))


def score(tables: list[str], others: list[str], rubric: str | None, rubrics_dir: str, fmt: str,
          output: Path | None, lang: str | None) -> int:
    """`scorecard score` over long tables (and any other submission files given with them)."""
    loaded, outcomes = _run(tables, others, pipeline.RubricFinder(rubric, rubrics_dir))
    errc = err_console()
    code = _report(loaded, outcomes, errc)
    scored = [t for t in loaded if t.batch is not None]
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    if fmt == "csv":
        pieces = [csv_fmt.render([o.card for o in outcomes if o.ok], lang)]
        pieces += [csv_out.chunks(t.batch, t.rubric, lang, header=False) for t in scored]
        emit_chunks(itertools.chain(pieces[:1], *pieces[1:]), output, errc, encoding)
        return code
    cards, module = _cards(loaded, outcomes), formats.get(fmt)
    if fmt == "table" and output is None:
        module.show(cards, out_console(), lang)
    elif outcomes or scored or fmt == "json":
        many = {"single": False} if fmt == "json" else {}  # a long table is many submissions: an array, always
        pieces = module.chunks(cards, lang, **many) if hasattr(module, "chunks") else \
            iter([module.render(list(cards), lang, **many)])
        emit_chunks(pieces, output, errc, encoding)
    return code


def compare(tables: list[str], others: list[str], rubric: str | None, rubrics_dir: str, period: Any, fmt: str,
            output: Path | None, lang: str | None) -> int:
    """`scorecard compare` over long tables (and any other submission files given with them)."""
    loaded, outcomes = _run(tables, others, pipeline.RubricFinder(rubric, rubrics_dir))
    errc = err_console()
    code = _report(loaded, outcomes, errc)
    scored = [t for t in loaded if t.batch is not None]
    if len(scored) == 1 and not outcomes:
        comparisons = league.comparisons(scored[0].batch, scored[0].rubric, period)
    else:
        comparisons = analysis.compare(list(_cards(scored, outcomes)), period)
    module = compare_formats.get(fmt)
    if fmt == "table" and output is None:
        module.show(comparisons, out_console(), lang)
    elif comparisons or fmt == "json":
        many = {"single": False} if fmt == "json" else {}  # a long table is many submissions: an array, always
        emit(module.render(comparisons, lang, **many), output, errc, "utf-8-sig" if fmt == "csv" else "utf-8")
    return code
