"""Tailored rubrics (SPEC 9): chains of extends with override/remove/add, and every problem located in the
file that causes it."""
from engine import rubric as rubrics
from engine.rubric import cache

BASE = """\
rubric: base
version: "1"
title: {zh: 基础, en: Base}
grades:
  - {id: pass, min: 60}
  - {id: fail, min: 0}
units:
  mzw: {zh: 民委}
tree:
  - id: D1
    children:
      - id: D1.M01
        method: check
        points: 40
        owners: [mzw]
      - id: D1.M02
        method: linear
        floor: 0
        target: 10
        points: 30
  - id: D2
    children:
      - id: D2.M01
        method: check
        points: 30
"""
MID = """\
rubric: mid
version: "1"
extends: base@1
scale: 120
units:
  tzb: {zh: 统战部}
override:
  D1.M01: {points: 50, owners: [tzb]}
add:
  - parent: D2
    node: {id: D2.M02, method: check, points: 10}
"""
TOP = """\
rubric: top
version: "1"
extends: mid@1
remove: [D1.M02]
override:
  D2.M02: {points: 20}
add:
  - parent: ""
    node:
      id: D3
      children:
        - {id: D3.M01, method: check, points: 20}
"""


def write(folder, **files):
    for name, text in files.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


def lines(tmp_path, name):
    rubric, problems = rubrics.lint(tmp_path / f"{name}.yaml")
    return rubric, [str(p).removeprefix(f"{tmp_path}/") for p in problems]


def test_chain_of_three(tmp_path):
    write(tmp_path, base=BASE, mid=MID, top=TOP)
    r, said = lines(tmp_path, "top")
    assert said == []
    # D1.M01 50 (mid's override) + D2.M01 30 + D2.M02 20 (added by mid, top's override) + D3.M01 20; D1.M02 gone
    assert [(m.id, m.points) for m in r.measures] == [("D1.M01", 50), ("D2.M01", 30), ("D2.M02", 20), ("D3.M01", 20)]
    assert r.scale == 120 and r.worth == 120 and r.extends == "mid@1" and r.ref == "top@1"
    assert r.title.get("en") == "Base" and [g.id for g in r.grades] == ["pass", "fail"]
    assert list(r.units) == ["mzw", "tzb"]  # units merge
    assert r.by_id["D1.M01"].owners == ("tzb",)
    assert r.tailored == {"D1.M01": "changed", "D2.M02": "added", "D3": "added", "D3.M01": "added"}
    # each node where it was written: inherited in base.yaml, added in mid.yaml / top.yaml
    assert {m.id: str(m.loc).replace(f"{tmp_path}/", "") for m in r.measures} == {
        "D1.M01": "base.yaml:12:9", "D2.M01": "base.yaml:23:9", "D2.M02": "mid.yaml:11:11",
        "D3.M01": "top.yaml:12:11"}


def test_cycle_names_the_chain(tmp_path):
    write(tmp_path, a='rubric: a\nversion: "1"\nextends: b@1\n', b='rubric: b\nversion: "1"\nextends: a@1\n',
          s='rubric: s\nversion: "1"\nextends: s\n')
    assert lines(tmp_path, "a") == (None, ["b.yaml:3:10: extends makes a cycle: a@1 → b@1 → a@1"])
    assert lines(tmp_path, "s") == (None, ["s.yaml:3:10: extends makes a cycle: s@1 → s"])


def test_parent_not_found(tmp_path):
    write(tmp_path, base=BASE, c='rubric: c\nversion: "1"\nextends: bsae@1\n',
          d='rubric: d\nversion: "1"\nextends: base@2\n')
    assert lines(tmp_path, "c")[1] == [f"c.yaml:3:10: extends: rubric 'bsae' is not in {tmp_path}/ (did you mean "
                                       "'base'?); pass --rubric or --rubrics-dir"]
    assert lines(tmp_path, "d")[1] == [f"d.yaml:3:10: extends: rubric 'base' version 2 is not in {tmp_path}/ "
                                       "(it has version 1)"]


def test_unknown_ids_with_did_you_mean_in_the_tailoring_file(tmp_path):
    bad = """\
rubric: bad
version: "1"
extends: mid@1
override:
  D1.M1: {points: 50}
remove: [D2.M0l, D1]
add:
  - parent: D9
    node: {id: X, method: check}
  - parent: D2.M01
    node: {id: Y, method: check}
  - parent: D1
    node: {id: Z, method: check}
"""
    write(tmp_path, base=BASE, mid=MID, bad=bad)
    assert lines(tmp_path, "bad") == (None, [
        "bad.yaml:5:3: D1.M1: override: no node 'D1.M1' in mid@1 (did you mean 'D1.M01'?)",
        "bad.yaml:6:10: D2.M0l: remove: no node 'D2.M0l' in mid@1 (did you mean 'D2.M02'?)",
        "bad.yaml:8:13: D9: add: no node 'D9' in mid@1",
        "bad.yaml:10:13: D2.M01: add: 'D2.M01' is a measure: a node is added under a group",
        "bad.yaml:12:13: D1: add: 'D1' is removed by this file's remove",
    ])


