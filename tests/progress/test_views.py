"""The views a reader gets (summary, detail, one unit's list), the --subject and --unit filters, and the lists
of ids owed cut to a few at 80 columns, on the hand-built filings of conftest (every figure worked out there)."""
import io
import json

import pytest
from rich.cells import cell_len
from rich.console import Console

from engine.campaign import Filing, PartInfo
from engine.formats.progress import get
from engine.formats.progress.common import owes_text, silent_short, view_of
from engine.problems import UsageError
from engine.progress import duties, progress, select

from .conftest import jinchang, wuwei


@pytest.fixture
def both(campaign):
    return progress([jinchang(campaign), wuwei(campaign)])


def terminal(prog, width=80, lang=None, view=None) -> str:
    buf = io.StringIO()
    get("table").show(prog, Console(file=buf, width=width), lang, view)
    return buf.getvalue()


def cells(text: str, start: str) -> list[str]:
    return next(x for x in text.splitlines() if x.strip().startswith(start)).split()


def test_the_default_view_is_the_summary_for_two_and_the_detail_for_one(both, campaign):
    assert view_of(both, None) == "summary" and view_of(progress([jinchang(campaign)]), None) == "detail"
    assert view_of(both, "detail") == "detail"


def test_summary_rows_in_the_terminal(both):
    """金昌市: 2 of 5 filed (40%), M2 invalid, M3 M4 missing, 60 points, mzw silent (its name cut to 16 cells).
    武威市: M2 filed (20%), M4 invalid, M1 M3 M5 missing, 60 points, jyj silent."""
    text = terminal(both)
    assert max(cell_len(x) for x in text.splitlines()) <= 80
    assert "各评估对象填报进度 · 创建测评" in text
    assert cells(text, "金昌市") == ["金昌市", "2024", "40%", "2", "1", "2", "60", "1：市民族宗教事务…"]
    assert cells(text, "武威市") == ["武威市", "2024", "20%", "1", "1", "3", "60", "1：市教育局"]
    totals = text.split("各单位合计")[1]
    assert cells(totals, "市教育局") == ["市教育局", "2", "2", "2", "1", "3", "40", "1"]
    assert "尚未填报任何指标的单位" not in text  # the detail's words
    assert "--detail" in text and "--unit" in text


def test_summary_columns_line_up_with_names_of_any_length(campaign):
    """The coverage column ends at the same cell whether the subject's name has 3 or 7 Chinese characters."""
    long = Filing(campaign, "kzz", "科尔沁左翼中旗", 2024, (PartInfo("kzz.yaml"),), {"M5": None})
    text = terminal(progress([jinchang(campaign), long]))
    rows = [x for x in text.splitlines() if x.strip().startswith(("金昌市", "科尔沁左翼中旗"))]
    assert len(rows) == 2 and len({cell_len(x[:x.index("%") + 1]) for x in rows}) == 1


def test_summary_in_english(both):
    text = terminal(both, 120, "en")
    assert "Each subject's filing · Campaign" in text
    assert cells(text, "武威市") == ["武威市", "2024", "20%", "1", "1", "3", "60", "1:", "Education", "B…"]


def test_summary_in_markdown_then_the_totals(both):
    text = get("markdown").render(both)
    assert "| 金昌市 | 2024 | 40% | 2 | 1 | 2 | **60** | 1：市民族宗教事务委员会 |" in text
    assert "| 武威市 | 2024 | 20% | 1 | 1 | 3 | **60** | 1：市教育局 |" in text
    assert text.index("各评估对象填报进度") < text.index("各单位合计") and "## 金昌市 · 2024" not in text


def test_silent_short_names_the_first_and_says_there_are_more(campaign):
    none = Filing(campaign, "x", "某市", 2024, (PartInfo("x.yaml"),))  # nothing filed: every unit silent
    s = progress([none]).subjects[0]
    assert silent_short(s, "zh") == "3：市教育局等"
    assert silent_short(s, "en", shown=2) == "3: Education Bureau, Statistics Bureau …"
    assert silent_short(progress([jinchang(campaign)]).subjects[0], "zh") == "1：市民族宗教事务委员会"


