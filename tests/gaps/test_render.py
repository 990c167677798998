"""Gap report renderers: terminal tables at 80 and 160 columns with Chinese labels, Markdown, JSON, CSV."""
import csv
import re
import io
import json

import pytest
from rich.cells import cell_len
from rich.console import Console

from engine import gaps
from engine.formats.gaps import FORMATS, VIEWS, get

from .rubrics import DONE, NOT_DONE, TOWN, TOWN_66, town_sub

LONG = "坚持我国宗教中国化方向，依法管理宗教事务、防范非法宗教活动，开展专题培训和督查的情况"


@pytest.fixture
def report(score_text):
    def run(rubric=TOWN, **values):
        outcome = score_text(rubric, town_sub(**values))
        assert outcome.ok, [str(p) for p in outcome.problems]
        return gaps.analyse(outcome.card)

    return run


def terminal(rep, width, by=("measure",), lang=None, top=None) -> str:
    buf = io.StringIO()
    get("table").show([rep], Console(file=buf, width=width), lang, by, top)
    return buf.getvalue()


@pytest.mark.parametrize("width", [80, 160])
@pytest.mark.parametrize("by", [(v,) for v in VIEWS])
def test_terminal_fits_the_width_with_chinese_labels(report, width, by):
    rep = report(TOWN.replace("{zh: 平安建设, en: Safety rating}", "{zh: " + LONG + ", en: Safety}"), **TOWN_66)
    text = terminal(rep, width, by)
    assert max(cell_len(line) for line in text.splitlines()) <= width
    assert "金昌市 · 2024 · 城镇测评" in text
    assert "距「良好」（80 分）还差 14 分：以下 2 项拿满即可（合计可提 20 分）" in text
    expected = {"measure": "知晓率", "owner": "市民族宗教事务委员会", "indicator": "组织领导"}[by[0]]
    assert expected in text


def test_measure_view_rows(report):
    lines = terminal(report(**TOWN_66), 160).splitlines()
    row = next(line for line in lines if "A.M2 知晓率" in line).split()
    # rank, path mark, id, label, value, target, to go (abs, %), +points, lead owner and co-owner count
    assert row == ["1", "▶", "A.M2", "知晓率", "80%", "≥90%", "10%", "(11%)", "10", "市统计局", "+1"]
    band = next(line for line in lines if "B.M1" in line).split()
    assert band[:8] == ["4", "B.M1", "教育基地", "6个", "≥10个", "4个", "(40%)", "4"]
    missing = next(line for line in lines if "B.M2 满意度" in line and "未填报，计0分" in line)
    assert missing.split()[-3:] == ["10", "市教育局", "+1"]


def test_narrow_terminal_keeps_the_owners_column(report):
    """Piped output and CI logs are 80 columns: the responsible unit stays, its name wrapped if need be."""
    text = terminal(report(**TOWN_66), 80)
    ranked = text.split("缺失数据")[0]
    assert "责任单位" in ranked and "市统计局" in ranked
    assert max(cell_len(line) for line in text.splitlines()) <= 80
    assert "市统计局" in terminal(report(**TOWN_66), 80, ("owner",))


def test_top_limits_the_ranking(report):
    text = terminal(report(**TOWN_66), 120, top=2)
    assert "A.M2" in text and "B.M2 满意度" in text and "B.M3" not in text and "B.M1" not in text


def test_owner_view_totals(report):
    text = terminal(report(**TOWN_66), 120, ("owner",))
    assert "市民族宗教事务委员会 (mzw) — 牵头 1 项 +10，配合 2 项 +20" in text
    assert "市教育局 (jyj) — 牵头 2 项 +14" in text


def test_indicator_view_bars(report):
    line = next(x for x in terminal(report(**TOWN_66), 120, ("indicator",)).splitlines() if " B 民生" in x)
    assert line.split() == ["B", "民生", "16/40", "████████░░░░░░░░░░░░", "40.0%", "3", "24"]


def test_vetoed_and_top_grade_sentences(report):
    assert "一票否决：V.M1 重大事件。无论得分多少都不能升至「合格」" in terminal(report(**TOWN_66, V_M1=True), 120)
    top = report(A_M1=DONE, A_M2=95, B_M1=12, B_M2=91, B_M3="gold")
    assert "已达最高等级 优秀。" in terminal(top, 120)
    assert "无失分项。" in terminal(top, 120)


def test_english(report):
    text = terminal(report(**TOWN_66), 120, lang="en")
    assert "14 points short of Good (80): full marks on these 2 measures close it (+20)" in text
    assert "A.M2 Awareness" in text and "B.M2 Satisfaction" in text
    assert re.search(r"B\.M2 Satisfaction +missing ", text)  # the status word every format says (was 'scored 0' here)
    assert "Statistics Bureau +1" in text


