"""`scorecard score` and `scorecard compare` on a long table: the same results as per-subject files."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.readers.long_table import is_long_table
from engine.cli import app
from tests.tabular.helpers import RUBRIC

VALUES = {  # (subject, period) -> measure -> cell
    ("jc", "2023"): {"D1.M01": "false", "D1.M02": "70%", "D2.M03": "3", "X.V01": "否"},
    ("jc", "2024"): {"D1.M01": "true", "D1.M02": "85%", "D1.M03": "3.6万", "D2.M01": "95", "D2.M02": "省级",
                     "D2.M04": "4;5;3", "X.B01": "2", "X.V01": "否"},
    ("wh", "2024"): {"D1.M01": "是", "D1.M02": "60", "D2.M01": "61", "X.D01": "true"},
    ("bt", "2024"): {"D1.M01": "true", "D1.M02": "85", "D1.M03": "40000", "D2.M01": "95", "D2.M02": "国家级",
                     "D2.M03": "5", "D2.M04": "5", "X.V01": "true"},
}
NAMES = {"jc": "金昌市", "wh": "乌海市", "bt": "包头市"}


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def files(tmp_path, monkeypatch):
    """rubrics/demo.yaml, long.csv (every subject and period, rubric named in a column) and the same values as
    one CSV per subject and period under subs/<subject>/<period>.csv."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "demo.yaml").write_text(RUBRIC, encoding="utf-8")
    rows = [(s, NAMES[s], p, m, v, "demo@1") for (s, p), cells in VALUES.items() for m, v in cells.items()]
    write(tmp_path / "long.csv", ("subject", "subject_name", "period", "measure", "value", "rubric"), rows)
    for (s, p), cells in VALUES.items():
        one = [(s, NAMES[s], p, m, v, "demo@1") for m, v in cells.items()]
        write(tmp_path / "subs" / s / f"{p}.csv", ("subject", "subject_name", "period", "measure", "value", "rubric"),
              one)
    return tmp_path


