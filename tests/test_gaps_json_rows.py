"""gaps -f json's batch rows (engine.formats.gaps.json_rows) are json_ci'd piece by piece, where each piece is
made, instead of over the joined text: they must still give the general path's very text when the rubric's
labels and unit names and the table's names carry what json_ci rewrites (bidi and C1 controls, line and
paragraph separators, ``##[``) and what a %-format would read (``%s``, ``%%``)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from engine import pipeline
from engine.formats.gaps import FORMATS, Runs
from engine.formats.gaps.batch import Row, units
from engine.gaps import analyse
from engine.outcome import Cards
from tests.test_gaps_batch import ROOT, table

RUBRIC = ROOT / "rubrics" / "ethnic-unity-city.yaml"
ODD_NAMES = ("甲\u202e乙", "c1\x85\x9b[2J", "行\u2028段\u2029", "##[warning]坏", "百分%s%%d", "::error::x")


@pytest.fixture(scope="module")
def odd(tmp_path_factory):
    """A rubric whose first measure's label and the swzb unit's name hold a bidi override, ``##[`` and %s, and
    a table whose subjects' names hold the rest."""
    root = tmp_path_factory.mktemp("gaps-json-rows")
    text = RUBRIC.read_text(encoding="utf-8")
    text = text.replace("{zh: 国家通用语言文字普及率,", '{zh: "国家通用%s语言##[x]\\u202e率",', 1)
    text = text.replace("swzb: {zh: 市委办公室,", 'swzb: {zh: "市委%d办公室##[e]\\u202e",', 1)
    rubric = root / "odd.yaml"
    rubric.write_text(text, encoding="utf-8")
    path = table(root / "long.csv", n=18, seed=5)
    with open(path, encoding="utf-8") as f:
        rows = list(csv.reader(f))
    for k, r in enumerate(rows[1:]):
        r[1] = f"测试市{ODD_NAMES[int(r[0][1:]) % len(ODD_NAMES)]}" if k % 3 else r[1]
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return rubric, path


def outcomes(rubric: Path, path: Path):
    return pipeline.run([str(path)], pipeline.RubricFinder(str(rubric), str(ROOT / "rubrics")), True,
                        force_long=True)


def both(rubric: Path, path: Path, **options) -> tuple[str, str]:
    module = FORMATS["json"]
    fast = "".join(module.chunks(Runs(Cards(outcomes(rubric, path)).runs()), **options))
    general = "".join(module.chunks([analyse(c) for c in Cards(outcomes(rubric, path))], **options))
    return fast, general


def test_the_odd_table_takes_the_batch_path(odd):
    got = list(units(Runs(Cards(outcomes(*odd)).runs())))
    assert len(got) == 18 and sum(isinstance(u, Row) and u.plain for u in got) > 9


@pytest.mark.parametrize("lang", [None, "en"])
@pytest.mark.parametrize("top", [None, 2])
def test_odd_text_gives_the_general_text(odd, lang, top):
    fast, general = both(*odd, lang=lang, top=top)
    assert fast == general


def test_what_json_ci_rewrites_stays_escaped(odd):
    fast, _ = both(*odd)
    assert "国家通用%s语言##\\u005bx]\\u202e率" in fast  # a gap's label, from its format
    assert "市委%d办公室##\\u005be]\\u202e" in fast  # a unit's name in by_owner
    assert "\\u2028" in fast and "\\u0085\\u009b" in fast and "百分%s%%d" in fast
    assert not any(c in fast for c in "\u202e\x85\x9b\u2028\u2029") and "##[" not in fast
