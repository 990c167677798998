"""docs/schemas/ holds the generated submission schemas the shipped submissions' modelines point
at; they must be exactly what `scorecard schema` makes from the shipped rubrics today."""
import json
from pathlib import Path

import pytest

from engine import rubric as rubrics
from engine.schema import submission_schema

TOP = Path(__file__).parent.parent
RUBRICS = sorted((TOP / "rubrics").glob("*.yaml"))


@pytest.mark.parametrize("path", RUBRICS, ids=lambda p: p.stem)
def test_committed_schema_is_current(path):
    committed = TOP / "docs" / "schemas" / f"{path.stem}.schema.json"
    assert committed.exists(), f"run: scorecard schema {path.relative_to(TOP)} -o {committed.relative_to(TOP)}"
    expected = submission_schema(rubrics.load(path))
    assert json.loads(committed.read_text(encoding="utf-8")) == expected, \
        f"stale: scorecard schema {path.relative_to(TOP)} -o {committed.relative_to(TOP)}"
