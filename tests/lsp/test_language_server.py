"""An editor sees what `scorecard validate` sees (issue 3, SPEC 4 and 7).

yaml-language-server 1.25.0 (the engine of the VS Code YAML extension and of most editors' YAML
support), driven headless by tests/lsp/driver.js with the JSON Schema generated from the rubric,
must flag exactly the files `validate` rejects, on the same lines; and hover and completion must
show the rubric's measures.  Install it with `npm ci --prefix tests/lsp` (.ci/run does).

What "the language server flags" means here: a diagnostic of severity Error (1: YAML syntax,
duplicate keys, unknown tags) or Warning (2: yaml-language-server reports every schema violation as
a Warning).  Hints and information (e.g. unused anchors) are not problems.

Why lines and not columns: the language server puts a diagnostic on the offending node, `validate`
on the place a person should look, and the two legitimately differ within the line — a missing
`evidence` is reported by validate at the measure's key (5:3) and by the language server at the
value it rejects (5:11); a rating outside the scale at the flow sequence (5:11) versus the item
(5:18); a YAML syntax error at the token the parser stopped on (3:7) versus the start of the line
(3:1).  The line is what an editor's squiggle and a FILE:LINE message have to agree on.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from engine import pipeline
from engine import rubric as rubrics
from engine.problems import errors
from engine.schema import submission_schema

HERE = Path(__file__).resolve().parent
TOP = HERE.parent.parent
DRIVER = HERE / "driver.js"
INVALID = TOP / "tests" / "cases" / "invalid"
RUBRIC = INVALID / "rubric.yaml"
CASES = sorted(p for p in INVALID.rglob("*.yaml") if p != RUBRIC)
GOLDEN = sorted(p.parent for p in (TOP / "tests" / "cases").glob("*/submission.yaml"))
SHIPPED = sorted(p for p in (TOP / "submissions").rglob("*") if p.suffix in (".yaml", ".yml"))

NODE = shutil.which("node")
pytestmark = pytest.mark.skipif(
    NODE is None or not (HERE / "node_modules" / "yaml-language-server").is_dir(),
    reason="yaml-language-server is not installed: run `npm ci --prefix tests/lsp` (needs node and npm)")

SCHEMA_BLIND = {
    "wrongsubject/2023.yaml": "subject and period must agree with the file's path (<subject>/<period>.yaml); "
                              "the path is not part of the document a JSON Schema validates",
}
"""Files validate rejects for a reason no schema can express: the language server must stay silent on them."""

KNOWN_DIFFERENCES: dict[str, str] = {}
"""Files of the corpus on which the language server and validate truly disagree, with the reason.
None today: the two found while writing this test were fixed in engine/schema.py (a count, bonus or
deduction below 0 — the schema had no minimum; `.nan`/`.inf`, which YAML 1.2 reads as numbers and every
JSON Schema validator accepts as such — the schema now says `not` NaN/±infinity).  Add an entry
here, with its reason, rather than weakening the assertions."""


def name(path: Path) -> str:
    return str(path.relative_to(INVALID))


def write_schema(rubric_path: Path, folder: Path) -> Path:
    out = folder / f"{rubric_path.parent.name}.schema.json"
    out.write_text(json.dumps(submission_schema(rubrics.load(rubric_path)), ensure_ascii=False), encoding="utf-8")
    return out


def lsp(*args: str | Path) -> list | dict | None:
    r = subprocess.run([NODE, str(DRIVER), *map(str, args)], check=False, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def diagnose(groups: list[tuple[Path, list[Path]]]) -> dict[Path, list[dict]]:
    """One node process for all (schema, files) groups: each file's problems (severity Error or Warning)."""
    args: list = []
    for schema, files in groups:
        args += (["--"] if args else []) + [schema, *files]
    found: dict[Path, list[dict]] = defaultdict(list)
    for d in lsp(*args):
        if d["severity"] <= 2:
            found[Path(d["file"])].append(d)
    return found


def validate_errors(path: Path, rubric: str | None = None) -> list:
    """validate's errors for one file (scoring off), as `scorecard validate` finds them."""
    finder = pipeline.RubricFinder(rubric) if rubric else pipeline.RubricFinder(None, str(TOP / "rubrics"))
    return errors(pipeline.run_one(path, finder, scoring=False).problems)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[Path, list[dict]]:
    schema = write_schema(RUBRIC, tmp_path_factory.mktemp("schema"))
    return diagnose([(schema, CASES)])


