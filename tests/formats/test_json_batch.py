"""A long table's JSON lines written from the batch's arrays (engine.formats.json_batch) are, character for
character, the lines json_card writes from each row's Scorecard: on random rubrics and cells, on the bench's
table with odd and missing cells, on waivers, notes, evidence and hostile text, on a workbook's shown
numbers, in every language and at every chunk size; and `scorecard score -f json` writes them."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import pipeline
from engine.formats import json_batch, json_cells
from engine.formats.json_card import CardWriter
from engine.outcome import Cards
from engine.readers.long.validate import validate_long
from engine.vector.cards import card
from engine.vector.score import score_long
from tests.batch.strategies import cell, rubrics
from tests.test_formats_scale import HOSTILE, TABLE, WAIVER_RUBRIC
from tests.conftest import dedent
from tests.tabular.helpers import write_csv

ROOT = Path(__file__).resolve().parents[2]
CITY = ROOT / "rubrics" / "ethnic-unity-city.yaml"
LANGS = (None, "zh", "en")
TEXTS = st.sampled_from(["", " ", "文件一", "文件一；文件二", HOSTILE, "a;b", "  note  ", '"q"\\'])


def expected(batch, rubric, lang) -> list[str]:
    writer = CardWriter(lang)
    return [writer.line(card(batch, rubric, i)) for i in range(len(batch))]


def batches(path: Path, rubric: Path | None = None, long: bool = False) -> list:
    outcomes = pipeline.run([str(path)], pipeline.RubricFinder(rubric and str(rubric), str(ROOT / "rubrics")),
                            force_long=long)
    runs = list(Cards(outcomes).runs())
    found = [(r[1], r[2]) for r in runs if r[0] == "batch"]
    assert found, "the table was not scored as one batch"
    return found


@st.composite
def tables(draw):
    rubric = draw(rubrics())
    rows = []
    for s in range(draw(st.integers(min_value=1, max_value=5))):
        for m in rubric.measures:
            if draw(st.integers(0, 5)):
                rows.append((f"s{s}", "2024", m.id, draw(cell(m)), draw(TEXTS), draw(TEXTS)))
    return rubric, draw(st.permutations(rows))


@settings(max_examples=150, deadline=None)
@given(tables(), st.sampled_from(LANGS), st.integers(1, 4))
def test_random_tables(case, lang, size):
    rubric, rows = case
    df = pd.DataFrame(list(rows) or None, columns=["subject", "period", "measure", "value", "evidence", "note"],
                      dtype=object)
    values, _ = validate_long(df, rubric, "t.csv")
    batch = score_long(values, rubric)
    assert list(json_batch.lines(batch, rubric, lang, size)) == expected(batch, rubric, lang)


@pytest.mark.parametrize("lang", LANGS)
def test_the_bench_table_with_odd_and_missing_cells(tmp_path, lang):
    from bench.long_table import generate

    generate(tmp_path / "long.csv", 30, seed=11, odd=0.4, missing=0.25)
    (batch, rubric), = batches(tmp_path / "long.csv", CITY)
    got = list(json_batch.lines(batch, rubric, lang, 7))
    assert got == expected(batch, rubric, lang)
    measures = [m for line in got for m in json.loads(line)["measures"]]
    for key in ("original", "approximate", "evidence", "ratings"):
        assert any(key in m for m in measures), key
    assert any(m["value"] is None for m in measures)


def test_waivers_notes_and_hostile_text(tmp_path):
    (tmp_path / "wv.yaml").write_text(dedent(WAIVER_RUBRIC).replace("MISSING", "zero"), encoding="utf-8")
    rows = [("subject", "period", "measure", "value", "reason", "approved_by", "expires", "note", "evidence")]
    write_csv(tmp_path / "wv.csv", rows + [(s, 2024, *rest) for s, *rest in TABLE])
    (batch, rubric), = batches(tmp_path / "wv.csv", tmp_path / "wv.yaml")
    for lang in LANGS:
        got = list(json_batch.lines(batch, rubric, lang, 2))
        assert got == expected(batch, rubric, lang)
    text = "".join(got)
    assert '"waiver":' in text and '"note":' in text and "##\\u005b" in text and "##[" not in text


def test_cells_of_other_types_stay_apart_from_equal_text():
    """A table read with typed cells (Parquet: numbers and booleans, not text) is coded by type and text, so
    85 and '85', or a workbook's shown '85%' and the typed text '85%', are never one cell."""
    from engine.numbers import Shown

    cells = np.array(["85", 85, Shown("85%"), "85%", "85", 85.0, True], dtype=object)
    codes, distinct = json_cells.codes(cells)
    assert codes.tolist()[0] == codes.tolist()[4] and len(set(codes.tolist())) == 6
    assert [type(distinct[c]) for c in codes.tolist()] == [type(c) for c in cells.tolist()]
    assert json_cells.codes(np.array(["b", "a", "b"], dtype=object))[0].tolist() == [0, 1, 0]