def write(path: Path, header, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([header, *rows])


def without_file(items):
    """The results with their places left out: the file, its parts, each value's source and the file that
    gave each rating (a table's and a file's places differ; nothing else may)."""
    def measure(m):
        out = {k: v for k, v in m.items() if k != "source"}
        if "ratings" in out:
            out["ratings"] = sorted(out["ratings"].values())
        return out
    return [{k: [measure(m) for m in v] if k == "measures" else v for k, v in d.items() if k not in ("file", "parts")}
            for d in items]


def test_a_long_table_is_told_apart_by_its_subjects(files):
    assert is_long_table(files / "long.csv")
    assert not is_long_table(files / "subs" / "jc" / "2024.csv")  # one subject: a per-subject table
    assert is_long_table(files / "subs" / "jc" / "2024.csv", force=True)
    assert not is_long_table(files / "rubrics" / "demo.yaml")


def test_score_json_equals_per_subject_files(files):
    long, per_file = run("score", "long.csv", "--format", "json"), run("score", "subs", "--format", "json")
    assert long.exit_code == 0 and per_file.exit_code == 0, long.output
    mine, theirs = json.loads(long.stdout), json.loads(per_file.stdout)
    key = lambda d: (d["subject"]["id"], d["period"])  # noqa: E731
    assert without_file(sorted(mine, key=key)) == without_file(sorted(theirs, key=key))


def test_score_csv_equals_per_subject_files(files):
    long, per_file = run("score", "long.csv", "--format", "csv"), run("score", "subs", "--format", "csv")
    assert long.exit_code == 0, long.output
    order = lambda text: sorted(text.splitlines()[1:])  # noqa: E731
    assert long.stdout.splitlines()[0] == per_file.stdout.splitlines()[0]
    assert order(long.stdout) == order(per_file.stdout)


def test_compare_equals_per_subject_files(files):
    for fmt in ("json", "csv", "markdown"):
        long, per_file = run("compare", "long.csv", "--format", fmt), run("compare", "subs", "--format", fmt)
        assert long.exit_code == 0, long.output
        assert long.stdout == per_file.stdout
    data = json.loads(run("compare", "long.csv", "--format", "json").stdout)
    assert [(s["rank"], s["subject"]["id"]) for s in data[0]["league"]["standings"]] == [(1, "jc"), (2, "wh"), (3, "bt")]
    assert [t["subject"]["id"] for t in data[0]["trends"]] == ["jc"]
    period = run("compare", "long.csv", "--format", "json", "--period", "2023")
    assert json.loads(period.stdout)[0]["league"]["absent"] == [{"subject": {"id": "bt", "name": "包头市"},
                                                              "latest_period": 2024},
                                                             {"subject": {"id": "wh", "name": "乌海市"},
                                                              "latest_period": 2024}]


def test_invalid_subjects_are_left_out_with_exit_code_1(files):
    line = len((files / "long.csv").read_text(encoding="utf-8").splitlines()) + 1
    with open(files / "long.csv", "a", encoding="utf-8") as f:
        f.write("nm,内蒙,2024,D1.M02,很多,demo@1\nnm,内蒙,2024,D1.M0X,1,demo@1\n")
    r = run("score", "long.csv", "--format", "json", "--lang", "en")
    assert r.exit_code == 1
    assert f"long.csv:{line}:5: D1.M02: linear: expected a number, got '很多'" in r.stderr
    assert f"long.csv:{line + 1}:4: D1.M0X: 'D1.M0X' is not a measure of this rubric (did you mean 'D1.M03'?)" \
        in r.stderr
    assert "1 of 5 submission(s) invalid" in r.stderr  # the words N files get (issue 12)
    assert sorted(d["subject"]["id"] for d in json.loads(r.stdout)) == ["bt", "jc", "jc", "wh"]
    assert run("compare", "long.csv", "--format", "csv").exit_code == 1


def test_no_rubric_and_a_broken_table(files):
    write(files / "bare.csv", ("subject", "period", "measure", "value"), [("a", "1", "D1.M01", "true"),
                                                                         ("b", "1", "D1.M01", "true")])
    r = run("score", "bare.csv", "--format", "csv")
    assert r.exit_code == 1 and "no rubric: name one in the submission's 'rubric:' or pass --rubric" in r.stderr
    (files / "bad.csv").write_text("subject,period,measure,value\na,1,D1.M01,true\nb,1,D1.M01,true,x\n",
                                   encoding="utf-8")
    r = run("compare", "bad.csv", "--rubric", "rubrics/demo.yaml")
    assert r.exit_code == 1 and "bad.csv:3:1: not a readable CSV row: Expected 4 fields in line 3, saw 5" in r.stderr


def test_long_forces_a_one_subject_table(files):
    r = run("score", "subs/wh/2024.csv", "--long", "--format", "json")
    # a long table is many submissions: an array, even when its rows name one subject
    assert r.exit_code == 0 and [c["subject"] for c in json.loads(r.stdout)] == [{"id": "wh", "name": "乌海市"}]


def test_parquet(files):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    pd.read_csv(files / "long.csv", dtype=str, keep_default_na=False).to_parquet(files / "long.parquet")
    assert is_long_table(files / "long.parquet")
    assert run("compare", "long.parquet", "--format", "json").stdout == run("compare", "long.csv", "--format",
                                                                            "json").stdout


NO_PANDAS = """
import sys
from typer.testing import CliRunner
import engine.cli
from engine.cli import app
from engine.readers.long_table import is_long_table
runner = CliRunner()
for args in (["validate", "subs/jc/2024.csv", "subs"], ["check", "subs/jc/2024.csv"], ["check", "subs"]):
    r = runner.invoke(app, args, catch_exceptions=False)
    assert r.exit_code in (0, 1), r.output
assert is_long_table("long.csv")
assert "pandas" not in sys.modules, "the validate/check path imported pandas"  # only a long table needs it
print("ok")
"""


def test_validate_and_check_never_import_pandas(files):
    top = str(Path(__file__).resolve().parents[2])  # this checkout's engine, not whichever one is installed
    env = {**os.environ, "PYTHONPATH": top + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", NO_PANDAS], cwd=files, env=env, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr


def test_a_long_table_with_other_submissions(files):
    write(files / "more" / "hh" / "2024.csv", ("subject", "period", "measure", "value", "rubric"),
          [("hh", "2024", "D1.M01", "true", "demo@1"), ("hh", "2024", "D1.M02", "88", "demo@1")])
    write(files / "subs" / "hh" / "2024.csv", ("subject", "period", "measure", "value", "rubric"),
          [("hh", "2024", "D1.M01", "true", "demo@1"), ("hh", "2024", "D1.M02", "88", "demo@1")])
    for fmt in ("json", "csv"):
        mixed, per_file = run("compare", "long.csv", "more", "--format", fmt), run("compare", "subs", "--format", fmt)
        assert mixed.exit_code == 0, mixed.output
        assert mixed.stdout == per_file.stdout
    scored = json.loads(run("score", "more", "long.csv", "--format", "json").stdout)
    assert [(d["subject"]["id"], d["period"]) for d in scored] == [("hh", 2024), ("jc", 2023), ("jc", 2024),
                                                                    ("wh", 2024), ("bt", 2024)]
