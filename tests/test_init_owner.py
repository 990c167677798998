"""scorecard init --owner (SPEC 8): a unit's template holds only its measures, each marked lead (牵头) or
co-owner (配合), with filed_by set; --owner all writes one per unit that owns a measure.

The rubric below is small enough to check by hand: unit ga leads M01 and M03, unit gb co-owns M01 and
leads M02 and R01 (a rating), unit gc is declared but owns nothing, M04 has no owner at all.
"""
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from engine import template, yamlstrict
from engine import rubric as rubrics
from engine import template_owner as owners
from engine.cli import app
from engine.problems import UsageError
from engine.readers import xlsx_file

RUBRIC = """\
rubric: parts
version: "1"
title: {zh: 分工测评, en: Parts}
units:
  ga: {zh: 市委办公室, en: General Office}
  gb: {zh: 市民族宗教事务委员会, en: Ethnic Affairs Commission}
  gc: {zh: 市统计局, en: Statistics Bureau}
grades:
  - {id: good, label: {zh: 良好, en: Good}, min: 80}
  - {id: fail, label: {zh: 不合格, en: Fail}, min: 0}
tree:
  - id: D1
    label: {zh: 组织领导, en: Leadership}
    children:
      - {id: D1.M01, label: {zh: 成立领导小组, en: Leading group}, method: check, points: 30, owners: [ga, gb]}
      - {id: D1.M02, label: {zh: 知晓率, en: Awareness}, method: linear, floor: 50, target: 90, points: 30,
         unit: "%", min: 0, max: 100, owners: [gb]}
  - id: D2
    label: {zh: 工作成效, en: Results}
    children:
      - {id: D2.M03, label: {zh: 活动次数, en: Events}, method: count, per: 2, points: 10, unit: 次, owners: [ga]}
      - {id: D2.M04, label: {zh: 示范称号, en: Model title}, method: check, points: 10}
      - {id: D2.R01, label: {zh: 实地察看, en: Site visit}, method: rating, scale: [1, 5], trim: 1, points: 20,
         owners: [gb, ga]}
"""
HEADER = template.Header("jc", "金昌市", "2024")


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "parts.yaml").write_text(RUBRIC, encoding="utf-8")
    return tmp_path


@pytest.fixture
def rubric(project):
    return rubrics.load(project / "rubrics" / "parts.yaml")


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def init(*args):
    return run("init", "rubrics/parts.yaml", "--subject", "jc", "--period", "2024", "--name", "金昌市", *args)


def _value_lines(text: str) -> list[str]:
    return [ln[4:-2] for ln in text.splitlines() if ln.startswith("  # D") and ln.endswith(": ")]


def _block(text: str, mid: str) -> list[str]:
    """The comment lines above a measure's commented value line, up to the blank line before them."""
    lines = text.splitlines()
    at = lines.index(f"  # {mid}: ")
    start = max(i for i in range(at) if lines[i] == "") + 1
    return lines[start:at]


# --- the pure part: roles, the unit's measures, names ------------------------------------------


def test_roles_lead_is_the_first_owner(rubric):
    by = rubric.by_id
    assert [owners.role(by[m], "gb") for m in ("D1.M01", "D1.M02", "D2.M03", "D2.M04", "D2.R01")] == \
        ["co-owner", "lead", None, None, "lead"]
    assert [owners.role(by[m], "ga") for m in ("D1.M01", "D1.M02", "D2.M03", "D2.M04", "D2.R01")] == \
        ["lead", None, "lead", None, "co-owner"]
    assert owners.counts(rubric, "ga") == {"lead": 2, "co-owner": 1}
    assert owners.counts(rubric, "gc") == {"lead": 0, "co-owner": 0}
    assert owners.owning_units(rubric) == ["ga", "gb"]


def test_yaml_template_of_a_unit_lists_only_its_measures_marked(rubric):
    text = template.yaml_template(rubric, template.Header("jc", "金昌市", "2024", filed_by="gb"))
    assert _value_lines(text) == ["D1.M01", "D1.M02", "D2.R01"]
    assert "# For 市民族宗教事务委员会 (gb) to file: the 3 measures it owns, 2 as lead (牵头) and 1 as co-owner " \
           "(配合), nothing else;" in text.splitlines()
    assert "  #   role: 牵头 lead — your unit files it" in _block(text, "D1.M02")
    assert "  #   role: 牵头 lead — your unit files it" in _block(text, "D2.R01")
    m01 = _block(text, "D1.M01")
    assert "  #   role: 配合 co-owner — the lead is 市委办公室 (ga); agree which of you files it, as" in m01
    assert not any("牵头 lead" in ln for ln in m01)
    assert "#   D1.M01: {value: ..., evidence: [\"《统计公报》第3页\"], note: \"...\"}" in text
    data = yamlstrict.load_text(text).data
    assert data == {"rubric": "parts@1", "subject": {"id": "jc", "name": "金昌市"}, "period": 2024,
                    "filed_by": "gb", "values": None}


