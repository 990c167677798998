"""The per-submission executor and the method registry never import numpy: `scorecard check` stays light."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "tests" / "cases" / "veto"

NO_NUMPY = """
import sys
from typer.testing import CliRunner
from engine.cli import app
r = CliRunner().invoke(app, ["check", "subs", "--rubric", "rubric.yaml", "--format", "json"], catch_exceptions=False)
assert r.exit_code in (0, 1), r.output
assert '"total"' in r.output, r.output
assert "numpy" not in sys.modules, "the check path imported numpy"
from engine import methods, plan, scoring
assert "numpy" not in sys.modules, "engine.methods, engine.plan or engine.scoring imported numpy"
print("ok")
"""


def test_check_path_does_not_import_numpy(tmp_path):
    shutil.copy(CASE / "rubric.yaml", tmp_path / "rubric.yaml")
    (tmp_path / "subs").mkdir()
    shutil.copy(CASE / "submission.yaml", tmp_path / "subs" / "submission.yaml")
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", NO_NUMPY], cwd=tmp_path, env=env, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stdout + done.stderr
