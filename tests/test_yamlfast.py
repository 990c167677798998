"""engine.yamlfast against libyaml's path (yamlstrict.by_libyaml): wherever the fast reader answers, its data,
places and key places are exactly libyaml's (types included: 1 is not 1.0 nor True); wherever libyaml's path
refuses a text or finds a problem in it, the fast reader declines."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import yamlfast
from engine.yamlstrict import MAX_DEPTH, SHALLOW, YamlError, by_libyaml, load_text

ROOT = Path(__file__).resolve().parent.parent
SUITE = sorted((ROOT / "tests" / "data" / "yaml-test-suite" / "cases").rglob("in.yaml"))
SHIPPED = sorted((ROOT / "submissions").rglob("*.yaml"))
FIXTURES = sorted(p for p in (ROOT / "tests").rglob("*.y*ml") if "yaml-test-suite" not in p.parts)
RUBRICS = sorted((ROOT / "rubrics").rglob("*.yaml"))


def typed(x):
    """A value with every type and every order made visible to ==."""
    if isinstance(x, dict):
        return ("map", tuple((typed(k), typed(v)) for k, v in x.items()))
    if isinstance(x, list):
        return ("seq", tuple(typed(v) for v in x))
    return (type(x).__name__, x)


def same_as_libyaml(text: str) -> bool:
    """Whether the fast reader answered; asserts that its answer is libyaml's, with and without marks."""
    answered = False
    for marks in (True, False):
        fast = yamlfast.load(text, MAX_DEPTH if marks else SHALLOW)
        try:
            slow = by_libyaml(text, marks, collect=True)
        except YamlError:
            assert fast is None, "libyaml's path refuses this text"
            continue
        if fast is None:
            continue
        answered = True
        assert not slow.problems, "libyaml's path finds a problem here"
        assert typed(fast[0]) == typed(slow.data)
        assert fast[1] == slow.marks
        assert fast[2] == slow.key_marks
    return answered


def _text(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return None  # not text: both refuse it before either reader


@pytest.mark.parametrize("path", SUITE + FIXTURES + RUBRICS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_corpus_input_and_fixture_reads_the_same(path):
    text = _text(path)
    if text is not None:
        same_as_libyaml(text)


def test_every_shipped_submission_takes_the_fast_path():
    assert SHIPPED
    assert [p for p in SHIPPED if not same_as_libyaml(_text(p))] == []


def test_generated_submissions_take_the_fast_path(tmp_path):
    from bench.generate import generate

    files = generate(str(ROOT / "rubrics" / "ethnic-unity-city.yaml"), 5, tmp_path)
    assert all(same_as_libyaml(f.read_text(encoding="utf-8")) for f in files)


def test_load_text_answers_as_libyaml_does():
    text = "rubric: r@1\nsubject: {id: s1, name: 测试市}\nperiod: 2024\nvalues:\n  A.1:\n    value: 017\n"
    fast, slow = load_text(text), by_libyaml(text)
    assert fast.data == {"rubric": "r@1", "subject": {"id": "s1", "name": "测试市"}, "period": 2024,
                         "values": {"A.1": {"value": 17}}}
    assert (fast.data, fast.marks, fast.key_marks, fast.located) == (slow.data, slow.marks, slow.key_marks, True)


@pytest.mark.parametrize("text", [
    "a: 1\r\nb: [x, 'y']\r\n",                    # CRLF
    "# c\n\na: yes   # a comment\nb: on\n",        # comments; yes/on are strings
    "键 名: 值\n测试: [甲, 乙]\n",                    # Chinese keys
    "a: 'it''s'\nb: \"\\u00e9\\n\\t\"\nc: a#b\n",  # quotes with escapes, '#' inside a plain value
    "a:\n- 1\n- 2.5\nb:\n  - -3\n",                # block lists at the key's indentation and deeper
    "a: {x: 1, y: [p, q]}\nb: []\nc: {}\nd:\n",    # flow maps and lists, an empty value
    "a: |\n  x\n", "a: >-\n  x\n", "- a: 1\n", "a: [1, [2]]\n",  # a rubric's: block scalars, mapping items,
    "s: >-\n  one two\n  three\nb: |\n    l1\n    # l2\nc: >\n x\n\n\nd: 1\n",  # nested flow lists
    "k:\n  - id: a\n    label: {zh: 甲, en: \"A, b\"}\n    children:\n      - id: b\n        w: 1\n  - id: c\n",
    "r:\n- sum_lte: [[x.1, 'y'], z]\n  message: m\n- {id: g, label: {zh: 合格}, min: 0}\n-   id: d\n    n: 2\n",
    "a:\n  - x:\n    y: 1\n  - x:\n      - p\n  - x:\n    - q\nt: |-\n  end\n",
])
def test_the_subset_is_read(text):
    assert same_as_libyaml(text)


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n", "a: !!str 1\n", "%YAML 1.2\n---\na: 1\n", "a: 1\n---\nb: 2\n",
    "a: 1\na: 2\n", "a: .nan\n", "a: 1e400\n", "a:\tb\n", "\ufeffa: 1\n", "a: b\n  c\n",
    "a: [1,]\n", "a: \"x\\ey\"\n", "a: \"x\\x41\"\n", "1: a\n", "null: a\n", "? a\n: b\n",
    "a: b: c\n",
    # block scalars other than a rubric's plain prose, and flow collections nested deeper than a rubric's
    "a: |+\n  x\n", "a: >2\n  x\n", "a: >-\n  x\n\n  y\n", "a: >-\n  x\n   y\n", "a: >- # c\n  x\n",
    "a: >-\n  x \n", "a: >-\nb: 1\n", "a: >-\n", "- >-\n  x\n", "- a: >-\n    x\n", "a: >-\n  x\n  \n",
    "a: [[1, [2]]]\n", "a: {b: {c: {d: 1}}}\n", "a: [{b: 1}]\n", "- - a\n", "- a: 1\n b: 2\n",
    "- a: 1\n   b: 2\n", "- a: 1\n  a: 2\n", "a:\n  - b: 1\n  c: 2\n", "a: |\n x\n  y\n", "a: >\n  x\n y\n", "a: 'open\n", "a: \"x\" y\n", "a:\n  - x\n  b: 1\n", "", "# only a comment\n",
    "a" * 1100 + ": 1\n", "a: 1\rb: 2\n", "a:\n- x\nb: 1\n- y\n",
])
def test_everything_else_is_declined(text):
    assert yamlfast.load(text, MAX_DEPTH) is None


