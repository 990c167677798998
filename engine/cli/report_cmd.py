"""scorecard report: write the whole report set (score, gaps, compare) to a folder and list what was written."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import List, Optional

import typer

from .. import report_parallel, report_write
from ..outcome import Cards
from ..safe_text import text
from . import as_of as dating, report_formats
from .common import LANG, LONG, RUBRIC, RUBRICS_DIR, Lang, Tally, err_console, handled, lang_code, out_console, run, \
    voice
from .lines import LINES, say
from .score_cmd import summary


@handled
def report(
    paths: List[str] = typer.Argument(..., help="Submission files or folders.", show_default=False),
    rubric: Optional[str] = RUBRIC,
    rubrics_dir: str = RUBRICS_DIR,
    output: Path = typer.Option(Path("reports"), "--output", "-o", help="Folder to write the reports into "
                                "(never rubrics/ or submissions/)."),
    lang: Optional[Lang] = LANG,
    long: bool = LONG,
    as_of: Optional[str] = dating.ON_REQUEST,
    fmt: Optional[List[str]] = typer.Option(None, "--format", "-f", help=report_formats.HELP, show_default=False,
                                           metavar=report_formats.METAVAR),
) -> int:
    """Write the full report set: for each submission its score and gap report as Markdown, JSON and
    CSV (plus each responsible unit's task list as CSV) and a self-contained HTML report with charts, one
    comparison of all of them, and for several submissions index.html (league table, heatmap, trends,
    links to every report). The set is written whole or not at all (the previous one stays on failure);
    other files in the folder are left alone; invalid submissions are reported and skipped
    (exit 1), the valid ones still written.

    With --format, only those formats: md, html, json, csv (those files of the set), docx (per submission a
    Word document of its gap report and task lists by responsible unit, `<subject>/<period>.<rubric>.gaps.docx`)
    or pdf (the HTML report printed by headless Chromium, `<subject>/<period>.<rubric>.report.pdf`); repeat it
    or give a comma list. All go into the same folder layout, written whole or not at all.

    Example: scorecard report submissions/ -o reports/

    Example: scorecard report submissions/ --format docx,pdf -o reports/
    """
    formats = report_formats.chosen(fmt)
    report_write.check_folder(output)
    errc = err_console()
    tally = Tally(errc)
    cards = list(Cards(dating.dated(run(paths, rubric, rubrics_dir, long), as_of, False), tally.add))
    tally.warn()
    files: list = []  # what was written, without its text: the set is written as it is made
    if cards:
        report_write.write_set(output, _contents(cards, lang_code(lang), formats, files.append))
    if files:
        out_console().print(written_table(files, output, voice()))
    return summary(tally, errc)


def _contents(cards: list, lang: Optional[str], formats: tuple[str, ...], seen):
    """What engine.report_write.write_set writes: the usual set's files rendered and staged on worker processes
    (engine.report_parallel), or with docx or pdf every file made here; ``seen`` is told of each (without its
    text) for the table of what was written."""
    if not {"docx", "pdf"} & set(formats):
        chosen = frozenset(report_formats.SET[f] for f in formats)
        return report_parallel.staged(cards, lang, None if len(chosen) == len(report_formats.SET) else chosen, seen)

    def made(chosen):
        for f in chosen:
            seen(replace(f, text=""))
            yield f.path, f.data
    return made(report_formats.files(cards, lang, formats))


SCREENFUL = 20
"""Submissions the table of what was written lists whole; past it, the first SHOWN."""
SHOWN = 10


def written_table(files, output: Path, lang: Optional[str] = None):
    """One row per submission (its total, grade, files and HTML report), one for the comparison, one for the
    index page; in ``lang`` (engine.cli.lines). Each path on one line where the console it is printed on has room
    for it (engine.cli.written)."""
    from .written import Fitted

    rows = _written_rows(files, output, lang)
    heads = [say(f"col_{col}", lang) for col in ("subject", "period", "total", "grade", "files")]
    return Fitted(text(say("written", lang, n=len(files), output=output)), heads, rows)


def _written_rows(files, output: Path, lang: Optional[str]) -> list:
    """(subject, period, total, grade, [paths]) per row of the table."""
    rows: dict[str, list] = {}
    for f in files:
        stem = str(f.path.with_suffix("")) if f.path.suffix == ".html" else \
            str(f.path.parent / f.path.name.split(".")[0]) if f.card is None else str(f.path).rsplit(".", 2)[0]
        row = rows.setdefault(stem, [f.card, 0, f.kind, None])
        row[1] += 1
        row[3] = f.path if f.path.suffix == ".html" else row[3]
    items = list(rows.items())
    subjects = [r for r in items if r[1][0] is not None]
    if len(subjects) > SCREENFUL:  # a terminal lists the first few submissions, then the set's own files
        hidden = len(subjects) - SHOWN
        items = subjects[:SHOWN] + [None] + [r for r in items if r[1][0] is None]
    out = []
    for item in items:
        if item is None:
            out.append((text("…"), text(say("written_more", lang, n=hidden)), "", "", [f"{output}/<subject>/…"]))
            continue
        stem, (card, count, kind, page) = item
        where = ([f"{output / stem}.* ({count})"] if count > 1 or not page else []) + ([str(output / page)] if page
                                                                                       else [])
        if card is None:
            out.append((text(say(f"kind_{kind}", lang) if f"kind_{kind}" in LINES else kind, "bold"), "", "", "", where))
            continue
        sub = card.submission
        out.append((text(sub.subject_name), text(sub.period), f"{card.total:g}", text(card.grade.label.get(lang)),
                    where))
    return out
