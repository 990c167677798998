"""scorecard init: the modeline points at a schema that exists, seen from wherever the file is written, and
every file init writes passes validate as far as its place goes (or init refuses, saying where it belongs)."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from tests.cli.test_init_cli import RUBRIC

MODELINE = "# yaml-language-server: $schema="


@pytest.fixture
def proj(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "demo.yaml").write_text(RUBRIC, encoding="utf-8")
    assert run("schema", "rubrics/demo.yaml", "-o", "docs/schemas/demo.schema.json").exit_code == 0
    return tmp_path


def run(*args):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def init(*args):
    return run("init", "rubrics/demo.yaml", "--subject", "jc", "--period", "2024", *args)


def schema_of(path: Path) -> Path | None:
    """The file the modeline of ``path`` points at, resolved from the file's own folder as editors do."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    return (path.parent / first[len(MODELINE):]).resolve() if first.startswith(MODELINE) else None


def assert_validates(path: str):
    v = run("validate", path, "--rubric", "rubrics/demo.yaml")
    assert v.exit_code == 0 and "disagrees" not in v.output, v.output


@pytest.mark.parametrize("out", ["mine.yaml", "jc/2024.yaml", "out/jc/2024.yaml", "a/b/c/jc/2024.yaml",
                                 "a/jc/2024.self.yaml", "deep/er/mine.yaml"])
def test_modeline_points_at_the_committed_schema_from_any_depth(proj, out):
    r = init("-o", out)
    assert r.exit_code == 0, r.output
    assert schema_of(proj / out) == (proj / "docs/schemas/demo.schema.json").resolve()
    assert_validates(out)


def test_outside_the_project_the_path_still_resolves(proj, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "jc" / "2024.yaml"
    assert init("-o", str(elsewhere)).exit_code == 0
    assert schema_of(elsewhere) == (proj / "docs/schemas/demo.schema.json").resolve()


def test_the_rubrics_project_schema_is_found_from_another_folder(proj, monkeypatch):
    (proj / "work").mkdir()
    monkeypatch.chdir(proj / "work")
    r = run("init", "../rubrics/demo.yaml", "--subject", "jc", "--period", "2024", "-o", "jc/2024.yaml")
    assert r.exit_code == 0, r.output
    assert schema_of(proj / "work/jc/2024.yaml") == (proj / "docs/schemas/demo.schema.json").resolve()


def test_printed_the_modeline_is_seen_from_the_documented_place_and_says_so(proj):
    r = init()
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == MODELINE + "../../docs/schemas/demo.schema.json"
    assert "seen from submissions/jc/2024.yaml" in lines[1]
    place = proj / "submissions/jc/2024.yaml"
    place.parent.mkdir(parents=True)
    place.write_text(r.stdout, encoding="utf-8")
    assert schema_of(place) == (proj / "docs/schemas/demo.schema.json").resolve()


@pytest.mark.parametrize("how", ["missing", "stale", "not-json", "folder"])
def test_no_modeline_when_there_is_no_schema_for_this_rubric(proj, how):
    schema = proj / "docs/schemas/demo.schema.json"
    if how == "missing":
        schema.unlink()
    elif how == "stale":  # generated for another version of the rubric
        schema.write_text(json.dumps({**json.loads(schema.read_text()), "$id": "urn:scorecard:demo:0"}))
    elif how == "not-json":
        schema.write_text("{")
    else:
        schema.unlink()
        schema.mkdir()
    r = init("-o", "jc/2024.yaml")
    assert r.exit_code == 0, r.output
    text = (proj / "jc/2024.yaml").read_text(encoding="utf-8")
    assert not any(ln.startswith(MODELINE) for ln in text.splitlines()) and "scorecard schema <rubric file> -o docs/schemas/demo.schema.json" in text
    assert_validates("jc/2024.yaml")


def test_a_given_schema_path_is_written_as_given(proj):
    assert init("-o", "a/jc/2024.yaml", "--schema-path", "https://example.org/s.json").exit_code == 0
    assert (proj / "a/jc/2024.yaml").read_text(encoding="utf-8").startswith(MODELINE + "https://example.org/s.json\n")


@pytest.mark.parametrize("out, fix", [("by/2024.yaml", "jc/2024.yaml"), ("x/by/2024.yaml", "x/jc/2024.yaml"),
                                      ("jc/2023.yaml", "jc/2024.yaml"), ("by/2024.xlsx", "jc/2024.xlsx"),
                                      ("by/2024.self.yaml", "jc/2024.self.yaml")])
def test_a_place_validate_would_refuse_is_refused_saying_where_it_belongs(proj, out, fix):
    fmt = ["--format", "xlsx"] if out.endswith(".xlsx") else []
    r = init("-o", out, *fmt)
    assert r.exit_code == 2 and not (proj / out).exists()
    assert f"-o {out}: " in r.stderr and "disagrees" in r.stderr and f"write it to {fix}" in " ".join(r.stderr.split())


@pytest.mark.parametrize("subject, period, out", [
    ("jc", "2024", "jc/2024.yaml"), ("jc", "2024H1", "jc/2024H1.yaml"), ("金昌", "2024", "x/金昌/2024.yaml"),
    ("a b", "2024", "a b/2024.yaml"), ("jc", "2024", "jc/notes.yaml"), ("jc", "2024", "2024.yaml"),
    ("true", "2024", "true/2024.yaml"), ("jc", "2024", "jc/2024.xlsx"), ("x.y", "2024", "x.y/2024.yaml")])
def test_every_template_init_writes_validates_without_a_path_error(proj, subject, period, out):
    fmt = ["--format", "xlsx"] if out.endswith(".xlsx") else []
    r = run("init", "rubrics/demo.yaml", "--subject", subject, "--period", period, "-o", out, *fmt)
    assert r.exit_code == 0, r.output
    assert_validates(out)


@pytest.mark.parametrize("out", [None, "jc/x.yaml"])
def test_a_header_validate_would_refuse_is_refused(proj, out):
    r = run("init", "rubrics/demo.yaml", "--subject", "jc", "--period", " ", *(["-o", out] if out else []))
    assert r.exit_code == 2 and "period should be a year or a text" in r.stderr and r.stdout == ""
    assert out is None or not (proj / out).exists()
