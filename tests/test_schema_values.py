"""The generated submission schema accepts exactly what `scorecard validate` accepts, for values
officials type: 是/否 for bonus and deduction, ratings as text or several in one text, choices by
label, and units reconciled with each measure's unit."""
import pytest
from jsonschema import Draft7Validator

from engine import pipeline
from engine import rubric as rubrics
from engine.schema import submission_schema
from tests.tabular.units import write_units_rubric

CASES = [("BON", "是", True), ("DED", " 否 ", True), ("BON", "maybe", False), ("RATE", "４.５", True),
         ("RATE", "4,5,4,3,5", True), ("RATE", "4 5 4 3 5", True), ("RATE", ["4", "５"], True), ("RATE", "4,,5", False),
         ("CH", "全国示范", True), ("CH", "National model", True), ("CH", "国家级", False), ("WY", "0.015亿元", True),
         ("WY", "85%", False), ("PCT", "85%", True), ("PCT", "8.5‰", True), ("REN", "3.6万人", True),
         ("REN", "5人次", False), ("GE", "3人", False), ("WY", "¥1,500", True), ("WY", "$5", False),
         ("REN", "1" * 5000, False), ("REN", "12\x1f", False), ("REN", "\u200b12\u3000", True)]


@pytest.fixture(scope="module")
def rubric_path(tmp_path_factory):
    return write_units_rubric(tmp_path_factory.mktemp("units"))


@pytest.mark.parametrize("mid, value, ok", CASES, ids=lambda x: repr(x)[:14])
def test_schema_and_validate_agree(tmp_path, rubric_path, mid, value, ok):
    schema = Draft7Validator(submission_schema(rubrics.load(rubric_path)))
    doc = {"rubric": "units", "subject": "jc", "period": 2024, "values": {mid: value}}
    assert schema.is_valid(doc) == ok
    import json

    path = tmp_path / "jc" / "2024.json"
    path.parent.mkdir()
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    out = pipeline.run_one(path, pipeline.RubricFinder(str(rubric_path)), scoring=False)
    assert (not any(p.is_error for p in out.problems)) == ok, [str(p) for p in out.problems]


def test_a_choices_hover_shows_its_labels(rubric_path):
    schema = submission_schema(rubrics.load(rubric_path))
    text = schema["properties"]["values"]["properties"]["CH"]["description"]
    assert "options: national = 全国示范; provincial = 省级示范; none = 无" in text
