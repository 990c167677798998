"""A measure's method and parameters in a few words (for trees, templates and schema hovers).

Each method says it itself (engine/methods/<name>.py: describe); this is the one door the renderers use.
``in_words`` is `rubric show`'s: the same in the tree's language, numbers as people write them (1,000,000, 100万)
and a choice's options by their labels.
"""
from __future__ import annotations

from . import methods
from .formats.display import qty
from .model import Label, Measure

def describe(m: Measure) -> str:
    """The method and its parameters in a few words: 'linear 60→100%', 'bonus 1/item cap 5'."""
    return methods.get(m.method).describe(m)


def in_words(m: Measure, ui: str | None) -> str:
    """`rubric show`'s words for the method in ``ui`` (zh or en): '加分 每项2分，最多6分', 'bands ≥1,000,000:1'.
    Each method gives its name (TITLE) and its parameters (in_words) in its own module."""
    ui = "zh" if ui == "zh" else "en"
    module = methods.get(m.method)
    rest = module.in_words(m, Say(m, ui))
    name = module.TITLE[ui == "en"]
    return f"{name} {rest}" if rest else name


class Say:
    """The numbers of one measure's parameters as people write them, in ``ui``: what a method's in_words uses."""

    def __init__(self, m: Measure, ui: str):
        self.m, self.ui = m, ui
        self.sign = "≤" if m.params.get("direction") == "lower" else "≥"

    def qty(self, x) -> str:
        """A number in the measure's unit: 1万亿元 in Chinese."""
        return qty(x, self.m.unit, self.ui)

    def plain(self, x) -> str:
        """A number without the unit."""
        return qty(x, "", self.ui)

    def per_item(self, per, cap) -> str:
        if self.ui == "zh":
            return f"每项{per:g}分" + (f"，最多{cap:g}分" if cap is not None else "")  # unbroken at 80 columns
        return f"{per:g}/item" + (f" cap {cap:g}" if cap is not None else "")

    def bands(self, bands) -> str:
        unit = self.m.unit if self.ui == "zh" else ""  # 1万亿元 in Chinese; 1,000,000,000,000 in English
        return ", ".join(f"{self.sign}{qty(b['at'], unit, self.ui)}:{b['score']:g}" for b in bands)

    def scale(self, scale, trim) -> str:
        lo, hi = scale
        cut = ("，去掉最高、最低各{}个" if self.ui == "zh" else " trim {}").format(trim) if trim else ""
        return f"{lo:g}–{hi:g}{cut}"

    def options(self, params) -> str:
        """A choice's options by their labels, each with its score."""
        labels = params.get("labels") or {}
        shown = (Label.of(labels[k]).get(self.ui) if k in labels else str(k) for k in params["options"])
        return ", ".join(f"{s}:{v:g}" for s, v in zip(shown, params["options"].values()))
