"""Shared by the batch tests: the every-method demo rubric, and a writer of long tables."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from engine import rubric as rubrics
from tests.tabular.helpers import RUBRIC


@pytest.fixture
def rubric(tmp_path):
    path = tmp_path / "demo.yaml"
    path.write_text(RUBRIC, encoding="utf-8")
    return rubrics.load(path)


@pytest.fixture
def table(tmp_path):
    """Write a long table from dedented text; returns its path."""

    def write(text: str, name: str = "long.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding=encoding)
        return path

    return write
