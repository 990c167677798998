"""The many-files fast path gives what the fully placed path gives.

A file with no problem is read once, recording only where each entry and its value stand (engine.yamlfast,
or yamlstrict's builder for text outside the plain subset).  A rubric rule that fires on it (a warning at
the value) must then point where a read with every place would, whatever the entry's layout, so no file is
read twice for a warning.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.generate import generate
from engine import pipeline
from engine.finder import RubricFinder
from engine.yamlstrict import MAX_DEPTH, SHALLOW, by_libyaml, load_text

RUBRIC = str(Path(__file__).resolve().parent.parent / "rubrics" / "ethnic-unity-city.yaml")
WHOLE, PART = "D2.I06.M01", "D2.I06.M02"
"""The rubric's sum_lte rule: PART <= WHOLE; the files below break it."""

LAYOUTS = {
    "value first": "  {m}:\n    value: {v}\n    evidence: [\"p. 3\"]\n",
    "evidence first": "  {m}:\n    evidence: [\"p. 3\"]\n    note: 牵头单位\n    value: {v}\n",
    "quoted evidence, value last": "  {m}:\n    evidence: \"p. 3\"\n    value:   {v}   # spaced\n",
    "flow map": "  {m}: {{evidence: [\"p. 3\"], value: {v}}}\n",
    "bare value": "  {m}: {v}\n",
    "value on its own line": "  {m}:\n    evidence: [\"p. 3\"]\n    value:\n      {v}\n",
    "outside the plain subset (an anchor)": "  {m}:\n    evidence: &e [\"p. 3\"]\n    value: {v}\n",
    "outside the plain subset (a block note)": "  {m}:\n    note: |\n      牵头单位\n    evidence: [\"p. 3\"]\n    value: {v}\n",
}


def _entry_span(text: str, mid: str) -> tuple[int, int]:
    start = text.index(f"  {mid}:")
    nxt = re.compile(r"^  \S", re.M).search(text, start + 3)
    return start, nxt.start() if nxt else len(text)


def _with(text: str, mid: str, layout: str, value) -> str:
    a, b = _entry_span(text, mid)
    return text[:a] + LAYOUTS[layout].format(m=mid, v=value) + text[b:]


def _value_place(text: str, mid: str, value) -> tuple[int, int]:
    a, b = _entry_span(text, mid)
    block = text[a:b]
    at = a + (block.index(f"value: {value}") + len("value: ") if f"value: {value}" in block else
              block.rindex(str(value)))
    while text[at] == " ":
        at += 1
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("gen")
    return generate(RUBRIC, 1, out)[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("layout", [k for k in LAYOUTS if k != "bare value"])  # (the measure asks for evidence)
@pytest.mark.parametrize("moved", [WHOLE, PART])
def test_a_rule_warning_points_at_the_value_in_any_layout(base, tmp_path, layout, moved):
    text = _with(_with(base, WHOLE, "value first", 2), PART, "value first", 9)
    text = _with(text, moved, layout, 2 if moved == WHOLE else 9)
    f = tmp_path / "s.yaml"
    f.write_text(text, encoding="utf-8")
    finder = RubricFinder(RUBRIC, "rubrics")
    fast = pipeline.run_one(f, finder)
    placed, _ = pipeline._finish([pipeline._check(f, finder, marks=True)], finder, True)
    said = [(p.loc.line, p.loc.col, p.message) for p in fast.problems]
    assert said == [(p.loc.line, p.loc.col, p.message) for p in placed.problems]
    assert [p.code for p in fast.problems] == ["rule"]
    assert said[0][:2] == _value_place(text, WHOLE, 2)  # a sum_lte rule is said at its whole
    assert fast.card is not None and placed.card is not None
    assert {k: e.loc for k, e in fast.card.submission.entries.items()} == \
           {k: e.loc for k, e in placed.card.submission.entries.items()}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_both_readers_place_an_entrys_value_without_marks(layout):
    text = "rubric: r\nperiod: 2024\nvalues:\n" + LAYOUTS[layout].format(m="A.B", v=3) + \
        "  C.D:\n    value: [1, 2]\n  E.F:\n    value: {x: 1}\n"
    quick, full = load_text(text, marks=False), load_text(text, marks=True)
    slow = by_libyaml(text, marks=False)
    for path in (("values", "A.B", "value"), ("values", "C.D", "value"), ("values", "E.F", "value")):
        if isinstance(quick.data["values"]["A.B"], int) and path[1] == "A.B":
            continue  # a bare value: its entry is the value
        assert quick.marks[path] == full.marks[path] == slow.marks[path], path
    assert ("values", "C.D", "value", 0) not in quick.marks  # nothing deeper than the value itself
    assert SHALLOW < MAX_DEPTH


@pytest.mark.parametrize("plain", ["0.5", "24.07", "007.250", "123456789012345.5", "999999999999999.99",
                                   "1234567890123456.5", "1.", ".5", "1.5e3", "-2.5", "+2.5", "1.2.3", "١.٥",
                                   "1_000.5", "0x1F", "017"])
def test_the_fast_reader_reads_a_plain_number_as_yamls_path_does(plain):
    text = f"a: {plain}\nnote: {plain}\nb: [{plain}, x]\n"
    fast = yamlfast_load(text)
    try:
        slow = by_libyaml(text, marks=True).data
    except Exception:  # refused (too large): the fast reader leaves it to libyaml's path, which says why
        assert fast is None
        return
    assert fast is None or fast == slow
    assert fast is not None or plain == "1234567890123456.5"


def test_keys_that_could_be_words_are_read_alike_again_and_again():
    for _ in range(3):  # the second time from the fast reader's cache of plain keys
        for key in ("note", "name", "null", "true", "nul", "1e3", "n", "~x", "-x", "01"):
            text = f"{key}: 1\nz: 2\n"
            fast = yamlfast_load(text)
            if fast is not None:
                assert fast == by_libyaml(text, marks=True).data, key


def yamlfast_load(text: str):
    from engine import yamlfast

    got = yamlfast.load(text, MAX_DEPTH)
    return None if got is None else got[0]
