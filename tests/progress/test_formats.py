"""Every progress format on the two hand-built filings of conftest: the figures, Chinese names aligned, and
hostile text (rich markup, Markdown, a CSV formula) shown as data."""
import csv
import io
import json
from dataclasses import replace

import pytest
from rich.cells import cell_len
from rich.console import Console

from engine.model import Label
from engine.progress import progress
from engine.formats.progress import FORMATS, get

from .conftest import jinchang, wuwei

RICH = "[bold red]局[/]:smile:"
MD = "**粗** [x](http://evil.example) <img src=x> | 列"
FORMULA = '=HYPERLINK("http://evil.example")'


@pytest.fixture
def both(campaign):
    return progress([jinchang(campaign), wuwei(campaign)])


def terminal(prog, width=120, lang=None, view="detail") -> str:
    buf = io.StringIO()
    get("table").show(prog, Console(file=buf, width=width), lang, view)
    return buf.getvalue()


def line(text: str, start: str) -> list[str]:
    return next(x for x in text.splitlines() if x.strip().startswith(start)).split()


def test_registry():
    assert list(FORMATS) == ["table", "json", "markdown", "csv"]


def test_json_counts(both):
    data = json.loads(get("json").render(both))
    jc, ww = data["subjects"]
    assert {k: jc[k] for k in ("base", "filed", "invalid", "missing", "coverage_pct", "points_missing",
                               "missing_measures", "invalid_measures", "filed_nothing")} == {
        "base": 5, "filed": 2, "invalid": 1, "missing": 2, "coverage_pct": 40.0, "points_missing": 60.0,
        "missing_measures": ["M3", "M4"], "invalid_measures": ["M2"], "filed_nothing": ["mzw"]}
    assert jc["subject"] == {"id": "jc", "name": "金昌市"} and jc["period"] == 2024
    assert jc["parts"] == ["jc/2024/tjj.yaml", "jc/2024/city.yaml"]
    assert jc["units"][1] == {"unit": "tjj", "name": "市统计局", "lead": 1, "co": 1, "filed": 1, "invalid": 1,
                              "missing": 0, "points_missing": 40.0, "filed_nothing": False,
                              "lead_measures": ["M2"], "co_measures": ["M1"], "missing_measures": [],
                              "invalid_measures": ["M2"]}
    assert [(u["unit"], u["points_missing"], u["filed_nothing"]) for u in ww["units"]] == [
        ("jyj", 30.0, True), ("tjj", 20.0, False), ("mzw", 20.0, False)]
    assert data["units"][0] == {"unit": "tjj", "name": "市统计局", "subjects": 2, "lead": 2, "co": 2, "filed": 2,
                                "invalid": 1, "missing": 1, "points_missing": 60.0, "filed_nothing": 0}
    assert [u["unit"] for u in data["units"]] == ["tjj", "jyj", "mzw"]


def test_json_english_names_and_empty(both):
    assert json.loads(get("json").render(both, "en"))["units"][0]["name"] == "Statistics Bureau"
    assert json.loads(get("json").render(progress([]))) == {"subjects": [], "units": []}


def test_csv_rows(both):
    rows = list(csv.DictReader(io.StringIO(get("csv").render(both))))
    assert len(rows) == 6
    first = rows[0]
    assert {k: first[k] for k in ("rubric", "subject", "subject_name", "period", "coverage_pct",
                                  "subject_points_missing", "unit", "unit_name", "lead", "co", "filed", "invalid",
                                  "missing", "points_missing", "filed_nothing", "missing_measures")} == {
        "rubric": "drive", "subject": "jc", "subject_name": "金昌市", "period": "2024", "coverage_pct": "40.0",
        "subject_points_missing": "60.0", "unit": "jyj", "unit_name": "市教育局", "lead": "1", "co": "1",
        "filed": "1", "invalid": "0", "missing": "1", "points_missing": "10.0", "filed_nothing": "false",
        "missing_measures": "M3"}
    assert [(r["subject"], r["unit"], r["points_missing"], r["missing_measures"], r["invalid_measures"])
            for r in rows[3:]] == [("ww", "jyj", "30.0", "M1 M3", ""), ("ww", "tjj", "20.0", "M1", ""),
                                   ("ww", "mzw", "20.0", "M3", "M4")]
    assert get("csv").ENCODING == "utf-8-sig"


