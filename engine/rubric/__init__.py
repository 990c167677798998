"""Rubrics: load a YAML file, check it against the meta-schema and the rules of SPEC 3.5, build it.

A tailoring file (``extends``, SPEC 9) is merged with its chain first (tailor.py) and the result
checked as a whole; ``rubrics_dir`` is where its parent is looked for after the file's own folder.
``lint`` also checks a crosswalk (engine.crosswalk), against the version it replaces when that version
is found the same way."""
from __future__ import annotations

import sys
import types
from dataclasses import replace
from pathlib import Path

from ..model import Rubric
from ..problems import Problem, RubricError, errors, read_yaml
from . import cache

# A cache hit (every warm `scorecard check`) needs none of what checks and builds a rubric: imported when used.


class _Package(types.ModuleType):
    """This package, whose ``lint`` is the function below: importing the submodule engine.rubric.lint (on a
    cache miss, or by name) binds it as an attribute of the package, and that binding is not made."""

    def __setattr__(self, name, value):
        if name != "lint" or not isinstance(value, types.ModuleType):
            super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def lint(path: str | Path, rubrics_dir: str | Path | None = None) -> tuple[Rubric | None, list[Problem]]:
    """Every problem of a rubric file, and the rubric when it has no errors."""
    from .. import crosswalk

    rubric, problems, _ = _lint(path, rubrics_dir)
    if rubric is None or not rubric.crosswalk:
        return rubric, problems
    problems += crosswalk.lint([rubric, *_replaced(rubric, rubrics_dir)])
    return (None if errors(problems) else rubric), problems


def _replaced(rubric: Rubric, rubrics_dir) -> list[Rubric]:
    """The version ``rubric`` replaces, from its folder or ``rubrics_dir``, with no crosswalk of its own
    (only this file's is checked); none when it is not found or does not load."""
    from .. import crosswalk
    from ..finder import folder_index, pick  # the finder loads rubrics: imported late
    from .tailor import lookup_folders

    named = crosswalk.replaced(rubric)
    if named is None:
        return []
    for folder in lookup_folders(rubric.loc.file, None if rubrics_dir is None else Path(rubrics_dir)):
        path = pick(folder_index(folder)[0].get(named[0], []), named[1])
        if path is not None:
            try:
                return [replace(load(path, rubrics_dir), crosswalk={})]
            except RubricError:
                return []
    return []


def _lint(path, rubrics_dir) -> tuple[Rubric | None, list[Problem], tuple[str, ...]]:
    """The rubric (or None), its problems, and the files it was made from (a tailoring's chain)."""
    from .build import build
    from .meta import check_meta
    from .places import FileDoc, is_tailoring

    name = str(path)
    doc, problems = read_yaml(path)
    if doc is None:
        return None, problems, (name,)
    doc = FileDoc(doc, name)
    if is_tailoring(doc.data):
        from .tailor import resolve  # a tailoring's chain: 10 KB of code a rubric that stands alone never runs

        doc, problems = resolve(doc, Path(rubrics_dir) if rubrics_dir is not None else None)
        if doc is None:
            return None, problems, (name,)
    problems = check_meta(doc, name)  # a tailoring's own schema problems stopped it above: none is said twice
    if errors(problems):
        return None, problems, doc.files
    from .lint import lint_data

    problems += lint_data(doc, name)
    if errors(problems):
        return None, problems, doc.files
    return build(doc.data, doc, name), problems, doc.files


def load(path: str | Path, rubrics_dir: str | Path | None = None) -> Rubric:
    """A rubric ready to score with, or RubricError with every problem (checked rubrics are cached; a
    tailored one misses when any file of its chain changed)."""
    lookup = "" if rubrics_dir is None else str(rubrics_dir)
    rubric = cache.get(path, lookup=lookup)
    if rubric is not None:
        return rubric
    rubric, problems, files = _lint(path, rubrics_dir)
    if rubric is None:
        raise RubricError(errors(problems))
    cache.put(path, rubric, lookup=lookup, chain=files[1:])
    return rubric
