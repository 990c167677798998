"""docx: one submission's gap report and its per-unit task lists as a Word document officials can edit
(`scorecard report --format docx`), written with python-docx.

``render(card, lang) -> bytes``: the summary, the charts (bars as PNG images, labels as text), the ranked
gaps, missing data, attainment by indicator, every responsible unit's task list and the waivers, in
Word's Heading styles, with a Latin and an East Asian font on every run. python-docx is imported only
here, so validate, check and every other format never load it.
"""
from __future__ import annotations

from io import BytesIO

from ...formats.words import ui_lang
from ...gaps import analyse
from ...results import Scorecard
from . import blocks, charts, report, style, tasks
from .text import clean
from .words import local

NAME = "docx"
SUFFIX = ".docx"


def render(card: Scorecard, lang: str | None = None) -> bytes:
    """The .docx file of one scorecard."""
    ui, rep = ui_lang(lang, card.rubric), analyse(card)
    doc = style.new_document(ui)
    properties(doc, card, lang)
    report.summary(doc, rep, ui, lang)
    report.stage_changes(doc, rep, ui, lang)
    blocks.heading(doc, local("glance", ui))
    for depth in (0, 1):
        charts.attainment(doc, rep, ui, lang, depth)
    charts.gaps(doc, rep, ui, lang)
    charts.owners(doc, rep, ui, lang)
    report.gap_table(doc, rep, ui, lang)
    report.missing(doc, rep, ui, lang)
    report.indicators(doc, rep, ui, lang)
    tasks.task_lists(doc, rep, ui, lang)
    report.waived(doc, rep, ui, lang)
    report.footer(doc, rep, ui)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()


def properties(doc, card: Scorecard, lang: str | None) -> None:
    """The file's title and language as Word's File > Info shows them."""
    sub = card.submission
    core = doc.core_properties
    core.title = clean(f"{sub.subject_name} · {sub.period} · {card.rubric.title.get(lang)}")[:255]
    core.subject = clean(card.rubric.title.get(lang))[:255]
    core.author, core.language = "scorecard", style.LANGS[ui_lang(lang, card.rubric)]
