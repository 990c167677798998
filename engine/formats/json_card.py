"""One scorecard's compact JSON line (SPEC 6) written from per-measure templates: the very text
``json_fmt.dumps(card_dict(card, lang), None)`` gives, without building a dict per measure and walking it
again in the encoder.  What a measure always says of itself (id, label, method, owners, unit) is encoded
once per run; per card only its numbers, status and what was filed are.

A long table's thousands of subjects are written this way (tests/test_formats_scale.py holds it to the
general path's text on varied cards).
"""
from __future__ import annotations

import json
import math
from typing import Any

from .. import methods, waivers
from ..results import MeasureResult, Scorecard, r2
from ..safe_text import json_ci
from .common import card_dict, ratings_by

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def encoded(x: Any) -> str:
    """``x`` as the compact encoder writes it, with json_ci's escapes (per string: no piece of JSON syntax
    next to one can complete a ``##[``)."""
    if x is None:
        return "null"
    t = type(x)
    if t is float and math.isfinite(x):
        return float.__repr__(x)
    if t is int:
        return int.__repr__(x)
    if t is bool:
        return "true" if x else "false"
    return json_ci(_ENCODE(x))


class CardWriter:
    """Writes cards' JSON lines in one language, keeping each measure's fixed pieces for the next card."""

    def __init__(self, lang: str | None = None):
        self.lang = lang
        self._fixed: dict[int, tuple] = {}
        self._files: dict[str, str] = {}

    def line(self, card: Scorecard) -> str:
        """The card's compact JSON text (no newline)."""
        head = card_dict(card, self.lang, measures=False)
        tail = {k: head.pop(k) for k in list(head) if k in _AFTER}
        sub = card.submission
        measures = ",".join(self.measure(m, sub.waivers.get(m.id)) for m in card.measures)
        return encoded(head)[:-1] + ',"measures":[' + measures + "]," + encoded(tail)[1:]

    def measure(self, m: MeasureResult, waiver=None) -> str:
        """measure_dict's text for one measure."""
        fixed = self._fixed.get(id(m.measure))
        if fixed is None or fixed[0] is not m.measure:
            fixed = self._fixed[id(m.measure)] = self._pieces(m)
        _, start, owned, ratings = fixed
        e = m.entry
        parts = [start, encoded(m.value), ',"score":', encoded(r2(m.score)), ',"max":', encoded(r2(m.max)),
                 ',"status":"', m.status, '","gap":', encoded(r2(m.gap)), ',"recoverable":',
                 encoded(r2(m.recoverable)), owned]
        if e is None:
            parts.append('"filed_by":null,"source":null')
        else:
            parts += ['"filed_by":', encoded(e.filed_by), ',"source":', self._source(e)]
            if e.stage != "self":
                parts += [',"stage":', encoded(e.stage)]
            if ratings:
                parts += [',"ratings":', encoded(ratings_by(e))]
        if m.status == "waived" and waiver is not None:
            parts += [',"waiver":', encoded({k: v for k, v in waivers.as_dict(m.id, waiver).items() if k != "id"})]
        if e is None:
            return "".join(parts) + "}"
        if e.raw is not None:
            parts += [',"original":', encoded(e.raw)]
        if e.approximate:
            parts.append(',"approximate":true')
        if e.evidence:
            parts += [',"evidence":', encoded(list(e.evidence))]
        if e.note:
            parts += [',"note":', encoded(e.note)]
        return "".join(parts) + "}"

    def _pieces(self, m: MeasureResult) -> tuple:
        d, lang = m.measure, self.lang
        start = encoded({"id": d.id, "label": d.label.get(lang), "method": d.method})[:-1] + ',"value":'
        owned = ',"owners":' + encoded(list(d.owners)) + ',"unit":' + encoded(d.unit) + ","
        return d, start, owned, methods.get(d.method).RATINGS

    def _source(self, e) -> str:
        loc = e.loc
        if loc is None or not loc.file:
            return "null"
        if type(loc.line) is not int:
            return encoded(f"{loc.file}:{loc.line}")
        quoted = self._files.get(loc.file)
        if quoted is None:
            quoted = self._files[loc.file] = encoded(loc.file)[:-1]
        return f'{quoted}:{loc.line}"'


_AFTER = ("parts", "waivers", "stages", "changed")
"""card_dict's keys after "measures", in its order."""
