"""Data-quality rules of a rubric (SPEC 10): a part at most its whole, shares at most their total, a
headline figure that does not jump from one period to the next.

    rubric.rules                      # Lte, SumLte, MaxChange, built from the rubric's `rules:`
    check(rubric, values)             # the lte / sum_lte problems of one submission
    change(rule, before, now)         # a max_change problem, given the previous period's values

``values`` maps a measure id to a Value (the number and where it was written); a measure without a numeric
value is missing and a rule that needs it does not apply.  Nothing here is ever evaluated as code: a rule is
a kind and measure ids.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from .methods._common import is_number
from .model import Loc
from .problems import Problem, did_you_mean

NUMERIC_CELLS = ("number", "count")
"""How a method's value is read (its CELL): those whose value is one number a rule can compare."""
EPS = 1e-9
KINDS = ("lte", "sum_lte", "max_change")


@dataclass(frozen=True, kw_only=True)
class _Said:
    """What every rule has besides its kind: its message, severity and place in the rubric."""

    message: str = ""
    severity: str = "warning"
    """'warning' or 'error' (a broken error rule makes the submission invalid)."""
    loc: Loc = Loc("")


@dataclass(frozen=True)
class Lte(_Said):
    """The value of ``a`` is at most the value of ``b``."""

    a: str
    b: str

    @property
    def ids(self) -> tuple[str, ...]:
        return (self.a, self.b)


@dataclass(frozen=True)
class SumLte(_Said):
    """The sum of the values of ``parts`` is at most the value of ``whole``."""

    parts: tuple[str, ...]
    whole: str

    @property
    def ids(self) -> tuple[str, ...]:
        return self.parts + (self.whole,)


@dataclass(frozen=True)
class MaxChange(_Said):
    """The value of ``measure`` moves by at most ``pct`` percent from the subject's previous period."""

    measure: str
    pct: float

    @property
    def ids(self) -> tuple[str, ...]:
        return (self.measure,)


Rule = Lte | SumLte | MaxChange


@dataclass(frozen=True)
class Value:
    """A measure's numeric value and where it was written (None: not known yet, see pipeline)."""

    number: float
    loc: Loc | None
    parts: tuple[str, ...] = ()
    """The files it may come from (to find its place when the loc is not known)."""


# --- the rubric side -------------------------------------------------------------------------------------

def build(raw: Iterable, locate) -> tuple:
    """The rules of a rubric document that passed lint (``locate(path)`` places a path in the file)."""
    out = []
    for i, r in enumerate(raw or ()):
        extra = {"message": str(r.get("message", "")), "severity": r.get("severity", "warning"), "loc": locate(("rules", i))}
        if "lte" in r:
            out.append(Lte(str(r["lte"][0]), str(r["lte"][1]), **extra))
        elif "sum_lte" in r:
            out.append(SumLte(tuple(str(x) for x in r["sum_lte"][0]), str(r["sum_lte"][1]), **extra))
        else:
            out.append(MaxChange(str(r["max_change"]["measure"]), float(r["max_change"]["pct"]), **extra))
    return tuple(out)


def lint(rules, measures: Mapping[str, dict]) -> list[tuple[tuple, str]]:
    """(path in the rubric, message) for every rule naming what is not a numeric measure, or a pct <= 0.
    ``measures``: measure id -> its raw node, with every method's CELL at hand."""
    from . import methods

    numeric = {m for m, node in measures.items()
               if getattr(methods.METHODS.get(node.get("method")), "CELL", "") in NUMERIC_CELLS}
    out = []
    for i, r in enumerate(rules if isinstance(rules, list) else ()):
        if not isinstance(r, dict):
            continue
        kinds = [k for k in KINDS if k in r]
        if len(kinds) != 1:
            said = "none" if not kinds else " and ".join(kinds)
            out.append((("rules", i), f"a rule is one of {', '.join(KINDS)}: this one has {said}"))
        for path, mid in _named(r, ("rules", i)):
            if mid not in measures:
                out.append((path, f"rule names {mid!r}, which is not a measure of this rubric"
                                  f"{did_you_mean(mid, measures)}"))
            elif mid not in numeric:
                out.append((path, f"rule names {mid!r}, whose value is not a number (method "
                                  f"{measures[mid].get('method')!r}): only a measure with a numeric value can be compared"
                                  f"{did_you_mean(mid, numeric)}"))
        pct = r.get("max_change", {}).get("pct") if isinstance(r.get("max_change"), dict) else None
        if is_number(pct) and not pct > 0:
            out.append((("rules", i, "max_change", "pct"), f"max_change pct must be more than 0, not {pct}"))
    return out


