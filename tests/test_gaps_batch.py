"""The gap formats written from a long table's scored batch (engine.formats.gaps.batch and its row writers)
give the very text of the general path (a Scorecard and GapReport per subject), on tables with waivers,
rating lists, approximate values, missing cells and rows, evidence left out, notes, vetoes, bonuses and
deductions, hostile strings, in both languages and every view."""
from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

import pytest

from engine import pipeline
from engine.formats.gaps import FORMATS, VIEWS, Runs
from engine.formats.gaps.batch import Row, units
from engine.gaps import analyse
from engine.outcome import Cards

ROOT = Path(__file__).resolve().parents[1]
RUBRIC = str(ROOT / "rubrics" / "ethnic-unity-city.yaml")
HOSTILE = ("[bold]红[/bold]", "##[error]x", "=1+1", "a|b`c*_d_", "<script>", "\x1b[31m", "# 标题", "1. 项")


def table(path: Path, n: int = 24, seed: int = 3, waivers: bool = True) -> Path:
    """A long table of ``n`` subjects: bench's generator with many odd values, then hostile names, notes,
    values written '85.0', ' 85 ' or '+5', and (``waivers``) a few waived measures."""
    sys.path.insert(0, str(ROOT))
    from bench.long_table import generate

    raw = path.with_suffix(".raw.csv")
    generate(raw, n, seed=seed, odd=0.3, missing=0.15)
    rng = random.Random(seed)
    with open(raw, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    head, body = rows[0] + ["note", "reason", "approved_by", "expires"], []
    for r in rows[1:]:
        r += ["", "", "", ""]
        x = rng.random()
        if x < 0.08:
            r[6] = rng.choice(HOSTILE)
        elif x < 0.12 and r[4].replace(".", "", 1).isdigit():
            r[4] = rng.choice((r[4] + ".0" if "." not in r[4] else r[4], f" {r[4]} ", "+" + r[4]))
        elif waivers and x < 0.14 and r[0][-1] in "05" and not r[3].startswith("V."):  # a veto cannot be waived
            r[4], r[5], r[7], r[8], r[9] = "不适用", "", "本市无此项" + rng.choice(HOSTILE), "市民委", "2099-12-31"
        if r[0].endswith("7") and r[3].startswith("V.") and r[4]:
            r[4] = "true"  # a veto fires
        if r[0].endswith("3"):
            r[1] = "测试市" + rng.choice(HOSTILE)
        body.append(r)
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows([head] + body)
    return path


def outcomes(path: Path):
    return pipeline.run([str(path)], pipeline.RubricFinder(RUBRIC, str(ROOT / "rubrics")), True, force_long=True)


def both(path: Path, fmt: str, **options) -> tuple[str, str]:
    """(the batch's text, the general path's text) of ``fmt``."""
    module = FORMATS[fmt]
    fast = "".join(module.chunks(Runs(Cards(outcomes(path)).runs()), **options))
    general = "".join(module.chunks([analyse(c) for c in Cards(outcomes(path))], **options))
    return fast, general


@pytest.fixture(scope="module")
def long_table(tmp_path_factory):
    return table(tmp_path_factory.mktemp("gaps-batch") / "long.csv")


def test_the_table_takes_the_batch_path(long_table):
    got = list(units(Runs(Cards(outcomes(long_table)).runs())))
    assert len(got) == 24 and all(isinstance(u, Row) for u in got)
    assert any(not u.plain for u in got) and sum(u.plain for u in got) > 12  # waivers go the general way


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown"])
@pytest.mark.parametrize("by", [(v,) for v in VIEWS])
@pytest.mark.parametrize("lang", [None, "en"])
def test_batch_text_is_the_general_text(long_table, fmt, by, lang):
    fast, general = both(long_table, fmt, lang=lang, by=by)
    assert fast == general
    assert len(fast) > 2000


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown"])
def test_top_cuts_the_same_gaps(long_table, fmt):
    fast, general = both(long_table, fmt, top=3)
    assert fast == general


@pytest.mark.parametrize("seed", [11, 12])
def test_other_tables_without_waivers(tmp_path, seed):
    path = table(tmp_path / "t.csv", n=12, seed=seed, waivers=False)
    for fmt in ("csv", "json", "markdown"):
        fast, general = both(path, fmt)
        assert fast == general, fmt


def test_the_table_holds_what_is_tested(long_table):
    fast, _ = both(long_table, "json")
    assert '"vetoed": true' in fast and '"vetoed": false' in fast and '"waivers": [\n' in fast
    assert '"value": [' in fast  # a list of ratings
    assert '"at_stake": null' in fast and '"in_path": true' in fast


def test_hostile_text_stays_data(long_table):
    fast, _ = both(long_table, "markdown")
    assert "[bold]" not in fast and "\x1b" not in fast and "\n# 标题" not in fast
    fast, _ = both(long_table, "csv")
    assert "\n=1+1" not in fast and ",=1+1" not in fast and "##[error" not in fast


def test_one_subject_is_an_object(tmp_path):
    path = table(tmp_path / "one.csv", n=1, waivers=False)
    fast, general = both(path, "json", single=True)
    assert fast == general and fast.startswith("{")
