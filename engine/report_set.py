"""The full report set (`scorecard report`): which files to write and what goes in them.

``plan(cards, lang)`` renders every registered format (but the terminal table) of score and gaps for each
scorecard, and of compare for all of them together, plus a self-contained HTML report per scorecard
and (for several) an index page, and returns the files as (relative path, text, encoding).  Nothing is
written here; the command writes them atomically.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from . import compare, formats, gaps
from .formats import compare as compare_formats
from .formats import gaps as gap_formats
from .html import card as html_card
from .html import index as html_index
from .results import Scorecard

_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class ReportFile:
    """One file of the report set."""

    path: PurePosixPath
    """Relative to the output folder: '<subject>/<period>.<rubric>.<kind><suffix>' (the HTML report:
    '<subject>/<period>.<rubric>.html'), 'compare<suffix>' or 'index.html'."""
    text: str
    kind: str
    """'score', 'gaps', 'gaps-by-owner', 'html' (the HTML report), 'compare' or 'index' (index.html)."""
    card: Scorecard | None = None
    """The scorecard it reports on; None for compare."""

    @property
    def encoding(self) -> str:
        """CSV opens in Excel with the right characters only with a byte-order mark."""
        return "utf-8-sig" if self.path.suffix == ".csv" else "utf-8"


def plan(cards: list[Scorecard], lang: str | None = None) -> list[ReportFile]:
    """Every file of the report set, per scorecard first, then the comparison (and, for several
    scorecards, index.html linking every HTML report)."""
    out: list[ReportFile] = []
    seen: set[str] = set()
    stems = [unique(f"{part(c.submission.subject_id)}/{part(c.submission.period)}.{part(c.rubric.id)}", seen)
             for c in cards]
    for card, stem in zip(cards, stems):
        out += card_files(card, stem, lang)
        home = "../" * stem.count("/") + "index.html" if len(cards) > 1 else None
        out.append(ReportFile(PurePosixPath(f"{stem}.html"), html_card.render(card, lang, home), "html", card))
    comparisons = compare.compare(cards)
    out += [ReportFile(PurePosixPath("compare" + m.SUFFIX), m.render(comparisons, lang), "compare")
            for m in compare_formats.FORMATS.values() if m.NAME != "table"]
    if len(cards) > 1:
        index = html_index.render(cards, [f"{stem}.html" for stem in stems], lang)
        out.append(ReportFile(PurePosixPath("index.html"), index, "index"))
    return out


def card_files(card: Scorecard, stem: str, lang: str | None) -> list[ReportFile]:
    """score.* and gaps.* (every view) for one scorecard, plus the units' task lists as CSV."""
    rep = gaps.analyse(card)
    files = [ReportFile(PurePosixPath(f"{stem}.score{m.SUFFIX}"), m.render([card], lang), "score", card)
             for m in formats.FORMATS.values() if m.NAME not in ("table", "html")]
    files += [ReportFile(PurePosixPath(f"{stem}.gaps{m.SUFFIX}"), m.render([rep], lang, gap_formats.VIEWS), "gaps",
                         card) for m in gap_formats.FORMATS.values() if m.NAME != "table"]
    owners = gap_formats.get("csv").render([rep], lang, ("owner",))
    files.append(ReportFile(PurePosixPath(f"{stem}.gaps-by-owner.csv"), owners, "gaps-by-owner", card))
    return files


def part(text) -> str:
    """A piece of a file name made from submitted text: letters, digits, '.', '-', '_' only, no leading dot."""
    return _UNSAFE.sub("_", str(text)).lstrip(".") or "_"


def unique(stem: str, seen: set[str]) -> str:
    """``stem``, or ``stem-2``, ``stem-3``... when two submissions would share a name."""
    name, n = stem, 1
    while name in seen:
        n += 1
        name = f"{stem}-{n}"
    seen.add(name)
    return name