# --- the ids owed, cut to a few ----------------------------------------------------------------------

MANY = """\
rubric: many
version: "1"
title: {zh: 多项测评, en: Many}
scale: 10
grades: [{id: f, label: 不合格, min: 0}]
units:
  tjj: {zh: 市统计局, en: Statistics Bureau}
  gzw: {zh: 市人民政府国有资产监督管理委员会, en: State-owned Assets Supervision and Administration Commission}
tree:
  - id: D1
    label: 甲
    children:
      - {id: D1.I01.M01, label: 一, method: check, points: 1, owners: [tjj]}
      - {id: D1.I01.M02, label: 二, method: check, points: 1, owners: [tjj]}
      - {id: D1.I01.M03, label: 三, method: check, points: 1, owners: [tjj]}
      - {id: D1.I01.M04, label: 四, method: check, points: 1, owners: [tjj]}
      - {id: D1.I01.M05, label: 五, method: check, points: 1, owners: [tjj, gzw]}
      - {id: D1.I01.M06, label: 六, method: check, points: 5, owners: [gzw]}
"""


@pytest.fixture
def many(load):
    """Nothing filed: tjj owes M01-M05 (5 points of 10), gzw M05 M06 (6)."""
    rubric = load(MANY)
    return progress([Filing(rubric, "s", "某市", 2025, (PartInfo("s.yaml"),))])


def test_owes_text_cuts_the_list():
    ids = [f"M{i}" for i in range(1, 8)]
    assert owes_text(ids, "zh") == "M1 M2 M3 …共7项"
    assert owes_text(ids, "en") == "M1 M2 M3 …7 in all"
    assert owes_text(ids, "zh", 2, count=False) == "M1 M2 …"
    assert owes_text(ids[:3], "zh") == "M1 M2 M3"


def row_lines(text: str, start: str) -> list[str]:
    """The lines of the table row that begins with ``start`` (up to the next row or the table's end)."""
    lines = text.splitlines()
    i = next(k for k, x in enumerate(lines) if x.strip().startswith(start))
    out = [lines[i]]
    for x in lines[i + 1:]:
        if not x.strip() or x[:20].strip():  # a blank line, or a new row (its name column is filled)
            break
        out.append(x)
    return out


def test_at_80_columns_a_unit_row_is_two_lines_with_two_ids(many):
    text = terminal(many, 80)
    assert max(cell_len(x) for x in text.splitlines()) <= 80
    tjj = row_lines(text, "市统计局")
    assert len(tjj) == 2 and " ".join(tjj).split()[-3:] == ["D1.I01.M01", "D1.I01.M02", "…"]
    assert cells(text, "市统计局")[:4] == ["市统计局", "5", "5", "5"]  # leads 5, 5 missing, 5 points
    assert "D1.I01.M03" not in text


def test_at_120_columns_three_ids_and_how_many(many):
    text = terminal(many, 120)
    tjj = row_lines(text, "市统计局")
    assert len(tjj) <= 2 and " ".join(tjj).split()[-4:] == ["D1.I01.M01", "D1.I01.M02", "D1.I01.M03", "…共5项"]
    assert "D1.I01.M04" not in text


def test_markdown_cuts_the_list_and_json_and_csv_keep_it_whole(many):
    md = get("markdown").render(many)
    assert "`D1.I01.M01`, `D1.I01.M02`, `D1.I01.M03` …共5项 |" in md
    unit = json.loads(get("json").render(many))["subjects"][0]["units"][0]
    assert unit["missing_measures"] == ["D1.I01.M01", "D1.I01.M02", "D1.I01.M03", "D1.I01.M04", "D1.I01.M05"]
    assert "D1.I01.M01 D1.I01.M02 D1.I01.M03 D1.I01.M04 D1.I01.M05" in get("csv").render(many)


# --- --subject and --unit ----------------------------------------------------------------------------