def test_markdown(report):
    md = get("markdown").render([report(**TOWN_66)], None, VIEWS)
    assert md.startswith("# 金昌市 · 2024 · 城镇测评\n\n**总分 66 / 100** · 等级 **合格** · 可挽回 34 · "
                         "覆盖率 80%（4/5 项基础指标有数值）\n")  # B.M2 missing: 4 of the 5 base measures
    assert "> 距「良好」（80 分）还差 14 分：以下 2 项拿满即可（合计可提 20 分）\n> → `A.M2`, `B.M2`" in md
    assert "| 1 | ▶ A.M2 知晓率 | 80% | ≥90% (达82%得16分) | 10% (11%) | 10 | 市统计局 +1 |" in md
    assert "| 4 | B.M1 教育基地 | 6个 | ≥10个 | 4个 (40%) | 4 | 市教育局 |" in md
    assert "| B.M2 满意度 | 未填报，计0分 | 10 | 市教育局 +1 |" in md
    assert "| **B 民生** | 16 / 40 | 🔴 40.0% | 3 | 24 |" in md  # a weighted group is worth its weight
    assert "| 市民族宗教事务委员会 | 1 | 10 | 2 | 20 |  |" in md
    assert "未填报的加减分/否决项（按未触发处理）: `V.M1`, `V.M2`" in md


def test_json_fields(report):
    data = json.loads(get("json").render([report(**TOWN_66)]))
    assert data["subject"] == {"id": "jc", "name": "金昌市"} and data["period"] == 2024
    assert data["total"] == 66.0 and data["grade"] == {"id": "c", "label": "合格"}
    assert {k: data["next_grade"][k] for k in ("id", "needs", "measures", "reachable")} == {
        "id": "b", "needs": 14.0, "measures": ["A.M2", "B.M2"], "reachable": True}
    first = data["gaps"][0]
    assert {k: first[k] for k in ("id", "label", "owners", "value", "target", "recoverable", "status")} == {
        "id": "A.M2", "label": "知晓率", "owners": ["tjj", "mzw"], "value": 80, "target": 90, "recoverable": 10.0,
        "status": "partial"}
    assert [g["id"] for g in data["gaps"]] == ["A.M2", "B.M2", "B.M3", "B.M1"]
    assert [(m["id"], m["at_stake"]) for m in data["missing"]] == [("B.M2", 10.0), ("V.M1", None), ("V.M2", 3)]
    assert data["by_owner"][1] == {"unit": "mzw", "name": "市民族宗教事务委员会", "lead": ["B.M3"], "lead_points": 10.0,
                                   "co": ["A.M2", "B.M2"], "co_points": 20.0, "missing": [], "evidence_missing": []}


def test_json_top_grade_next_grade_is_null_and_several_make_an_array(report):
    top = report(A_M1=DONE, A_M2=95, B_M1=12, B_M2=91, B_M3="gold")
    data = json.loads(get("json").render([top, report(**TOWN_66)], top=1))
    assert data[0]["next_grade"] is None and data[0]["gaps"] == []
    assert len(data[1]["gaps"]) == 1


def test_csv_views_and_formula_cells(score_text):
    sub = town_sub(name="'=HYPERLINK(\"http://x\")'", **TOWN_66)
    rep = gaps.analyse(score_text(TOWN, sub).card)
    rows = list(csv.reader(io.StringIO(get("csv").render([rep]))))
    assert rows[0][:8] == ["subject", "subject_name", "period", "total", "grade", "rank", "measure", "label"]
    assert rows[1][1] == "'=HYPERLINK(\"http://x\")"
    assert [(r[5], r[6], r[-3]) for r in rows[1:]] == [("1", "A.M2", "10.0"), ("2", "B.M2", "10.0"),
                                                       ("3", "B.M3", "10.0"), ("4", "B.M1", "4.0")]
    owners = list(csv.reader(io.StringIO(get("csv").render([rep], by=("owner",)))))
    assert [(r[5], r[7], r[9]) for r in owners[1:]] == [
        ("jyj", "lead", "B.M2"), ("jyj", "lead", "B.M1"), ("mzw", "lead", "B.M3"), ("mzw", "co", "A.M2"),
        ("mzw", "co", "B.M2"), ("tjj", "lead", "A.M2")]


def test_registry_names():
    assert list(FORMATS) == ["table", "json", "markdown", "csv"]


@pytest.mark.parametrize("name", list(FORMATS))
@pytest.mark.parametrize("view", VIEWS)
def test_every_format_renders_every_view(report, name, view):
    text = get(name).render([report(**{**TOWN_66, "A_M1": NOT_DONE})], "en", (view,))
    unit = "mzw" if name in ("csv", "json") else "Ethnic Affairs Commission"
    assert {"measure": "A.M1", "owner": unit, "indicator": "Leadership"}[view] in text


def test_check_target_in_english(report):
    text = get("markdown").render([report(**{**TOWN_66, "A_M1": NOT_DONE})], "en")
    assert "| 1 | ▶ A.M1 Leading group | no | yes | — | 20 | Ethnic Affairs Commission +1 |" in text


def test_submitted_text_is_not_markup(score_text):
    rep = gaps.analyse(score_text(TOWN, town_sub(name="'[red]镇[/]'", **TOWN_66)).card)
    assert "[red]镇[/] · 2024 · 城镇测评" in terminal(rep, 120)
