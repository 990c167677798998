"""scorecard whatif, in-process: totals, grades, deltas and unit sums hand-computed (see conftest)."""
import json

from typer.testing import CliRunner

from engine.cli import app


def run(*args):
    return CliRunner().invoke(app, ["whatif", *args], catch_exceptions=False)


def as_json(*args):
    r = run("jc/2024.yaml", *args, "-f", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_linear_raised_to_target_flips_the_grade(files):
    d = as_json("--set", "A.1=90%")
    assert (d["before"]["total"], d["after"]["total"]) == (40, 60)  # A.1 20 -> 40
    assert (d["before"]["grade"]["id"], d["after"]["grade"]["id"]) == ("f", "b")
    [c] = d["changes"]
    assert c == {"id": "A.1", "label": "知晓率", "before": 70, "after": 90, "score_before": 20, "score_after": 40,
                 "delta": 20, "owners": ["tzb", "mzw"]}
    assert d["delta"] == 20


def test_check_turned_true_with_chinese_yes(files):
    d = as_json("--set", "A.2=是")
    assert d["after"]["total"] == 60
    assert [(c["before"], c["after"], c["delta"]) for c in d["changes"]] == [(False, True, 20)]


def test_wan_and_units_summed(files):
    """A.1 90% (+20), A.2 是 (+20), B.1 3.6万 = 36000 people -> 36 (+16): total 96, 优秀.
    tzb leads A.1 and shares B.1: +36; mzw leads A.2 and B.1 and shares A.1: +56."""
    d = as_json("--set", "B.1=3.6万", "--set", "A.2=是", "--set", "A.1=90%")
    assert d["after"]["total"] == 96 and d["after"]["grade"]["id"] == "a"
    assert [c["id"] for c in d["changes"]] == ["A.1", "A.2", "B.1"]  # rubric order
    assert [c["delta"] for c in d["changes"]] == [20, 20, 16]
    assert d["changes"][2]["after"] == 36000
    assert d["units"] == [
        {"unit": "tzb", "name": "统战部", "leads": ["A.1"], "shares": ["B.1"], "delta": 36},
        {"unit": "mzw", "name": "民宗委", "leads": ["A.2", "B.1"], "shares": ["A.1"], "delta": 56}]
    assert set(d["before"]) >= {"rubric", "subject", "total", "grade", "measures", "nodes"}  # SPEC 6 objects


def test_a_loss_is_negative(files):
    d = as_json("--set", "A.1=50")
    assert d["after"]["total"] == 20 and d["changes"][0]["delta"] == -20
    assert [u["delta"] for u in d["units"]] == [-20, -20]


def test_plan_file(files):
    (files / "plan.yaml").write_text("values:\n  A.1: 90%\n  B.1: 3.6万\n", encoding="utf-8")
    d = as_json("--plan", "plan.yaml", "--set", "B.1=30000")  # --set wins over the plan
    assert d["after"]["total"] == 40 + 20 + 10 and [c["delta"] for c in d["changes"]] == [20, 10]


def test_plan_errors_located_with_measure_id(files):
    (files / "plan.yaml").write_text("values:\n  A.1: 90%\n  A.3: 1\n  A.2: maybe\n", encoding="utf-8")
    r = run("jc/2024.yaml", "--plan", "plan.yaml", "--lang", "en")
    assert r.exit_code == 1
    assert "plan.yaml:3:3: A.3: 'A.3' is not a measure of this rubric (did you mean 'A.2'?)" in r.stderr
    assert "plan.yaml:4:8: A.2: check:" in r.stderr
    assert "Traceback" not in r.output


def test_plan_shape_and_yaml_errors(files):
    (files / "plan.yaml").write_text("A.1: 90\n", encoding="utf-8")
    r = run("jc/2024.yaml", "--plan", "plan.yaml")
    assert r.exit_code == 1 and "plan.yaml:1:1: a plan file is a map with one key, values" in r.stderr
    (files / "plan.yaml").write_text("values: {A.1: [\n", encoding="utf-8")
    r = run("jc/2024.yaml", "--plan", "plan.yaml")
    assert r.exit_code == 1 and "plan.yaml:" in r.stderr and "Traceback" not in r.output


def test_set_errors(files):
    r = run("jc/2024.yaml", "--set", "A.2=maybe", "--set", "B1=3", "--lang", "en")
    assert r.exit_code == 1
    assert "--set A.2=maybe: A.2: check:" in r.stderr
    assert "--set B1=3: B1: 'B1' is not a measure of this rubric (did you mean 'B.1'?)" in r.stderr
    r = run("jc/2024.yaml", "--set", "A.1=[1")
    assert r.exit_code == 1 and "--set A.1=[1" in r.stderr


def test_usage_errors_exit_2(files):
    assert run("jc/2024.yaml").exit_code == 2  # nothing to change
    r = run("jc/2024.yaml", "--set", "A.1", "--lang", "en")
    assert r.exit_code == 2 and "expected MEASURE=VALUE" in r.stderr
    assert "--set A.1：应写成 指标=数值" in run("jc/2024.yaml", "--set", "A.1").stderr  # the rubric's language
    (files / "jc" / "2025.yaml").write_text((files / "jc" / "2024.yaml").read_text(encoding="utf-8")
                                            .replace("2024", "2025"), encoding="utf-8")
    r = run("jc", "--set", "A.1=90", "--lang", "en")
    assert r.exit_code == 2 and "holds 2" in r.stderr and "2024.yaml" in r.stderr and "2025.yaml" in r.stderr


def test_folder_of_parts(files):
    """Two parts of one submission (by tzb and mzw), assembled by the pipeline, then changed."""
    head = "rubric: wi@1\nsubject: {id: jc, name: 金昌市}\nperiod: 2024\n"
    parts = files / "parts" / "jc" / "2024"
    parts.mkdir(parents=True)
    (parts / "tzb.yaml").write_text(head + "filed_by: tzb\nvalues:\n  A.1: 70\n", encoding="utf-8")
    (parts / "mzw.yaml").write_text(head + "filed_by: mzw\nvalues:\n  A.2: false\n  B.1: 20000\n", encoding="utf-8")
    r = run("parts/jc/2024", "--set", "A.1=90", "-f", "json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert (d["before"]["total"], d["after"]["total"]) == (40, 60)
    assert len(d["before"]["parts"]) == 2


def test_verified_stage_changes_go_on_top(files):
    """A verified part sets A.1 to 60 (-> 10 points, total 30); what if A.1 were 90 after all: 30 -> 60."""
    head = "rubric: wi@1\nsubject: {id: jc, name: 金昌市}\nperiod: 2024\n"
    parts = files / "v" / "jc" / "2024"
    parts.mkdir(parents=True)
    (parts / "self.yaml").write_text(head + "values:\n  A.1: 70\n  A.2: false\n  B.1: 20000\n", encoding="utf-8")
    (parts / "verified.yaml").write_text(head + "stage: verified\nvalues:\n  A.1: 60\n", encoding="utf-8")
    r = run("v/jc/2024", "--set", "A.1=90", "-f", "json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert (d["before"]["total"], d["after"]["total"]) == (30, 60)
    assert d["changes"][0]["before"] == 60 and d["changes"][0]["delta"] == 30


def test_rendered_table_fits_80_columns_with_chinese(files, rubric):
    from rich.cells import cell_len

    from engine.formats.whatif import table
    from engine.model import Entry
    from engine.whatif import what_if
    from tests.whatif.test_core import filed

    text = table.render(what_if(rubric, filed(), {"A.1": Entry(90), "B.1": Entry(36000)}))
    lines = text.splitlines()
    assert max(cell_len(line) for line in lines) <= 80
    row = next(line for line in lines if "B.1" in line)
    assert "培训人次" in row and "2万人次" in row and "3.6万人次" in row and "+16" in row
    border = next(line for line in lines if line.startswith("┏"))
    assert cell_len(row) == cell_len(border)  # the Chinese cells line up with the frame


def test_table_and_markdown(files):
    r = run("jc/2024.yaml", "--set", "A.1=90", "--set", "A.2=是")
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "总分 40 → 80 (+40) · 等级 不合格 → 合格" in out
    assert "20 → 40" in out and "统战部" in out and "民宗委" in out
    r = run("jc/2024.yaml", "--set", "A.2=是", "-f", "markdown", "--lang", "en")
    assert r.exit_code == 0, r.output
    assert "**Total 40 → 60 (+20) · grade Fail → Pass**" in r.stdout
    assert "| A.2 | Leading group | no | yes | 0 → 20 | +20 |" in r.stdout


def test_a_waived_measure_cannot_be_changed(files):
    (files / "jc" / "2024.yaml").write_text(
        "rubric: wi@1\nsubject: {id: jc, name: 金昌市}\nperiod: 2024\nvalues:\n  A.1: 70\n  B.1: 20000\n"
        "waivers:\n  A.2: {reason: 不适用, approved_by: 省民宗委}\n", encoding="utf-8")
    r = run("jc/2024.yaml", "--set", "A.2=是")
    assert r.exit_code == 1 and "A.2: waived as not applicable in this submission" in r.stderr


def test_set_a_map_is_refused(files):
    r = run("jc/2024.yaml", "--set", "A.1={a: 1}")
    assert r.exit_code == 1 and "--set A.1={a: 1}: A.1: expected one value" in r.stderr
