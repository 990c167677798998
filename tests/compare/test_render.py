"""Compare renderers: league, heatmap and trends in the terminal (80 and 160 columns), Markdown, JSON, CSV."""
import csv
import io
import json

import pytest
from rich.cells import cell_len
from rich.console import Console

from engine import compare
from engine.formats.compare import FORMATS, get

from .conftest import LEAGUE, SERIES


def terminal(comparisons, width, lang=None, color=False) -> str:
    buf = io.StringIO()
    console = Console(file=buf, width=width, force_terminal=color, color_system="standard" if color else None,
                      highlight=False)
    get("table").show(comparisons, console, lang)
    return buf.getvalue()


@pytest.fixture
def both(cards):
    return compare.compare(cards({**LEAGUE, **SERIES}))


@pytest.mark.parametrize("width", [80, 160])
def test_terminal_fits_the_width(both, width):
    text = terminal(both, width)
    assert max(cell_len(line) for line in text.splitlines()) <= width
    assert "趋势测评" in text and "排名（各对象最新一期） · 2024–2026" in text and "变化趋势 · 昭通市" in text


def test_league_rows_vetoed_last(both):
    lines = terminal(both, 160).splitlines()
    top = lines.index(next(x for x in lines if "名次" in x))
    rows = [x.split() for x in lines[top + 2:top + 7]]
    # each subject's latest: ties share rank 2; the vetoed 90 ranks last
    # coverage after the grade (SPEC 10): 昭通市 2026 states one of its two base measures
    assert rows == [["1", "大理市", "2025", "95", "良好", "100%", "50", "45"],
                    ["2", "安宁市", "2024", "80", "良好", "100%", "50", "30"],
                    ["2", "楚雄市", "2024", "80", "良好", "100%", "50", "30"],
                    ["4", "昭通市", "2026", "50", "不合格", "50%", "50", "0"],
                    ["5", "保山市", "2024", "90", "不合格", "一票否决", "100%", "50", "40"]]


def test_heatmap_colours_follow_the_rubric_thresholds(both):
    text = terminal(both, 120, color=True)
    # 大理市 G2 90% green, 保山市 80% yellow (70-85), 安宁市 60% orange (50-70), 昭通市 0% red
    names = ("大理", "保山", "安宁", "昭通")
    row = {line.split()[0]: line for line in text.splitlines() if line.strip().startswith(names)}
    assert "\x1b[30;42m 90" in row["大理市"] and "\x1b[30;43m 80" in row["保山市"]
    assert "\x1b[30;101m 60" in row["安宁市"] and "\x1b[37;41m 0" in row["昭通市"]
    assert "\x1b[" not in terminal(both, 120)  # no colour when not a terminal


def test_trend_rows(both):
    wide = terminal(both, 160)
    zt = wide.split("变化趋势 · 昭通市")[1].splitlines()
    rows = {x.split()[0]: x.split()[1:] for x in zt if x[:6].strip().isdigit() and "不可比" not in x}
    assert rows == {"2022": ["70", "合格"], "2023": ["70.5", "→", "+0.5", "合格", "→", "0", "→", "+0.5"],
                    "2024": ["71.01", "↑", "+0.51", "合格", "→", "0", "↑", "+0.51"],
                    "2025": ["22", "↓", "−49.01", "不合格", "↓", "−50", "↑", "+0.99"],
                    "2026": ["50", "≠", "+28", "不合格", "≠", "+50", "≠", "−22"]}  # coverage 100% -> 50%
    assert "2025→2026：不可比（≠），覆盖率 100% → 50%，相差超过 10 个百分点" in wide
    assert "离目标更远的指标 (2024→2025): G1.M1 100%→0%" in wide
    assert "本期未填报（上期有得分） (2025→2026): G2.M1 44%→0%" in wide
    narrow = terminal(both, 80).split("变化趋势 · 昭通市")[1]
    assert next(x for x in narrow.splitlines() if x.strip().startswith("2025")).split() == [
        "2025", "22", "↓", "−49.01", "不合格", "↓", "↑"]  # arrows only when narrow


