"""The shape of every command's JSON comes from what was asked, never from how many files were valid
(SPEC 6): exactly one file path is an object (null when it is invalid); several paths or a folder is an
array, whatever number of them is valid ([] when none is).  check -f json is always one object."""
import json

import pytest
from typer.testing import CliRunner

from engine.cli import app
from tests.compare.conftest import TREND, sub

GOOD = sub("zt", "昭通市", 2024, True, 80)
BAD = sub("km", "昆明市", 2024, "yes", 80)  # 'yes' is a string in YAML 1.2: invalid for a check
COMMANDS = ("score", "gaps", "compare")


@pytest.fixture
def files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "trend.yaml").write_text(TREND, encoding="utf-8")
    for rel, text in {"zt/2024.yaml": GOOD, "km/2024.yaml": BAD, "qj/2024.yaml": BAD.replace("km", "qj"),
                      "one/zt/2024.yaml": GOOD}.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def shape(command, *paths):
    r = run(command, *paths, "--format", "json")
    return r.exit_code, json.loads(r.stdout)


@pytest.mark.parametrize("command", COMMANDS)
def test_several_paths_are_an_array_even_when_one_is_valid(files, command):
    code, data = shape(command, "zt/2024.yaml", "km/2024.yaml")
    assert code == 1 and isinstance(data, list) and len(data) == 1


@pytest.mark.parametrize("command", COMMANDS)
def test_several_paths_none_valid_are_an_empty_array(files, command):
    assert shape(command, "km/2024.yaml", "qj/2024.yaml") == (1, [])


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_is_an_array_even_of_one(files, command):
    code, data = shape(command, "one")
    assert code == 0 and isinstance(data, list) and len(data) == 1


@pytest.mark.parametrize("command", COMMANDS)
def test_one_file_is_an_object(files, command):
    code, data = shape(command, "zt/2024.yaml")
    assert code == 0 and isinstance(data, dict)


@pytest.mark.parametrize("command", COMMANDS)
def test_one_invalid_file_is_null(files, command):
    assert shape(command, "km/2024.yaml") == (1, None)


@pytest.mark.parametrize("command", COMMANDS)
def test_written_to_a_file_the_shape_is_the_same(files, command):
    r = run(command, "zt/2024.yaml", "km/2024.yaml", "-f", "json", "-o", "out.json")
    assert r.exit_code == 1
    assert isinstance(json.loads((files / "out.json").read_text(encoding="utf-8")), list)


@pytest.mark.parametrize("paths", [("zt/2024.yaml",), ("km/2024.yaml",), ("zt/2024.yaml", "km/2024.yaml"), ("one",)])
def test_check_json_is_always_one_object_with_a_results_array(files, paths):
    r = run("check", *paths, "--format", "json")
    data = json.loads(r.stdout)
    assert isinstance(data, dict) and isinstance(data["results"], list) and len(data["results"]) == len(paths)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_says_the_rule(command):
    text = " ".join(run(command, "--help").stdout.split())
    assert "object" in text and "array" in text
