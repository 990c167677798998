"""engine.panels: the figures every renderer shows of the two stages and of the assessors, worked by hand."""
from dataclasses import replace

import pytest

from engine import panels
from engine.model import Entry
from engine.scoring import score

from .conftest import NOTE, submission


def test_no_stages_without_a_verified_stage(cards):
    own, _ = cards
    assert panels.stages(own) is None


def test_stages_of_the_verified_card(cards):
    _, card = cards
    st = panels.stages(card)
    assert (st.self_total, st.verified_total, st.delta) == (80.0, 70.0, -10.0)
    [c] = st.changed
    assert (c.change.id, c.measure.label.get("zh"), c.change.note) == ("A.1", "知晓率", NOTE)
    assert panels.stage_line(st, "zh") == "自评分 80 · 核定分 70 (−10)"
    assert panels.stage_line(st, "en") == "Self-assessed 80 · verified 70 (−10)"
    assert panels.change_cells(c, "zh", "zh") == ("A.1", "知晓率", "80%", "70%", "−10", NOTE)


def test_a_value_only_one_stage_gave(cards):
    _, card = cards
    card = replace(card, changed=(replace(card.changed[0], self=None, delta=1.255),))
    cells = panels.change_cells(panels.stages(card).changed[0], "en", "en")
    assert cells[1:5] == ("Awareness", "—", "70%", "+1.26")


@pytest.mark.parametrize("x, shown", [(1.5, "+1.5"), (-2.5, "−2.5"), (0.0, "±0"), (-0.001, "±0"), (12.345, "+12.35")])
def test_signed(x, shown):
    assert panels.signed(x) == shown


def test_panel_of_five_assessors(cards):
    """3 4 5 5 1, trim 1: 3 4 5 kept, mean 4 (the score's 30 = (4-1)/4 * 40); spread 5 - 1 = 4 > 1 (a quarter of
    1..5): they disagree widely."""
    _, card = cards
    [p] = panels.panels(card)
    assert p.measure.id == "B.1" and [who for who, _ in p.rows] == ["专家甲", "专家乙", "专家丙", "专家丁", "专家戊"]
    assert (p.ratings, p.kept, p.mean, p.spread, p.limit, p.disagrees) == ((3, 4, 5, 5, 1), (3, 4, 5), 4, 4, 1, True)
    assert card.measure("B.1").score == 30
    assert panels.flag_text(p, "zh") == "⚠ 分歧较大 >1" and panels.flag_text(p, "en") == "⚠ wide >1"


def test_close_ratings_are_no_disagreement(camp):
    card = score(camp, submission(ratings=(("a", (4,)), ("b", (5,)), ("c", (4, 4.5)))))
    [p] = panels.panels(card)
    assert (p.kept, p.mean, p.spread, p.disagrees) == ((4, 4.5), 4.25, 1, False)  # spread 1 is not above 1
    assert panels.flag_text(p, "zh") == ""


def test_the_rubric_sets_wide(rated):
    """disagree: 2 — a spread of 2 is no disagreement, 2.5 is."""
    card = rated(("a", (3,)), ("b", (5,)))
    assert panels.panels(card)[0].disagrees is False
    card = rated(("a", (3, 2.5)), ("b", (5,)))
    assert panels.panels(card)[0].limit == 2 and panels.panels(card)[0].disagrees is True


def test_one_source_is_no_panel(camp):
    assert panels.panels(score(camp, submission(ratings=(("submissions/jc/2024.yaml", (3, 4, 5, 5, 1)),)))) == ()
    same = (("专家甲", (3,)), ("专家甲", (5,)))
    assert panels.panels(score(camp, submission(ratings=same))) == ()
    assert len(panels.panels(score(camp, submission(ratings=same)), least=1)) == 1


def test_no_panel_without_ratings_by_source(camp):
    card = score(camp, submission(**{"B.1": Entry([3, 4, 5])}))
    assert panels.panels(card) == () and panels.panel(card.measure("A.1")) is None
