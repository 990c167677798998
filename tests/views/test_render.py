"""自评分 vs 核定分 and the assessor panels in score, gaps and the report: terminal at 80 and 40 columns with
Chinese labels, Markdown, HTML; hostile notes and assessor ids inert; nothing added to a card without them."""
import io
import re
from dataclasses import replace

import pytest
from rich.cells import cell_len
from rich.console import Console

from engine import gaps, report_set
from engine.formats import gaps as gap_formats
from engine.formats import markdown, table
from engine.html import card as html_card
from engine.html import panels as html_panels
from engine.scoring import score

from .conftest import NOTE, submission, verified

HOSTILE_NOTE = "<script>alert(1)</script> [x](http://e.example) \x1b[31mred | *b* [bold]b[/bold]"
HOSTILE_WHO = "[red]甲[/red]<img src=x onerror=alert(2)>|\u202e"


def terminal(card, width=80, lang=None) -> str:
    buf = io.StringIO()
    table.show([card], Console(file=buf, width=width), lang)
    return buf.getvalue()


def cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("│").split("│")]


def test_terminal_score_at_80_columns(cards):
    text = terminal(cards[1])
    assert max(cell_len(line) for line in text.splitlines()) <= 80
    assert "自评分 80 · 核定分 70 (−10)" in text.splitlines()
    changed = next(line for line in text.splitlines() if line.startswith("│ A.1"))
    assert cells(changed)[:5] == ["A.1", "知晓率", "80%", "70%", "−10"]
    assert "抽查问卷" in changed
    lines = text.splitlines()
    panel = next(i for i, line in enumerate(lines) if "B.1 群众满意度评议" in line and "专家甲" in line)
    assert cells(lines[panel]) == ["B.1 群众满意度评议", "专家甲: 3", "3 4 5", "4", "4", "⚠ 分歧较大 >1"]
    assert [cells(line)[1] for line in lines[panel + 1:panel + 5]] == ["专家乙: 4", "专家丙: 5", "专家丁: 5", "专家戊: 1"]


def test_terminal_order_and_english(cards):
    text = terminal(cards[1], lang="en")
    order = [text.index(s) for s in ("Total 70 / 100", "Self-assessed 80 · verified 70 (−10)", "Δ total", "Groups",
                                     "│ B.1 │ Satisfaction panel", "Assessor panels", "⚠ wide >1")]
    assert order == sorted(order)


def test_terminal_at_40_columns_keeps_every_column(cards):
    text = terminal(cards[1], width=40)
    assert max(cell_len(line) for line in text.splitlines()) <= 40
    lines = text.splitlines()
    assert cells(next(line for line in lines if line.startswith("A.1 │知晓率"))) == \
        ["A.1", "知晓率", "80%", "70%", "−10", "抽查问"]
    assert cells(next(line for line in lines if line.startswith("B.1 ") and "专家甲" in line)) == \
        ["B.1", "专家甲", "3 4 5", "4", "4", "⚠"]


def test_no_flag_when_the_panel_agrees(camp):
    card = score(camp, submission(ratings=(("a", (4,)), ("b", (5,)))))
    text = terminal(card)
    row = next(line for line in text.splitlines() if "B.1 群众满意度评议" in line and "a: 4" in line)
    assert cells(row) == ["B.1 群众满意度评议", "a: 4", "4 5", "4.5", "1", ""]
    assert "自评分" not in text  # no verified stage: no stage line


def test_markdown_score(cards):
    text = markdown.render([cards[1]])
    assert "**自评分 80 · 核定分 70 \\(−10\\)**" not in text  # parentheses are no Markdown: not escaped
    assert "\n**自评分 80 · 核定分 70 (−10)**\n" in text
    assert f"| A.1 | 知晓率 | 80% | 70% | −10 | {NOTE} |" in text
    assert "| B.1 群众满意度评议 | 专家甲: 3; 专家乙: 4; 专家丙: 5; 专家丁: 5; 专家戊: 1 | 3 4 5 | 4 | 4 | " \
           "**⚠ 分歧较大 >1** |" in text
    assert text.index("核定改变得分的指标") < text.index("| 编号 | 指标组 |") < text.index("| 编号 | 指标 | 现值 |") \
        < text.index("评审组评分")  # the heads in the rubric's language (they were English in a Chinese card)


