"""Hostile input found by a red-team review: each must end in a located message, never a crash or a hang."""
from __future__ import annotations

import os

import pytest
import yaml
from typer.testing import CliRunner

from engine import parallel
from engine.cli import app
from engine.io import guard
from engine.numbers import NotANumber, parse_number
from engine.problems import UsageError
from engine import yamllib, yamlstrict
from engine.yamlstrict import YamlError, load_text
from tests.methods.helpers import frac, measure

RUBRIC = os.path.join(os.path.dirname(__file__), "cases", "invalid", "rubric.yaml")


def located(text):
    with pytest.raises(YamlError) as e:
        load_text(text)
    return e.value.line, e.value.col, e.value.message


DEEP = "nesting deeper than 64 levels"
NESTED = {  # text -> where its 65th level opens
    "a: " + "[" * 30000: (1, 67),  # the root map is the first level
    "[" * 50000: (1, 65),
    "a: " + "{a: " * 30000: (1, 256),
    "[" * 1500: (1, 65),  # under the pre-check's threshold: the parser (or its limit) meets it first
    "[" * 65 + "]" * 65: (1, 65),
    "- " * 5000 + "x": (1, 129),
    "? " * 3000 + "x": (1, 129),
    "".join(" " * i + "b:\n" for i in range(1200)): (65, 65),
}


@pytest.mark.parametrize("text", NESTED, ids=lambda t: f"{t[:6]!r}x{len(t)}")
def test_deep_nesting_refused_before_libyaml_recurses(text):
    assert located(text) == (*NESTED[text], DEEP)


def test_64_levels_are_allowed():
    data = load_text("[" * 64 + "1" + "]" * 64).data
    for _ in range(64):
        data = data[0]
    assert data == 1


def _limit_mark(text: str, at: int):
    return yaml.error.Mark("<text>", at, 0, at, text, at)


def _parser_with_a_limit(real, levels: int = 200):
    """What newer libyamls do: refuse nesting past a limit of their own, with a message of their own,
    before a single event for the outer levels has been handed out (the scanner reads ahead)."""
    def limited(text, Loader):
        opened = [i for i, ch in enumerate(text) if ch in "[{"]
        if len(opened) > levels:
            mark = _limit_mark(text, opened[levels])
            raise yaml.scanner.ScannerError("while increasing flow level", mark,
                                            "exceeded maximum nesting depth", mark)
        return real(text, Loader=Loader)
    return limited


@pytest.mark.parametrize("text", ["a: " + "[" * 30000, "[" * 500, "a: " + "{a: " * 3000])
def test_a_parser_limit_reads_as_the_engines_own(monkeypatch, text):
    """PyYAML 6.0.4's libyaml stops at 1,000 levels saying 'exceeded maximum nesting depth': the engine's
    message and place must not depend on which libyaml is installed."""
    monkeypatch.setattr(yamlstrict.yaml, "parse", _parser_with_a_limit(yaml.parse))
    monkeypatch.setattr(yamlstrict.yaml, "compose_all", _parser_with_a_limit(yaml.compose_all))
    line, col, msg = located(text)
    assert msg == DEEP and line == 1 and col in (65, 67, 256)


def test_a_parser_error_after_the_limit_is_still_its_own(monkeypatch):
    monkeypatch.setattr(yamlstrict.yaml, "compose_all", _parser_with_a_limit(yaml.compose_all, levels=2))
    assert located("a: [[[1]]]\n")[2] == "invalid YAML: exceeded maximum nesting depth"  # not too deep for us


class _PurePython(yaml.SafeLoader):
    """The loader PyYAML falls back to without libyaml: a composer that recurses in Python."""

    def resolve(self, kind, value, implicit):
        return yamlstrict._KIND_TAG.get(kind, yamlstrict._STD + "str")


@pytest.mark.parametrize("text", ["[" * 900 + "]" * 900, "- " * 1500 + "x", "a: &a [*a]"])
def test_without_libyaml_the_messages_are_the_same(monkeypatch, text):
    want = located(text)
    monkeypatch.setattr(yamllib, "_Loader", _PurePython)
    assert located(text) == want


