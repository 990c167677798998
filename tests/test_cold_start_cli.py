"""The quick path of `scorecard check` and `scorecard validate` (engine.cli.quick): it reads a command line as
typer does or leaves it to typer, prints and exits as typer's command does, and the check path imports none of
typer, click, jsonschema or pandas, on a cache hit or a miss."""
from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from engine.cli import build, check_cmd, quick, validate_cmd

TOP = Path(__file__).resolve().parent.parent
MODULES = {"check": (check_cmd, check_cmd.checked), "validate": (validate_cmd, validate_cmd.validated)}


def click_command(name: str):
    return get_command(build([name])).commands[name]


def kind_of(param):
    """The WORDS type for a click option, from its click type's name."""
    if param.is_flag:
        return bool
    kinds = {"float": float, "path": Path, "text": str, "str": str}
    if param.type.name == "choice":
        return tuple(getattr(c, "value", c) for c in param.type.choices)
    return kinds[param.type.name]


@pytest.mark.parametrize("name", MODULES)
def test_the_words_are_the_options_typer_reads(name):
    module, body = MODULES[name]
    options = [p for p in click_command(name).params if p.param_type_name == "option" and p.name != "help"]
    assert {opt: (p.name, kind_of(p)) for p in options for opt in p.opts} == module.WORDS
    defaults = {k: v.default for k, v in inspect.signature(body).parameters.items() if k != "paths"}
    assert defaults == {p.name: getattr(p.default, "value", p.default) for p in options}


def typer_reads(name: str, args: list[str], monkeypatch) -> dict | None:
    """What typer's command hands the body for this command line; None when typer refuses it."""
    module, body = MODULES[name]
    seen = []
    monkeypatch.setattr(module, body.__name__, lambda *a: seen.append(inspect.signature(body).bind(*a).arguments))
    result = CliRunner().invoke(build([name]), [name, *args])
    if not seen:
        assert result.exit_code == 2, result.output
        return None
    return seen[0]


def quick_reads(name: str, args: list[str]) -> dict | None:
    module, body = MODULES[name]
    values = quick.parse(module.WORDS, args)
    if values is None:
        return None
    return inspect.signature(body).bind(**values).arguments


def read_as(body, **given) -> dict:
    bound = inspect.signature(body).bind(**given)
    bound.apply_defaults()
    return dict(bound.arguments)


READ = [
    ("check", ["a.yaml"]),
    ("check", ["a.yaml", "b.yaml", "-r", "R.yaml", "--rubrics-dir", "rs"]),
    ("check", ["--rubric=R.yaml", "a.yaml", "--min-grade", "合格"]),
    ("check", ["-rR.yaml", "a.yaml"]),
    ("check", ["-vf", "json", "a.yaml"]),
    ("check", ["-vfjunit", "a.yaml", "-o", "-"]),
    ("check", ["a.yaml", "--min-score", "-5", "--min-score=1e2"]),
    ("check", ["--", "-a.yaml", "--rubric"]),
    ("check", ["a.yaml", "--format", "junit", "--format=sarif", "--long", "--as-of", "2024-01-01"]),
    ("check", ["--policy", "p.yaml", "a.yaml", "--output", "", "-"]),
    ("check", ["-r", "--", "a.yaml"]),
    ("validate", ["-qv", "a.yaml", "--all"]),
    ("validate", ["a.yaml", "--quiet", "-v", "--long", "--as-of=2024-06-30", "-r", "R.yaml"]),
]
LEFT_TO_TYPER = [
    ("check", []), ("check", ["--help"]), ("check", ["a.yaml", "-h"]), ("check", ["a.yaml", "--bogus"]),
    ("check", ["a.yaml", "--rubric"]), ("check", ["a.yaml", "-f"]), ("check", ["a.yaml", "--format", "nope"]),
    ("check", ["a.yaml", "--min-score", "many"]), ("check", ["a.yaml", "--long=yes"]), ("check", ["-x", "a.yaml"]),
    ("check", ["a.yaml", "-vx"]), ("check", ["a.yaml", "--no-verbose"]), ("validate", ["a.yaml", "--output", "o"]),
    ("validate", ["--"]),
]


