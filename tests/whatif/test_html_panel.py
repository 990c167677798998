"""The "what it takes" panel of the per-submission HTML page: the path to the next grade, as a what-if."""
from pathlib import Path

from engine.gaps import analyse
from engine.html import card as html_card
from engine.html.whatif import panel
from engine.model import Entry
from engine.scoring import score
from engine.whatif import what_if
from tests.whatif.test_core import filed


def test_panel_shows_the_path_and_its_total(rubric):
    """40, 不合格; 合格 needs 60: the gaps tie at 20 lost each, so the path is A.1 alone (rubric order):
    A.1 at its target 90% gives 60, as scoring the what-if confirms."""
    card = score(rubric, filed())
    out = panel(analyse(card), "zh", None)
    assert "达到下一等级需要什么" in out
    assert "总分 40 → 60 (+20) · 等级 不合格 → 合格" in out
    assert '<td class="id">A.1</td><td>知晓率</td><td class="n">70%</td><td class="n">≥90%</td>' in out
    assert "<b>+20</b>" in out and "统战部 +1" in out and "A.2" not in out
    assert what_if(rubric, filed(), {"A.1": Entry(90)}).after.total == 60


def test_panel_on_the_page_and_absent_at_the_top(rubric):
    page = html_card.render(score(rubric, filed()), "en")
    assert "What it takes to reach the next grade" in page and "Total 40 → 60 (+20)" in page
    top = score(rubric, filed(**{"A.1": Entry(90), "A.2": Entry(True), "B.1": Entry(40000)}))
    assert panel(analyse(top), "zh", None) == ""


def test_panel_escapes_labels(rubric):
    from dataclasses import replace
    from engine.model import Label

    m = rubric.by_id["A.1"]
    card = score(rubric, filed())
    bad = replace(card, measures=tuple(replace(r, measure=replace(m, label=Label.of("<script>x</script>")))
                                       if r.id == "A.1" else r for r in card.measures))
    out = panel(analyse(bad), "zh", None)
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_a_long_path_shows_ten_rows_and_says_how_many_more():
    from engine import pipeline

    top = Path(__file__).resolve().parents[2]
    o = pipeline.run_one(top / "submissions/jinchang/2024.yaml", pipeline.RubricFinder(None, str(top / "rubrics")))
    rep = analyse(o.card)
    out = panel(rep, "zh", None)
    n = len(rep.next_grade.measures)
    assert n > 10 and out.count('<td class="id">') == 10 and f"另有 {n - 10} 项" in out
