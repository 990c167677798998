"""What the reports show of a campaign's stages and assessors (SPEC 8), worked out once for every renderer.

- ``stages(card)``: 自评分 against 核定分 — the self-assessed total, the verified one, and the measures whose
  verified value changed the score, each with its values, its delta in points of the total and the verifier's
  note (the province's feedback to the city); None when there is no verified stage.
- ``panels(card)``: the assessor panel of each rating measure rated by two or more sources: who gave which
  ratings, what trim kept, the trimmed mean, the spread (highest less lowest) and whether it is wider than the
  rubric's ``disagree`` (engine.methods.rating).

Pure: a Scorecard in, frozen rows and plain texts out; the renderers only lay them out and escape them.
"""
from __future__ import annotations

from dataclasses import dataclass

from .formats.common import num
from .formats.words import qty, word
from .methods import rating
from .model import Measure
from .results import Change, MeasureResult, Scorecard, r2

MIN_SOURCES = 2
"""A panel is shown for a rating measure rated by at least this many sources (assessors or files)."""


@dataclass(frozen=True)
class Changed:
    """A measure the verified stage changed, with the rubric's measure (its label and unit)."""

    change: Change
    measure: Measure


@dataclass(frozen=True)
class Stages:
    self_total: float
    verified_total: float
    delta: float
    """verified - self, in points of the total (2 decimals)."""
    changed: tuple[Changed, ...]


def stages(card: Scorecard) -> Stages | None:
    """The comparison of the two stages; None when the card has no verified stage."""
    if not card.stages:
        return None
    own, verified = card.stages["self"], card.stages["verified"]
    by_id = card.rubric.by_id
    return Stages(own, verified, r2(verified - own), tuple(Changed(c, by_id[c.id]) for c in card.changed))


@dataclass(frozen=True)
class Panel:
    """One rating measure's assessors."""

    result: MeasureResult
    rows: tuple[tuple[str, tuple[float, ...]], ...]
    """(assessor id or file, its ratings), in input order."""
    ratings: tuple[float, ...]
    """Every rating, joined in input order: what trim applies to."""
    kept: tuple[float, ...]
    """The ratings the mean averages, lowest first."""
    mean: float
    spread: float
    """The highest rating less the lowest, of all of them."""
    limit: float
    """The spread above which the assessors disagree widely."""
    disagrees: bool

    @property
    def measure(self) -> Measure:
        return self.result.measure


def panel(m: MeasureResult) -> Panel | None:
    """The panel of a rating measure that holds ratings by source; None for any other."""
    if m.measure.method != rating.NAME or m.entry is None or not m.entry.ratings:
        return None
    meas, rows = m.measure, tuple((who, tuple(rs)) for who, rs in m.entry.ratings)
    every = [x for _, rs in rows for x in rs]
    return Panel(m, rows, tuple(every), tuple(rating.kept(meas, every)), rating.mean(meas, every),
                 rating.spread(every), rating.disagree_limit(meas), rating.disagrees(meas, every))


def panels(card: Scorecard, least: int = MIN_SOURCES) -> tuple[Panel, ...]:
    """The panels of the card's rating measures rated by ``least`` or more distinct sources, in rubric order."""
    found = (panel(m) for m in card.measures)
    return tuple(p for p in found if p is not None and len({who for who, _ in p.rows}) >= least)


# --- Texts every renderer shows the same (plain: each renderer escapes them for its destination) -----------

def signed(x: float) -> str:
    """A change in points: '+1.5', '−2.5' (a minus sign, as deductions are shown), '±0'."""
    shown = num(abs(x))
    return "±0" if shown == "0" else ("+" if x > 0 else "−") + shown


def stage_line(st: Stages, ui: str) -> str:
    """'自评分 86.5 · 核定分 84 (−2.5)'."""
    return word("stage_line", ui, self=num(st.self_total), verified=num(st.verified_total), delta=signed(st.delta))


def stage_value(value, measure: Measure, ui: str) -> str:
    """A stage's value of a measure as people write it ('—' when that stage gave none)."""
    from .formats import display

    return display.value(measure, value, ui)


def change_cells(c: Changed, ui: str, lang: str | None) -> tuple[str, ...]:
    """id, label, self value, verified value, delta in points of the total, the verifier's note."""
    ch = c.change
    return (ch.id, c.measure.label.get(lang), stage_value(ch.self, c.measure, ui),
            stage_value(ch.verified, c.measure, ui), signed(ch.delta), ch.note or "")


def ratings_text(ratings) -> str:
    """'3 4 5'."""
    return " ".join(num(x) for x in ratings)


def flag_text(p: Panel, ui: str) -> str:
    """'⚠ 分歧较大（>1）' when the assessors disagree widely, '' otherwise."""
    return word("panel_wide", ui, limit=num(p.limit)) if p.disagrees else ""