def _named(rule: dict, at: tuple):
    """(path, measure id) of every id a raw rule names."""
    if isinstance(rule.get("lte"), list):
        yield from ((at + ("lte", j), m) for j, m in enumerate(rule["lte"]) if isinstance(m, str))
    if isinstance(rule.get("sum_lte"), list) and rule["sum_lte"]:
        parts = rule["sum_lte"][0]
        yield from ((at + ("sum_lte", 0, j), m) for j, m in enumerate(parts if isinstance(parts, list) else ())
                    if isinstance(m, str))
        if len(rule["sum_lte"]) > 1 and isinstance(rule["sum_lte"][1], str):
            yield at + ("sum_lte", 1), rule["sum_lte"][1]
    mc = rule.get("max_change")
    if isinstance(mc, dict) and isinstance(mc.get("measure"), str):
        yield at + ("max_change", "measure"), mc["measure"]


# --- the submission side ---------------------------------------------------------------------------------

def wanted(rubric) -> set[str]:
    """Every measure a rule of the rubric reads."""
    return {m for r in rubric.rules for m in r.ids}


def of_submission(rubric, sub) -> dict[str, Value]:
    """The numeric values a rule reads of a submission (a verified entry over the self-assessed one)."""
    out = {}
    for m in wanted(rubric):
        e = sub.verified.get(m) or sub.entries.get(m)
        if e is not None and is_number(e.value) and not isinstance(e.value, bool):
            out[m] = Value(float(e.value), e.loc, sub.parts or (sub.path,))
    return out


def of_table_row(rubric, values, row: int) -> dict[str, Value]:
    """The numeric values a rule reads of one (subject, period) of a long table (engine.vector LongValues)."""
    out = {}
    for m in wanted(rubric):
        j = values.measures.index(m) if m in values.measures else -1
        if j < 0 or not values.present[row, j] or (row, j) in values.lists:
            continue
        x = float(values.number[row, j])
        if x != x:  # NaN: no number
            continue
        line = values.line(int(values.rows[row, j])) if values.rows is not None and values.rows[row, j] >= 0 else 1
        out[m] = Value(x, Loc(values.path, line, values.value_col or 1), (values.path,))
    return out


def check(rubric, values: Mapping[str, Value]) -> list[Problem]:
    """The lte and sum_lte rules one submission breaks (a rule missing any of its values does not apply)."""
    out = []
    for r in rubric.rules:
        if isinstance(r, MaxChange) or not all(m in values for m in r.ids):
            continue
        if isinstance(r, Lte):
            a, b = values[r.a].number, values[r.b].number
            if a > b + EPS * max(1.0, abs(b)):
                out.append(_problem(r, values[r.a], r.a, f"{r.a} = {_n(a)} is more than {r.b} = {_n(b)}"))
        else:
            total, whole = sum(values[m].number for m in r.parts), values[r.whole].number
            if total > whole + EPS * max(1.0, abs(whole)):
                said = " + ".join(r.parts)
                out.append(_problem(r, values[r.whole], r.whole,
                                    f"{said} = {_n(total)} is more than {r.whole} = {_n(whole)}"))
    return out


