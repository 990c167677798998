"""A measure's method and parameters in a few words (for trees, templates and schema hovers).

Each method says it itself (engine/methods/<name>.py: describe); this is the one door the renderers use.
``in_words`` is `rubric show`'s: the same in the tree's language, numbers as people write them (1,000,000, 100万)
and a choice's options by their labels.
"""
from __future__ import annotations

from . import methods
from .formats.display import qty
from .model import Label, Measure

WORDS = {  # method: (zh, en) of its name in the tree; check and veto say it all
    "check": ("判断：是或否", "check: true or false"), "veto": ("一票否决：填“是”即否决", "veto (一票否决): true fires it"),
    "bonus": ("加分", "bonus"), "deduction": ("扣分", "deduction"), "count": ("计数", "count"),
    "threshold": ("达标", "threshold"), "linear": ("线性", "linear"), "bands": ("分档", "bands"),
    "choice": ("选项", "choice"), "rating": ("评分", "rating"),
}


def describe(m: Measure) -> str:
    """The method and its parameters in a few words: 'linear 60→100%', 'bonus 1/item cap 5'."""
    return methods.get(m.method).describe(m)


def in_words(m: Measure, ui: str | None) -> str:
    """`rubric show`'s words for the method in ``ui`` (zh or en): '加分 每项2分，最多6分', 'bands ≥1,000,000:1'."""
    ui = "zh" if ui == "zh" else "en"
    if m.method not in WORDS:
        return describe(m)  # a method this module has no words for: as it describes itself
    name = WORDS[m.method][ui == "en"]
    p, say = m.params, _Say(m, ui)
    if m.method in ("check", "veto"):
        return name
    if m.method in ("bonus", "deduction", "count"):
        return f"{name} {say.per_item(p.get('per', 1), p.get('cap'))}"
    if m.method == "rating":
        lo, hi = p["scale"]
        trim = p.get("trim")
        cut = ("，去掉最高、最低各{}个" if ui == "zh" else " trim {}").format(trim) if trim else ""
        return f"{name} {lo:g}–{hi:g}{cut}"
    if m.method == "choice":
        labels = p.get("labels") or {}
        shown = (Label.of(labels[k]).get(ui) if k in labels else str(k) for k in p["options"])
        return f"{name} " + ", ".join(f"{s}:{v:g}" for s, v in zip(shown, p["options"].values()))
    return f"{name} {say.target()}"


class _Say:
    """The numbers of one measure's parameters as people write them, in ``ui``."""

    def __init__(self, m: Measure, ui: str):
        self.m, self.ui = m, ui
        self.sign = "≤" if m.params.get("direction") == "lower" else "≥"

    def qty(self, x) -> str:
        return qty(x, self.m.unit, self.ui)

    def per_item(self, per, cap) -> str:
        if self.ui == "zh":
            return f"每项{per:g}分" + (f"，最多{cap:g}分" if cap is not None else "")  # unbroken at 80 columns
        return f"{per:g}/item" + (f" cap {cap:g}" if cap is not None else "")

    def target(self) -> str:
        p = self.m.params
        if self.m.method == "threshold":
            return f"{self.sign} {self.qty(p['target'])}"
        if self.m.method == "linear":
            return f"{qty(p['floor'], '', self.ui)}→{self.qty(p['target'])}"
        unit = self.m.unit if self.ui == "zh" else ""  # 1万亿元 in Chinese; 1,000,000,000,000 in English
        return ", ".join(f"{self.sign}{qty(b['at'], unit, self.ui)}:{b['score']:g}" for b in p["bands"])
