"""scorecard init templates: the YAML one validates untouched and when filled in; the XLSX one reads back."""
from pathlib import Path

import pytest
from openpyxl import load_workbook

from engine import methods, pipeline, template, yamlstrict
from engine import rubric as rubrics
from engine.model import Measure

from tests.tabular.helpers import write_rubric

ROOT = Path(__file__).resolve().parents[1]
ETHNIC = ROOT / "rubrics" / "ethnic-unity-city.yaml"
HEADER = template.Header("jinchang", "金昌市", "2024")


@pytest.fixture(scope="module")
def ethnic():
    return rubrics.load(ETHNIC)


def _save(folder: Path, text: str, subject: str = "jinchang") -> Path:
    path = folder / subject / "2024.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_untouched_yaml_template_is_a_valid_submission_with_everything_missing(tmp_path, ethnic):
    text = template.yaml_template(ethnic, HEADER)
    data = yamlstrict.load_text(text).data
    assert data == {"rubric": "ethnic-unity-city@2024.1", "subject": {"id": "jinchang", "name": "金昌市"},
                    "period": 2024, "values": None}
    out = pipeline.run_one(_save(tmp_path, text), pipeline.RubricFinder(str(ETHNIC)))
    assert out.ok, [str(p) for p in out.problems]
    assert [p for p in out.problems if p.level != "info"] == []
    assert out.card.total == 0 and len(out.card.measures) == 143
    assert {m.status for m in out.card.measures} == {"missing"}


def test_yaml_template_modeline_and_schema_override(ethnic):
    text = template.yaml_template(ethnic, HEADER)  # no schema known: no modeline, a comment on how to get one
    assert "yaml-language-server: $schema=PATH" in text and not text.startswith("# yaml-language-server:")
    assert "scorecard schema <rubric file> -o docs/schemas/ethnic-unity-city.schema.json" in text
    other = template.yaml_template(ethnic, template.Header("jc", "jc", "2024", "https://example.org/s.json"))
    assert other.splitlines()[0] == "# yaml-language-server: $schema=https://example.org/s.json"


def test_every_measure_in_rubric_order_with_its_label_and_a_commented_value_line(ethnic):
    lines = template.yaml_template(ethnic, HEADER).splitlines()
    value_lines = [ln for ln in lines if ln.startswith("  # ") and ln.endswith(": ") and " " not in ln[4:-2]]
    assert value_lines == [f"  # {m.id}: " for m in ethnic.measures]
    for m in ethnic.measures:
        at = lines.index(f"  # {m.id}: ")
        block = lines[at - 9:at]
        assert f"  # {m.id} {' '.join(m.label.get('zh').split())}" in block, m.id
        if m.label.has("en"):
            assert f"  #   en: {' '.join(m.label.get('en').split())}" in block, m.id
        assert any(ln.startswith("  #   method: " + m.method) for ln in block), m.id


def test_comments_say_what_to_write(ethnic):
    text = template.yaml_template(ethnic, HEADER)
    m01 = ethnic.by_id["D1.I01.M01"]
    assert "  # D1 加强和完善党对民族工作的全面领导 › D1.I01 创建领导体制与工作格局\n" \
           "  # D1.I01.M01 成立由市委、市政府主要负责人任组长（“双组长”）的创建工作领导小组\n" in text
    assert "  #   method: check — write true or false; true earns full points\n" \
           "  #   points: 1.5 · owners: 市委办公室, 市委统战部, 市民族宗教事务委员会 · evidence: required\n" \
           f"  #   guidance: {m01.guidance}\n  #   assess: 材料审核, 听取汇报\n  # D1.I01.M01: \n" in text
    choice = next(m for m in ethnic.measures if m.method == "choice")
    options = ", ".join(choice.params["options"])
    assert f"— write one of: {options}\n" in text


