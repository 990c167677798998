"""rubric lint of the rating parameter disagree: a number > 0, on rating measures only."""
import pytest

from engine import rubric as rubrics

from .conftest import RUBRIC


def lint(tmp_path, text):
    path = tmp_path / "r.yaml"
    path.write_text(text, encoding="utf-8")
    rubric, problems = rubrics.lint(path)
    return rubric, [str(p).replace(str(path), "r.yaml") for p in problems]


def test_disagree_is_read(tmp_path):
    rubric, lines = lint(tmp_path, RUBRIC.replace("trim: 1,", "trim: 1, disagree: 1.5,"))
    assert lines == [] and rubric.by_id["B.1"].params["disagree"] == 1.5


@pytest.mark.parametrize("bad", ["0", "-1", "'wide'"])
def test_disagree_must_be_above_zero(tmp_path, bad):
    rubric, lines = lint(tmp_path, RUBRIC.replace("trim: 1,", f"trim: 1, disagree: {bad},"))
    assert rubric is None and len(lines) == 1 and lines[0].startswith("r.yaml:") and "B.1" in lines[0]
    assert "disagree" in lines[0]


def test_disagree_belongs_to_rating(tmp_path):
    _, lines = lint(tmp_path, RUBRIC.replace("target: 90,", "target: 90, disagree: 1,"))
    assert any("A.1: 'disagree' is not a parameter of method linear" in x for x in lines)
