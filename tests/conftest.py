"""Shared helpers: write a rubric and a submission from text, score them, assert the results."""
from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from engine import pipeline

# Shared, noisy machines: no deadlines or speed health checks (timing is for bench/, not tests).
settings.register_profile("project", deadline=None, suppress_health_check=[HealthCheck.too_slow])
# CI (CI=true) runs the same examples every time, so a red run is reproducible and never a coin toss; a
# developer's run explores new ones (and bench/fuzz.py explores for longer).
settings.register_profile("ci", parent=settings.get_profile("project"), derandomize=True, database=None)
settings.load_profile("ci" if os.environ.get("CI") else "project")


@pytest.fixture(autouse=True, scope="session")
def _private_rubric_cache(tmp_path_factory):
    """Tests never read or write the user's rubric cache."""
    import os

    os.environ["SCORECARD_CACHE_DIR"] = str(tmp_path_factory.mktemp("rubric-cache"))


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


@pytest.fixture
def make_files(tmp_path):
    """Write rubric.yaml and submission.yaml (and any extra files) into tmp_path; returns their paths."""

    def make(rubric: str, submission: str | None = None, **extra: str) -> dict[str, Path]:
        out = {"rubric": tmp_path / "rubric.yaml"}
        out["rubric"].write_text(dedent(rubric), encoding="utf-8")
        if submission is not None:
            out["submission"] = tmp_path / "submission.yaml"
            out["submission"].write_text(dedent(submission), encoding="utf-8")
        for name, text in extra.items():
            out[name] = tmp_path / name.replace("_", ".")
            out[name].write_text(dedent(text), encoding="utf-8")
        return out

    return make


@pytest.fixture
def score_text(make_files):
    """Score a submission given as text against a rubric given as text; returns the Outcome."""

    def run(rubric: str, submission: str):
        files = make_files(rubric, submission)
        return pipeline.run_one(files["submission"], pipeline.RubricFinder(str(files["rubric"])))

    return run


def assert_scores(outcome, total=None, grade=None, **measures):
    """Assert the total, the grade id and measure scores (measure id with '.' written as '_')."""
    assert outcome.ok, "\n".join(map(str, outcome.problems))
    card = outcome.card
    if total is not None:
        assert card.total == pytest.approx(total, abs=1e-9)
    if grade is not None:
        assert card.grade.id == grade
    for mid, expected in measures.items():
        assert card.measure(mid.replace("_", ".")).score == pytest.approx(expected, abs=1e-9)