def test_filled_in_yaml_template_scores(tmp_path):
    rubric_path = write_rubric(tmp_path)
    r = rubrics.load(rubric_path)
    text = template.yaml_template(r, template.Header("jc", "金昌市", "2024"))
    filled = {"D1.M01": "true", "D1.M02": '"80%"', "D2.M02": "省级", "D2.M04": "[4, 5, 3]", "X.V01": "false"}
    for mid, value in filled.items():
        text = text.replace(f"  # {mid}: \n", f"  {mid}: {value}\n")
    out = pipeline.run_one(_save(tmp_path, text, "jc"), pipeline.RubricFinder(str(rubric_path)))
    assert out.ok, [str(p) for p in out.problems]
    assert out.card.total == pytest.approx(20 + 15 + 6 + 10 * (4 - 1) / 4)
    assert out.card.submission.subject_name == "金昌市"


def test_every_method_is_described(tmp_path):
    r = rubrics.load(write_rubric(tmp_path))
    assert {m.method for m in r.measures} == set(methods.METHODS)
    words = {m.method: template.how(m) for m in r.measures}
    assert words["check"] == "check — write true or false; true earns full points"
    assert words["veto"] == "veto — write true or false; true vetoes the submission (一票否决)"
    assert words["choice"].endswith("; full points at 国家级 — write one of: 国家级, 省级, 无")
    assert words["linear"].endswith("; full points at 90% — write a number")
    assert words["bonus"].endswith(" — write a whole number >= 0, or true/false")


@pytest.mark.parametrize("period, text", [("2024", "2024"), ("2024Q1", '"2024Q1"'), ("2024-H1", '"2024-H1"')])
def test_period_as_yaml_reads_it(period, text):
    assert template.period_text(period) == text


def test_quoted_header_values_load_back(tmp_path):
    r = rubrics.load(write_rubric(tmp_path))
    text = template.yaml_template(r, template.Header("true", 'a: "b" #c', "2024Q1"))
    data = yamlstrict.load_text(text).data
    assert (data["subject"], data["period"]) == ({"id": "true", "name": 'a: "b" #c'}, "2024Q1")


# --- XLSX ----------------------------------------------------------------------------------------


def test_xlsx_template_layout(tmp_path, ethnic):
    path = tmp_path / "t.xlsx"
    template.xlsx_template(ethnic, HEADER).save(path)
    ws = load_workbook(path)["submission"]
    assert [c.value for c in ws[1]] == ["measure", "label", "method", "target", "unit", "points", "owners",
                                        "guidance", "value", "evidence", "note", "subject", "subject_name",
                                        "period", "rubric"]
    assert [ws.cell(i, 1).value for i in range(2, ws.max_row + 1)] == [m.id for m in ethnic.measures]
    assert {(ws.cell(i, 12).value, ws.cell(i, 13).value, ws.cell(i, 14).value, ws.cell(i, 15).value)
            for i in range(2, ws.max_row + 1)} == {("jinchang", "金昌市", 2024, "ethnic-unity-city@2024.1")}
    assert all(ws.cell(i, 9).value is None for i in range(2, ws.max_row + 1))
    assert ws.freeze_panes == "B2" and ws.column_dimensions["B"].width == 40
    row = [c.value for c in ws[2]]
    assert row[:8] == ["D1.I01.M01", "成立由市委、市政府主要负责人任组长（“双组长”）的创建工作领导小组 / Campaign leading "
                       "group headed by the municipal Party secretary and the mayor",
                       "check — write true or false; true earns full points", "true", None, 1.5,
                       "市委办公室、市委统战部、市民族宗教事务委员会", ethnic.by_id["D1.I01.M01"].guidance +
                       "\n（需佐证 evidence required）"]


