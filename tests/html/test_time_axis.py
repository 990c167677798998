"""The trend chart's time axis (issue 15): periods stand at their times, gaps to scale; a period that is no
time spaces the chart evenly and the caption says so.

Geometry of svg.line at its default size: the plot runs from x = 34 to x = 340 - 92 = 248 (span 214)."""
import json
import re

import pytest

from engine import periods, pipeline
from engine.html import index, svg
from tests.compare.conftest import TREND, sub

from .parse import parse

LEFT, SPAN = 34, 214


def xs(chart: str) -> list[float]:
    """The x of every point of a line chart, from its polyline."""
    points = re.search(r'<polyline [^>]*points="([^"]*)"', chart).group(1).split()
    return [float(p.split(",")[0]) for p in points]


@pytest.mark.parametrize("period, time", [
    (2024, 2024.0), ("2024", 2024.0), (" 2025 ", 2025.0), ("2024H1", 2024.0), ("2024-H2", 2024.5),
    ("2024年上半年", 2024.0), ("2024年下半年", 2024.5), ("2024Q3", 2024.5), ("2024-q4", 2024.75),
    ("2024年第一季度", 2024.0), ("2024年第三季度", 2024.5), ("2024年4季度", 2024.75),
    ("2024-06", 2024 + 5 / 12), ("2024/1", 2024.0), ("2024年12月", 2024 + 11 / 12),
])
def test_time_value_reads_years_halves_quarters_months(period, time):
    assert periods.time_value(period) == pytest.approx(time)


@pytest.mark.parametrize("period", ["第三期", "2024H3", "2024Q5", "2024-13", "2024年第五季度", "nan", "inf", "",
                                    "1", "3", "12000", "baseline", "2024-06-30"])
def test_time_value_none_for_what_is_not_a_time(period):
    assert periods.time_value(period) is None


def test_time_values_need_every_period_and_increasing_order():
    assert periods.time_values(["2020", "2024", "2025"]) == [2020, 2024, 2025]
    assert periods.time_values(["2020", "第三期"]) is None
    assert periods.time_values(["2024Q3", "2024Q2"]) is None and periods.time_values(["2024", "2024H1"]) is None


def test_years_stand_at_their_times():
    out = svg.line([("2020", 50.0, "#111"), ("2024", 60.0, "#222"), ("2025", 70.0, "#333")], 100, [], "t",
                   times=[2020, 2024, 2025])
    assert xs(out) == [34.0, 205.2, 248.0]  # 34 + 214 * 4/5 = 205.2: four times the 2024 → 2025 gap of 42.8
    assert (205.2 - 34) == pytest.approx(4 * (248 - 205.2))
    ticks = re.findall(r'<line x1="([\d.]+)" y1="184" x2="[\d.]+" y2="188"', out)  # axis at 24 + 160 = 184
    assert ticks == ["34.0", "205.2", "248.0"]
    for x, name in zip(ticks, ("2020", "2024", "2025")):
        assert f'<tspan x="{x}" y="{184 + 14 + 11 * .35:.1f}">{name}</tspan>' in out


def test_halves_and_quarters_between_years():
    out = svg.line([("2024H1", 1.0, "#1"), ("2024H2", 2.0, "#1"), ("2025Q3", 3.0, "#1")], 3, [], "t",
                   times=periods.time_values(["2024H1", "2024H2", "2025Q3"]))
    assert xs(out) == [34.0, 105.3, 248.0]  # 2024, 2024.5, 2025.5: a third of the span, then two thirds


def test_without_times_evenly_spaced_as_before():
    points = [("a", 1.0, "#1"), ("b", 2.0, "#1"), ("c", 3.0, "#1"), ("d", 4.0, "#1")]
    assert xs(svg.line(points, 4, [], "t")) == [34.0, 105.3, 176.7, 248.0]
    assert xs(svg.line(points[:1], 4, [], "t")) == [141.0]  # one point in the middle
    assert xs(svg.line(points[:1], 4, [], "t", times=[2024.0])) == [141.0]


