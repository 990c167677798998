"""Each method's knowledge lives in its own module (engine/methods/<name>.py), so that a new method is one
module and one registry line.

Two walks keep it so: every registered method has every piece of knowledge the rest of the engine asks a
method for (the pieces are read off the engine's own source, so a new question asked of methods fails here
until every method answers it), and no module outside engine/methods/ branches on a method's name.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from engine import methods
from tests.methods.helpers import measure

ENGINE = Path(__file__).resolve().parent.parent / "engine"

SAMPLES = {
    "check": {}, "veto": {}, "bonus": {"per": 2, "cap": 5}, "deduction": {"per": 1},
    "threshold": {"target": 95, "direction": "lower"}, "linear": {"floor": 60, "target": 100},
    "bands": {"bands": [{"at": 95, "score": 1}, {"at": 90, "score": 0.6}]},
    "choice": {"options": {"A": 1, "B": 0.5}, "labels": {"A": {"zh": "优", "en": "good"}}},
    "rating": {"scale": [0, 5], "trim": 1}, "count": {"per": 0.5},
}
"""Parameters that make a valid measure of each method (a method registered without one fails below)."""


def sample(name: str):
    assert name in SAMPLES, f"add a sample measure for the new method {name!r} to SAMPLES"
    return measure(name, 2, "%", **SAMPLES[name])


@pytest.mark.parametrize("name", list(methods.METHODS))
def test_every_method_has_every_piece_of_knowledge(name):
    module = methods.get(name)
    lacks = sorted(a for a in methods.interface(module) if not hasattr(module, a))
    assert not lacks, f"engine/methods/{name}.py lacks {', '.join(lacks)}"
    assert module.check_params(dict(sample(name).params)) == [], "the sample measure must be valid"


@pytest.mark.parametrize("name", list(methods.METHODS))
def test_every_piece_answers_in_its_shape(name):
    """Each piece called on a valid measure gives what its callers expect."""
    module, m = methods.get(name), sample(name)
    assert isinstance(module.describe(m), str) and module.describe(m)
    assert isinstance(module.template_hint(m), str) and module.template_hint(m).startswith(name)
    assert isinstance(module.dropdown(m), tuple) and all(isinstance(k, str) for k in module.dropdown(m))
    assert isinstance(module.schema_notes(m, "en"), str)
    assert isinstance(module.WHOLE, bool) and isinstance(module.RATINGS, bool)
    assert set(module.RANGED) <= set(module.PARAMS), "RANGED names parameters of the method"
    assert module.param_warnings(SAMPLES[name]) == []
    example = module.example(m)
    assert module.parse(m, example).value == example, "a schema's example must be a value the method reads"
    if module.KIND == "base":
        assert module.direction(m) in ("higher", "lower", None)
        assert isinstance(module.TARGET_IS_BOUND, bool)
        now = module.current(m, module.parse(m, example).value)
        assert now is None or isinstance(now, float)
        assert (now is None) == (module.direction(m) is None), "a method with a direction reads numbers"
    else:
        assert module.SIGN in ("+", "−", None)


def test_the_knowledge_lists_are_what_the_engine_asks():
    """Every attribute the engine outside engine/methods/ reads off a method module is in methods.INTERFACE:
    a new question asked of methods must be added there, and then every method must answer it."""
    asked = {attr for path in _sources() for attr in _asked(ast.parse(path.read_text(encoding="utf-8")))}
    unknown = asked - {piece for pieces in methods.INTERFACE.values() for piece in pieces}
    assert not unknown, f"the engine asks methods for {sorted(unknown)}: add them to engine.methods.INTERFACE"
    assert asked >= {"describe", "template_hint", "dropdown", "example", "schema_notes", "WHOLE", "RATINGS",
                     "direction", "current", "TARGET_IS_BOUND", "SIGN", "RANGED", "param_warnings",
                     "next_point"}, "the walk must see what it walks for"


def _sources() -> list[Path]:
    return sorted(p for p in ENGINE.rglob("*.py") if ENGINE / "methods" not in p.parents)


def _is_get(node: ast.AST) -> bool:
    """methods.get(...) or methods.METHODS[...]: a method module looked up."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "get" and isinstance(node.func.value, ast.Name) and node.func.value.id == "methods"
    return isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "METHODS"


def _asked(tree: ast.AST) -> set[str]:
    """The attributes read off a looked-up method module, directly or through a name it was bound to."""
    bound = {t.id for n in ast.walk(tree) if isinstance(n, ast.Assign) and _is_get(n.value)
             for t in n.targets if isinstance(t, ast.Name)}
    out = set()
    for n in ast.walk(tree):
        if isinstance(n, ast.Attribute) and (_is_get(n.value) or isinstance(n.value, ast.Name) and n.value.id in bound):
            out.add(n.attr)
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "hasattr" and n.args \
                and isinstance(n.args[0], ast.Name) and n.args[0].id in bound and isinstance(n.args[1], ast.Constant):
            out.add(n.args[1].value)
    return out


# --- no branching on method names outside engine/methods/ ----------------------------------------------

ALLOWED: set[tuple[str, str]] = set()
"""(file under engine/, the comparison as ast.unparse writes it) that may still name a method."""


def test_no_module_outside_methods_branches_on_a_method_name():
    found = {(str(p.relative_to(ENGINE)), text) for p in _sources()
             for text in _name_branches(ast.parse(p.read_text(encoding="utf-8")))}
    assert sorted(found - ALLOWED) == [], "ask the method module instead (see engine/methods/__init__.py)"
    assert sorted(ALLOWED - found) == [], "an allowed line that no longer exists: drop it from ALLOWED"


