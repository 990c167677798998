"""Every terminal table at 160, 80 (piped output, CI logs) and 40 columns, with the shipped Chinese rubric:
no line wider than the console, no column cropped or dropped (its header and its cells are all there,
folded inside the cell when they must be)."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from engine import compare, gaps, pipeline, report_set
from engine.ci import text as ci_text
from engine.cli.report_cmd import written_table
from engine.cli.rubric_cmd import tree
from engine.formats import compare as compare_formats
from engine.formats import gaps as gap_formats
from engine.formats import table as score_table
from engine.gate import Bar, judge
from engine.safe_text import console

TOP = Path(__file__).resolve().parents[1]
RUBRIC = str(TOP / "rubrics" / "ethnic-unity-city.yaml")
FILES = [str(TOP / "submissions" / p) for p in ("zhaotong/2024.yaml", "jinchang/2024.yaml", "zhaotong/2020.yaml")]
WIDTHS = [160, 80, 40]
FRAME = re.compile(r"[\s│┃┏┓┗┛┡┩└┘├┤┬┴┼╇╈━─┳┻╋]+")


@pytest.fixture(scope="module")
def outcomes():
    return list(pipeline.run(FILES, pipeline.RubricFinder(RUBRIC)))


def shown(renderable, width: int) -> str:
    buf = io.StringIO()
    console(buf, width=width).print(renderable)
    return buf.getvalue()


def squeezed(text: str) -> str:
    """The output without frames and spaces: a folded cell's pieces, in reading order."""
    return FRAME.sub("", text)


def in_order(needle: str, hay: str) -> bool:
    """needle's characters appear in hay in order (a folded cell interleaves with its neighbours)."""
    it = iter(hay)
    return all(c in it for c in needle)


def assert_fits(text: str, width: int, heads, cells=()) -> None:
    """No line wider than the console; every header whole from 80 columns up (in order below); every cell's
    text there in order (a long label folds inside its cell)."""
    assert max(cell_len(line) for line in text.splitlines()) <= width
    flat = squeezed(text)
    for h in heads:
        assert (h in flat) if width >= 80 else in_order(h, flat), (h, width)
    for c in cells:
        assert in_order(FRAME.sub("", c), flat), (c, width)


@pytest.mark.parametrize("width", WIDTHS)
def test_score_table(outcomes, width):
    buf = io.StringIO()
    score_table.show([outcomes[0].card], console(buf, width=width), None)
    m = outcomes[0].card.measures[0]
    assert_fits(buf.getvalue(), width, ["编号", "指标组", "得分", "满分", "得分率", "测评项", "状态"],
                [m.measure.label.get(None), "加强和完善党对民族工作的全面领导"])


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("view", gap_formats.VIEWS)
def test_gap_views(outcomes, width, view):
    buf = io.StringIO()
    gap_formats.get("table").show([gaps.analyse(outcomes[0].card)], console(buf, width=width), None, (view,), 5)
    heads = {"measure": ["#", "指标", "现值", "满分值", "差距", "可提分", "责任单位"],
             "owner": ["单位", "牵头", "牵头可提分", "配合", "配合可提分", "缺数据"],
             "indicator": ["指标组", "得分", "得分率", "失分项", "可提分"]}[view]
    cell = "加强和完善党对民族工作的全面领导" if view == "indicator" else "市民族宗教事务委员会"
    assert_fits(buf.getvalue(), width, heads, [cell])


@pytest.mark.parametrize("width", WIDTHS)
def test_compare(outcomes, width):
    buf = io.StringIO()
    compare_formats.get("table").show(compare.compare([o.card for o in outcomes]), console(buf, width=width))
    assert_fits(buf.getvalue(), width, ["名次", "对象", "期次", "总分", "等级", "D1", "D6"],
                ["昭通市", "金昌市", "变化趋势"])


@pytest.mark.parametrize("width", WIDTHS)
def test_check_text(outcomes, width):
    verdicts = [judge(o, Bar("pass", None)) for o in outcomes]
    buf = io.StringIO()
    ci_text.show(verdicts, console(buf, width=width), bar=Bar("pass", None))
    out = buf.getvalue()
    # the FILE:LINE:COL lines after the table stay one line each, on purpose (grep, editors)
    table = "\n".join(line for line in out.splitlines() if "is below the required" not in line)
    assert_fits(table, width, ["file", "subject", "period", "total", "grade", "result"],
                ["below bar"] * 3 + ["昭通市", "zhaotong/2024.yaml"])


@pytest.mark.parametrize("width", WIDTHS)
def test_report_table(outcomes, width):
    files = report_set.plan([o.card for o in outcomes])
    assert_fits(shown(written_table(files, Path("reports")), width), width,
                ["subject", "period", "total", "grade", "files"], ["昭通市", "reports/index.html"])


@pytest.mark.parametrize("width", WIDTHS)
def test_rubric_tree(outcomes, width):
    assert_fits(shown(tree(outcomes[0].card.rubric), width), width, [],
                ["全国民族团结进步示范市测评", "D1.I01.M01", "成立由市委、市政府主要负责人任组长"])
