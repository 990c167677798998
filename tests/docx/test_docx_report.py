"""report --format docx: the Word document read back with python-docx matches the gaps JSON written for
the same submission in the same run, in Word headings, with CJK fonts, charts as PNG images, and hostile
text shown literally."""
from __future__ import annotations

import re
import zipfile
import xml.etree.ElementTree as ET

from docx.oxml.ns import qn

from engine import rubric
from engine.formats.common import num
from engine.formats.docx import png
from tests.docx.conftest import HOSTILE, SHOWN, UNFILED
from tests.docx.read import STEM, east_asian, gaps_json, load, png_size, sections, tables_under
from tests.html.conftest import SHIPPED

RUBRIC = rubric.load(SHIPPED)
CJK = re.compile("[\u4e00-\u9fff]")


def names(units, lang="zh") -> str:
    return ("、" if lang == "zh" else ", ").join(RUBRIC.units[u].get(lang) for u in units)


def test_the_report_is_in_word_headings(written):
    heads = [(s, t) for s, t, _ in sections(load(written, "full"))[1:]]
    assert heads[0] == ("Title", "金昌市")
    top = [t for s, t in heads if s == "Heading 1"]
    assert top == ["得分概览", "失分项（按可挽回的总分排序）", "各指标得分率", "责任单位任务清单"]
    assert ("Heading 2", "缺失数据") in heads and ("Heading 2", "各维度得分率") in heads


def test_the_gap_table_is_the_gaps_json(written):
    rep, doc = gaps_json(written, "full"), load(written, "full")
    (rows,) = tables_under(doc, "失分项（按可挽回的总分排序）")
    assert rows[0] == ["#", "指标", "现值", "满分值", "差距", "可提分", "责任单位"]
    assert len(rows) - 1 == len(rep["gaps"]) > 20
    for row, g in zip(rows[1:], rep["gaps"]):
        assert row[:2] == [str(g["rank"]), f"{g['id']} {g['label']}"]
        assert row[5] == num(g["recoverable"]) and row[6] == names(g["owners"])
    table = [b for _, t, bs in sections(doc) if t.startswith("失分项（") for b in bs if hasattr(b, "rows")][0]
    bold = [all(r.bold for p in row.cells[0].paragraphs for r in p.runs) for row in table.rows[1:]]
    assert bold == [g["in_path"] for g in rep["gaps"]] and any(bold)  # the next grade's path in bold


def test_every_unit_has_its_task_list(written):
    rep, doc = gaps_json(written, "full"), load(written, "full")
    owners = rep["by_owner"]
    (summary,) = tables_under(doc, "责任单位任务清单")
    assert [r[0] for r in summary[1:]] == [o["name"] for o in owners]
    assert [r[2] for r in summary[1:]] == [num(o["lead_points"]) if o["lead"] else "" for o in owners]
    units = [(t, blocks) for s, t, blocks in sections(doc) if s == "Heading 2"][-len(owners):]
    assert [t for t, _ in units] == [f"{o['name']} ({o['unit']})" if o["unit"] else o["name"] for o in owners]
    for o, (_, blocks) in zip(owners, units):
        tables = [b for b in blocks if hasattr(b, "rows")]
        rows = [[c.text for c in r.cells] for r in tables[0].rows[1:]] if tables else []
        assert [(r[0], r[1].split()[0]) for r in rows] == [("牵头", i) for i in o["lead"]] + [("配合", i)
                                                                                          for i in o["co"]]
        bullets = [p.text.split()[0] for p in blocks if not hasattr(p, "rows") and p.style.name == "List Bullet"]
        assert bullets == o["missing"] + o["evidence_missing"]
    assert sorted(i for o in owners for i in o["missing"]) == sorted(UNFILED)


def test_chinese_text_carries_an_east_asian_font(written):
    doc = load(written, "full")
    assert east_asian(doc.styles["Normal"].element.rPr) == "宋体"
    assert east_asian(doc.styles["Heading 1"].element.rPr) == "黑体"
    lang = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("zh-CN", "zh-CN")
    runs = [r for p in doc.paragraphs for r in p.runs] + [r for t in doc.tables for row in t.rows
                                                          for c in row.cells for p in c.paragraphs for r in p.runs]
    chinese = [r for r in runs if CJK.search(r.text)]
    assert len(chinese) > 500
    assert {east_asian(r._r.rPr) for r in chinese} <= {"宋体", "黑体"}
    assert all(r._r.rPr.find(qn("w:rFonts")).get(qn("w:ascii")) for r in chinese)


def test_the_charts_are_png_images_one_per_bar(written):
    rep, doc = gaps_json(written, "full"), load(written, "full")
    images = [rel.target_part.blob for rel in doc.part.rels.values() if rel.reltype.endswith("/image")]
    assert images and {png_size(b) for b in images} == {(png.WIDTH, png.HEIGHT)}
    groups = [i["depth"] for i in rep["by_indicator"]]
    gaps = min(15, sum(g["recoverable"] > 0 for g in rep["gaps"]))
    units = min(15, sum(o["lead_points"] + o["co_points"] > 0 for o in rep["by_owner"]))
    assert len(doc.inline_shapes) == groups.count(0) + groups.count(1) + gaps + units
    first = rep["by_indicator"][0]
    assert doc.inline_shapes[0]._inline.docPr.get("descr").startswith(f"{first['id']} {first['label']}: ")


def test_a_hostile_subject_name_is_shown_literally(written):
    doc = load(written, "evil")
    assert HOSTILE != SHOWN and doc.paragraphs[0].text == SHOWN
    assert doc.core_properties.title.startswith(SHOWN)
    with zipfile.ZipFile(written / "evil" / f"{STEM}.gaps.docx") as z:
        xml = z.read("word/document.xml").decode("utf-8")
    ET.fromstring(xml)  # well-formed
    assert "&lt;w:t&gt;&amp;amp;&lt;/w:t&gt;]]&gt;" in xml and "\x1b" not in xml and "\ufffe" not in xml
    assert "<w:br" not in xml  # the newline in the name is shown, not a line break


def test_english_words_with_lang_en(english):
    doc = load(english, "full")
    top = [t for s, t, _ in sections(doc) if s == "Heading 1"]
    assert top == ["At a glance", "Gaps, ranked by points of the total they would recover",
                   "Attainment by indicator", "Task list by responsible unit"]
    (rows,) = tables_under(doc, "Gaps, ranked by points of the total they would recover")
    assert rows[0] == ["#", "measure", "value", "full marks at", "to go", "+points", "owners"]
    first = [o for o in RUBRIC.measures if f"{o.id} " in rows[1][1]][0]
    assert rows[1][6] == names(first.owners, "en")
    assert doc.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-GB"