def test_gaps_show_the_stages_but_no_panel(cards):
    rep = gaps.analyse(cards[1])
    md = gap_formats.get("markdown").render([rep], None, gap_formats.VIEWS)
    assert "\n**自评分 80 · 核定分 70 (−10)**\n" in md and f"| A.1 | 知晓率 | 80% | 70% | −10 | {NOTE} |" in md
    assert "评审组评分" not in md
    assert md.index("核定分") < md.index("> 距「优秀」")
    text = gap_formats.get("table").render([rep], width=80)
    assert max(cell_len(line) for line in text.splitlines()) <= 80
    assert "自评分 80 · 核定分 70 (−10)" in text and "评审组评分" not in text
    assert cells(next(line for line in text.splitlines() if line.startswith("│ A.1")))[:5] == \
        ["A.1", "知晓率", "80%", "70%", "−10"]


def test_html_sections(cards):
    page = html_card.render(cards[1])
    assert '<p class="next"><b>自评分 80 · 核定分 70 (−10)</b></p>' in page
    assert ('<tr><td class="id">A.1</td><td>知晓率</td><td class="n">80%</td><td class="n">70%</td>'
            f'<td class="n"><b>−10</b></td><td class="s">{NOTE}</td></tr>') in page
    assert ('<td class="s">专家甲: 3<br>专家乙: 4<br>专家丙: 5<br>专家丁: 5<br>专家戊: 1</td><td>3 4 5</td>'
            '<td class="n">4</td><td class="n">4</td><td><span class="st st-zero">⚠ 分歧较大 &gt;1</span></td>') in page
    assert page.index("自评与核定") < page.index("全部指标明细") < page.index("评审组评分") < page.index("<footer>")


def test_report_set_carries_both(cards):
    files = {f.path.name: f.text for f in report_set.plan([cards[1]])}
    assert "评审组评分" in files["2024.camp.score.md"] and "核定分 70" in files["2024.camp.gaps.md"]
    assert "评审组评分" in files["2024.camp.html"] and "核定分 70" in files["2024.camp.html"]


def hostile(camp):
    card = score(camp, submission(a1=70, ratings=((HOSTILE_WHO, (1,)), ("b", (5,)))))
    return verified(card, note=HOSTILE_NOTE)


def test_hostile_text_in_the_terminal(camp):
    text = terminal(hostile(camp), width=160)
    assert "\x1b" not in text and "\u202e" not in text
    assert "\\x1b[31mred" in text and "[bold]b[/bold]" in text and "[red]甲[/red]" in text and "\\u202e" in text


def test_hostile_text_in_markdown(camp):
    text = markdown.render([hostile(camp)])
    assert "<script>" not in text and "<img" not in text and "[x](http" not in text
    assert "&lt;script>alert(1)&lt;/script>" in text and "\\| \\*b\\*" in text and "\\[red\\]甲" in text


def test_hostile_text_in_html(camp):
    page = html_card.render(hostile(camp))
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "\\x1b[31mred" in page
    assert "[red]甲[/red]&lt;img src=x onerror=alert(2)&gt;|&#8238;: 1<br>b: 5" in page


def test_nothing_added_without_stages_or_panels(camp, monkeypatch):
    """A card with no verified stage and its ratings from one file renders exactly as before: the new sections
    print nothing at all, not even a blank line (the outputs with them stubbed out are the same)."""
    card = score(camp, submission(ratings=(("submissions/jc/2024.yaml", (3, 4, 5, 5, 1)),)))
    rep = gaps.analyse(card)
    outputs = lambda: (terminal(card), markdown.render([card]), html_card.render(card),  # noqa: E731
                       gap_formats.get("table").render([rep], width=80),
                       gap_formats.get("markdown").render([rep], None, gap_formats.VIEWS))
    now = outputs()
    for module, name, empty in ((table, "show_stages", None), (table, "show_panels", None),
                                (markdown, "stages_md", []), (markdown, "panels_md", []),
                                (html_panels, "stages", ""), (html_panels, "assessors", "")):
        monkeypatch.setattr(module, name, lambda *a, _e=empty: _e)
    monkeypatch.setattr(gap_formats.get("table"), "show_stages", lambda *a: None)
    monkeypatch.setattr(gap_formats.get("markdown"), "stages_md", lambda *a: [])
    assert outputs() == now
    assert not re.search("自评分|核定|评审组", "".join(now))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_verified_stage_that_changed_nothing(cards, lang):
    card = replace(cards[1], stages={"self": 70.0, "verified": 70.0}, changed=())
    text = terminal(card, lang=lang)
    assert ("自评分 70 · 核定分 70 (±0)" if lang == "zh" else "Self-assessed 70 · verified 70 (±0)") in text
    assert "核定改变得分的指标" not in text and "Measures whose verified" not in text
    assert "<h2>" + ("自评与核定" if lang == "zh" else "Self-assessment and verification") in \
        html_card.render(card, lang)
