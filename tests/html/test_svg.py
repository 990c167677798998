"""The SVG chart primitives: geometry, label fitting, and escaping in text and attributes."""
import re

from engine.html import svg

from .parse import parse

EVIL = '<script>alert(1)</script>" onload="x'


def test_em_and_wrap():
    assert svg.em("民族团结") == 4 and svg.em("ab") < 1.2
    assert svg.wrap("加强和完善党对民族工作的全面领导", 8) == ["加强和完善党对民", "族工作的全面领导"]
    assert svg.wrap("加强和完善党对民族工作的全面领导", 6) == ["加强和完善党", "对民族工作…"]
    assert svg.wrap("Strengthening the Party's leadership", 12) == ["Strengthening the", "Party's leadership"]
    assert svg.wrap("Strengthening the Party's overall leadership of ethnic work", 12)[1] == "Party's overall…"
    assert svg.clip("short", 10) == "short" and svg.clip("全国民族团结进步示范市", 5) == "全国民族…"


def test_bar_lengths_are_proportional():
    rows = [svg.Bar("甲乙丙丁", 50, "50%", "#111"), svg.Bar("b", 100, "100%", "#222"), svg.Bar("c", 150, "x", "#333")]
    out = svg.bars(rows, 100, "chart", width=600, label_em=8)
    left = round((4 + .6) * svg.FONT + 14)  # the longest label (4 em) decides the label column
    widths = [float(w) for w in re.findall(rf'<rect x="{left:g}" y="[\d.]+" width="([\d.]+)" height="14"', out)]
    span = 600 - left - 96
    assert widths == [round(span / 2, 1), span, span]  # clamped at the scale
    assert out.startswith('<svg viewBox="0 0 600 ') and 'role="img" aria-label="chart"' in out


def test_stacked_and_tracked_bars():
    out = svg.bars([svg.Bar("u", 2, "2 + 1", "#1e3a5f", rest=1)], 4, "owners", width=400, label_em=4)
    assert out.count("<rect") == 2 and 'fill="#9fb3cc"' in out
    out = svg.bars([svg.Bar("g", 40, "40%", "#c62828")], 100, "dims", track=True, ticks=((85, "85%"),))
    assert out.count("<rect") == 2 and 'stroke-dasharray="3 3"' in out and ">85%</tspan>" in out


def test_escaped_in_text_and_attributes():
    charts = [svg.bars([svg.Bar(EVIL, 1, EVIL, "#000", title=EVIL)], 1, EVIL),
              svg.heatmap([EVIL], [EVIL], [[svg.Cell(EVIL, "#000", EVIL)]], EVIL),
              svg.line([(EVIL, 1.0, "#000"), ("2", 2.0, "#000")], 2, [(1, EVIL)], EVIL)]
    for out in charts:
        p = parse(out)
        assert p.errors == [] and p.all("script") == []
        assert all(set(attrs) <= {"viewbox", "width", "height", "role", "aria-label", "x", "y", "x1", "x2", "y1", "y2",
                                  "fill", "stroke", "stroke-dasharray", "stroke-opacity", "stroke-width", "rx",
                                  "text-anchor", "font-size", "font-weight", "fill-opacity", "points", "cx", "cy",
                                  "r"} for _, attrs in p.tags)
        assert "<script>" not in out and "&lt;script&gt;" in out and p.all("svg")[0]["aria-label"] == EVIL


def test_heatmap_cells_and_shade():
    cells = [[svg.Cell("90%", svg.LIGHTS["green"], strength=.93), svg.Cell("—", svg.LIGHTS[None])]]
    out = svg.heatmap(["昭通市"], ["D1 组织领导", "D2 宣传教育"], cells, "heat")
    assert out.count("<rect") == 2 and 'fill-opacity="0.93"' in out and ">昭通市</tspan>" in out


def test_line_chart_points_and_guides():
    out = svg.line([("2022", 70.0, "#c62828"), ("2023", 85.0, "#00796b"), ("2024", 95.0, "#2e7d32")], 100,
                   [(90, "90 优秀"), (60, "60 合格")], "trend")
    points = re.search(r'<polyline [^>]*points="([^"]+)"', out).group(1).split()
    assert len(points) == 3 and out.count("<circle") == 3
    ys = [float(p.split(",")[1]) for p in points]
    assert ys[0] > ys[1] > ys[2]  # higher totals are drawn higher
    assert ">90 优秀</tspan>" in out and ">2023</tspan>" in out
