"""A long table and the same rows written as one CSV file per (subject, period) are the same input:
LongTable.raws(), checked and scored the per-submission way, gives the per-file results and, at the
table's cells, the per-file problems; LongTable.validate says which (subject, period) owns each problem."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from engine import readers, validate
from engine.readers.long_table import LongTable
from engine.scoring import score
from engine.table_rows import period_value
from tests.batch.strategies import cell, rubrics
from tests.tabular.helpers import write_csv

HEADER = ["subject", "period", "measure", "value"]
PERIODS = ["2024", "2025H1", " 2024 "]
EXTRA = {"evidence": ["", "doc 1", "a；b", " "], "subject_name": ["", "金昌市", "Jinchang"], "note": ["", "n"],
         "rubric": ["", "r"]}
"""Optional columns and the cells they may hold (a subject_name or rubric differing within a pair is an error)."""


@st.composite
def tables(draw, strays: bool = False):
    """A rubric and a long table's rows: a few (subject, period) pairs, their rows interleaved, some
    cells wrong, some measures given twice or unknown; with ``strays``, rows that name no pair."""
    rubric = draw(rubrics())
    extra = draw(st.lists(st.sampled_from(sorted(EXTRA)), unique=True, max_size=2))
    more = lambda: [draw(st.sampled_from(EXTRA[c])) for c in extra]  # noqa: E731
    rows = []
    for s in range(draw(st.integers(1, 3))):
        for period in draw(st.lists(st.sampled_from(PERIODS[:2]), min_size=1, max_size=2, unique=True)):
            for m in rubric.measures:
                for _ in range(draw(st.sampled_from([0, 1, 1, 1, 1, 2]))):
                    rows.append([f"s{s}", period, m.id, draw(cell(m)).replace("\n", " "), *more()])
            if draw(st.integers(0, 4)) == 0:
                rows.append([f"s{s}", draw(st.sampled_from(PERIODS)), draw(st.sampled_from(["Z.9", "", "G1"])), "1",
                             *more()])
    if strays:
        rows += [row + more() for row in draw(st.lists(st.sampled_from(
            [["", "2024", "G1.1", "1"], ["s0", "", "G1.1", "1"], ["", "", "", "1"], ["", "", "", ""]]), max_size=3))]
    return rubric, [*HEADER, *extra], draw(st.permutations(rows))


def pair(row: list[str]) -> tuple[str, object] | None:
    sid, period = row[0].strip(), period_value(row[1])
    return (sid, period) if sid and period != "" else None


def checked(raw, problems, rubric):
    sub, more = validate.check(raw, rubric)
    found = sorted(problems + more, key=lambda p: (p.loc.line, p.loc.col, p.message))
    return (None if any(p.is_error for p in found) else score(rubric, sub)), found


@settings(max_examples=120, deadline=None)
@given(tables())
def test_raws_are_the_per_subject_files(case):
    rubric, header, rows = case
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        long = write_csv(tmp / "long.csv", [header, *rows])
        (_, table, problems), = readers.read(long, force_long=True)
        assert isinstance(table, LongTable) and problems == []
        lines: dict = {}
        for i, row in enumerate(rows):
            lines.setdefault(pair(row), []).append(i + 2)
        raws = list(table.raws())
        assert [(r.subject_id, r.period) for r, _ in raws] == list(lines)  # first appearance, every pair
        for raw, problems in raws:
            key = (raw.subject_id, raw.period)
            path = write_csv(tmp / "per" / key[0] / f"{key[1]}.csv",
                             [header, *(rows[line - 2] for line in lines[key])])
            (_, fraw, fproblems), = readers.read(path)
            card, found = checked(raw, problems, rubric)
            fcard, ffound = checked(fraw, fproblems, rubric)
            at = dict(enumerate(lines[key], start=2))  # the file's line -> the table's line
            assert [str(p) for p in found] == sorted(
                (_moved(p, at, str(path), str(long)) for p in ffound), key=_order)
            assert (card is None) == (fcard is None)
            if card is not None:
                assert (card.total, card.grade.id, card.vetoed_by) == (fcard.total, fcard.grade.id, fcard.vetoed_by)
                assert [(m.id, m.score, m.status) for m in card.measures] == \
                    [(m.id, m.score, m.status) for m in fcard.measures]
                assert [(g.id, g.score) for g in card.groups] == [(g.id, g.score) for g in fcard.groups]


def _moved(p, at: dict, path: str, long: str) -> str:
    """A per-file problem as it reads at the table's cells (its line, and the rows it names)."""
    text = str(p).replace(path, long, 1)
    text = re.sub(r"^([^:]*):(\d+):", lambda m: f"{m[1]}:{at.get(int(m[2]), int(m[2]))}:", text)
    text = re.sub(r"in row (\d+);", lambda m: f"in row {at[int(m[1])]};", text)
    return re.sub(r"rows (\d+) and (\d+)", lambda m: f"rows {at[int(m[1])]} and {at[int(m[2])]}", text)


def _order(text: str):
    m = re.match(r"^[^:]*:(\d+):(\d+):\s*(?:info: |warning: )?(?:[^:]*: )?(.*)", text)
    return (int(m[1]), int(m[2]), m[3]) if m else (0, 0, text)


@settings(max_examples=80, deadline=None)
@given(tables(strays=True))
def test_every_problem_is_owned_by_the_pair_of_its_row(case):
    rubric, header, rows = case
    with tempfile.TemporaryDirectory() as tmp:
        long = write_csv(Path(tmp) / "long.csv", [header, *rows])
        (_, table, _), = readers.read(long, force_long=True)
        values, problems, owners = table.validate(rubric)
        assert len(owners) == len(problems)
        for p, owner in zip(problems, owners):
            row = rows[p.loc.line - 2] if p.loc.line and p.loc.line >= 2 else None
            assert owner == (pair(row) if row else None), str(p)
        assert {(s, q) for s, q in zip(values.subjects.tolist(), values.periods.tolist())}.isdisjoint(
            {o for o, p in zip(owners, problems) if o and p.is_error})  # an owner with an error is not scored
        filled = [any(c.strip() for c in row[:3]) or row[3] != "" for row in rows]  # other cells do not count
        strays = [i + 2 for i, row in enumerate(rows) if pair(row) is None and filled[i]]
        assert [p.loc.line for p in table.table_problems()] == strays
