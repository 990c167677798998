"""Every command, in every format, gives the same result for a long table of N subjects as for the same
data written as N per-subject files (issue 12): only the places (FILE:LINE:COL) differ."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from tests.batch.test_cli_long import NAMES, VALUES, write
from tests.tabular.helpers import RUBRIC

HEADER = ("subject", "subject_name", "period", "measure", "value", "rubric")
FRAME = re.compile(r"[\s\u2500-\u257f]+")
"""Spaces and box-drawing characters: a table's columns are as wide as its longest file name."""
PLACE = re.compile(r"(?:[\w./-]+/)?(?:long|\d{4})\.csv(?::\d+)*")
"""A file name with its line and column, as the two inputs write it."""
NUMBERED = re.compile(r"\b(line|col|startLine|startColumn)(\W{1,3})\d+")
"""A line or column number as the CI formats write it (file=x,line=2 / line="2")."""
LINE_COL = re.compile(r"\b\d+:\d+\b")
"""LINE:COL in a JUnit test case's name."""
PLACE_KEYS = ("file", "parts", "source", "line", "col", "region", "artifactLocation")


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def lay_out(root: Path, values: dict) -> None:
    """long.csv and subs/<subject>/<period>.csv; a cell given as a tuple is (value, reason, approved_by,
    expires): a waiver (SPEC 9), written in the waiver columns of both."""
    (root / "rubrics").mkdir(parents=True, exist_ok=True)
    (root / "rubrics" / "demo.yaml").write_text(RUBRIC, encoding="utf-8")
    waived = any(isinstance(v, tuple) for cells in values.values() for v in cells.values())
    header = HEADER + (WAIVER_HEADER if waived else ())

    def row(s, p, m, v):
        cells = v if isinstance(v, tuple) else (v, "", "", "")
        return (s, NAMES[s], p, m, cells[0], "demo@1") + (cells[1:] if waived else ())

    write(root / "long.csv", header, [row(s, p, m, v) for (s, p), cells in values.items() for m, v in cells.items()])
    for (s, p), cells in values.items():
        write(root / "subs" / s / f"{p}.csv", header, [row(s, p, m, v) for m, v in cells.items()])


BAD = {**VALUES, ("wh", "2024"): {**VALUES[("wh", "2024")], "D1.M02": "lots", "D2.M01": "3.6万余"}}
"""One subject with a value that is no number (an error) and one approximate value (a warning)."""


WAIVER_HEADER = ("reason", "approved_by", "expires")
WAIVED = {**VALUES,
          ("jc", "2024"): {**VALUES[("jc", "2024")], "D1.M03": ("waived", "本市无此项", "自治区民委", "2099-12-31")},
          ("bt", "2024"): {**VALUES[("bt", "2024")], "D2.M04": ("不适用", "未开展实地察看", "市委统战部", "")},
          ("wh", "2024"): {**BAD[("wh", "2024")], "D2.M03": ("豁免", "无", "民委", "2099-01-01")}}
"""Three subjects each waiving a measure (SPEC 9), one of them also invalid: a table's waivers score, and are
listed, as the same subjects' files' waivers are."""


