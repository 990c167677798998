"""The progress summary keeps a subject's name on one line at 80 columns (up to NAME_WHOLE cells): the units that
filed nothing fold first, never 示例市（虚构示 / 例）."""
from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from engine.cli import app
from engine.formats.progress.table import NAME_WHOLE

TOP = Path(__file__).resolve().parents[2]


def test_the_demonstrations_name_stays_whole_at_80_columns():
    r = CliRunner().invoke(app, ["progress", str(TOP / "submissions"), "--rubrics-dir", str(TOP / "rubrics")],
                           catch_exceptions=False, env={"COLUMNS": "80"})
    assert r.exit_code == 0, r.output
    rows = [line for line in r.stdout.splitlines() if "示例市" in line]
    assert len(rows) == 2 and all("示例市（虚构示例）" in line for line in rows)  # 2024 and 2025, each whole
    from rich.cells import cell_len

    assert max(cell_len(line.rstrip()) for line in r.stdout.splitlines()) <= 80


def test_a_longer_name_than_the_cap_still_folds():
    from engine.formats.progress.table import name_cells

    class S:  # the one attribute name_cells reads
        def __init__(self, name):
            self.filing = type("F", (), {"subject_name": name})()

    assert name_cells([S("包头市")]) == 2 + 6
    assert name_cells([S("很" * 30)]) == 2 + NAME_WHOLE
