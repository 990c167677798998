"""Readers: one module per input kind, each turning a file into raw submissions or located problems.

    from engine import readers
    for name, data, problems in readers.read("submissions/jc/2024.yaml"):
        ...  # data: a RawSubmission, a LongTable (engine.readers.long_table), or None when unreadable

READERS says which module reads a suffix (a .csv is a long table's when engine.readers.long_table sniffs
one).  A reader module has SUFFIXES and ``read(path, marks) -> list[Item]``; no reader imports another,
and this package imports a reader only when a file of its kind is read (YAML never pays for openpyxl,
nothing but a long table for pandas).
"""
from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType
from typing import Any

from ..model import Loc
from ..problems import Problem
from ..raw import RawSubmission

Item = tuple[str, Any, list[Problem]]
"""(name, RawSubmission | LongTable | None, problems): what a reader makes of one input."""

READERS = {".yaml": "yaml_file", ".yml": "yaml_file", ".json": "yaml_file", ".csv": "csv_file",
           ".xlsx": "xlsx_file", ".parquet": "long_table"}
"""Suffix -> the module (in this package) that reads it."""
SUFFIXES = tuple(READERS)
"""Every suffix a reader reads."""
TABLE_SUFFIXES = (".csv", ".parquet")
"""The suffixes a long table may have (a .csv is one when engine.readers.long_table sniffs one); a file of any
other suffix is never sniffed, so a .yaml never imports the table readers."""
FILE_SUFFIXES = (".yaml", ".yml", ".json", ".csv", ".xlsx")
"""The suffixes of one-submission files (read_one), and what a folder walk picks up."""


def reader(suffix: str) -> ModuleType:
    """The reader module for a suffix (KeyError for one no reader reads)."""
    return _module(READERS[suffix.lower()])


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{name}")


def read(path: str | Path, marks: bool = True, force_long: bool = False) -> list[Item]:
    """What the file holds, as items; problems instead of exceptions.  ``marks=False`` skips recording
    places in YAML (faster; read again with marks to locate problems); ``force_long`` reads a .csv with
    subject and measure columns as a long table even when it names one subject."""
    name, suffix = str(path), Path(path).suffix.lower()
    if suffix not in READERS:
        known = ", ".join(SUFFIXES)
        return [(name, None, [Problem(Loc(name), f"not a submission file: its name should end in one of {known} "
                                      f"(not {suffix or 'no suffix'})", code="io")])]
    if suffix in TABLE_SUFFIXES:
        long = _module("long_table")  # is a .csv a long table? (it reads the file's start, without pandas)
        if suffix == ".parquet" or long.is_long_table(path, force_long):
            return long.read(path, marks)
    return reader(suffix).read(path, marks)


def read_one(path: str | Path, marks: bool = True) -> tuple[RawSubmission | None, list[Problem]]:
    """Read a file as one submission (never as a long table); a suffix that is no table's is read as
    YAML, as `scorecard validate mine.txt` always has."""
    suffix = Path(path).suffix.lower()
    module = reader(suffix if suffix in FILE_SUFFIXES else ".yaml")
    return module.read_raw(path, marks)


def find(paths: list[str]) -> list[Path]:
    """Submission files under the given files and folders, in a stable order."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                          and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            out.append(p)
    return out
