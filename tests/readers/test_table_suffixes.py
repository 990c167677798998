"""A file is sniffed for a long table only when its suffix can be one's: a .yaml check never imports the table
readers (nor csv), and the suffixes the pipeline and the reader test first are the long-table reader's own."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from engine import long_input
from engine.readers import long_table

TOP = Path(__file__).resolve().parents[2]


def test_the_suffixes_tested_first_are_the_readers_own():
    assert long_input.TABLE_SUFFIXES == long_table.SUFFIXES
    assert not long_input.is_long(TOP / "submissions" / "jinchang" / "2024.yaml")
    assert not long_input.is_long(Path("x.CSVX"))


def test_a_yaml_check_does_not_import_the_table_readers():
    code = ("import sys; from engine.cli import main; sys.argv = ['scorecard', 'check', "
            "'submissions/jinchang/2024.yaml']\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m in ('engine.readers.long_table', 'csv', 'pandas')))")
    out = subprocess.run([sys.executable, "-c", code], cwd=TOP, capture_output=True, text=True, timeout=120)
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout + out.stderr