def test_problem_in_a_parent_node_is_located_in_the_parent(tmp_path):
    broken = BASE.replace("owners: [mzw]", "owners: [mzww]")
    write(tmp_path, base=broken, mid=MID.replace("D1.M01: {points: 50, owners: [tzb]}", "D1.M01: {points: 50}"))
    assert lines(tmp_path, "mid") == (None, [
        "base.yaml:15:18: D1.M01: owner 'mzww' is not declared in units (did you mean 'mzw'?)"])


def test_problems_of_an_override_and_an_added_node_are_located_in_the_child(tmp_path):
    child = MID.replace("owners: [tzb]}", "owners: [tzbb], pointz: 1}").replace(
        "method: check, points: 10}", "method: linear, floor: 5, target: 5, points: 10}")
    write(tmp_path, base=BASE, mid=child)
    assert lines(tmp_path, "mid") == (None, [
        "mid.yaml:8:33: D1.M01: owner 'tzbb' is not declared in units (did you mean 'tzb'?)",
        "mid.yaml:8:40: D1.M01: unknown key 'pointz' (did you mean 'points'?)",
        "mid.yaml:11:50: D2.M02: linear: floor and target are both 5: the scale has no length",
    ])


def test_points_that_no_longer_add_up_are_the_tailorings_problem(tmp_path):
    write(tmp_path, base=BASE, mid=MID.replace("scale: 120", "scale: 110"))
    assert lines(tmp_path, "mid")[1] == [
        "mid.yaml:9:1: the base tree is worth 120 points but scale is 110; fix the points or add 'normalize: true'"]


def test_tailoring_keys_need_extends_and_no_id_override(tmp_path):
    plain = BASE + "remove: [D2]\n"
    fixed = MID.replace("{points: 50, owners: [tzb]}", "{id: D9, children: []}")
    write(tmp_path, base=BASE, plain=plain, mid=fixed)
    assert lines(tmp_path, "plain")[1] == [
        "plain.yaml:1:1: 'remove' tailors a rubric: name it with 'extends: ID@VERSION'"]
    assert lines(tmp_path, "mid")[1] == [
        "mid.yaml:8:12: D1.M01: override cannot change a node's 'id': remove the node and add a new one",
        "mid.yaml:8:20: D1.M01: override cannot change a node's 'children': remove the node and add a new one"]


def test_parent_in_the_rubrics_dir(tmp_path):
    write(tmp_path / "national" if (tmp_path / "national").mkdir() is None else None, base=BASE)
    (tmp_path / "local").mkdir()
    write(tmp_path / "local", mid=MID)
    assert rubrics.lint(tmp_path / "local" / "mid.yaml")[0] is None
    r, problems = rubrics.lint(tmp_path / "local" / "mid.yaml", tmp_path / "national")
    assert problems == [] and r.worth == 120


def test_cache_misses_when_a_parent_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("SCORECARD_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("SCORECARD_NO_CACHE", raising=False)
    write(tmp_path, base=BASE, mid=MID, top=TOP)
    first = rubrics.load(tmp_path / "top.yaml")
    assert cache.get(tmp_path / "top.yaml") == first
    write(tmp_path, base=BASE.replace("target: 10", "target: 20"))
    assert cache.get(tmp_path / "top.yaml") is None  # any file of the chain changed: a miss
    assert rubrics.load(tmp_path / "top.yaml") == first  # (D1.M02, which changed, is removed by top)
    write(tmp_path, mid=MID.replace("points: 10}", "points: 10, unit: 项}"))
    assert cache.get(tmp_path / "top.yaml") is None
    assert rubrics.load(tmp_path / "top.yaml").by_id["D2.M02"].unit == "项"
    assert cache.get(tmp_path / "top.yaml").by_id["D2.M02"].unit == "项"


def test_a_chain_has_a_limit(tmp_path):
    from engine.rubric.tailor import MAX_CHAIN

    files = {"r0": BASE.replace("rubric: base", "rubric: r0")}
    for i in range(1, MAX_CHAIN + 1):
        files[f"r{i}"] = f'rubric: r{i}\nversion: "1"\nextends: r{i - 1}@1\n'
    write(tmp_path, **files)
    assert lines(tmp_path, f"r{MAX_CHAIN - 1}")[1] == []  # MAX_CHAIN rubrics in all
    assert lines(tmp_path, f"r{MAX_CHAIN}")[1] == [f"r1.yaml:3:10: a chain of extends is at most {MAX_CHAIN} rubrics long"]


def test_an_added_id_with_an_invisible_character_is_located_in_the_child(tmp_path):
    write(tmp_path, base=BASE, mid=MID.replace("id: D2.M02,", "id: \"D2.M02\\u200b\","))
    assert lines(tmp_path, "mid")[1] == [
        "mid.yaml:11:16: 'id': 'D2.M02\\u200b' does not match '^[A-Za-z0-9][A-Za-z0-9_.-]*$'"]