def change(rule: MaxChange, before: tuple, now: Value) -> Problem | None:
    """The problem when ``now`` moved more than ``rule.pct`` percent from ``before`` = (period, Value)."""
    period, old = before
    base = abs(old.number)
    moved = abs(now.number - old.number)
    if base == 0:
        if moved == 0:
            return None
        pct = "from 0"
    else:
        ratio = moved / base * 100
        if ratio <= rule.pct + EPS:
            return None
        pct = f"{ratio:.1f}%"
    return _problem(rule, now, rule.measure, f"{rule.measure} moved {pct} from {_n(old.number)} in {period} to "
                                             f"{_n(now.number)} (at most {_n(rule.pct)}% allowed)")


def _problem(rule, at: Value, mid: str, what: str) -> Problem:
    text = f"{rule.message} ({what})" if rule.message else what
    return Problem(at.loc or Loc(at.parts[0] if at.parts else ""), text, mid, "error" if rule.severity == "error" else "warning", "rule")


def _n(x: float) -> str:
    return f"{x:.6g}"


# --- across periods: max_change --------------------------------------------------------------------------

def over_periods(items, locate):
    """The Outcomes of a run, with every max_change rule checked between each subject's periods.

    ``items``: (Outcome, values the rules read) in input order; ``locate(value, measure id)`` finds the place
    of a value read without one.  Outcomes stream through until the first one whose rubric has a max_change
    rule; from there on every outcome is held (a later input may be the subject's earlier period, and the
    order of the inputs is kept) and they are given out at the end, the later period of each broken rule
    carrying its problem (an error one: that outcome made invalid)."""
    held: list = []
    for outcome, values in items:
        if not held and not _changes(outcome):
            yield outcome
            continue
        held.append((outcome, values))
    if not held:
        return
    said = _compare(held)
    for i, (outcome, values) in enumerate(held):
        yield _with(outcome, _placed(said.get(i, ()), locate))


def _changes(outcome) -> tuple:
    filed = outcome.filing
    return tuple(r for r in filed.rubric.rules if isinstance(r, MaxChange)) if filed is not None else ()


def _compare(held: list) -> dict[int, list]:
    """Index in ``held`` -> the (rule, value) pairs its outcome breaks against its subject's previous period."""
    subjects: dict = {}
    for i, (outcome, _) in enumerate(held):
        f = outcome.filing
        if f is not None and _changes(outcome):
            subjects.setdefault((f.rubric.id, f.subject_id), []).append(i)
    out: dict[int, list] = {}
    for idx in subjects.values():
        if len(idx) < 2:  # one period: nothing to compare it with (and engine.trends not imported for it)
            continue
        from .trends import period_key

        idx.sort(key=lambda i: period_key(held[i][0].filing.period))
        for before, now in zip(idx, idx[1:]):
            old, new = held[before][1], held[now][1]
            for rule in _changes(held[now][0]):
                if rule.measure in old and rule.measure in new:
                    p = change(rule, (held[before][0].filing.period, old[rule.measure]), new[rule.measure])
                    if p is not None:
                        out.setdefault(now, []).append((p, new[rule.measure]))
    return out


def _placed(found, locate) -> list[Problem]:
    from dataclasses import replace

    out = []
    for p, value in found:
        if value.loc is None:
            loc = locate(value, p.id)
            p = replace(p, loc=loc) if loc is not None else p
        out.append(p)
    return out


def _with(outcome, more: list[Problem]):
    """The outcome with the problems of max_change rules added (an error drops its scorecard)."""
    if not more:
        return outcome
    from .outcome import Outcome

    problems = list(outcome.problems) + more
    if any(p.is_error for p in more):
        return Outcome(outcome.path, None, problems, outcome.parts, where=outcome.where, filing=outcome.filing)
    return Outcome(outcome.path, outcome._card, problems, outcome.parts, row=outcome.row, where=outcome.where,
                   filing=outcome.filing)
