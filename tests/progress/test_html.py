"""The filing-progress section of the HTML index, and when the report set puts it there."""
import re
from dataclasses import replace

from engine import report_set, scoring
from engine.html.index import progress_section
from engine.model import Entry, Label, Submission
from engine.progress import filing_of, progress, subject

from .conftest import jinchang, wuwei

IMG = '<img src=x onerror=alert(1)>'


def cells(html: str, name: str) -> list[str]:
    """The cells of the first table row whose first cell is ``name`` (tags stripped)."""
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", html) if r.startswith(f"<td>{name}</td>"))
    return re.findall(r"<td[^>]*>(.*?)</td>", row)


def test_section_figures(campaign):
    html = progress_section(progress([jinchang(campaign), wuwei(campaign)]), "zh", None)
    assert html.startswith("<section>\n<h2>填报进度</h2>")
    totals = html.split("各单位合计")[1].split("<h3>")[0]
    assert cells(totals, "市统计局") == ["市统计局", "2", "2", "2", "2", "1", "1", "60", ""]
    jc = html.split("金昌市 · 2024")[1].split("武威市")[0]
    assert "覆盖率 40%（2/5 项基础指标已填报）" in jc and "<b>尚未填报任何指标的单位</b>: 市民族宗教事务委员会" in jc
    assert cells(jc, "市民族宗教事务委员会") == ["市民族宗教事务委员会", "2", "", "", "", "2", "20", "M3 M4"]


def test_one_subject_has_no_totals_and_text_is_escaped(campaign):
    rubric = replace(campaign, units={**campaign.units, "mzw": Label.of(IMG)})
    html = progress_section(progress([replace(jinchang(rubric), subject_name=IMG)]), "en", None)
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Every unit across subjects" not in html and "Units that have filed nothing" in html


def card(rubric, sid, by: dict):
    """A scorecard whose entries were given by the units in ``by`` (measure id -> unit or None)."""
    entries = {m: Entry(True if m in ("M1", "M5") else 95, filed_by=u) for m, u in by.items()}
    return scoring.score(rubric, Submission("drive@1", sid, sid.upper(), 2024, entries, f"{sid}.yaml"))


def test_filing_of_a_card(campaign):
    c = card(campaign, "jc", {"M1": "tjj", "M5": None})
    s = subject(filing_of(c))
    assert s.filed == ("M1", "M5") and s.invalid == () and s.filed_nothing == ("mzw",)
    assert [u.points for u in s.units] == [10.0, 40.0, 20.0]


def test_the_index_has_the_section_only_for_a_campaign(campaign):
    plain = [card(campaign, "a", {"M1": None}), card(campaign, "b", {"M2": None})]
    index = next(f for f in report_set.plan(plain) if f.kind == "index").text
    assert "填报进度" not in index
    filed = [card(campaign, "a", {"M1": None}), card(campaign, "b", {"M2": "tjj"})]
    index = next(f for f in report_set.plan(filed) if f.kind == "index").text
    section = index.split("<h2>填报进度</h2>")[1].split("</section>")[0]
    assert "B · 2024" in section and "A · 2024" not in section  # only the submissions filed by units
    assert cells(section, "市统计局") == ["市统计局", "1", "1", "1", "", "1", "20", "M1"]
