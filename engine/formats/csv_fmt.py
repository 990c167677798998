"""csv: one row per measure per submission, safe to open in Excel (utf-8 BOM is added by the writer)."""
from __future__ import annotations

import csv
import io

from .. import coverage
from .common import measure_dict, r4, safe_cell

NAME = "csv"
SUFFIX = ".csv"
ENCODING = "utf-8-sig"
"""With a BOM, so Excel opens the Chinese text as UTF-8."""
COLUMNS = ("subject", "subject_name", "period", "measure", "label", "method", "value", "score", "max",
           "status", "gap", "recoverable", "owners", "total", "grade", "waiver_reason", "waiver_approved_by",
           "waiver_expires", "coverage")
"""The waiver columns are filled on a waived measure's row (SPEC 9), empty on every other; coverage (SPEC 10,
the scorecard's share of base measures with a value, 0-1) on every row of the scorecard."""


def render(cards, lang: str | None = None) -> str:
    return "".join(chunks(cards, lang))


def chunks(cards, lang: str | None = None):
    """The CSV text in pieces: the header, then one piece per scorecard."""
    yield _rows([COLUMNS])
    runs = cards.runs() if hasattr(cards, "runs") else (("cards", [c]) for c in cards)
    for run in runs:
        if run[0] == "batch":  # a whole long table: its rows straight from the batch's arrays
            from .csv_batch import chunks as batch_chunks

            yield from batch_chunks(run[1], run[2], lang, header=False)
        else:
            for card in run[1]:
                yield _rows(_card_rows(card, lang))


def _rows(rows) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def _card_rows(card, lang):
    sub, cover = card.submission, r4(coverage.share(card))
    for m in card.measures:
        d = measure_dict(m, lang, sub.waivers.get(m.id))
        w = d.get("waiver") or {}
        row = (sub.subject_id, sub.subject_name, sub.period, d["id"], d["label"], d["method"],
               cell_text(d["value"]), d["score"], d["max"], d["status"], d["gap"], d["recoverable"],
               " ".join(d["owners"]), card.total, card.grade.label.get(lang), w.get("reason", ""),
               w.get("approved_by", ""), w.get("expires") or "", cover)
        yield [safe_cell(v) for v in row]


def cell_text(value):
    """A value as a CSV cell: true/false, ratings separated by spaces, '' for none (score's and gaps' CSV)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return " ".join(map(str, value))
    return "" if value is None else value
