"""Rubrics: load a YAML file, check it against the meta-schema and the rules of SPEC 3.5, build it."""
from __future__ import annotations

from pathlib import Path

from ..model import Rubric
from ..problems import Problem, RubricError, errors, read_yaml
from . import cache
from .build import build
from .lint import lint_data
from .meta import check_meta


def lint(path: str | Path) -> tuple[Rubric | None, list[Problem]]:
    """Every problem of a rubric file, and the rubric when it has no errors."""
    name = str(path)
    doc, problems = read_yaml(path)
    if doc is None:
        return None, problems
    problems = check_meta(doc, name)
    if errors(problems):
        return None, problems
    problems += lint_data(doc, name)
    if errors(problems):
        return None, problems
    return build(doc.data, doc, name), problems


def load(path: str | Path) -> Rubric:
    """A rubric ready to score with, or RubricError with every problem (checked rubrics are cached)."""
    rubric = cache.get(path)
    if rubric is not None:
        return rubric
    rubric, problems = lint(path)
    if rubric is None:
        raise RubricError(errors(problems))
    cache.put(path, rubric)
    return rubric