@pytest.fixture(params=["valid", "one-invalid", "waived"])
def tree(request, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lay_out(tmp_path, {"valid": VALUES, "one-invalid": BAD, "waived": WAIVED}[request.param])
    return tmp_path


def placeless(text: str) -> str:
    return LINE_COL.sub("N:N", NUMBERED.sub(r"\1\2N", PLACE.sub("<place>", text)))


def lines(text: str) -> list[str]:
    """The output's lines with places blanked, sorted (a table lists subjects in its own order)."""
    return sorted(FRAME.sub(" ", placeless(line)).strip() for line in text.splitlines())


def both(*args):
    return run(*args[:1], "long.csv", *args[1:]), run(*args[:1], "subs", *args[1:])


def same_run(a, b) -> None:
    assert a.exit_code == b.exit_code, (a.output, b.output)
    assert lines(a.stderr) == lines(b.stderr)


def same_output(a, b, fmt: str) -> None:
    """The same exit code, messages and output, places aside."""
    same_run(a, b)
    if fmt in ("json", "sarif"):
        json_equal(a.stdout, b.stdout)
    else:
        assert lines(a.stdout) == lines(b.stdout)


def json_equal(a: str, b: str) -> None:
    def norm(x):
        if isinstance(x, dict):
            return {placeless(k): norm(v) for k, v in x.items() if k not in PLACE_KEYS}  # ratings: {file: [..]}
        if isinstance(x, list):
            return sorted((norm(v) for v in x), key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
        return placeless(x) if isinstance(x, str) else x

    assert norm(json.loads(a)) == norm(json.loads(b))


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "html", "table"])
def test_score(tree, fmt):
    a, b = both("score", "-f", fmt, "-o", "-")
    same_output(a, b, fmt)


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "table"])
@pytest.mark.parametrize("by", ["measure", "owner", "indicator"])
def test_gaps(tree, fmt, by):
    a, b = both("gaps", "-f", fmt, "--by", by, "-o", "-")
    same_output(a, b, fmt)


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown", "table"])
def test_compare(tree, fmt):
    a, b = both("compare", "-f", fmt, "-o", "-")
    same_output(a, b, fmt)


@pytest.mark.parametrize("fmt", ["json", "text", "github", "junit", "sarif"])
def test_check(tree, fmt):
    a, b = both("check", "-f", fmt, "--min-score", "50", "-o", "-")
    same_output(a, b, fmt)


@pytest.mark.parametrize("flag", [[], ["-v"], ["-q"]])
def test_validate(tree, flag):
    a, b = both("validate", *flag, "--lang", "en")
    assert a.exit_code == b.exit_code
    summary = re.compile(r"^\d+ (file|submission)\(s\).*checked: ")
    assert [x for x in lines(a.stderr) if not summary.match(x)] == [x for x in lines(b.stderr) if not summary.match(x)]
    assert "4 submission(s) in 1 file(s) checked" in a.stderr and "4 file(s) checked" in b.stderr


def test_report(tree):
    a, b = run("report", "long.csv", "-o", "out-a"), run("report", "subs", "-o", "out-b")
    assert a.exit_code == b.exit_code
    assert lines(a.stderr) == lines(b.stderr)
    fa = sorted(p.relative_to(tree / "out-a").as_posix() for p in (tree / "out-a").rglob("*") if p.is_file())
    fb = sorted(p.relative_to(tree / "out-b").as_posix() for p in (tree / "out-b").rglob("*") if p.is_file())
    assert fa == fb and fa
    for rel in fa:
        ta, tb = ((tree / d / rel).read_text(encoding="utf-8") for d in ("out-a", "out-b"))
        if rel.endswith(".json"):
            json_equal(ta, tb)
        else:
            assert lines(ta) == lines(tb), rel


def test_check_annotates_a_long_table_at_its_rows_and_columns(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    lay_out(tmp_path, BAD)
    out = run("check", "long.csv", "-f", "github", "--min-score", "50").stdout.splitlines()
    rows = (tmp_path / "long.csv").read_text(encoding="utf-8").splitlines()
    bad = next(i for i, r in enumerate(rows, 1) if ",D1.M02,lots," in r)
    first_jc_2023 = next(i for i, r in enumerate(rows, 1) if r.startswith("jc,金昌市,2023,"))
    assert f"::error file=long.csv,line={bad},col=5,title=scorecard type D1.M02::D1.M02: linear: expected a " \
           "number, got 'lots'" in out
    assert f"::error file=long.csv,line={first_jc_2023},col=1,title=scorecard below-score::金昌市 2023: total 16 " \
           "is below the required 50" in out  # a bar is failed where the subject starts