def test_control_characters_located():
    assert located("a: 1\nb: x\x00y\n") == (2, 5, "invalid YAML: control character U+0000 is not allowed in YAML text")
    assert located("a: \x07\n")[:2] == (1, 4)


@pytest.mark.parametrize("text", ["a: 1e400", "a: " + "9" * 400, "a: 10000000000000001", "a: -2e15"])
def test_numbers_too_large(text):
    assert "is too large a number (at most 1e+15)" in located(text)[2]


@pytest.mark.parametrize("raw", ["9" * 400, "9" * 305 + "万", "1" * 20 + "亿"])
def test_number_texts_too_large(raw):
    with pytest.raises(NotANumber, match="too large"):
        parse_number(raw)


def test_spec_example_with_a_measure_word():
    n = parse_number("6000余人")
    assert (n.value, n.approximate) == (6000, True)
    assert parse_number("3万人").value == 30000
    with pytest.raises(NotANumber):
        parse_number("3万万")


def test_count_with_fractional_per_reaches_full_marks():
    m = measure("count", points=0.9, per=0.3)
    assert frac(m, 3) == 1.0


def test_worker_that_dies_does_not_hang_the_batch():
    parent = os.getpid()

    def fn(item, shared):
        if item == 7 and os.getpid() != parent:
            os._exit(3)  # a worker killed mid-batch (a segfault, the OOM killer)
        return item * shared

    items = list(range(parallel.MIN_FILES + 20))
    assert list(parallel.map_ordered(fn, items, 2, jobs=2)) == [i * 2 for i in items]


@pytest.mark.parametrize("where", ["submissions/x.json", "a/rubrics/b/x.json", "/tmp/submissions/r.csv"])
def test_never_writes_into_rubrics_or_submissions(where, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match="never writes into"):
        guard(tmp_path / where if not where.startswith("/") else __import__("pathlib").Path(where))


def test_never_writes_into_an_input_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in" / "x").mkdir(parents=True)
    (tmp_path / "in" / "x" / "2024.yaml").write_text(
        "rubric: bad-input-demo\nsubject: {id: x, name: X}\nperiod: 2024\nvalues:\n  D1.M02: 95\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["score", "in", "--rubric", RUBRIC, "-f", "json", "-o", "in/x/out.json", "--lang", "en"],
                           catch_exceptions=False)
    assert r.exit_code == 2 and "holds this command's input" in r.stderr
    assert not (tmp_path / "in" / "x" / "out.json").exists()


def test_fifo_is_a_usage_error(tmp_path):
    fifo = tmp_path / "f.yaml"
    os.mkfifo(fifo)
    r = CliRunner().invoke(app, ["validate", str(fifo), "--rubric", RUBRIC], catch_exceptions=False)
    assert r.exit_code == 2 and "not a regular file or folder" in r.stderr


def test_missing_rubrics_dir_is_a_usage_error(tmp_path):
    (tmp_path / "s.yaml").write_text("rubric: x\nsubject: s\nperiod: 2024\n", encoding="utf-8")
    r = CliRunner().invoke(app, ["validate", str(tmp_path / "s.yaml"), "--rubrics-dir", str(tmp_path / "nope")],
                           catch_exceptions=False)
    assert r.exit_code == 2 and "no such rubrics folder" in r.stderr


def test_unquoted_float_version_still_matches(tmp_path):
    rubrics = tmp_path / "rubrics"
    rubrics.mkdir()
    text = open(RUBRIC, encoding="utf-8").read().replace('version: "2"', "version: 1.10")
    (rubrics / "r.yaml").write_text(text, encoding="utf-8")
    sub = tmp_path / "s.yaml"
    sub.write_text("rubric: bad-input-demo@1.10\nsubject: {id: x, name: X}\nperiod: 2024\nvalues:\n  D1.M02: 95\n",
                   encoding="utf-8")
    r = CliRunner().invoke(app, ["validate", str(sub), "--rubrics-dir", str(rubrics)], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
