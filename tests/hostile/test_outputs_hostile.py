"""Hostile strings in what the engine writes (red-team review): JUnit stays well-formed XML 1.0 and GitHub
annotations carry no raw control characters whatever a submission key holds; the Markdown heading
escapes the subject name; `scorecard init` keeps every line of a rubric's label or guidance a comment."""
from __future__ import annotations

import re
import xml.dom.minidom
from pathlib import Path

from typer.testing import CliRunner

from engine import pipeline, template, yamlstrict
from engine import rubric as rubrics
from engine.ci.github import escape_data
from engine.ci.junit import xml_safe
from engine.cli import app

TOP = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
IR = TOP / "tests" / "cases" / "invalid" / "rubric.yaml"


def run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_junit_is_well_formed_with_control_characters_in_keys(tmp_path):
    """ci/ctl.yaml: a key holding \\x01 and an escape sequence made `check -f junit` write invalid XML."""
    out = tmp_path / "out.junit"
    r = run("check", str(DATA / "ctl.yaml"), "--rubric", str(IR), "-f", "junit", "-o", str(out))
    assert r.exit_code == 1
    text = out.read_text(encoding="utf-8")
    xml.dom.minidom.parseString(text.encode("utf-8"))  # raises on anything XML 1.0 cannot hold
    assert "\x01" not in text and "\x1b" not in text
    assert "D1.M0\ufffd\ufffd[31mRED" in text


def test_xml_safe_keeps_what_xml_allows():
    assert xml_safe("a\tb\nc\rd é 中 \U0001f600") == "a\tb\nc\rd é 中 \U0001f600"
    assert xml_safe("\x00\x08\x0b\x0c\x1f\ufffe\uffff\ud800") == "\ufffd" * 8


def test_github_annotations_have_no_raw_control_characters():
    r = run("check", str(DATA / "ctl.yaml"), "--rubric", str(IR), "-f", "github")
    assert r.exit_code == 1
    annotations = [ln for ln in r.stdout.splitlines() if ln.startswith("::")]
    assert len(annotations) == 4  # one per problem: the \n in a key did not start a second command
    for line in annotations:
        assert not re.search("[\x00-\x1f\x7f-\x9f]", line), repr(line)
    assert "D1.M0\\x01\\x1b[31mRED" in r.stdout  # shown as visible escapes (engine.safe_text.visible)


def test_escape_data():
    assert escape_data("a\x01b\x1b[0m\x7f\x85%\r\n\tz") == "a\\x01b\\x1b[0m\\x7f\\x85%25\\r\\n\\tz"


SUB = """\
rubric: bad-input-demo
subject: {id: x, name: "<script>alert(1)</script> | 市\\r\\n# h1"}
period: "2024<b>"
values:
  D1.M02: 95
"""


def test_markdown_heading_escapes_the_subject(tmp_path):
    path = tmp_path / "sub.yaml"
    path.write_text(SUB, encoding="utf-8")
    r = run("score", str(path), "--rubric", str(IR), "-f", "markdown")
    assert r.exit_code == 0, r.stderr
    first = r.stdout.splitlines()[0]
    assert first.startswith("# &lt;script>alert(1)&lt;/script> \\| 市 # h1 · 2024&lt;b> · ")
    assert "<script" not in r.stdout and "<b>" not in r.stdout


def test_init_keeps_multiline_labels_and_guidance_commented(tmp_path):
    """init/ri.yaml: labels, a unit and a unit name holding \\n, \\r\\n, U+2028 and U+0085, and a
    guidance whose lines look like YAML keys."""
    rubric_path = DATA / "ri.yaml"
    rubric = rubrics.load(rubric_path)
    text = template.yaml_template(rubric, template.Header("x", "x", "2024"))
    lines = text.split("\n")
    assert lines[-1] == "" and not re.search("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]", text)
    header = {"rubric: ri@1", "subject: {id: x, name: x}", "period: 2024", "values:"}
    assert all(ln in header or ln.strip() == "" or ln.lstrip().startswith("#") for ln in lines), lines
    assert yamlstrict.load_text(text).data == {"rubric": "ri@1", "subject": {"id": "x", "name": "x"},
                                               "period": 2024, "values": None}
    path = tmp_path / "x" / "2024.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    out = pipeline.run_one(path, pipeline.RubricFinder(str(rubric_path)), scoring=False)
    assert out.ok and [p for p in out.problems if p.level != "info"] == []


def test_init_cli_template_validates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run("init", str(DATA / "ri.yaml"), "--subject", "x", "--period", "2024", "-o", "x/2024.yaml")
    assert r.exit_code == 0, r.stderr
    r = run("validate", "x/2024.yaml", "--rubric", str(DATA / "ri.yaml"))
    assert r.exit_code == 0, r.stderr


def test_template_scalars_survive_yaml_line_breaks():
    for text in ["a\u2028b", "x\x7fy\x85z", 'q"\n\t', "市\r\n名"]:
        assert yamlstrict.load_text("k: " + template._scalar(text)).data["k"] == text