def show(diagnostics: list[dict]) -> list[str]:
    return [f"{d['line']}:{d['col']}: {d['message']}" for d in diagnostics]


@pytest.mark.parametrize("path", CASES, ids=name)
def test_flags_the_files_validate_rejects(path, corpus):
    rejected = bool(validate_errors(path, str(RUBRIC)))
    flagged = bool(corpus[path])
    if name(path) in SCHEMA_BLIND:
        assert rejected and not flagged, show(corpus[path])
    elif name(path) in KNOWN_DIFFERENCES:
        assert flagged != rejected, "no longer a difference: remove it from KNOWN_DIFFERENCES"
    else:
        assert flagged == rejected, show(corpus[path])


@pytest.mark.parametrize("path", CASES, ids=name)
def test_same_lines(path, corpus):
    if name(path) in SCHEMA_BLIND or name(path) in KNOWN_DIFFERENCES:
        return
    ours = validate_errors(path, str(RUBRIC))
    assert {p.loc.line for p in ours} == {d["line"] for d in corpus[path]}, \
        f"validate: {[str(p) for p in ours]}; language server: {show(corpus[path])}"


def test_corpus_is_all_covered():
    """Every file of tests/cases/invalid/ is in the comparison, and the exemptions name real files."""
    assert CASES and CASES == sorted(p.with_suffix(".yaml") for p in INVALID.rglob("*.expected"))
    names = {name(p) for p in CASES}
    assert set(SCHEMA_BLIND) <= names and set(KNOWN_DIFFERENCES) <= names


def test_golden_submissions_are_clean(tmp_path):
    """The valid golden cases (every method) raise nothing in the language server, as in validate."""
    groups = [(write_schema(case / "rubric.yaml", tmp_path), [case / "submission.yaml"]) for case in GOLDEN]
    found = diagnose(groups)
    for case in GOLDEN:
        sub = case / "submission.yaml"
        assert validate_errors(sub, str(case / "rubric.yaml")) == []
        assert found[sub] == [], (case.name, show(found[sub]))


_MODELINE = re.compile(r"#\s*yaml-language-server:\s*\$schema=(\S+)")
_RUBRIC_REF = re.compile(r"^rubric:\s*[\"']?([^\"'@#\s]+)", re.MULTILINE)


@pytest.mark.skipif(not SHIPPED, reason="no shipped submissions")
def test_shipped_submissions_are_clean():
    """Every shipped YAML submission is clean in an editor too: with its modeline's schema where it has one
    (which must be the committed docs/schemas/<rubric>.schema.json), else with that schema by fileMatch."""
    groups: dict[Path, list[Path]] = defaultdict(list)
    for sub in SHIPPED:
        text = sub.read_text(encoding="utf-8")
        schema = TOP / "docs" / "schemas" / f"{_RUBRIC_REF.search(text).group(1)}.schema.json"
        modeline = _MODELINE.search(text)
        if modeline:
            assert (sub.parent / modeline.group(1)).resolve() == schema, f"{sub}: modeline is not {schema}"
        groups[schema].append(sub)
    found = diagnose(list(groups.items()))
    for sub in SHIPPED:
        assert validate_errors(sub) == [], sub
        assert found[sub] == [], (str(sub), show(found[sub]))


def test_modeline_wins(tmp_path):
    """A `$schema=` modeline is honoured (so the shipped-submission check above really used docs/schemas)."""
    schema = write_schema(RUBRIC, tmp_path)
    anything = tmp_path / "anything.schema.json"
    anything.write_text("{}", encoding="utf-8")
    sub = tmp_path / "sub.yaml"
    sub.write_text(f"# yaml-language-server: $schema={schema.as_uri()}\n"
                   "rubric: bad-input-demo\nsubject: x\nperiod: 2024\nvalues:\n  D1.M02: 120\n", encoding="utf-8")
    assert [d["line"] for d in diagnose([(anything, [sub])])[sub]] == [6]


NON_FINITE_RUBRIC = """\
rubric: finite-demo
version: "1"
title: Finite demo
grades: [{id: pass, min: 0}]
tree:
  - id: A
    label: A
    children:
      - {id: A.T, label: unbounded threshold, method: threshold, target: 90, points: 25}
      - {id: A.L, label: bounded linear, method: linear, floor: 0, target: 10, min: 0, max: 100, points: 25}
      - {id: A.C, label: count, method: count, per: 1, points: 25}
      - {id: A.R, label: rating, method: rating, scale: [1, 5], points: 25}
      - {id: A.B, label: bonus, method: bonus, per: 1}
      - {id: A.D, label: deduction, method: deduction, per: 1}
"""


