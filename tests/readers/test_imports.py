"""Each reader imports alone: no sibling reader comes with it, and the one-submission readers bring
neither pandas nor numpy (nor openpyxl, until a workbook is read)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from engine import readers

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(set(readers.READERS.values()))
LIGHT = ("yaml_file", "csv_file", "xlsx_file", "long_table")


def imported(module: str) -> set[str]:
    """The modules that importing engine.readers.<module> (alone, in a fresh interpreter) loads."""
    code = (f"import sys, importlib; importlib.import_module('engine.readers.{module}'); "
            "print('\\n'.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": ""}, check=True)
    return set(out.stdout.split())


@pytest.mark.parametrize("module", MODULES)
def test_a_reader_imports_no_sibling(module):
    loaded = imported(module)
    siblings = {f"engine.readers.{m}" for m in MODULES if m != module} | {"engine.readers.long"}
    assert not loaded & siblings
    assert "engine.batch" not in loaded


@pytest.mark.parametrize("module", LIGHT)
def test_one_submission_readers_and_the_sniff_need_no_pandas(module):
    loaded = imported(module)
    assert not loaded & {"pandas", "numpy", "openpyxl", "pyarrow"}


def test_the_package_imports_no_reader_until_one_is_used():
    code = ("import sys; import engine.readers, engine.raw, engine.table_rows, engine.validate; "
            "print('\\n'.join(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         env={"PYTHONPATH": str(ROOT), "PATH": ""}, check=True)
    assert not {m for m in out.stdout.split() if m.startswith("engine.readers.")}


def test_suffixes_are_those_the_readers_declare():
    assert {s for suffix in readers.READERS for s in readers.reader(suffix).SUFFIXES} == set(readers.SUFFIXES)
    assert all(suffix in readers.reader(suffix).SUFFIXES for suffix in readers.SUFFIXES)
