"""gaps -f table -o of a long table renders its batches on forked workers (engine.formats.forked), a slice of
rows each: the text must be what one process writes of the general path's GapReports, byte for byte, on a
table with waivers, vetoes, hostile names and missing cells, in every view, with --top and in English."""
from __future__ import annotations

import pytest

from engine import parallel
from engine.formats.gaps import FORMATS, Runs
from engine.formats import forked
from engine.gaps import analyse
from engine.outcome import Cards
from tests.test_gaps_batch import outcomes, table


@pytest.fixture(scope="module")
def long_table(tmp_path_factory):
    return table(tmp_path_factory.mktemp("gaps-table-forked") / "long.csv", n=20, seed=4)


@pytest.mark.parametrize("by", [("measure",), ("owner",), ("indicator",), ("measure", "owner")])
@pytest.mark.parametrize("lang", [None, "en"])
def test_forked_text_is_one_process_text(long_table, monkeypatch, by, lang):
    module = FORMATS["table"]
    monkeypatch.setattr(parallel, "MIN_FILES", 1)  # 20 rows: workers all the same
    monkeypatch.setenv("SCORECARD_JOBS", "2")
    fast = "".join(module.chunks(Runs(Cards(outcomes(long_table)).runs()), lang=lang, by=by, top=None))
    general = "".join(module.chunks([analyse(c) for c in Cards(outcomes(long_table))], lang=lang, by=by))
    assert fast == general and len(fast) > 5000


def test_top_cuts_the_same_in_slices(long_table, monkeypatch):
    module = FORMATS["table"]
    monkeypatch.setattr(parallel, "MIN_FILES", 1)
    monkeypatch.setenv("SCORECARD_JOBS", "1")  # the slices in this process, to count them
    calls = []
    real = forked._slice
    monkeypatch.setattr(forked, "_slice", lambda b, s: calls.append(b) or real(b, s))
    fast = "".join(module.chunks(Runs(Cards(outcomes(long_table)).runs()), top=2))
    general = "".join(module.chunks([analyse(c) for c in Cards(outcomes(long_table))], top=2))
    assert fast == general and len(calls) > 1