PROBED = ["values A.T", "values A.L", "values A.C", "values A.B", "values A.D", "values A.R", "ratings A.R"]
NON_FINITE = [".nan", ".inf", "-.inf", ".NaN", "-.INF"]


@pytest.fixture(scope="module")
def probes(tmp_path_factory) -> tuple[Path, dict[str, list[Path]], dict[Path, list[dict]]]:
    """For each probed measure, a submission per bad number (.nan, .inf, -.inf, .NaN, -.INF, then -1 and [.nan])."""
    folder = tmp_path_factory.mktemp("probes")
    rubric = folder / "rubric.yaml"
    rubric.write_text(NON_FINITE_RUBRIC, encoding="utf-8")
    schema = write_schema(rubric, folder)
    files: dict[str, list[Path]] = {}
    for k, probe in enumerate(PROBED):
        section, mid = probe.split()
        files[probe] = []
        for i, v in enumerate(NON_FINITE + ["-1", "[.nan]", "[2, .inf]"]):
            f = folder / f"p{k}-{i}.yaml"
            f.write_text(f"rubric: finite-demo\nsubject: x\nperiod: 2024\n{section}:\n  {mid}: {v}\n", encoding="utf-8")
            files[probe].append(f)
    return rubric, files, diagnose([(schema, [f for fs in files.values() for f in fs])])


@pytest.mark.parametrize("probe", PROBED)
def test_nan_infinity_and_negative_counts(probe, probes):
    """The two disagreements fixed in engine/schema.py stay fixed: .nan/.inf/-.inf (YAML 1.2 numbers, errors
    to the engine) and counts below 0 are flagged on the line validate reports, for every kind of number."""
    rubric, files, found = probes
    for f in files[probe]:
        ours = validate_errors(f, str(rubric))
        value = f.read_text(encoding="utf-8").splitlines()[-1]
        if any(v in value for v in NON_FINITE):
            assert ours, value  # the engine rejects every NaN and infinity
        if not ours:  # e.g. -1 is a fine value for a threshold with no lower bound
            assert found[f] == [], (value, show(found[f]))
        else:
            assert {p.loc.line for p in ours} == {d["line"] for d in found[f]} == {5}, \
                (value, [str(p) for p in ours], show(found[f]))


def test_hover_shows_the_measure(tmp_path):
    schema = write_schema(RUBRIC, tmp_path)
    measures = json.loads(schema.read_text(encoding="utf-8"))["properties"]["values"]["properties"]
    sub = INVALID / "approximate-warns.yaml"  # line 6: "  D1.M02: 约95%"
    assert sub.read_text(encoding="utf-8").splitlines()[5].startswith("  D1.M02:")
    for col in (4, 12):  # on the key, and on the value
        hover = lsp("--hover", schema, sub, 6, col)
        assert hover is not None
        assert measures["D1.M02"]["title"] in hover["contents"]  # "D1.M02 知晓率"
        assert measures["D1.M02"]["description"].splitlines()[0] in hover["contents"]  # "threshold ≥ 90%"


def test_completion_offers_measure_ids(tmp_path):
    schema = write_schema(RUBRIC, tmp_path)
    ids = list(json.loads(schema.read_text(encoding="utf-8"))["properties"]["values"]["properties"])
    sub = tmp_path / "sub.yaml"
    sub.write_text("rubric: bad-input-demo\nsubject: {id: x, name: X}\nperiod: 2024\nvalues:\n  D1.M02: 95\n  \n",
                   encoding="utf-8")
    items = lsp("--complete", schema, sub, 6, 3)
    assert [i["label"] for i in items] == [m for m in ids if m != "D1.M02"]  # those not given yet
    one = next(i for i in items if i["label"] == "D1.M01")
    assert "evidence required" in one["documentation"]


def test_completion_offers_choice_options(tmp_path):
    schema = write_schema(RUBRIC, tmp_path)
    sub = tmp_path / "sub.yaml"
    sub.write_text("rubric: bad-input-demo\nsubject: x\nperiod: 2024\nvalues:\n  D1.M04: \n", encoding="utf-8")
    assert [i["label"] for i in lsp("--complete", schema, sub, 5, 11)] == ["全面", "部分", "未落实"]
