"""`scorecard report --format`: which files of which formats the report set holds.

Without --format the set is what it always was (SPEC: Markdown, HTML, JSON and CSV). Each --format (may be
repeated, or a comma list) names a part of it or an addition, and the set holds those files only:

- md, html, json, csv: those files of the usual set (html includes index.html);
- docx: a Word document per submission, its gap report and per-unit task lists,
  '<subject>/<period>.<rubric>.gaps.docx';
- pdf: the HTML report printed by headless Chromium, '<subject>/<period>.<rubric>.report.pdf'.

Every file of every format goes into the same folder layout and is written whole or not at all
(engine.report_write).
"""
from __future__ import annotations

from pathlib import PurePosixPath

from .. import report_set
from ..problems import UsageError

SET = {"md": ".md", "html": ".html", "json": ".json", "csv": ".csv"}
"""The usual set's formats and the suffix of their files."""
NAMES = (*SET, "docx", "pdf")
METAVAR = f"<{'|'.join(NAMES)}>"
HELP = ("What to write (repeat it or give a comma list): md, html, json, csv (those files of the usual set), docx "
        "(a Word document per submission: gap report and task lists by responsible unit), pdf (the HTML report "
        "printed by headless Chromium). Default: md, html, json and csv, the usual set.")


def chosen(values: list[str] | None) -> tuple[str, ...]:
    """The formats asked for, in order, each once; the usual set when none was."""
    names = [v.strip().lower() for value in values or () for v in value.split(",") if v.strip()]
    wrong = [n for n in names if n not in NAMES]
    if wrong:
        raise UsageError(f"unknown --format {wrong[0]!r}: use {', '.join(NAMES)} (or a comma list of them)")
    if "pdf" in names:
        _browser()  # no Chromium: say so before scoring anything
    return tuple(dict.fromkeys(names)) or tuple(SET)


def files(cards: list, lang: str | None, formats: tuple[str, ...]):
    """The report set's files for these formats (report_set.ReportFile), each made when it is reached; a
    missing Chromium is a UsageError here, before anything is made or written."""
    exe = _browser() if "pdf" in formats else None
    word = _docx(lang) if "docx" in formats else None
    return _files(cards, lang, formats, word, exe)


def _files(cards: list, lang: str | None, formats: tuple[str, ...], word, exe: str | None):
    suffixes = frozenset(SET[f] for f in formats if f in SET)
    if len(suffixes) == len(SET):  # the whole usual set, as without --format
        yield from report_set.files(cards, lang)
    elif suffixes:
        yield from report_set.files(cards, lang, suffixes)
    if word is not None:
        yield from per_card(cards, "gaps.docx", "gaps", word)
    if exe is not None:
        yield from per_card(cards, "report.pdf", "pdf", _pdf(lang, exe))


def per_card(cards: list, suffix: str, kind: str, render):
    """One file per scorecard at '<stem>.<suffix>', the stems the rest of the set uses."""
    for card, stem in zip(cards, report_set.card_stems(cards)):
        yield report_set.ReportFile(PurePosixPath(f"{stem}.{suffix}"), render(card), kind, card)


def _docx(lang):
    """docx.render for this language; UsageError when python-docx is not installed."""
    try:
        from ..formats import docx
    except ImportError as e:
        raise UsageError(f"--format docx needs python-docx ({e.name} is not installed): "
                         "pip install python-docx, or reinstall scorecard-engine") from None
    return lambda card: docx.render(card, lang)


def _pdf(lang, exe: str):
    from .. import pdf
    from ..html import card as html_card

    return lambda card: pdf.print_html(html_card.render(card, lang), exe)


def _browser() -> str:
    from .. import pdf

    return pdf.browser()