def test_the_walk_finds_what_it_forbids():
    code = '''
NUMERIC = ("linear", "count")
BY = {"check": 1, "veto": 2}
def f(m, node):
    kind = m.method
    nid, name = node["id"], node["method"]
    a = m.method == "veto"
    b = m.method in NUMERIC
    c = "rating" != m.measure.method
    d = kind in ("bonus", "deduction")
    e = name not in ("threshold", "linear")
    g = BY[m.method]
    h = {"check": 1}.get(kind)
    match m.method:
        case "choice":
            pass
    ok = m.method == other or m.KIND == "bonus" or m.is_modifier or m.method in methods.MODIFIERS
'''
    assert _name_branches(ast.parse(code)) == [
        "m.method == 'veto'", "m.method in NUMERIC", "'rating' != m.measure.method", "kind in ('bonus', 'deduction')",
        "name not in ('threshold', 'linear')", "BY[m.method]", "{'check': 1}.get(kind)", "match m.method"]


def _name_branches(tree: ast.Module) -> list[str]:
    """Each comparison, lookup or match that tells methods apart by a literal name, as source text."""
    named = _named(tree)
    holders = {t.id for t, v in _bindings(tree) if _is_method(v, set())}
    out = []
    for n in ast.walk(tree):
        if isinstance(n, ast.Compare):
            sides = [n.left, *n.comparators]
            if any(_is_method(s, holders) for s in sides) and any(_names_a_method(s, named) for s in sides):
                out.append(n)
        elif isinstance(n, ast.Subscript) and _is_method(n.slice, holders) and _names_a_method(n.value, named):
            out.append(n)
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "get" and n.args \
                and _is_method(n.args[0], holders) and _names_a_method(n.func.value, named):
            out.append(n)
        elif isinstance(n, ast.Match) and _is_method(n.subject, holders) and any(
                isinstance(c.pattern, ast.MatchValue) and _names_a_method(c.pattern.value, named) for c in n.cases):
            out.append(n)
    out.sort(key=lambda n: (n.lineno, n.col_offset))
    return [f"match {ast.unparse(n.subject)}" if isinstance(n, ast.Match) else ast.unparse(n) for n in out]


def _bindings(tree: ast.AST):
    """(name, value) of every plain assignment, tuples unpacked pairwise (a, b = x, y)."""
    for n in ast.walk(tree):
        if isinstance(n, ast.Assign):
            for t in n.targets:
                if isinstance(t, ast.Name):
                    yield t, n.value
                elif isinstance(t, ast.Tuple) and isinstance(n.value, ast.Tuple) and len(t.elts) == len(n.value.elts):
                    yield from ((e, v) for e, v in zip(t.elts, n.value.elts) if isinstance(e, ast.Name))


def _is_method(node: ast.AST, holders: set[str]) -> bool:
    """x.method, node['method'], node.get('method'), or a name bound to one of them."""
    if isinstance(node, ast.Attribute):
        return node.attr == "method"
    if isinstance(node, ast.Subscript):
        return isinstance(node.slice, ast.Constant) and node.slice.value == "method"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get":
        return bool(node.args) and isinstance(node.args[0], ast.Constant) and node.args[0].value == "method"
    return isinstance(node, ast.Name) and node.id in holders


def _names_a_method(node: ast.AST, named: set[str]) -> bool:
    """A literal method name, a literal collection holding one, or a module-level name bound to either."""
    if isinstance(node, ast.Constant):
        return node.value in methods.METHODS
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return any(_names_a_method(e, named) for e in node.elts)
    if isinstance(node, ast.Dict):
        return any(k is not None and _names_a_method(k, named) for k in node.keys)
    return isinstance(node, ast.Name) and node.id in named


def _named(tree: ast.Module) -> set[str]:
    """Module-level names bound to a literal that names a method (NUMERIC = ('linear', ...))."""
    return {t.id for n in tree.body if isinstance(n, ast.Assign) and _names_a_method(n.value, set())
            for t in n.targets if isinstance(t, ast.Name)}


# --- rubric lint asks the method too ---------------------------------------------------------------------

RUBRIC = """\
rubric: demo
version: "1"
title: demo
normalize: true
grades:
  - {id: pass, min: 0}
tree:
  - id: A
    method: METHOD
    PARAMS
    max: 100
    points: 10
"""


def _lint(tmp_path, method: str, params: str) -> list[str]:
    from tests.rubric.test_lint import lint_text

    return lint_text(tmp_path, RUBRIC.replace("METHOD", method).replace("PARAMS", params))[1]


def test_lint_warns_of_what_the_method_warns_of(tmp_path, monkeypatch):
    monkeypatch.setattr(methods.get("check"), "param_warnings", lambda params: [(("points",), "check: a slip")])
    assert _lint(tmp_path, "check", "owners: []") == ["r.yaml:12:13: warning: A: check: a slip"]


def test_lint_checks_the_range_of_the_values_a_method_names(tmp_path):
    """A linear measure's floor is a value and is checked against max; a threshold has no floor (a stray one is
    refused, and is not also said to be out of range)."""
    assert _lint(tmp_path, "linear", "floor: 200\n    target: 50") == [
        "r.yaml:10:5: warning: A: linear: floor 200 is outside the plausible range [-inf, 100] (min, max) that "
        "values are checked against"]
    assert _lint(tmp_path, "threshold", "floor: 200\n    target: 50") == [
        "r.yaml:10:5: A: 'floor' is not a parameter of method threshold (it takes: target, direction)"]
