"""A measure's method and parameters in a few words (for trees, templates and schema hovers)."""
from __future__ import annotations

from .model import Measure


def describe(m: Measure) -> str:
    """The method and its parameters in a few words."""
    p = m.params
    unit = m.unit
    if m.method == "threshold":
        return f"threshold {'≤' if p.get('direction') == 'lower' else '≥'} {p['target']:g}{unit}"
    if m.method == "linear":
        return f"linear {p['floor']:g}→{p['target']:g}{unit}"
    if m.method == "bands":
        sign = "≤" if p.get("direction") == "lower" else "≥"
        return "bands " + ", ".join(f"{sign}{b['at']:g}:{b['score']:g}" for b in p["bands"])
    if m.method == "choice":
        return "choice " + ", ".join(f"{k}:{v:g}" for k, v in p["options"].items())
    if m.method == "rating":
        return f"rating {p['scale'][0]:g}–{p['scale'][1]:g}" + (f" trim {p['trim']}" if p.get("trim") else "")
    if m.method in ("count", "bonus", "deduction"):
        cap = p.get("cap")
        return f"{m.method} {p.get('per', 1):g}/item" + (f" cap {cap:g}" if cap is not None else "")
    return {"check": "check: true or false", "veto": "veto (一票否决): true fires it"}.get(m.method, m.method)
