"""The demonstration subject (submissions/example-city/, 示例市（虚构示例）) looks like a real, complete campaign
and can never be taken for a seed city: two periods, every base measure settled, about half at full marks, a
middle grade rising to an upper one, one deduction, two waivers, two units still owing in 2025, and the
fictional marker in its name wherever it is shown.  The figures are the demo's own (its README); the
hand-worked arithmetic of its parts is tests/test_example_campaign.py.  The last test runs every command of
docs/campaign.md, which quotes this demo, and holds its output to what the page prints.
"""
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine import pipeline
from engine.cli import app

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "submissions" / "example-city"
NAME = "示例市（虚构示例）"
OWED = {"D3.I10.M07": "rsj", "D5.I18.M05": "tjj"}
WAIVED = ["D2.I07.M06", "D3.I11.M02"]


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": "80"})


@pytest.fixture(scope="module")
def cards():
    outcomes = list(pipeline.run([str(DEMO)], pipeline.RubricFinder(None, str(ROOT / "rubrics"))))
    assert [o.ok for o in outcomes] == [True, True], [str(p) for o in outcomes for p in o.problems]
    return {o.card.submission.period: o.card for o in outcomes}


def base(card):
    return [m for m in card.measures if not m.measure.is_modifier]


def statuses(card):
    out = {}
    for m in base(card):
        out.setdefault(m.status, []).append(m.id)
    return out


@pytest.fixture(autouse=True)
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


def test_both_periods_validate_without_errors_or_warnings():
    assert run("validate", "submissions/example-city/").exit_code == 0
    outcomes = list(pipeline.run([str(DEMO)], pipeline.RubricFinder(None, str(ROOT / "rubrics"))))
    assert sorted((o.card.submission.period, len(o.card.submission.parts)) for o in outcomes) == [(2024, 20), (2025, 20)]
    assert [str(p) for o in outcomes for p in o.problems if p.level in ("error", "warning")] == []


def test_every_base_measure_is_settled_in_2024_and_all_but_the_two_owed_in_2025(cards):
    for period, card in cards.items():
        assert len(base(card)) == 127
        got = statuses(card)
        assert got["waived"] == WAIVED, period
        assert sorted(card.submission.waivers) == WAIVED
        scored = sum(len(got.get(s, [])) for s in ("full", "partial", "zero"))
        assert scored == 127 - 2 - (len(OWED) if period == 2025 else 0), period
    assert "missing" not in statuses(cards[2024])
    assert statuses(cards[2025])["missing"] == sorted(OWED)


def test_about_half_at_full_marks_in_2025_fewer_in_2024_and_a_few_gaps(cards):
    full = {p: len(statuses(c)["full"]) / 127 for p, c in cards.items()}
    assert 0.45 <= full[2025] <= 0.6 and 0.3 <= full[2024] < full[2025], full
    for period, card in cards.items():
        got = statuses(card)
        assert len(got["partial"]) >= 0.3 * 127, period
        assert 1 <= len(got["zero"]) <= 10, period
    assert len(statuses(cards[2025])["zero"]) < len(statuses(cards[2024])["zero"])


def test_a_middle_grade_rising_to_an_upper_one(cards):
    assert [(p, c.total, c.grade.id) for p, c in sorted(cards.items())] == [(2024, 72.59, "pass"), (2025, 85.54, "good")]
    assert not any(c.vetoed_by for c in cards.values())


def test_exactly_one_deduction_found_by_the_province(cards):
    fired = [(p, m.id) for p, c in sorted(cards.items()) for m in c.measures
             if m.measure.method in ("deduction", "veto") and m.status == "triggered"]
    assert fired == [(2025, "V.M05")]
    assert (cards[2024].deductions, cards[2025].deductions) == (0, 0.5)
    assert cards[2025].submission.verified["V.M05"].value == 1  # not in the city's self-assessment
    assert "V.M05" not in [m.id for m in cards[2025].self_card.measures if m.status == "triggered"]


def test_the_five_assessors_disagree_widely_on_one_measure_in_2025():
    r = run("score", "submissions/example-city/2025/", "-f", "markdown")
    flagged = [ln.split(" ")[1] for ln in r.output.splitlines() if "⚠ 分歧较大" in ln and ln.startswith("| ")]
    assert flagged == ["D5.I16.M07"]  # 5, 4, 3, 5, 4: a spread of 2 on a 1-5 scale


def test_the_waivers_are_listed_with_reason_approver_and_expiry():
    r = run("gaps", "submissions/example-city/2025/", "-f", "markdown")
    assert r.exit_code == 0, r.output
    assert "## 豁免项（不适用，分值由同组指标分摊）" in r.output
    for mid, reason in (("D2.I07.M06", "本市无民族语言授课学校（虚构示例）"), ("D3.I11.M02", "本市无民族乡、民族村（虚构示例）")):
        row = next(ln for ln in r.output.splitlines() if ln.startswith(f"| {mid} |"))
        assert row.endswith(f"| 1 | {reason} | 省民族宗教事务委员会（虚构示例） | 2028-12-31 |"), row