def test_template_without_a_unit_is_as_before(rubric):
    text = template.yaml_template(rubric, HEADER)
    assert _value_lines(text) == ["D1.M01", "D1.M02", "D2.M03", "D2.M04", "D2.R01"]
    assert "filed_by" not in text and "role:" not in text
    assert list(template.columns(HEADER)) == list(template.COLUMNS)


def test_xlsx_template_of_a_unit_has_role_and_filed_by_columns(rubric, tmp_path):
    path = tmp_path / "jc" / "2024" / "ga.xlsx"
    path.parent.mkdir(parents=True)
    template.xlsx_template(rubric, template.Header("jc", "金昌市", "2024", filed_by="ga")).save(path)
    ws = load_workbook(path)["submission"]
    head = [c.value for c in ws[1]]
    assert head == ["measure", "label", "method", "target", "unit", "points", "owners", "role", "guidance",
                    "value", "evidence", "note", "subject", "subject_name", "period", "rubric", "filed_by"]
    rows = [dict(zip(head, (c.value for c in row))) for row in ws.iter_rows(min_row=2)]
    assert [(r["measure"], r["role"], r["filed_by"], r["owners"]) for r in rows] == [
        ("D1.M01", "牵头 lead", "ga", "市委办公室、市民族宗教事务委员会"),
        ("D2.M03", "牵头 lead", "ga", "市委办公室"),
        ("D2.R01", "配合 co-owner", "ga", "市民族宗教事务委员会、市委办公室")]
    dropdown = {c for dv in ws.data_validations.dataValidation for rng in dv.sqref.ranges
                for c in [f"{rng.min_row}:{rng.min_col}"]}
    assert dropdown == {"2:10"}  # true/false on D1.M01's value cell (column J), the only check here
    raw, problems = xlsx_file.read_raw(path)
    assert not [str(p) for p in problems if "'role'" in p.message]  # a column to read, not to be read


def test_file_names_refuse_keys_that_cannot_name_a_file():
    assert owners.file_names(["mzw", "a.b-c_1"], "yaml") == {"mzw": "mzw.yaml", "a.b-c_1": "a.b-c_1.yaml"}
    for bad in ("..", ".hidden", "-x", "a..b", "nul", "CON.x", "a."):
        with pytest.raises(UsageError, match="cannot name a file as it is"):
            owners.file_names(["mzw", bad], "yaml")
    with pytest.raises(UsageError, match="differ only in case"):
        owners.file_names(["Mzw", "mzw"], "xlsx")


# --- the command: usage errors ---------------------------------------------------------------


def test_unknown_unit_is_a_usage_error_that_lists_the_units(project):
    r = init("--owner", "gbb")
    assert r.exit_code == 2
    assert "--owner 'gbb' is not a unit of rubric parts@1 (did you mean 'gb'?); its units: ga, gb, gc" \
        in " ".join(r.output.split())


def test_a_unit_that_owns_nothing_is_a_usage_error(project):
    r = init("--owner", "gc")
    assert r.exit_code == 2
    assert "--owner gc (市统计局) owns no measure of rubric parts@1: there is nothing for it to file; units that " \
           "own measures: ga, gb" in " ".join(r.output.split())


def test_owner_all_needs_a_folder(project):
    r = init("--owner", "all")
    assert r.exit_code == 2 and "give the folder with -o DIR" in r.output
    (project / "afile").write_text("x")
    r = init("--owner", "all", "-o", "afile")
    assert r.exit_code == 2 and "it is not a folder" in r.output


def test_owner_all_never_writes_into_submissions(project):
    r = init("--owner", "all", "-o", "submissions/jc/2024")
    assert r.exit_code == 2 and "never writes into submissions/" in r.output
    assert not (project / "submissions").exists()


# --- the command: what it writes, and that it reads back ---------------------------------------


def _fill(text: str, values: dict) -> str:
    for mid, value in values.items():
        assert f"  # {mid}: \n" in text, mid
        text = text.replace(f"  # {mid}: \n", f"  {mid}: {value}\n")
    return text