@pytest.mark.parametrize("name, args", READ)
def test_a_command_line_is_read_as_typer_reads_it(name, args, monkeypatch):
    expected = typer_reads(name, args, monkeypatch)
    assert expected is not None
    assert read_as(MODULES[name][1], **quick_reads(name, args)) == expected


@pytest.mark.parametrize("name, args", LEFT_TO_TYPER)
def test_anything_else_is_left_to_typer(name, args):
    assert quick_reads(name, args) is None


def test_an_unreadable_existing_path_is_left_to_typer(tmp_path, monkeypatch):
    policy = tmp_path / "p.yaml"
    policy.write_text("min_grade: pass\n")
    assert quick_reads("check", ["a.yaml", "--policy", str(policy)])["policy"] == policy
    monkeypatch.setattr(quick.os, "access", lambda path, mode: False)  # as for a user who may not read it
    assert quick_reads("check", ["a.yaml", "--policy", str(policy)]) is None
    assert quick_reads("check", ["a.yaml", "--policy", str(tmp_path / "absent.yaml")]) is not None


def run(args: list[str], via_typer: bool, cache: Path, cwd: Path = TOP) -> subprocess.CompletedProcess:
    code = ("import sys; from engine.cli import build; sys.argv = ['scorecard', *sys.argv[1:]]; "
            "build([sys.argv[1]])()") if via_typer else "from engine.cli import main; main()"
    env = {**os.environ, "PYTHONPATH": str(TOP), "SCORECARD_CACHE_DIR": str(cache), "COLUMNS": "100"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env, capture_output=True, text=True)


SAME = [
    ["check", "submissions/baotou/2022.yaml"],
    ["check", "submissions/", "--min-grade", "pass", "-f", "json"],
    ["check", "submissions/baotou/2022.yaml", "--min-grade", "nope"],
    ["check", "no/such.yaml"],
    ["check", "submissions/baotou/2022.yaml", "--rubric", "no/such.yaml"],
    ["validate", "submissions/", "-q"],
]


@pytest.mark.parametrize("args", SAME, ids=" ".join)
def test_it_prints_and_exits_as_typer_does(args, tmp_path):
    mine, typers = run(args, False, tmp_path / "a"), run(args, True, tmp_path / "b")
    assert (mine.returncode, mine.stdout, mine.stderr) == (typers.returncode, typers.stdout, typers.stderr)


def test_an_invalid_submission_fails_as_with_typer(tmp_path):
    bad = tmp_path / "2022.yaml"
    bad.write_text((TOP / "submissions/baotou/2022.yaml").read_text(encoding="utf-8") + "  NOPE.M01: {value: 1}\n",
                   encoding="utf-8")
    args = ["check", str(bad), "--rubrics-dir", str(TOP / "rubrics")]
    mine, typers = run(args, False, tmp_path / "a"), run(args, True, tmp_path / "b")
    assert mine.returncode == typers.returncode == 1
    assert (mine.stdout, mine.stderr) == (typers.stdout, typers.stderr)
    assert "NOPE.M01" in mine.stdout + mine.stderr


SPY = ("import atexit, sys\n"
       "atexit.register(lambda: print(' '.join(sorted(sys.modules)), file=sys.__stderr__))\n"
       "from engine.cli import main\nmain()\n")
HEAVY = {"typer", "click", "jsonschema", "pandas", "numpy", "engine.html", "engine.policy", "engine.formats.table"}


@pytest.mark.parametrize("command", ["check", "validate"])
def test_the_check_path_imports_nothing_it_does_not_use(command, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(TOP), "SCORECARD_CACHE_DIR": str(tmp_path)}
    for _ in ("a cache miss", "a cache hit"):
        done = subprocess.run([sys.executable, "-c", SPY, command, "submissions/baotou/2022.yaml"], cwd=TOP, env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        loaded = set(done.stderr.strip().splitlines()[-1].split())
        assert "engine.gate" in loaded or command == "validate"
        assert not {m.split(".")[0] for m in loaded} & HEAVY
        assert not loaded & HEAVY
