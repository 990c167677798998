"""A big long table read in chunks of whole subjects (engine.readers.long.chunks) says exactly what the whole table
says: every command's JSON, CSV and terminal output, every problem and its place, the exit code.  The tables here
are small; the thresholds are lowered so they are cut into chunks of a few subjects, with two periods per subject
(the rubric's max_change rule compares them), approximate and bad values, blank rows, an unknown column, and a
subject whose rows come back later (then the table is read whole)."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bench.long_table import generate
from engine.cli import app
from engine.readers.long import chunks

ROOT = Path(__file__).resolve().parents[2]
RUBRIC = str(ROOT / "rubrics" / "ethnic-unity-city.yaml")


def table(path: Path, n: int, scatter: bool = False) -> Path:
    """n subjects, periods 2023 and 2024 each (rows of a subject together unless ``scatter``), a note column the
    engine does not read, a blank row, and a bad value in one subject's row."""
    a, b = path.with_suffix(".a"), path.with_suffix(".b")
    generate(a, n, seed=3, period=2023)
    generate(b, n, seed=4, period=2024)
    rows = [r for f in (a, b) for r in list(csv.reader(io.StringIO(f.read_text(encoding="utf-8"))))[1:]]
    if not scatter:
        rows.sort(key=lambda r: r[0])  # stable: each subject's 2023 rows, then its 2024 rows
    rows[len(rows) // 3][4] = "很多"  # not a number: that subject and period is left out, with an error
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["subject", "subject_name", "period", "measure", "value", "evidence", "备注栏"])
    for i, r in enumerate(rows):
        w.writerow(r + ["x"])
        if i == 500:
            out.write("\n")
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def run(*args):
    r = CliRunner().invoke(app, [*args, "--rubric", RUBRIC], catch_exceptions=False)
    return r.exit_code, r.stdout, r.stderr


COMMANDS = [("score", "-f", "json"), ("score", "-f", "csv"), ("score",), ("compare", "-f", "json"), ("compare",),
            ("gaps", "-f", "csv"), ("gaps",), ("validate", "--all"), ("check", "-f", "json"), ("check", "-f", "text"),
            ("progress", "-f", "json")]


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    d = tmp_path_factory.mktemp("chunks")
    return table(d / "sorted.csv", 14), table(d / "scattered.csv", 14, scatter=True)


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_chunked_says_what_whole_says(tables, monkeypatch, command):
    path = str(tables[0])
    whole = run(*command[:1], path, *command[1:])
    monkeypatch.setattr(chunks, "CHUNK_BYTES", 0)
    monkeypatch.setattr(chunks, "CHUNK_ROWS", 700)  # a few subjects a chunk
    assert chunks.plan(path) is not None and len(chunks.plan(path).bounds) >= 4
    assert run(*command[:1], path, *command[1:]) == whole


def test_chunks_never_split_a_subject(tables, monkeypatch):
    monkeypatch.setattr(chunks, "CHUNK_BYTES", 0)
    monkeypatch.setattr(chunks, "CHUNK_ROWS", 700)
    p = chunks.plan(str(tables[0]))
    subjects = [set(df["subject"].tolist()) - {""} for df in chunks.frames(p)]
    assert sum(len(s) for s in subjects) == len(set().union(*subjects)) == 14
    assert p.bounds[0][0] == 0 and all(a[1] == b[0] for a, b in zip(p.bounds, p.bounds[1:]))


def test_a_table_whose_subjects_come_back_is_read_whole(tables, monkeypatch):
    monkeypatch.setattr(chunks, "CHUNK_BYTES", 0)
    assert chunks.plan(str(tables[1])) is None


def test_a_small_table_is_read_whole(tables):
    assert chunks.plan(str(tables[0])) is None  # far below CHUNK_BYTES


@pytest.fixture(scope="module")
def parquet(tables):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    path = tables[0].with_suffix(".parquet")
    pd.read_csv(tables[0], dtype=str, keep_default_na=False, skip_blank_lines=True).to_parquet(path, index=False)
    return str(path)


@pytest.mark.parametrize("command", [("score", "-f", "json"), ("compare",), ("validate", "--all"), ("gaps", "-f", "csv")],
                         ids=" ".join)
def test_a_chunked_parquet_says_what_the_whole_one_says(parquet, monkeypatch, command):
    whole = run(*command[:1], parquet, *command[1:])
    monkeypatch.setattr(chunks, "PARQUET_ROWS", 0)
    monkeypatch.setattr(chunks, "CHUNK_ROWS", 700)
    assert chunks.plan(parquet) is not None and len(chunks.plan(parquet).bounds) >= 4
    assert run(*command[:1], parquet, *command[1:]) == whole
