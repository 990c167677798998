"""A long table's HTML articles with their measure tables written from the batch's arrays
(engine.formats.html_batch) are, character for character, what html.card.article writes from each row's
Scorecard: on random rubrics and cells, the bench's table with odd and missing cells, waivers, vetoes,
evidence, notes and hostile names, typed cells, in every language and chunk size, on one process and on
forked workers; and `scorecard score -f html` writes them."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine.formats import html_batch
from engine.html import card as html_card
from engine.vector.cards import card
from tests.formats.test_json_batch import CITY, LANGS, batches, tables
from tests.formats.test_md_batch import hostile_table, scored, typed_table


def expected(batch, rubric, lang) -> list[tuple[str, str]]:
    cards = [card(batch, rubric, i) for i in range(len(batch))]
    return [(html_card.title(c, lang), html_card.article(c, lang)) for c in cards]


@settings(max_examples=60, deadline=None)
@given(tables(), st.sampled_from(LANGS), st.integers(1, 4))
def test_random_tables(case, lang, size):
    batch, _ = scored(*case)
    assert list(html_batch.articles(batch, case[0], lang, size)) == expected(batch, case[0], lang)


@pytest.mark.parametrize("jobs, size", [("1", 7), ("2", None)])
def test_the_bench_table_with_odd_and_missing_cells(tmp_path, monkeypatch, jobs, size):
    """On one process in slices of 7, and (60 slices of one row by default) on forked workers."""
    from bench.long_table import generate
    from engine import parallel

    monkeypatch.setenv("SCORECARD_JOBS", jobs)
    generate(tmp_path / "long.csv", 60, seed=11, odd=0.4, missing=0.25)
    (batch, rubric), = batches(tmp_path / "long.csv", CITY)
    assert parallel.forks(None, 60) == (jobs == "2" and parallel.forks(2, 60))
    for lang in LANGS:
        assert list(html_batch.articles(batch, rubric, lang, size)) == expected(batch, rubric, lang)


def test_waivers_vetoes_and_hostile_names(tmp_path):
    batch, rubric = hostile_table(tmp_path)
    for lang in LANGS:
        for size in (1, 2, 32):
            got = list(html_batch.articles(batch, rubric, lang, size))
            assert got == expected(batch, rubric, lang)
    text = "".join(a for _, a in got)
    assert "##[" not in text and "<script>" not in text and "\u202e" not in text and 'class="waivers"' in text


@pytest.mark.parametrize("lang", LANGS)
def test_typed_cells_and_chinese_magnitudes(lang):
    batch, rubric = typed_table()
    assert list(html_batch.articles(batch, rubric, lang, 2)) == expected(batch, rubric, lang)