KEYS = st.sampled_from(["value", "evidence", "note", "D1.I01.M01", "测试", "键 名", "a b", "yes", "on", "1",
                        "017", "null", "~", "'q k'", '"d k"', "a:b", "a#b", "-a", "x ", "?x", "k\t", "[k]"])
FRAGMENTS = st.sampled_from([
    "true", "false", "yes", "no", "on", "off", "True", "TRUE", "017", "0o17", "0x1F", "1.5e3", ".5", "-3", "+4",
    "1_000", ".nan", ".inf", "-.inf", "1e400", "12345678901234567890", "~", "null", "Null", "2024-01-01", "1:30",
    '"a\\"b"', '"\\u00e9"', '"\\x41"', '"\\ud800"', "'it''s'", "''", '""', "a #b", "a#b", '"a # b"', "a: b", "a:",
    "-", "- x", "[a, b]", '[ "x" , y ]', "[a, [b]]", "[a,]", "[]", "{}", "{a: 1, b: [x, y]}", "{a: 1, a: 2}",
    "{a: 1", "|", ">-", "&x a", "*x", "!!str 5", "! a", "@x", "%x", "牵头单位填报", '"工作总结第5页"',
    '["工作总结第5页"]', "x" * 1200, "'unterminated", '"a" b', "a  b  ", "a\tb", "a # c # d", "é", "𝄞",
])
LOOSE = st.text(alphabet="ab 中#:'\"[]{},-\t\\&*!|>%@`\r\ufeff.0123456789", min_size=1, max_size=12)
SCALARS = st.one_of(FRAGMENTS, LOOSE)


SAFE_KEYS = st.sampled_from(["value", "evidence", "note", "D1.I01.M01", "测试", "键 名", "a b", "yes", "'q k'",
                             '"d k"', "x "])
SAFE_SCALARS = st.sampled_from([
    "true", "yes", "off", "017", "0o17", "0x1F", "1.5e3", "-3", "1_000", "~", "2024-01-01", "1:30", '"a\\"b"',
    '"\\u00e9"', "'it''s'", "''", "a#b", '"a # b"', '[ "x" , y ]', "[]", "{a: 1, b: [x, y]}", "牵头单位填报",
    '["工作总结第5页"]', "x" * 1200, "a  b", "a # c # d", "𝄞"])


@st.composite
def documents(draw, keys=KEYS, scalars=SCALARS, depth: int = 0, indent: int = 0) -> str:
    """A block mapping written in the submissions' style, with hostile keys, values and lines unless the keys
    and scalars given are safe ones."""
    lines = []
    pad = " " * indent
    for key in draw(st.lists(keys, min_size=1, max_size=4, unique=True)):
        form = draw(st.sampled_from(["scalar", "scalar", "nested", "list", "same-list", "empty", "comment"]))
        if form == "nested" and depth < 3:
            lines.append(f"{pad}{key}:")
            lines.append(draw(documents(keys, scalars, depth + 1, indent + draw(st.sampled_from([1, 2, 4])))))
        elif form in ("list", "same-list"):
            lines.append(f"{pad}{key}:{draw(st.sampled_from(['', '  ', ' # c']))}")
            inner = pad if form == "same-list" else pad + "  "
            lines += [f"{inner}- {draw(scalars)}" for _ in range(draw(st.integers(1, 3)))]
        elif form == "empty":
            lines.append(f"{pad}{key}:{draw(st.sampled_from(['', ' ', ' # nothing']))}")
        elif form == "comment":
            hostile_line = ["\t"] if scalars is SCALARS else []
            lines.append(draw(st.sampled_from(["", "  ", "# note", pad + "  # deeper comment", *hostile_line])))
        else:
            gap = draw(st.sampled_from([" ", "  ", " " * 3]))
            tail = draw(st.sampled_from(["", " ", " # c"] + (["#c"] if scalars is SCALARS else [])))
            lines.append(f"{pad}{key}:{gap}{draw(scalars)}{tail}")
    return "\n".join(lines)


@st.composite
def hostile(draw) -> str:
    text = draw(documents()) + draw(st.sampled_from(["", "\n", "\n\n", "\n# end"]))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return draw(st.sampled_from(["", "\ufeff", "---\n", "# head\n", "  "])) + text


@settings(max_examples=400)
@given(hostile())
def test_generated_documents_read_the_same_or_are_declined(text):
    same_as_libyaml(text)


@settings(max_examples=200)
@given(documents(SAFE_KEYS, SAFE_SCALARS), st.booleans())
def test_plain_documents_are_answered_as_libyaml_does(text, crlf):
    text = "rubric: r@1\n" + text  # never only comments (an empty document is left to libyaml)
    assert same_as_libyaml(text.replace("\n", "\r\n") if crlf else text)