def test_xlsx_dropdowns_on_check_veto_and_choice_values(tmp_path, ethnic):
    path = tmp_path / "t.xlsx"
    template.xlsx_template(ethnic, HEADER).save(path)
    ws = load_workbook(path)["submission"]
    lists = {dv.formula1: {c for rng in dv.sqref.ranges for c in _cells(rng)}
             for dv in ws.data_validations.dataValidation}
    rows = {m.id: i for i, m in enumerate(ethnic.measures, start=2)}
    boolean = {f"I{rows[m.id]}" for m in ethnic.measures if m.method in ("check", "veto")}
    assert lists['"true,false"'] == boolean and len(boolean) == 29
    choice = next(m for m in ethnic.measures if m.method == "choice")
    assert lists['"' + ",".join(choice.params["options"]) + '"'] == {f"I{rows[choice.id]}"}


def _cells(rng) -> set[str]:
    from openpyxl.utils import get_column_letter

    return {f"{get_column_letter(c)}{r}" for r in range(rng.min_row, rng.max_row + 1)
            for c in range(rng.min_col, rng.max_col + 1)}


def _full_marks(m: Measure):
    """A value that meets the measure's target (modifiers: one item, no veto)."""
    if m.method == "veto":
        return False
    if m.method in ("bonus", "deduction"):
        return 1
    return methods.get(m.method).target(m)


def test_xlsx_template_filled_in_scores_like_the_same_values_in_yaml(tmp_path, ethnic):
    wb = template.xlsx_template(ethnic, HEADER)
    ws = wb["submission"]
    values = {m.id: _full_marks(m) for m in ethnic.measures}
    need = {m.id for m in ethnic.measures if m.evidence == "required"}
    for i, m in enumerate(ethnic.measures, start=2):
        ws.cell(i, 9).value = "true" if values[m.id] is True else "false" if values[m.id] is False \
            else values[m.id]
        if m.id in need:
            ws.cell(i, 10).value = "会议纪要；印发文件"
    xlsx = tmp_path / "xlsx" / "jinchang" / "2024.xlsx"
    xlsx.parent.mkdir(parents=True)
    wb.save(xlsx)
    lines = ["rubric: ethnic-unity-city@2024.1", "subject: {id: jinchang, name: 金昌市}", "period: 2024", "values:"]
    for mid, v in values.items():
        v = "true" if v is True else "false" if v is False else v
        lines.append(f"  {mid}: {{value: {v}, evidence: [会议纪要, 印发文件]}}" if mid in need else f"  {mid}: {v}")
    yml = _save(tmp_path / "yaml", "\n".join(lines) + "\n")
    finder = pipeline.RubricFinder(str(ETHNIC))
    a, b = pipeline.run_one(yml, finder), pipeline.run_one(xlsx, finder)
    assert a.ok and b.ok, [str(p) for p in a.problems + b.problems if p.level == "error"]
    bonus = sum(m.params.get("per", 1) for m in ethnic.measures if m.method == "bonus")
    deductions = sum(m.params.get("per", 1) for m in ethnic.measures if m.method == "deduction")
    assert b.card.base == pytest.approx(100)
    assert b.card.total == pytest.approx(100 + min(bonus, 20) - min(deductions, 10))
    assert (b.card.total, b.card.grade.id) == (a.card.total, a.card.grade.id)
    assert [(m.id, m.value, m.score) for m in b.card.measures] == [(m.id, m.value, m.score) for m in a.card.measures]
    assert b.card.submission.entries[sorted(need)[0]].evidence == ("会议纪要", "印发文件")


def test_xlsx_template_texts_never_become_formulas(tmp_path):
    import dataclasses

    r = rubrics.load(write_rubric(tmp_path))
    m = dataclasses.replace(r.measures[0], guidance='=HYPERLINK("http://example.org")')
    group = dataclasses.replace(r.tree[0], children=(m,) + r.tree[0].children[1:])
    path = tmp_path / "t.xlsx"
    template.xlsx_template(dataclasses.replace(r, tree=(group,) + r.tree[1:]), HEADER).save(path)
    cell = load_workbook(path)["submission"]["H2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://example.org")', "s")
