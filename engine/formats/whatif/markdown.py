"""markdown: a what-if to paste into a report or a pull request (every text from files escaped by md)."""
from __future__ import annotations

from ...safe_text import md
from ...whatif import WhatIf
from ..markdown import bold, row
from ..words import ui_lang, word
from .table import CHANGE_KEYS, UNIT_KEYS, change_cells, line, unit_cells

NAME = "markdown"
SUFFIX = ".md"


def render(result: WhatIf, lang: str | None = None) -> str:
    b = result.before
    ui = ui_lang(lang, b.rubric)
    sub = b.submission
    out = [f"# {md(word('whatif_title', ui))} · {md(sub.subject_name)} · {md(sub.period)} · "
           f"{md(b.rubric.title.get(lang))}", "", bold(line(result, lang)), ""]
    out += _table(word("whatif_changes", ui), CHANGE_KEYS, ui, [change_cells(c, result, lang) for c in result.changes])
    if result.units:
        out += _table(word("whatif_units", ui), UNIT_KEYS, ui, [unit_cells(u, result, lang) for u in result.units])
    return "\n".join(out + [md(word("whatif_note", ui)), ""])


def _table(title: str, keys, ui: str, rows) -> list[str]:
    rule = "|" + "|".join("--:" if just == "right" else "---" for _, just in keys) + "|"
    return [f"## {md(title)}", "", row(*(word(k, ui) for k, _ in keys)), rule, *(row(*cells) for cells in rows), ""]