def test_select_a_subject_by_id_or_name(both):
    """武威市 alone: jyj 30, then tjj and mzw 20 each (one missing each: first seen first)."""
    for name in ("ww", "武威市"):
        one = select(both, subject=name)
        assert [s.filing.subject_id for s in one.subjects] == ["ww"]
        assert [(t.unit, t.points, t.subjects) for t in one.units] == [("jyj", 30.0, 1), ("tjj", 20.0, 1),
                                                                       ("mzw", 20.0, 1)]


def test_select_a_unit_by_key_or_name(both):
    """jyj in both: leads M1, co-owns M3; owes M3 in 金昌市 (10), M1 M3 in 武威市 (20 + 10); silent in 武威市."""
    for name in ("jyj", "市教育局", "Education Bureau"):
        one = select(both, unit=name)
        assert [[u.unit for u in s.units] for s in one.subjects] == [["jyj"], ["jyj"]]
        (t,) = one.units
        assert (t.unit, t.subjects, t.missing, t.invalid, t.points, t.filed_nothing) == ("jyj", 2, 3, 0, 40.0, 1)


def test_unknown_subject_or_unit_is_a_usage_error_with_the_closest(both):
    with pytest.raises(UsageError, match="did you mean 'ww'"):
        select(both, subject="ww1")
    with pytest.raises(UsageError, match="did you mean 'mzw'"):
        select(both, unit="mzx")
    assert select(progress([]), unit="x").subjects == ()  # nothing read: nothing to filter


def test_duties_of_a_unit(both):
    """mzw leads M3 and M4 (10 points each): both missing in 金昌市; in 武威市 M3 missing, M4 invalid."""
    one = select(both, unit="mzw")
    got = [(d.subject.filing.subject_id, d.measure.id, d.lead, d.status, d.points)
           for s in one.subjects for u in s.units for d in duties(s, u)]
    assert got == [("jc", "M3", True, "missing", 10.0), ("jc", "M4", True, "missing", 10.0),
                   ("ww", "M3", True, "missing", 10.0), ("ww", "M4", True, "invalid", 10.0)]


def test_duties_lead_first_then_co(both):
    """jyj in 武威市: M1 (lead, 20 points) before M3 (co-owner, 10)."""
    ww = select(both, subject="ww", unit="jyj").subjects[0]
    assert [(d.measure.id, d.lead, d.points) for d in duties(ww, ww.units[0])] == [("M1", True, 20.0),
                                                                                  ("M3", False, 10.0)]


def test_the_unit_list_in_the_terminal(both):
    text = terminal(select(both, unit="jyj"), 80, view="duties")
    assert max(cell_len(x) for x in text.splitlines()) <= 80
    head = "市教育局：2 个评估对象 · 尚欠 3 项（有误 0 项）· 缺失分值 40 分 · 1 个对象中未报任何指标"
    assert head in text.replace("\n", "")
    assert cells(text, "金昌市") == ["金昌市", "2024", "M3", "满意度", "配合", "未填报", "10"]
    assert cells(text, "武威市") == ["武威市", "2024", "M1", "领导小组", "牵头", "未填报", "20"]
    assert cells(text, "M3 ") == ["M3", "满意度", "配合", "未填报", "10"]  # the subject said once


def test_the_unit_list_in_markdown_english(both):
    text = get("markdown").render(select(both, unit="mzw"), "en", view="duties")
    assert "## Ethnic Affairs Commission: 2 subject(s) · 4 measure(s) owed (1 invalid) · 40 points missing · " \
           "filed nothing in 1" in text
    assert "| 武威市 | 2024 | `M4` | Bases | lead | invalid | 10 |" in text


def test_a_unit_that_owes_nothing(campaign):
    """In 金昌市 tjj's M1 is filed and M2 is invalid; with M2 filed too it owes nothing."""
    done = Filing(campaign, "jc", "金昌市", 2024, (PartInfo("jc.yaml", "tjj"),), {"M1": "tjj", "M2": "tjj"})
    one = select(progress([done]), unit="tjj")
    assert "已全部填报。" in terminal(one, view="duties")
    assert "市统计局：1 个评估对象 · 尚欠 0 项（有误 0 项）· 缺失分值 0 分\n" in terminal(one, view="duties")