def test_markdown(both):
    md = get("markdown").render(both)
    assert md.startswith("# 趋势测评\n\n## 排名（各对象最新一期） · 2024–2026\n")
    assert "| 1 | 大理市 | 2025 | **95** | 良好 | 100% | 50 / 50 | 45 / 50 |" in md
    assert "| 5 | 保山市 | 2024 | **90** | 不合格 (一票否决: V.M1) | 100% | 50 / 50 | 40 / 50 |" in md
    assert "| 4 | 昭通市 | 2026 | **50** | 不合格 | 50% | 50 / 50 | 0 / 50 |" in md
    assert "| 昭通市 | 🟢 100% | 🔴 0% |" in md
    assert "| 2025 | 22 | ↓ −49.01 | 不合格 | ↓ −50 | ↑ +0.99 |" in md
    assert "离目标更远的指标 (2024→2025): `G1.M1` 领导小组 100%→0%" in md


def test_json(both):
    data = json.loads(get("json").render(both))
    assert data["rubric"] == {"id": "trend", "version": "1", "title": "趋势测评"}
    first, last = data["league"]["standings"][0], data["league"]["standings"][-1]
    assert (first["rank"], first["subject"], first["total"], first["groups"]["G2"]) == (
        1, {"id": "dali", "name": "大理市"}, 95.0, {"score": 45.0, "max": 50.0, "pct": 90.0, "light": "green"})
    assert (last["rank"], last["vetoed"], last["vetoed_by"]) == (5, True, ["V.M1"])
    assert [t["subject"]["id"] for t in data["trends"]] == ["dali", "zt"]
    step = data["trends"][1]["steps"][0]
    assert (step["from"], step["to"], step["total"]) == (2022, 2023, {"id": "total", "before": 70.0, "after": 70.5,
                                                                     "delta": 0.5, "arrow": "→"})


def test_csv_every_scorecard_with_rank_and_change(cards):
    files = dict(SERIES)
    files["zt/2022.yaml"] = files["zt/2022.yaml"].replace("name: 昭通市", "name: '@SUM(A1)'")
    rows = list(csv.reader(io.StringIO(get("csv").render(compare.compare(cards(files))))))
    assert rows[0] == ["rubric", "version", "period", "subject", "subject_name", "rank", "total", "change", "trend",
                       "compared", "grade", "vetoed", "G1", "G2", "coverage"]
    assert rows[1] == ["trend", "1", "2022", "zt", "'@SUM(A1)", "", "70.0", "", "", "", "合格", "false", "50.0", "20.0",
                       "1.0"]
    assert rows[4][5:9] == ["", "22.0", "-49.01", "↓"] and rows[5][5:9] == ["1", "50.0", "28.0", "≠"]
    assert rows[5][-1] == "0.5"


def test_submitted_text_is_not_markup(cards):
    files = {k: v.replace("name: 昭通市", "name: '[red]昭通[/]'") for k, v in SERIES.items()}
    text = terminal(compare.compare(cards(files)), 120, color=True)
    assert "[red]昭通[/]" in text and "变化趋势 · [red]昭通[/]" in text


def test_registry_names():
    assert list(FORMATS) == ["table", "json", "markdown", "csv"]


def test_a_narrow_league_leaves_group_scores_to_the_heatmap_and_keeps_each_row_whole(both):
    wide, narrow = terminal(both, 160), terminal(both, 40)
    head = lambda text: next(x for x in text.splitlines() if "名次" in x).split()  # noqa: E731
    assert head(wide)[-2:] == ["G1", "G2"] and "G1" not in head(narrow)
    lines = narrow.splitlines()
    top = lines.index(next(x for x in lines if "名次" in x))
    assert lines[top + 2].split() == ["1", "大理市", "2025", "95", "良好", "100%"]  # one line, nothing folded
    assert "各指标组得分率" in narrow  # the groups are still there, as attainment