def test_markdown(both):
    text = get("markdown").render(both, view="detail")
    assert text.startswith("# 填报进度\n\n## 各单位合计（按缺失分值排序）\n")
    assert "| 市统计局 | 2 | 2 | 2 | 2 | 1 | 1 | **60** |  |" in text
    assert "| 市民族宗教事务委员会 | 2 | 4 |  |  | 1 | 3 | **40** | 1 |" in text
    assert "## 金昌市 · 2024 · 创建测评\n\n覆盖率 40%（2/5 项基础指标已填报）· 有误 1 项 · 未填报 2 项 · 缺失分值 60 分" in text
    assert "**尚未填报任何指标的单位**: 市民族宗教事务委员会" in text
    assert "| 市民族宗教事务委员会 | 2 |  |  |  | 2 | **20** | `M3`, `M4` |" in text
    assert "| 市教育局 | 1 | 1 |  |  | 2 | **30** | `M1`, `M3` |" in text  # 武威市


def test_markdown_of_one_subject_has_no_totals(campaign):
    text = get("markdown").render(progress([jinchang(campaign)]))
    assert "各单位合计" not in text and "## 金昌市" in text


@pytest.mark.parametrize("width", [80, 120])
def test_terminal_rows_and_width(both, width):
    text = terminal(both, width)
    assert max(cell_len(x) for x in text.splitlines()) <= width
    assert "覆盖率 40%（2/5 项基础指标已填报）" in text and "尚未填报任何指标的单位: 市民族宗教事务委员会" in text
    if width == 120:
        assert line(text, "市统计局") == ["市统计局", "1", "1", "1", "1", "40", "M2"]
        assert line(text, "市民族宗教事务委员会") == ["市民族宗教事务委员会", "2", "2", "20", "M3", "M4"]
        totals = text.split("各单位合计")[1]
        assert line(totals, "市统计局") == ["市统计局", "2", "2", "2", "2", "1", "1", "60"]


def test_terminal_columns_line_up_with_chinese_names(both):
    """The ids owed (a left-aligned column after the figures) start at the same cell column in every row,
    whether the unit's name is 4 or 10 Chinese characters."""
    rows = [x for x in terminal(both).split("武威市")[0].splitlines() if x.strip().startswith("市")]
    starts = {cell_len(x[:x.index(" M")]) for x in rows}
    assert len(rows) == 3 and len(starts) == 1


def test_terminal_english(both):
    text = terminal(both, 160, "en")
    assert "coverage 40% (2 of 5 base measures filed) · 1 invalid · 2 missing · 60 points missing" in text
    assert "Units that have filed nothing: Ethnic Affairs Commission" in text


def hostile(campaign):
    rubric = replace(campaign, units={**campaign.units, "mzw": Label.of(RICH), "jyj": Label.of(MD),
                                      "tjj": Label.of(FORMULA)})
    return progress([replace(jinchang(rubric), subject_name=f"{FORMULA}{RICH}")])


def test_hostile_names_in_the_terminal(campaign):
    text = terminal(hostile(campaign), 200)
    assert RICH in text and "尚未填报任何指标的单位: " + RICH in text and FORMULA in text


def test_hostile_names_in_markdown(campaign):
    text = get("markdown").render(hostile(campaign))  # one subject: the detail
    assert "<img" not in text and "&lt;img" in text and "**粗**" not in text and "\\*\\*粗\\*\\*" in text
    assert "\\[x\\](http\\://evil.example)" in text  # no link
    assert "&lt;img src=x> \\| 列 | 1 | 1 | 1 |" in text  # the pipe inside the name escaped: still one cell
    assert "| \\[bold red\\]局\\[/\\]:smile: | 2 |" in text


def test_hostile_names_in_csv(campaign):
    rows = list(csv.DictReader(io.StringIO(get("csv").render(hostile(campaign)))))
    assert rows[0]["subject_name"] == "'" + FORMULA + RICH
    assert next(r for r in rows if r["unit"] == "tjj")["unit_name"] == "'" + FORMULA


def test_hostile_names_in_json(campaign):
    data = json.loads(get("json").render(hostile(campaign)))
    assert data["subjects"][0]["subject"]["name"] == FORMULA + RICH
    assert [u["name"] for u in data["subjects"][0]["units"]] == [MD, FORMULA, RICH]


def test_nothing_to_show():
    assert "没有可统计的填报。" in terminal(progress([]))
    assert get("markdown").render(progress([])) == "# 填报进度\n\n没有可统计的填报。\n"
