"""The schema's text patterns mean the same to an editor (ECMA-262, with and without the u flag, as
JSON-Schema tools in JavaScript compile them) as to the engine's reader, on every space and control
character and the forms officials type."""
import json
import shutil
import subprocess

import pytest

from engine import rubric as rubrics
from engine.methods import BadValue
from engine import methods
from engine.schema import submission_schema
from tests.tabular.units import write_units_rubric

NODE = shutil.which("node")
SCRIPT = """
const {patterns, texts} = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const out = patterns.map(p => { const plain = new RegExp(p), u = new RegExp(p, 'u');
  return texts.map(t => [plain.test(t), u.test(t)]); });
process.stdout.write(JSON.stringify(out));
"""
TEXTS = ["85", "85%", "８５％", " 85\t", "\u00a085\u3000", "\u200b85\ufeff", "85\x1f", "\x0085", "85\x85", "85\u180e",
         "85\u2028", "8 5", "0.015亿元", "3.6万人", "¥1,500", "$5", "3人", "5人次", "4,5,4,3,5", "4 5 4", "4、5；3",
         "是", " 否\n", "TRUE", "yes", "national", "全国示范", " National model ", "国家级", "1" * 30, "-3", "约6000余人",
         "12个", "12名", "", " "]


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_patterns_read_alike_in_javascript_and_in_the_reader(tmp_path):
    rubric = rubrics.load(write_units_rubric(tmp_path))
    schema = submission_schema(rubric)
    patterns = [d["pattern"] for d in schema["definitions"].values()]
    result = subprocess.run([NODE, "-e", SCRIPT], input=json.dumps({"patterns": patterns, "texts": TEXTS}),
                            capture_output=True, text=True, check=True)
    ecma = json.loads(result.stdout)
    for pattern, row in zip(patterns, ecma):
        for text, (plain, unicode) in zip(TEXTS, row):
            assert plain == unicode, (pattern[:60], text)
    for m in rubric.measures:
        accepted = {t: _reads(m, t) for t in TEXTS}
        refs = _refs(schema["properties"]["values"]["properties"][m.id])
        for text in TEXTS:
            by_schema = any(ecma[int(r.removeprefix("#/definitions/text")) - 1][TEXTS.index(text)][0] for r in refs)
            by_enum = text in _enums(schema["properties"]["values"]["properties"][m.id])
            if "whole number" not in accepted[text][1] and "outside the scale" not in accepted[text][1]:
                assert (by_schema or by_enum) == accepted[text][0], (m.id, text)


def _reads(m, text):
    try:
        methods.get(m.method).parse(m, text)
        return True, ""
    except BadValue as e:
        return False, str(e)


def _refs(x) -> set[str]:
    if isinstance(x, dict):
        return ({x["$ref"]} if "$ref" in x and "anyOf" not in x else set()) | \
            {r for k, v in x.items() if k not in ("properties",) for r in _refs(v)}
    if isinstance(x, list):
        return {r for v in x for r in _refs(v)}
    return set()


def _enums(x) -> set[str]:
    if isinstance(x, dict):
        return set(x.get("enum", [])) | {e for v in x.values() for e in _enums(v)}
    if isinstance(x, list):
        return {e for v in x for e in _enums(v)}
    return set()


COMPILE = """
const patterns = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const bad = [];
for (const p of patterns) { for (const f of ['', 'u']) { try { new RegExp(p, f); } catch (e) { bad.push([p, f, String(e)]); } } }
process.stdout.write(JSON.stringify(bad));
"""


@pytest.mark.skipif(NODE is None, reason="node is not installed")
def test_every_pattern_compiles_in_javascript_with_any_punctuation_in_labels(tmp_path):
    """A label may hold any ASCII punctuation ("peace-building (Chang'an Cup)"): its literal must still be a
    pattern JavaScript compiles with and without the u flag (in u mode `\\-` outside a class is an error)."""
    import string
    from pathlib import Path

    top = Path(__file__).resolve().parent.parent
    punct = string.punctuation
    rubric_text = f"""rubric: punct
version: "1"
title: punct
scale: 2
tree:
  - id: G
    label: g
    children:
      - {{id: G.M1, label: m, method: choice, options: {{a: 1, b: 0}}, labels: {{a: {json.dumps(punct)}, b: "x-y"}}}}
      - {{id: G.M2, label: m, method: linear, floor: 0, target: 10, points: 1, unit: "a-b.c"}}
grades: [{{id: all, label: all, min: 0}}]
"""
    (tmp_path / "punct.yaml").write_text(rubric_text, encoding="utf-8")
    schemas = [submission_schema(rubrics.load(tmp_path / "punct.yaml"))]
    schemas += [json.loads(p.read_text(encoding="utf-8")) for p in sorted((top / "docs" / "schemas").glob("*.json"))]
    patterns = [d["pattern"] for s in schemas for d in s.get("definitions", {}).values() if "pattern" in d]
    assert len(patterns) > 5
    result = subprocess.run([NODE, "-e", COMPILE], input=json.dumps(patterns), capture_output=True, text=True,
                            check=True)
    assert json.loads(result.stdout) == []
