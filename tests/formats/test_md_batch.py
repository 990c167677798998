"""A long table's Markdown pages written from the batch's arrays (engine.formats.md_batch) are, character for
character, the pages markdown.card_md writes from each row's Scorecard: on random rubrics and cells, on the
bench's table with odd and missing cells, on waivers, vetoes, notes, evidence and hostile names, on typed
cells, in every language and at every chunk size; and `scorecard score -f markdown` writes them."""
from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import pipeline
from engine import rubric as rubrics
from engine.formats import display, html, html_batch, markdown, md_batch
from engine.formats.md_batch_numbers import shower
from engine.html.page import esc
from engine.outcome import Cards
from engine.readers.long.validate import validate_long
from engine.vector.cards import card, plain_reading
from engine.vector.score import score_long
from tests.conftest import dedent
from tests.formats.test_json_batch import CELLS, CITY, LANGS, batches, tables
from tests.tabular.helpers import write_csv
from tests.test_formats_scale import HOSTILE, TABLE, WAIVER_RUBRIC


def expected(batch, rubric, lang) -> list[str]:
    return [markdown.card_md(card(batch, rubric, i), lang) for i in range(len(batch))]


def scored(rubric, rows, columns=("subject", "period", "measure", "value", "evidence", "note"), path="t.csv"):
    """The batch of a long table's rows (and what validating them said)."""
    values, problems = validate_long(pd.DataFrame(list(rows) or None, columns=list(columns), dtype=object), rubric,
                                     path)
    return score_long(values, rubric), problems


@settings(max_examples=150, deadline=None)
@given(tables(), st.sampled_from(LANGS), st.integers(1, 4))
def test_random_tables(case, lang, size):
    batch, _ = scored(*case)
    assert list(md_batch.pages(batch, case[0], lang, size)) == expected(batch, case[0], lang)


@pytest.mark.parametrize("jobs, size", [("1", 7), ("2", None)])
def test_the_bench_table_with_odd_and_missing_cells(tmp_path, monkeypatch, jobs, size):
    """On one process in slices of 7, and in 60 slices of one row on forked workers."""
    from bench.long_table import generate

    monkeypatch.setenv("SCORECARD_JOBS", jobs)
    generate(tmp_path / "long.csv", 60, seed=11, odd=0.4, missing=0.25)
    (batch, rubric), = batches(tmp_path / "long.csv", CITY)
    for lang in LANGS:
        got = list(md_batch.pages(batch, rubric, lang, size or 1, None))
        assert got == expected(batch, rubric, lang)
    assert any("一票否决" in p or "Vetoed" in p for p in got), "no veto among the pages"


def hostile_table(tmp_path):
    """(batch, rubric) of a table with waivers, a veto, notes, evidence and hostile subject names."""
    (tmp_path / "wv.yaml").write_text(dedent(WAIVER_RUBRIC).replace("MISSING", "zero"), encoding="utf-8")
    head = [("subject", "subject_name", "period", "measure", "value", "reason", "approved_by", "expires", "note",
             "evidence")]
    names = {"a": HOSTILE, "b": "# 标题 | 乙 ##[x]", "c": "<script>丙</script> *强* [l](http://x)"}
    write_csv(tmp_path / "wv.csv", head + [(s, names[s], 2024, *rest) for s, *rest in TABLE])
    (batch, rubric), = batches(tmp_path / "wv.csv", tmp_path / "wv.yaml")
    return batch, rubric


def test_waivers_vetoes_and_hostile_names(tmp_path):
    batch, rubric = hostile_table(tmp_path)
    for lang in LANGS:
        for size in (1, 2, 200):
            got = list(md_batch.pages(batch, rubric, lang, size))
            assert got == expected(batch, rubric, lang)
    text = "".join(got)
    assert "##[" not in text and "<script>" not in text and "\u202e" not in text
    assert "| approved by |" in text, "no waiver listed"


