"""The unit-level model rubric (rubrics/ethnic-unity-enterprise.yaml) and the seed units scored under it
(submissions/bayannur-power/, submissions/jinchuan-group/): it lints, has the shape docs/unit-assessment.md
describes (zh and en labels, the enterprise's departments as owners, a veto, a deduction and a bonus), says it
is a model, scores the seed units, vetoes on a veto item and ranks the units in a league of their own."""
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.yamlstrict import load_file

ROOT = Path(__file__).resolve().parents[1]
RUBRIC = ROOT / "rubrics" / "ethnic-unity-enterprise.yaml"
BAYANNUR = ROOT / "submissions" / "bayannur-power" / "2022.yaml"
JINCHUAN = ROOT / "submissions" / "jinchuan-group" / "2025.yaml"
MODIFIERS = {"bonus", "deduction", "veto"}


def run(*args):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def nodes(tree):
    for node in tree:
        yield node
        yield from nodes(node.get("children") or [])


def score(*paths, rubrics_dir=ROOT / "rubrics"):
    r = run("score", *paths, "--rubrics-dir", rubrics_dir, "--format", "json")
    assert r.exit_code == 0, r.output
    out = json.loads(r.stdout)
    return out if isinstance(out, list) else [out]


@pytest.fixture(scope="module")
def rubric():
    return load_file(RUBRIC).data


def test_it_lints_clean_with_100_points_over_34_measures():
    r = run("rubric", "lint", RUBRIC, "--lang", "en")
    assert r.exit_code == 0, r.output
    assert "34 measures worth 100 (scale 100)" in r.output


def test_every_node_is_labelled_in_chinese_and_english(rubric):
    for node in nodes(rubric["tree"]):
        assert set(node["label"]) == {"zh", "en"} and all(node["label"].values()), node["id"]


def test_the_owners_are_the_enterprises_departments(rubric):
    declared = set(rubric["units"])
    measures = [n for n in nodes(rubric["tree"]) if "method" in n]
    assert all(n["owners"] and set(n["owners"]) <= declared for n in measures)
    assert "人力资源部" in rubric["units"]["rlb"]["zh"] and "工会" == rubric["units"]["gh"]["zh"]
    assert not [u for u in rubric["units"].values() if u["zh"].startswith("市")]  # no city bureau


def test_it_has_a_veto_a_deduction_and_a_capped_bonus(rubric):
    methods = {n["id"]: n["method"] for n in nodes(rubric["tree"]) if "method" in n}
    assert {"V.M01", "V.M02"} <= {m for m, how in methods.items() if how == "veto"}
    assert {m for m, how in methods.items() if how == "deduction"} == {"V.M03", "V.M04"}
    assert {m for m, how in methods.items() if how == "bonus"} == {"B.M01", "B.M02", "B.M03", "B.M04"}
    assert rubric["bonus_cap"] == 10 and rubric["deduction_cap"] == 10
    base = [n for n in nodes(rubric["tree"]) if n.get("method") not in MODIFIERS | {None}]
    assert len(base) == 34 and sum(n["points"] for n in base) == 100


def test_it_says_it_is_a_model_and_not_an_official_text(rubric):
    assert "A model, not an official text" in rubric["source"]
    assert "ethnic-unity-city@2024.1" in rubric["source"]
    assert "004_e57439ef9faf05c5.txt" in rubric["source"] and "000_d858a8c33db144b8.txt" in rubric["source"]


def test_the_seed_units_score_what_the_seeds_state():
    bayannur, jinchuan = score(BAYANNUR, JINCHUAN)
    assert (bayannur["total"], bayannur["base"], bayannur["bonus"]) == (55.35, 52.35, 3.0)
    assert bayannur["grade"]["id"] == "fail" and not bayannur["vetoed"]
    assert bayannur["coverage"]["filed"] == 18 and bayannur["coverage"]["base"] == 34
    measure = {m["id"]: m for m in bayannur["measures"]}
    assert measure["E2.M05"]["score"] == pytest.approx(2.4)  # 4200余人次: the 2000 band (0.6 of 4 points)
    assert measure["E4.M02"]["score"] == pytest.approx(4)  # 全覆盖 of 162 villages = 100%
    assert measure["E4.M05"]["score"] == pytest.approx(1.95)  # 13% of a 20% target, 3 points
    assert measure["E1.M01"]["status"] == "missing"  # the seed names no leading group
    assert (jinchuan["total"], jinchuan["coverage"]["filed"]) == (9.0, 3)
    assert {m["id"]: m["score"] for m in jinchuan["measures"]}["E4.M01"] == pytest.approx(3)  # 12470万元: 0.6 of 5


def test_a_veto_item_vetoes_the_unit_and_a_deduction_takes_points(tmp_path):
    folder = tmp_path / "submissions" / "bayannur-power"
    folder.mkdir(parents=True)
    text = BAYANNUR.read_text(encoding="utf-8")
    (folder / "2022.yaml").write_text(text + '  V.M02: {value: true, evidence: ["人社局查实通报（测试）"]}\n', encoding="utf-8")
    vetoed, = score(folder / "2022.yaml")
    assert vetoed["vetoed"] and vetoed["vetoed_by"] == ["V.M02"] and vetoed["grade"]["id"] == "fail"
    (folder / "2022.yaml").write_text(text + "  V.M03: 2\n", encoding="utf-8")
    deducted, = score(folder / "2022.yaml")
    assert (deducted["deductions"], deducted["total"], deducted["vetoed"]) == (4.0, 51.35, False)


def test_the_units_have_a_league_of_their_own(tmp_path):
    for path in (BAYANNUR, JINCHUAN, ROOT / "submissions" / "xining" / "2022.yaml"):
        target = tmp_path / path.relative_to(ROOT)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    r = run("compare", tmp_path / "submissions", "--rubrics-dir", ROOT / "rubrics", "--format", "json")
    assert r.exit_code == 0, r.output
    leagues = {c["rubric"]["id"]: c["league"]["standings"] for c in json.loads(r.stdout)}
    assert set(leagues) == {"ethnic-unity-enterprise", "ethnic-unity-city"}
    units = leagues["ethnic-unity-enterprise"]
    assert [s["subject"]["id"] for s in units] == ["bayannur-power", "jinchuan-group"]
    assert all(s["rank"] is None for s in units)  # under min_coverage 0.8: 数据不足, unranked