def test_two_periods_give_a_comparable_trend_rising_on_most_groups():
    r = run("compare", "submissions/example-city/", "-f", "json")
    assert r.exit_code == 0, r.output
    (trend,) = json.loads(r.stdout)[0]["trends"]
    assert [(s["period"], s["total"]) for s in trend["series"]] == [(2024, 72.59), (2025, 85.54)]
    (step,) = trend["steps"]
    assert step["coverage"]["comparable"] and step["total"]["arrow"] == "↑"
    assert [g["arrow"] for g in step["groups"]].count("↑") >= 5, step["groups"]
    assert sorted(s["id"] for s in step["slipped"] if s["unreported"]) == sorted(OWED)
    text = run("compare", "submissions/example-city/").output
    assert f"变化趋势 · {NAME}" in text and "↑ +12.95" in text


def test_progress_shows_the_units_still_owing_in_2025():
    data = json.loads(run("progress", "submissions/example-city/", "-f", "json").stdout)
    by_period = {s["period"]: s for s in data["subjects"]}
    assert by_period[2024]["missing"] == 0 and by_period[2024]["filed_nothing"] == []
    assert by_period[2025]["missing_measures"] == sorted(OWED)
    leads = {u["unit"]: u["missing_measures"] for u in by_period[2025]["units"]
             if set(u["missing_measures"]) & {m for m, lead in OWED.items() if lead == u["unit"]}}
    assert leads == {"rsj": ["D3.I10.M07"], "tjj": ["D5.I18.M05"]}
    text = run("progress", "submissions/example-city/2025/").output
    assert f"{NAME} · 2025 · 全国民族团结进步示范市测评" in text
    assert "覆盖率98%（125/127项基础指标已填报）·有误0项·未填报2项·缺失分值2.5分" in re.sub(r"\s+", "", text)
    rows = [ln for ln in text.splitlines() if "D3.I10.M07" in ln or "D5.I18.M05" in ln]
    assert any(ln.lstrip().startswith("市统计局") for ln in rows), rows


def test_every_evidence_entry_says_it_is_invented(cards):
    for card in cards.values():
        for sub in (card.submission, card.self_card.submission):
            for entries in (sub.entries, sub.verified):
                for mid, e in entries.items():
                    assert e.ratings or e.evidence, mid  # the assessors' ratings cite nothing
                    assert all(ev.startswith("虚构示例") for ev in e.evidence), (mid, e.evidence)


def test_the_name_carries_the_marker_in_score_compare_and_the_report(tmp_path):
    score = run("score", "submissions/example-city/2025/")
    assert score.output.startswith(f"{NAME}  2025  全国民族团结进步示范市测评")
    league = run("compare", "submissions/")
    row = next(ln for ln in league.output.splitlines() if NAME in ln)
    assert re.match(rf"\s+1\s+{NAME}\s+2025\s+85\.54\s+良好\s+98%", row), row
    report = run("report", "submissions/example-city/", "submissions/jinchang/", "-o", str(tmp_path))
    assert report.exit_code == 0, report.output
    index = (tmp_path / "index.html").read_text("utf-8")
    league = index[index.index("排名（各对象最新一期）"):]
    assert re.search(rf'<td class="n">1</td><td><b><a href="[^"]+">{NAME}</a></b></td><td>2025</td>', league)
    assert f"{NAME} · 2025</a> — 85.54 · 良好" in index and "金昌市" in index
    gaps = (tmp_path / "example-city" / "2025.ethnic-unity-city.gaps.md").read_text("utf-8")
    assert gaps.startswith(f"# {NAME} · 2025 · 全国民族团结进步示范市测评")


# docs/campaign.md: every "$ command" block, run as written (scorecard = this worktree's engine), prints the
# lines the page shows, in that order ("…" marks where the page trims).
DOC = ROOT / "docs" / "campaign.md"


def doc_blocks():
    blocks, lines = [], DOC.read_text("utf-8").split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].startswith("    $ "):
            i += 1
            continue
        cmds, shown = [], []
        while i < len(lines) and (lines[i].startswith("    ") or not lines[i] and indented_after(lines, i)):
            text = lines[i][4:]
            if not text:
                pass
            elif text.startswith("$ "):
                cmds.append(text[2:])
                while not balanced(cmds[-1]):
                    i += 1
                    cmds[-1] += "\n" + lines[i][4:]
            elif text != "…":
                shown.append(text.rstrip())
            i += 1
        blocks.append(("\n".join(cmds), shown))
    return blocks


def indented_after(lines, i):
    """Whether the code block goes on after the blank line i (the next line that is not blank is indented)."""
    rest = [ln for ln in lines[i:] if ln]
    return bool(rest) and rest[0].startswith("    ")


def balanced(command):
    try:
        shlex.split(command)
        return True
    except ValueError:
        return False


@pytest.mark.parametrize("commands, shown", doc_blocks(), ids=lambda x: x.split("\n")[0][:60] if isinstance(x, str)
                         else None)
def test_campaign_doc_commands_print_what_the_page_shows(commands, shown, tmp_path):
    script = f'scorecard() {{ "{sys.executable}" -m engine "$@"; }}\n' + commands.replace("/tmp/", f"{tmp_path}/")
    env = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "COLUMNS": "80", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path),
           "SCORECARD_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run(["bash", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    printed = [ln.rstrip() for ln in (out.stdout + out.stderr).replace(f"{tmp_path}/", "/tmp/").split("\n")]
    at = 0
    for line in shown:
        assert line in printed[at:], f"{line!r} not printed (after line {at}) by:\n{commands}\n---\n" + "\n".join(printed)
        at = printed.index(line, at) + 1