def test_crowded_period_names_are_dropped_from_the_axis_but_kept_in_titles():
    names = ["2010", "2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    out = svg.line([(n, 1.0, "#1") for n in names], 1, [], "t", times=periods.time_values(names))
    labels = re.findall(rf'y="{184 + 14 + 11 * .35:.1f}">([^<]+)</tspan>', out)
    assert labels == ["2010", "2024Q4"]  # quarters ~8 px apart: only the first and the latest period have room
    assert all(f"<title>{n}: 1</title>" in out for n in names)


@pytest.fixture
def chart(tmp_path):
    """The index page's trend figure of one subject filed for ``periods`` (totals 50, 60, 70, ...)."""

    def run(periods_: list, lang: str = "zh") -> str:
        (tmp_path / "rubrics").mkdir(exist_ok=True)
        (tmp_path / "rubrics" / "trend.yaml").write_text(TREND, encoding="utf-8")
        for i, p in enumerate(periods_):
            path = tmp_path / "subs" / "zt" / f"{p}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(sub("zt", "昭通市", json.dumps(p, ensure_ascii=False), True, 10 * i), encoding="utf-8")
        outcomes = list(pipeline.run([str(tmp_path / "subs")], pipeline.RubricFinder(None, str(tmp_path / "rubrics"))))
        assert all(o.ok for o in outcomes), [str(p) for o in outcomes for p in o.problems]
        cards = [o.card for o in outcomes]
        html = index.render(cards, [f"r{i}.html" for i in range(len(cards))], lang)
        found = re.search(r"<figure><figcaption>.*?</svg></figure>", html)
        return found.group(0) if found else ""

    return run


@pytest.mark.parametrize("lang, note", [("zh", "横轴按时间比例：2020→2024 4年 · 2024→2025 1年"),
                                        ("en", "Time to scale: 2020→2024 4 years · 2024→2025 1 year")])
def test_index_chart_to_scale_and_gaps_in_caption(chart, lang, note):
    fig = chart(["2020", "2024", "2025"], lang)
    assert xs(fig) == [34.0, 205.2, 248.0] and f"<br><small>{note}</small>" in fig


def test_index_chart_months_in_caption(chart):
    fig = chart(["2024-01", "2024-04", "2025-04"])
    assert xs(fig) == [34.0, 76.8, 248.0]  # 3 months of 15: 214 / 5 = 42.8
    assert "<br><small>横轴按时间比例：2024-01→2024-04 3个月 · 2024-04→2025-04 1年</small>" in fig


@pytest.mark.parametrize("names, at", [(["2020", "2024"], [34.0, 248.0]),  # two periods: the ends of the axis
                                       (["2022", "2023", "2024"], [34.0, 141.0, 248.0]),
                                       (["2024H1", "2024H2", "2025H1"], [34.0, 141.0, 248.0])])
def test_even_gaps_need_no_note(chart, names, at):
    fig = chart(names)
    assert xs(fig) == at and "横轴" not in fig and "等距" not in fig


@pytest.mark.parametrize("lang, note", [("zh", "各期等距排列：“第三期”不能读作时间。"),
                                        ("en", "Periods evenly spaced: “第三期” cannot be read as a time.")])
def test_unreadable_period_spaces_evenly_and_says_so(chart, lang, note):
    fig = chart(["2020", "2024", "第三期"], lang)
    assert xs(fig) == [34.0, 141.0, 248.0] and f"<br><small>{note}</small>" in fig


def test_times_out_of_the_chart_order_space_evenly(chart):
    # a year and its own first half both start at 2024.0: no time order between them, so even spacing
    fig = chart(["2024", "2024H1"])
    assert xs(fig) == [34.0, 248.0] and "各期等距排列：期次的时间先后与排序不一致。" in fig


def test_quarters_written_in_chinese_are_in_time_order(chart):
    fig = chart(["2024年第二季度", "2024年第三季度", "2024年第四季度"])
    assert xs(fig) == [34.0, 141.0, 248.0] and "各期等距排列" not in fig


def test_one_period_has_no_chart(chart):
    assert chart(["2024"]) == ""


def test_period_names_escaped_in_axis_titles_and_caption(chart):
    evil = '<img src=x onerror=alert(1)>&"x'  # a file name: no slash
    fig = chart(["2024", evil])
    p = parse(fig)
    assert p.errors == [] and p.all("img") == [] and "<img" not in fig
    assert fig.count("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;x") == 2  # the point's title and the note
    assert ">&lt;img src=x one…</tspan>" in fig  # the tick, cut to 8 ems


def test_crowded_values_keep_the_latest():
    names = ["2010", "2024Q1", "2024Q2"]
    out = svg.line([(n, 50.0, "#1") for n in names], 100, [], "t", times=periods.time_values(names))
    assert re.findall(r'font-weight="bold"><tspan x="([\d.]+)"', out) == ["34.0", "248.0"]  # 2024Q1's hidden
    assert "<title>2024Q1: 50</title>" in out