@pytest.mark.parametrize("lang", LANGS)
def test_typed_cells(lang):
    from engine import rubric as rubrics

    rubric = rubrics.load(CITY)
    rows = []
    linear = [m for m in rubric.measures if m.method == "linear"][:4]
    for s, vals in (("a", (85, 0.5, "85", 85.0)), ("b", ("85", 0.50, 85, "85.0"))):
        rows += [(s, 2024, m.id, v, "文件") for m, v in zip(linear, vals)]
    df = pd.DataFrame(rows, columns=["subject", "period", "measure", "value", "evidence"], dtype=object)
    values, problems = validate_long(df, rubric, "t.parquet")
    batch = score_long(values, rubric)
    assert len(batch) == 2, [str(p) for p in problems]
    assert list(json_batch.lines(batch, rubric, lang, 1)) == expected(batch, rubric, lang)


def test_score_json_of_a_long_table_is_the_card_by_card_text(tmp_path, monkeypatch):
    from bench.long_table import generate
    from engine.formats import json_fmt

    generate(tmp_path / "long.csv", 12, seed=5, odd=0.3, missing=0.2)
    outcomes = list(pipeline.run([str(tmp_path / "long.csv")], pipeline.RubricFinder(str(CITY), "rubrics")))
    fast = json_fmt.render(Cards(outcomes), "zh", single=False)
    slow = json_fmt.render([o.made() for o in outcomes if o.scored], "zh", single=False)
    assert fast == slow and len(json.loads(fast)) == 12
    calls = []
    monkeypatch.setattr(json_batch, "lines", lambda *a, **k: calls.append(a) or iter(()))
    json_fmt.render(Cards(outcomes), "zh", single=False)
    assert calls, "the long table did not take the batch writer"


CELLS = st.one_of(st.from_regex(r"\A[-+]?[0-9]{1,17}(\.[0-9]{0,21})?\Z"), st.sampled_from(
    ["true", "false", "TRUE", " true", "0", "-0", "-0.0", "00", "01", "1.", ".5", "1e3", "85%", "3.6万", "约120",
     "1,234", " 5", "5 ", "1;2", "是", "", "+5", "9" * 15, "9" * 16, "1." + "0" * 20, "1." + "0" * 21]),
    st.text(max_size=6))


@settings(max_examples=400, deadline=None)
@given(CELLS)
def test_the_short_reading_is_the_general_one(text):
    """json_cells.simple answers only where cards.plain_reading answers the same (value, type and original)."""
    from engine import rubric as rubrics
    from engine.vector.cards import plain_reading

    for m in _one_of_each_method(rubrics.load(CITY)):
        short = json_cells.simple(text, m)
        if short is not None:
            full = plain_reading(text, m)
            assert full is not None and [(x, type(x)) for x in short] == [(x, type(x)) for x in full], m.method


def _one_of_each_method(rubric) -> list:
    seen: dict = {}
    for m in rubric.measures:
        seen.setdefault(m.method, m)
    assert len(seen) >= 8
    return list(seen.values())
