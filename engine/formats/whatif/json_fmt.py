"""json: a what-if as {"before": SPEC 6 result, "after": SPEC 6 result, "changes": [...], "units": [...]}."""
from __future__ import annotations

import json

from ...whatif import WhatIf
from ..common import card_dict
from ..words import owner_name, ui_lang

NAME = "json"
SUFFIX = ".json"


def render(result: WhatIf, lang: str | None = None) -> str:
    return json.dumps(as_dict(result, lang), ensure_ascii=False, indent=2) + "\n"


def as_dict(result: WhatIf, lang: str | None = None) -> dict:
    rubric = result.before.rubric
    ui = ui_lang(lang, rubric)
    changes = [{"id": c.id, "label": rubric.by_id[c.id].label.get(lang), "before": c.before, "after": c.after,
                "score_before": c.score_before, "score_after": c.score_after, "delta": c.delta,
                "owners": list(c.owners)} for c in result.changes]
    units = [{"unit": u.unit, "name": owner_name(rubric, u.unit, ui), "leads": list(u.leads),
              "shares": list(u.shares), "delta": u.delta} for u in result.units]
    return {"before": card_dict(result.before, lang), "after": card_dict(result.after, lang),
            "delta": result.delta, "changes": changes, "units": units}
