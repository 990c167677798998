"""scorecard sensitivity on the hand-made league of conftest.py."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from engine.cli import app


def cli(*args):
    return CliRunner().invoke(app, ["sensitivity", *args], catch_exceptions=False)


def test_json_at_zero_noise(files):
    r = cli("subs", "--weights", "0", "--runs", "20", "--seed", "1", "-f", "json")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert (doc["runs"], doc["seed"], doc["weights"], doc["raters"]) == (20, 1, 0.0, False)
    ranked = [(s["subject"], s["rank"], s["median_rank"], s["rank_low"], s["rank_high"], s["grade"])
              for s in doc["subjects"]]
    assert ranked == [("s3", 1, 1, 1, 1, "a"), ("s1", 2, 2, 2, 2, "a"), ("s4", 2, 2, 2, 2, "a"),
                      ("s2", 4, 4, 4, 4, "f")]
    assert doc["subjects"][0]["grades"] == {"a": 1.0, "f": 0.0}
    assert [(s["subject"], "rank" in s, s["grades"]) for s in doc["unranked"]] == [("s5", False, {"a": 0.0, "f": 1.0})]


def test_same_seed_same_output(files, tmp_path):
    a = cli("subs", "--raters", "--runs", "200", "--seed", "4", "-f", "json").stdout
    b = cli("subs", "--raters", "--runs", "200", "--seed", "4", "-f", "json", "-o", str(tmp_path / "o.json"))
    assert b.exit_code == 0 and (tmp_path / "o.json").read_text(encoding="utf-8") == a
    s1 = next(s for s in json.loads(a)["subjects"] if s["subject"] == "s1")
    assert 0 < s1["grades"]["a"] < 1


def test_table_lists_the_unranked_apart(files):
    r = cli("subs", "--runs", "50", "--seed", "2", "--lang", "en")
    assert r.exit_code == 0, r.output
    out = r.stdout
    assert "Robustness" in out and "median rank" in out and "Insufficient data, unranked" in out
    assert out.index("市s3") < out.index("市s1") < out.index("Insufficient data") < out.index("市s5")


def test_bad_options_are_usage_errors(files):
    for args in (["--weights", "100"], ["--weights", "-5"], ["--runs", "0"]):
        r = cli("subs", *args)
        assert r.exit_code == 2 and "Traceback" not in r.output, (args, r.output)
    assert "PCT" in cli("--help").stdout


def test_nobody_ranked_says_so_instead_of_an_empty_table():
    from pathlib import Path

    top = Path(__file__).resolve().parents[2]
    r = cli(str(top / "submissions" / "jinchang" / "2024.yaml"), "--rubrics-dir", str(top / "rubrics"),
            "--runs", "20", "--seed", "1", "--lang", "en")
    assert r.exit_code == 0, r.output
    assert "No subject is ranked" in r.stdout and "median rank" not in r.stdout  # Jinchang's 24% < 0.8
    assert "Insufficient data, unranked" in r.stdout and "100%" in r.stdout