def _place(project: Path, written: Path, text: str | None = None) -> Path:
    """A template put where a unit's part lies: submissions/SUBJECT/PERIOD/UNIT.yaml."""
    path = project / "submissions" / "jc" / "2024" / written.name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(written.read_bytes() if text is None else text.encode("utf-8"))
    return path


def test_owner_writes_one_template_to_the_file(project):
    r = init("--owner", "ga", "-o", "out/ga.yaml")
    assert r.exit_code == 0, r.output
    text = (project / "out" / "ga.yaml").read_text(encoding="utf-8")
    assert _value_lines(text) == ["D1.M01", "D2.M03", "D2.R01"] and "\nfiled_by: ga\n" in text


def test_owner_all_writes_exactly_one_template_per_owning_unit(project):
    r = init("--owner", "all", "-o", "out", "--lang", "en")  # the English lines (zh: tests/cli/test_lang_zh2.py)
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in (project / "out").iterdir()) == ["ga.yaml", "gb.yaml"]
    said = " ".join(r.output.split())
    assert "ga 市委办公室: 3 measures (2 lead 牵头, 1 co-owner 配合)" in said
    assert "gb 市民族宗教事务委员会: 3 measures (2 lead 牵头, 1 co-owner 配合)" in said
    assert "2 templates in out, one per unit that owns a measure; none for gc (they own none)" in said
    for unit, ids in (("ga", ["D1.M01", "D2.M03", "D2.R01"]), ("gb", ["D1.M01", "D1.M02", "D2.R01"])):
        text = (project / "out" / f"{unit}.yaml").read_text(encoding="utf-8")
        assert _value_lines(text) == ids and f"\nfiled_by: {unit}\n" in text


def test_every_owner_template_validates_untouched_in_its_place(project):
    assert init("--owner", "all", "-o", "out").exit_code == 0
    for path in sorted((project / "out").iterdir()):
        placed = _place(project, path)
        r = run("validate", str(placed))
        assert r.exit_code == 0, r.output
    r = run("validate", "submissions")  # both parts at once: one submission, nothing filed, still valid
    assert r.exit_code == 0, r.output


def test_xlsx_templates_of_every_unit_read_back_with_filed_by_and_validate(project):
    r = init("--owner", "all", "-o", "out", "--format", "xlsx")
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in (project / "out").iterdir()) == ["ga.xlsx", "gb.xlsx"]
    for unit in ("ga", "gb"):
        placed = _place(project, project / "out" / f"{unit}.xlsx")
        raw, problems = xlsx_file.read_raw(placed)
        assert [p for p in problems if p.level != "info"] == [], [str(p) for p in problems]
        assert raw.filed_by == unit and raw.subject_id == "jc" and raw.period == 2024
        assert run("validate", str(placed)).exit_code == 0
    assert run("validate", "submissions").exit_code == 0


def test_filled_unit_templates_assemble_and_score_like_one_file(project):
    from engine import pipeline

    assert init("--owner", "all", "-o", "out").exit_code == 0
    ga = _fill((project / "out" / "ga.yaml").read_text(encoding="utf-8"), {"D1.M01": "true", "D2.M03": "3"})
    gb = _fill((project / "out" / "gb.yaml").read_text(encoding="utf-8"), {"D1.M02": "70", "D2.R01": "[4, 5, 3]"})
    _place(project, project / "out" / "ga.yaml", ga)
    _place(project, project / "out" / "gb.yaml", gb)
    assert run("validate", "submissions").exit_code == 0
    outcomes = list(pipeline.run(["submissions"], pipeline.RubricFinder(None, "rubrics")))
    assert len(outcomes) == 1 and outcomes[0].ok, [str(p) for o in outcomes for p in o.problems]
    card = outcomes[0].card
    # M01 check 30; M02 (70-50)/(90-50) of 30 = 15; M03 3 events x 2 = 6 of 10; M04 missing; R01 [4,5,3]
    # trimmed by one each end = [4], (4-1)/(5-1) of 20 = 15
    assert card.total == pytest.approx(30 + 15 + 6 + 0 + 15)
    entries = card.submission.entries
    assert {m: entries[m].filed_by for m in entries} == {"D1.M01": "ga", "D2.M03": "ga", "D1.M02": "gb",
                                                          "D2.R01": "gb"}
    assert sorted(Path(p).name for p in card.submission.parts) == ["ga.yaml", "gb.yaml"]
