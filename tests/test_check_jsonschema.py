"""check-jsonschema, the usual CI/pre-commit way to check YAML against a JSON Schema, agrees with
`scorecard validate` (issue 3): with the schema generated from the rubric it rejects exactly the files
validate rejects — except what no schema can see — and it accepts every shipped submission with the
committed docs/schemas/<rubric>.schema.json.  It reads YAML with ruamel.yaml as YAML 1.2 (`yes`/`on`
are strings, as in the engine), so the booleans agree."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine import pipeline
from engine import rubric as rubrics
from engine.cli import app
from engine.problems import errors
from engine.schema import submission_schema

TOP = Path(__file__).resolve().parent.parent
INVALID = TOP / "tests" / "cases" / "invalid"
RUBRIC = INVALID / "rubric.yaml"
CASES = sorted(p for p in INVALID.rglob("*.yaml") if p != RUBRIC)
SHIPPED = sorted(p for p in (TOP / "submissions").rglob("*") if p.suffix in (".yaml", ".yml", ".json"))
"""The shipped submissions check-jsonschema can read (CSV/XLSX tables are not JSON documents)."""

EXE = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent)) or shutil.which("check-jsonschema")
pytestmark = pytest.mark.skipif(EXE is None, reason="check-jsonschema is not installed: pip install -e '.[test]'")

SCHEMA_BLIND = {
    "wrongsubject/2023.yaml": "subject and period must agree with the file's path (<subject>/<period>.yaml); "
                              "the path is not part of the document a JSON Schema validates",
}
"""Files validate rejects for a reason no schema can express: check-jsonschema accepts them."""

PARSE_FAILURES = {
    "duplicate-key.yaml": "ruamel.yaml refuses duplicate keys (DuplicateKeyError), as the engine's loader does",
    "python-tag.yaml": "the safe loader has no constructor for !!python/object/apply (ConstructorError)",
    "syntax-error.yaml": "an unclosed flow mapping (ParserError)",
    "all-problems-at-once.yaml": "ruamel.yaml refuses its duplicate key before any schema sees the values",
}
"""YAML-level errors: check-jsonschema rejects these as files it cannot parse, before any schema.
(nan-value.yaml is YAML-level to the engine too, but ruamel.yaml reads `.nan` as a float; the schema
rejects it: every number in the generated schema says `not` NaN or ±infinity.)"""


def name(path: Path) -> str:
    return str(path.relative_to(INVALID))


def check(schema: Path, files: list[Path]) -> tuple[dict[Path, list[str]], set[Path]]:
    """One check-jsonschema run: each file's schema errors, and the files it could not parse."""
    r = subprocess.run([EXE, "--output-format", "json", "--schemafile", str(schema), *map(str, files)],
                       check=False, capture_output=True, text=True, timeout=300)
    assert r.returncode in (0, 1), r.stdout + r.stderr
    out = json.loads(r.stdout)
    assert (r.returncode == 0) == (out["status"] == "ok"), out
    rejected: dict[Path, list[str]] = defaultdict(list)
    for e in out.get("errors", []):
        rejected[Path(e["filename"])].append(f"{e['path']}: {e['message']}")
    return rejected, {Path(e["filename"]) for e in out.get("parse_errors", [])}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    schema = tmp_path_factory.mktemp("schema") / "bad-input-demo.schema.json"
    schema.write_text(json.dumps(submission_schema(rubrics.load(RUBRIC)), ensure_ascii=False), encoding="utf-8")
    return check(schema, CASES)


@pytest.mark.parametrize("path", CASES, ids=name)
def test_rejects_what_validate_rejects(path, corpus):
    schema_errors, unparsed = corpus
    outcome = pipeline.run_one(path, pipeline.RubricFinder(str(RUBRIC)), scoring=False)
    if name(path) in PARSE_FAILURES:
        assert not outcome.ok and path in unparsed, PARSE_FAILURES[name(path)]
        return
    assert path not in unparsed
    if name(path) in SCHEMA_BLIND:
        assert not outcome.ok and path not in schema_errors, schema_errors[path]
        return
    assert (path in schema_errors) == (not outcome.ok), \
        (schema_errors.get(path), [str(p) for p in errors(outcome.problems)])


@pytest.mark.parametrize("path", CASES, ids=name)
def test_faults_the_same_measures(path, corpus):
    """Each measure validate finds fault with is named in one of check-jsonschema's errors for the file
    (in the error's path, $.values['D1.M02'], or in its message for an unknown key)."""
    schema_errors, _ = corpus
    outcome = pipeline.run_one(path, pipeline.RubricFinder(str(RUBRIC)), scoring=False)
    faulted = {p.id for p in errors(outcome.problems) if p.id}
    if name(path) in PARSE_FAILURES or name(path) in SCHEMA_BLIND:
        return
    missed = {mid for mid in faulted if not any(f"'{mid}'" in e for e in schema_errors[path])}
    assert not missed, (sorted(missed), schema_errors[path])


def test_corpus_is_all_covered():
    assert CASES and CASES == sorted(p.with_suffix(".yaml") for p in INVALID.rglob("*.expected"))
    assert (set(SCHEMA_BLIND) | set(PARSE_FAILURES)) <= {name(p) for p in CASES}


_RUBRIC_REF = re.compile(r"^\s*\"?rubric\"?\s*:\s*[\"']?([^\"'@#,\s]+)", re.MULTILINE)


@pytest.mark.skipif(not SHIPPED, reason="no shipped submissions")
def test_shipped_submissions_pass(monkeypatch):
    """Every shipped submission passes check-jsonschema with its rubric's committed schema, as it passes
    `scorecard validate submissions/`."""
    by_rubric: dict[str, list[Path]] = defaultdict(list)
    for sub in SHIPPED:
        by_rubric[_RUBRIC_REF.search(sub.read_text(encoding="utf-8")).group(1)].append(sub)
    for rid, subs in sorted(by_rubric.items()):
        schema = TOP / "docs" / "schemas" / f"{rid}.schema.json"
        assert schema.is_file(), f"no schema for {rid}: scorecard schema rubrics/{rid}.yaml -o {schema}"
        schema_errors, unparsed = check(schema, subs)
        assert not unparsed and not schema_errors, (rid, sorted(map(str, unparsed)), dict(schema_errors))
    monkeypatch.chdir(TOP)
    r = CliRunner().invoke(app, ["validate", "--quiet", "submissions/"], catch_exceptions=False)
    assert r.exit_code == 0, r.stderr
