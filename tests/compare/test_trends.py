"""engine.trends: period-to-period changes with arrows (0.5-point flat band) and measures that slipped."""
import pytest

from engine import compare
from engine.trends import arrow

from .conftest import SERIES


@pytest.mark.parametrize("delta, expected", [(0.51, "↑"), (0.5, "→"), (0.0, "→"), (-0.5, "→"), (-0.51, "↓"),
                                             (None, "·")])
def test_arrow_flat_band(delta, expected):
    assert arrow(delta) == expected


def test_totals_period_to_period(cards):
    (c,) = compare.compare(cards(SERIES))
    (t,) = c.trends
    assert t.subject == ("zt", "昭通市")
    assert [card.submission.period for card in t.cards] == [2022, 2023, 2024, 2025, 2026]
    assert [(s.total.before, s.total.after, s.total.delta, s.total.arrow) for s in t.steps] == [
        (70.0, 70.5, 0.5, "→"), (70.5, 71.01, 0.51, "↑"), (71.01, 22.0, -49.01, "↓"), (22.0, 50.0, 28.0, "≠")]
    # 2026 states one of the two base measures (coverage 50% against 100%): not comparable (SPEC 10)


def test_groups_and_slipped_measures(cards):
    (t,) = compare.compare(cards(SERIES))[0].trends
    lost, unreported = t.steps[2], t.steps[3]
    assert [(g.id, g.delta, g.arrow) for g in lost.groups] == [("G1", -50.0, "↓"), ("G2", 0.99, "↑")]
    assert [(x.id, x.before, x.after, x.value_before, x.value_after, x.unreported) for x in lost.slipped] == [
        ("G1.M1", 1.0, 0.0, True, False, False)]
    assert [(g.id, g.delta, g.arrow) for g in unreported.groups] == [("G1", 50.0, "≠"), ("G2", -22.0, "≠")]
    assert [(x.id, x.before, x.after, x.unreported) for x in unreported.slipped] == [("G2.M1", 0.44, 0.0, True)]
    assert t.steps[0].slipped == () and t.steps[1].slipped == ()


def test_single_period_subjects_have_no_trend(cards):
    (c,) = compare.compare(cards({"zt/2022.yaml": SERIES["zt/2022.yaml"]}))
    assert c.trends == ()
