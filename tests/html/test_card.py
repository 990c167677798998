"""One submission's HTML report: header, veto, charts, the full measure table, escaping, size, language."""
import re

import pytest

from engine.formats.common import num
from engine.html import card, measure_table
from engine.results import Scorecard

from .conftest import HOSTILE
from .parse import parse

LIMIT = 300 * 1024


def text_of(doc: str) -> str:
    return " ".join(parse(doc).text)


def test_header_names_total_grade_and_parts(full_card: Scorecard):
    doc = card.render(full_card)
    header = doc[doc.index('<header class="top">'):doc.index("</header>")]
    sub = full_card.submission
    assert f"<h1>{sub.subject_name}</h1>" in header and f"{sub.period} · 全国民族团结进步示范市测评" in header
    assert f'<div class="total">{num(full_card.total)}<small> / 100</small></div>' in header
    assert f'class="badge b-red">{full_card.grade.label.get()}</span>' in header
    stats = doc[doc.index('<ul class="stats">'):]
    for figure in (num(full_card.base), "+" + num(full_card.bonus), "−" + num(full_card.deductions)):
        assert f"<li><b>{figure}</b>" in stats
    assert 'class="veto"' not in doc and "距「合格」" in doc


def test_veto_banner_names_the_measure(hostile_card: Scorecard):
    doc = card.render(hostile_card)
    banner = re.search(r'<div class="veto" role="alert">(.*?)</div>', doc).group(1)
    assert "<b>一票否决</b>V.M01 发生影响民族团结的重大事件" in banner and "等级均为「不合格」" in banner
    assert hostile_card.vetoed_by == ("V.M01",)


def test_charts_are_inline_svg(full_card):
    doc = card.render(full_card)
    p = parse(doc)
    labels = [a["aria-label"] for a in p.all("svg")]
    assert labels == ["各维度得分率", "各指标得分率", "失分项（按可挽回的总分排序）", "各责任单位可挽回分值"]
    dims = doc[doc.index('aria-label="各维度得分率"'):doc.index('aria-label="各指标得分率"')]
    assert dims.count("<g><title>D") == 6 and "D1 加强和完善党对民族工作的全面领导" in dims
    assert 'fill="#c62828"' in dims or 'fill="#ef6c00"' in dims  # traffic-light colours from rubric.colors
    owners = doc[doc.index('aria-label="各责任单位可挽回分值"'):]
    assert "市民族宗教事务委员会" in owners


def test_measure_table_lists_every_measure(full_card):
    doc = card.render(full_card)
    p = parse(doc)
    rows = [a for a in p.all("tr") if "data-status" in a]
    assert len(rows) == len(full_card.measures) == 143  # 127 base measures and 16 modifiers
    start = doc.index('<table class="sortable">')
    heads = doc[start:doc.index("</thead>", start)]  # the measure table's own head (panels before it have theirs)
    assert re.findall(r"<th scope=\"col\"[^>]*>([^<]+)</th>", heads) == [
        "编号", "指标", "填报值", "原文", "满分要求", "得分/满分", "状态", "责任单位", "佐证材料", "备注"]
    row = re.search(r'<tr data-status="partial"><td class="id">D1.I01.M06</td>.*?</tr>', doc).group(0)
    assert ">约70%</td>" in row and '<td class="s">约70</td>' in row and "≥100%" in row  # value, entry.raw, target
    assert "<b>市委统战部</b>、市民族宗教事务委员会" in row and "《金昌市2024年国民经济" in row and "数据口径" in row


def test_filter_and_sort_tools(full_card):
    doc = card.render(full_card)
    assert '<section class="mtable">' in doc and '<table class="sortable">' in doc
    assert '<div class="tools" hidden><input type="search" class="f-text"' in doc  # shown by the script only
    options = re.findall(r'<option value="([^"]*)">', doc)
    assert options[0] == "" and {"full", "partial", "zero", "triggered", "not-triggered"} <= set(options)
    script = parse(doc).scripts[0]
    for needle in ("sortBy", "addEventListener('click'", "f-text", "f-status", "aria-sort", "data-status"):
        assert needle in script


def test_hostile_strings_render_as_text(hostile_card):
    doc = card.render(hostile_card)
    p = parse(doc)
    assert "<script>alert" not in doc and "<img" not in doc and 'onerror="' not in doc
    assert len(p.all("script")) == 1 and p.all("img") == []
    assert all(not k.startswith("on") for _, attrs in p.tags for k in attrs)
    assert f"<h1>{'&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;'}" in doc
    text = text_of(doc)
    assert text.count(HOSTILE) >= 3  # the name, the note of D1.I01.M01, the evidence and note of the veto
    assert p.all("title")[0] == {} and HOSTILE in doc.replace("&lt;", "<").replace("&gt;", ">").replace(
        "&quot;", '"').replace("&#x27;", "'")


@pytest.mark.parametrize("which", ["full_card", "hostile_card"])
def test_a_full_city_stays_small(which, request):
    size = len(card.render(request.getfixturevalue(which)).encode("utf-8"))
    assert size < LIMIT, f"{size} bytes"


def test_english_labels(full_card):
    doc = card.render(full_card, "en")
    assert '<html lang="en">' in doc
    assert "Strengthening the Party&#x27;s overall leadership of ethnic work" in doc
    assert "All measures" in doc and "Attainment by dimension" in doc and "Fail</span>" in doc
    assert "全部指标明细" not in doc and "各维度得分率" not in doc and "组织领导" not in doc
    assert "<b>United Front Work Department of the Municipal Committee</b>, Ethnic and Religious Affairs" in doc


def test_cell_texts(full_card):
    rating = next(m for m in full_card.measures if m.measure.method == "rating")
    assert measure_table.value_text(rating, "zh") == " ".join(num(v) for v in rating.value)
    bonus = next(m for m in full_card.measures if m.measure.method == "bonus")
    assert measure_table.target_text(bonus, "zh").startswith("每项+") and measure_table.score_text(bonus)[0] in "+—"
    veto = next(m for m in full_card.measures if m.measure.method == "veto")
    assert measure_table.target_text(veto, "en") == "must not occur" and measure_table.score_text(veto) == "—"
