"""check and validate never load python-docx or lxml (nor pandas: tests.test_cold_start_cli): the Word
writer is imported only when report --format docx asks for it."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.test_cold_start_cli import SPY, TOP

WORD = {"docx", "lxml", "pandas", "engine.formats.docx", "engine.pdf", "engine.cli.report_formats"}


@pytest.mark.parametrize("command", ["check", "validate"])
def test_check_and_validate_load_no_word_writer(command, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(TOP), "SCORECARD_CACHE_DIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", SPY, command, "submissions/baotou/2022.yaml"], cwd=TOP, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stderr.strip().splitlines()[-1].split())
    assert "engine.validate" in loaded or "engine.gate" in loaded
    assert not loaded & WORD and not {m.split(".")[0] for m in loaded} & WORD
