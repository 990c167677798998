"""A tailored rubric through the commands: rubric show marks it, rubric diff lists it key by key, and schema,
init, score and a long table take it as any other rubric. The shipped Inner Mongolia tailoring scores Hohhot."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from tests.rubric.test_tailor import BASE, MID, TOP, write

ROOT = Path(__file__).resolve().parents[2]
SUB = """\
rubric: top@1
subject: {id: jc, name: 金昌市}
period: 2024
values:
  D1.M01: true
  D2.M01: false
  D2.M02: true
  D3.M01: true
"""


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    write(tmp_path / "rubrics", base=BASE, mid=MID, top=TOP)
    (tmp_path / "subs" / "jc").mkdir(parents=True)
    (tmp_path / "subs" / "jc" / "2024.yaml").write_text(SUB, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_show_marks_added_and_changed_nodes(files):
    r = run("rubric", "show", "rubrics/top.yaml", "--lang", "en")
    assert r.exit_code == 0, r.output
    lines = [line.rstrip() for line in r.stdout.splitlines()]
    assert "│   └── ~ D1.M01 D1.M01  50 pts check: true or false tzb" in lines
    assert "│   ├── D2.M01 D2.M01  30 pts check: true or false" in lines  # inherited as it is
    assert "│   └── + D2.M02 D2.M02  20 pts check: true or false" in lines  # added by mid, changed by top
    assert "└── + D3 D3 (20 pts)" in lines
    assert "    └── + D3.M01 D3.M01  20 pts check: true or false" in lines
    assert "+ added   ~ changed — by tailoring (this rubric extends mid@1)" in lines
    plain = run("rubric", "show", "rubrics/base.yaml").stdout
    assert "+ " not in plain and "~ " not in plain and "tailoring" not in plain


def test_diff_key_by_key_json(files):
    r = run("rubric", "diff", "rubrics/base.yaml", "rubrics/top.yaml", "--format", "json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert (d["a"], d["b"]) == ("base@1", "top@1")
    assert d["rubric"] == [{"key": "scale", "old": 100, "new": 120},
                           {"key": "extends", "old": "", "new": "mid@1"},
                           {"key": "units.tzb", "old": None, "new": {"zh": "统战部"}}]
    assert [(a["id"], a["parent"], a["kind"]) for a in d["added"]] == [
        ("D2.M02", "D2", "measure"), ("D3", "", "group"), ("D3.M01", "D3", "measure")]
    assert d["removed"] == [{"id": "D1.M02", "parent": "D1", "kind": "measure", "label": "D1.M02",
                             "method": "linear", "points": 30}]
    assert d["changed"] == [{"id": "D1.M01", "changes": [{"key": "points", "old": 40, "new": 50},
                                                         {"key": "owners", "old": ["mzw"], "new": ["tzb"]}]}]


def test_diff_between_two_tailorings_and_exit_code(files):
    d = json.loads(run("rubric", "diff", "rubrics/mid.yaml", "rubrics/top.yaml", "-f", "json").stdout)
    assert d["changed"] == [{"id": "D2.M02", "changes": [{"key": "points", "old": 10, "new": 20}]}]
    assert [a["id"] for a in d["added"]] == ["D3", "D3.M01"] and [x["id"] for x in d["removed"]] == ["D1.M02"]
    assert run("rubric", "diff", "rubrics/mid.yaml", "rubrics/top.yaml", "--exit-code").exit_code == 1
    same = run("rubric", "diff", "rubrics/top.yaml", "rubrics/top.yaml", "--exit-code")
    assert same.exit_code == 0 and "top@1 and top@1: no differences" in same.stdout


def test_diff_table(files):
    r = run("rubric", "diff", "rubrics/base.yaml", "rubrics/top.yaml")
    assert r.exit_code == 0, r.output
    rows = [[c.strip() for c in line.split("│")[1:-1]] for line in r.stdout.splitlines() if line.startswith("│")]
    assert ["~", "D1.M01", "points", "40", "50"] in rows and ["~", "D1.M01", "owners", '["mzw"]', '["tzb"]'] in rows
    assert ["-", "D1.M02", "D1.M02", "measure under D1,", ""] in rows
    assert "3 added, 1 removed, 1 changed (2 keys), 3 rubric keys changed" in r.stdout


def test_score_under_a_tailored_rubric(files):
    r = run("score", "subs", "--format", "json")
    assert r.exit_code == 0, r.output
    [card] = json.loads(r.stdout)
    # D1.M01 50 + D2.M01 0 + D2.M02 20 + D3.M01 20 = 90 of 120
    assert card["total"] == 90.0 and card["max"] == 120.0 and card["grade"]["id"] == "pass"
    assert [(m["id"], m["score"]) for m in card["measures"]] == [
        ("D1.M01", 50.0), ("D2.M01", 0.0), ("D2.M02", 20.0), ("D3.M01", 20.0)]


def test_a_value_for_a_removed_measure_is_unknown(files):
    (files / "subs" / "jc" / "2024.yaml").write_text(SUB + "  D1.M02: 5\n", encoding="utf-8")
    r = run("validate", "subs")
    assert r.exit_code == 1 and "D1.M02" in r.output


def test_long_table_under_a_tailored_rubric(files):
    (files / "long.csv").write_text("subject,period,measure,value\njc,2024,D1.M01,true\njc,2024,D3.M01,true\n"
                                    "zt,2024,D2.M02,true\nzt,2024,D2.M01,true\n", encoding="utf-8")
    r = run("score", "long.csv", "--rubric", "rubrics/top.yaml", "--format", "json")
    assert r.exit_code == 0, r.output
    assert [(c["subject"]["id"], c["total"]) for c in json.loads(r.stdout)] == [("jc", 70.0), ("zt", 50.0)]


def test_schema_and_init_of_a_tailored_rubric(files):
    r = run("schema", "rubrics/top.yaml")
    assert r.exit_code == 0, r.output
    values = json.loads(r.stdout)["properties"]["values"]["properties"]
    assert sorted(values) == ["D1.M01", "D2.M01", "D2.M02", "D3.M01"]
    r = run("init", "rubrics/top.yaml", "--subject", "jc", "--period", "2024")
    assert r.exit_code == 0, r.output
    assert "rubric: top@1" in r.stdout and "  # D3.M01: " in r.stdout and "D1.M02" not in r.stdout


def test_lint_reports_the_parents_file(files):
    ok = run("rubric", "lint", "rubrics/top.yaml", "--lang", "en")
    assert ok.exit_code == 0 and ok.output.endswith(
        "rubrics/top.yaml: ok — 3 groups, 4 measures worth 120 (scale 120), 0 bonus/deduction/veto items, "
        "2 units; extends mid@1: 3 nodes added, 1 changed\n")
    write(files / "rubrics", base=BASE.replace("owners: [mzw]", "owners: [mzww]"))
    assert run("rubric", "lint", "rubrics/top.yaml").exit_code == 0  # mid overrides D1.M01's owners: fixed
    write(files / "rubrics", base=BASE + "        owners: [mzww]\n")
    r = run("rubric", "lint", "rubrics/top.yaml")
    assert r.exit_code == 1
    assert "rubrics/base.yaml:26:18: D2.M01: owner 'mzww' is not declared in units (did you mean 'mzw'?)" in r.output
    write(files / "rubrics", base=BASE.replace("method: check\n        points: 30", "method: chek\n        points: 30"))
    r = run("rubric", "lint", "rubrics/top.yaml")
    assert r.exit_code == 1
    assert "rubrics/base.yaml:24:17: D2.M01: 'method' is 'chek'" in r.output


def test_shipped_inner_mongolia_tailoring(monkeypatch):
    monkeypatch.chdir(ROOT)
    r = run("rubric", "lint", "rubrics/nmg-ethnic-unity-city.yaml")
    assert r.exit_code == 0, r.output
    r = run("score", "submissions/hohhot/2022.nmg.yaml", "--format", "json")
    assert r.exit_code == 0, r.output
    card = json.loads(r.stdout)
    card = card[0] if isinstance(card, list) else card
    # the national measures of 2022.yaml: D1.I02.M01 1 + D1.I02.M02 1 + D1.I03.M01 1 + D1.I03.M02 1 + D1.I03.M03 0.5
    # + D5.I16.M05 0.5 + D2.I07.M06 1 (每一所 = 100%) = 6; the block D8: M01 4 + M02 4 + M03 4 = 12 (M04, M05
    # missing: 0). 18 of 120.
    assert (card["total"], card["max"], card["grade"]["id"]) == (18.0, 120.0, "fail")
    d = json.loads(run("rubric", "diff", "rubrics/ethnic-unity-city.yaml", "rubrics/nmg-ethnic-unity-city.yaml",
                       "-f", "json").stdout)
    assert [c["key"] for c in d["rubric"]][:2] == ["title", "scale"]
    qualified = {"zh": "达到申报标准", "en": "Meets the application standard"}
    assert {"key": "grades.qualified", "old": {"label": qualified, "min": 90},
            "new": {"label": qualified, "min": 100}} in d["rubric"]
    assert [a["id"] for a in d["added"]] == ["D8", "D8.M01", "D8.M02", "D8.M03", "D8.M04", "D8.M05"]
    assert [x["id"] for x in d["removed"]][0] == "D7" and len(d["removed"]) == 10
    assert [c["id"] for c in d["changed"]] == ["D1.I02.M02"]


def test_diff_lists_coverage_threshold_versions_and_rules():
    from dataclasses import replace

    from engine import rubric as rubrics
    from engine.rubric.diff import diff
    from engine.rules import Lte

    a = rubrics.load(Path(__file__).resolve().parents[2] / "rubrics" / "ethnic-unity-city.yaml")
    b = replace(a, min_coverage=0.5, replaces="ethnic-unity-city@2023.1", rules=a.rules + (Lte("D1.I01.M03", "D1.I01.M04"),),
                crosswalk={"D1.I01.M99": "D1.I01.M01"})
    keys = {c["key"]: (c["old"], c["new"]) for c in [vars(x) if not isinstance(x, dict) else x for x in diff(a, b).rubric]}
    assert keys["min_coverage"] == (0.8, 0.5) and keys["replaces"] == ("", "ethnic-unity-city@2023.1")
    assert keys["crosswalk.D1.I01.M99"] == (None, "D1.I01.M01")
    old, new = keys["rules"]
    assert new[-1] == {"kind": "Lte", "message": "", "severity": "warning", "a": "D1.I01.M03", "b": "D1.I01.M04"}
    assert new[:-1] == old