def typed_table():
    """(batch, rubric) of typed cells (a workbook's, Parquet's), numbers a magnitude word folds (30000: 3万,
    10000 万元: 1亿元), an approximate one, a written 万, -0 and thousands separators."""
    rubric = rubrics.load(CITY)
    rows = []
    bands = [m for m in rubric.measures if m.method == "bands" and m.max is None][:6]  # 万元 first
    cells = {"a": (85, 0.5, "85", 85.0, "30000", "约120"), "b": ("10000", "3.6万", 85, "85.0", "30000.5", "12345.67"),
             "c": ("100000000", "-0", "-0.00", "1,234", "0.10", " 7 ")}
    for s, vals in cells.items():
        rows += [(s, 2024, m.id, v, "文件") for m, v in zip(bands, vals)]
    batch, problems = scored(rubric, rows, ("subject", "period", "measure", "value", "evidence"), "t.parquet")
    assert len(batch) == 3, [str(p) for p in problems]
    return batch, rubric


@pytest.mark.parametrize("lang", LANGS)
def test_typed_cells_and_chinese_magnitudes(lang):
    batch, rubric = typed_table()
    assert list(md_batch.pages(batch, rubric, lang, 2)) == expected(batch, rubric, lang)


@pytest.mark.parametrize("fmt, writer, name, mark, n", [(markdown, md_batch, "pages", "\n# ", 11),
                                                         (html, html_batch, "articles", "<article>", 12)])
def test_score_of_a_long_table_is_the_card_by_card_text(tmp_path, monkeypatch, fmt, writer, name, mark, n):
    """`score -f markdown` and `-f html` of a long table take the batch writer, and write what the cards
    would (a table of one subject too)."""
    from bench.long_table import generate

    generate(tmp_path / "long.csv", 12, seed=5, odd=0.3, missing=0.2)
    outcomes = list(pipeline.run([str(tmp_path / "long.csv")], pipeline.RubricFinder(str(CITY), "rubrics")))
    fast = fmt.render(Cards(outcomes), "zh")
    assert fast == fmt.render([o.made() for o in outcomes if o.scored], "zh") and fast.count(mark) == n
    one = [o for o in outcomes if o.scored][:1]
    assert fmt.render(Cards(one), "en") == fmt.render([one[0].made()], "en")
    calls = []
    monkeypatch.setattr(writer, name, lambda *a, **k: calls.append(a) or iter(()))
    fmt.render(Cards(outcomes), "zh")
    assert calls, "the long table did not take the batch writer"


UNITS = st.sampled_from(["", "—", "%", "人次", "万元", "亿元", "万", "元", ".", ")", "|", "*x", " 个", "<b>"])


@settings(max_examples=400, deadline=None)
@given(CELLS, UNITS, st.sampled_from(["zh", "en"]), st.sampled_from([markdown._cell, esc]))
def test_the_short_number_is_the_general_one(text, unit, ui, show):
    """md_batch_numbers answers, for Markdown and HTML, only where the general reading and display.value answer
    the same."""
    from tests.formats.test_json_batch import _one_of_each_method

    for m in _one_of_each_method(rubrics.load(CITY)):
        m = replace(m, unit=unit)
        fast = shower(m, ui, show)
        short = fast(text) if fast is not None else None
        if short is not None:
            plain = plain_reading(text, m)
            assert plain is not None and short == show(display.value(m, plain[0], ui)), (m.method, text)


def test_the_short_number_answers_the_common_cells():
    """The plain numbers of a table take the short way (else the batch would be as slow as the cards)."""
    m = replace([m for m in rubrics.load(CITY).measures if m.method == "linear"][0], unit="人次")
    fast = shower(m, "zh", markdown._cell)
    assert [fast(c) for c in ("85", "85.50", "-3", "1234", "12345.67", "0.00")] == \
        ["85人次", "85.5人次", "−3人次", "1,234人次", "12345.67人次", "0人次"]
    assert fast("30000") is None and fast("3.6万") is None and shower(replace(m, unit="万元"), "zh", str) is None
