"""The strict loader reads YAML as YAML 1.2 does and locates every problem."""
import pytest

from engine.yamlstrict import MAX_ALIAS_NODES, MAX_BYTES, YamlError, load_file, load_text


def test_yaml12_scalars():
    data = load_text("a: yes\nb: 017\nc: 1:30\nd: 2024-01-01\ne: true\nf: 0x1F\ng: ~\nh: '3'\ni: 1.5e3\n").data
    assert data == {"a": "yes", "b": 17, "c": "1:30", "d": "2024-01-01", "e": True, "f": 31, "g": None,
                    "h": "3", "i": 1500.0}


def test_marks_are_one_based_and_nested():
    doc = load_text("top:\n  inner:\n    - x\n    - y\n")
    assert doc.marks[("top", "inner", 1)] == (4, 7)
    assert doc.key_marks[("top", "inner")] == (2, 3)
    assert doc.where(("top", "inner", 1, "nope")) == (4, 7)


def err(text):
    with pytest.raises(YamlError) as e:
        load_text(text)
    return e.value.line, e.value.col, e.value.message


def test_duplicate_key_names_both_lines():
    assert err("a: 1\nb: 2\na: 3\n") == (3, 1, "duplicate key 'a': first at line 1, again at line 3")


@pytest.mark.parametrize("text", ["a: .nan", "a: -.inf", "a: .Inf"])
def test_nan_and_infinity_rejected(text):
    assert err(text)[2].endswith("NaN and infinity are not allowed")


def test_python_tags_rejected():
    line, col, msg = err("a: !!python/object/apply:os.system ['echo hi']\n")
    assert (line, col) == (1, 4) and "is not allowed" in msg


def test_custom_tags_rejected():
    assert "is not allowed" in err("a: !secret x\n")[2]


def test_syntax_error_located():
    assert err("a: [1, 2\nb: 3\n")[:2] == (2, 2)


def test_two_documents_rejected():
    assert err("a: 1\n---\nb: 2\n")[2] == "expected one YAML document, found a second one"


def _laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(96 + i), chr(97 + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines)


@pytest.mark.parametrize("collect", [False, True])
def test_billion_laughs_is_refused_at_the_alias_that_passes_the_limit(collect):
    with pytest.raises(YamlError) as e:
        load_text(_laughs(), collect=collect)  # collecting or not: one error for the whole document
    assert (e.value.line, e.value.col) == (5, 8)
    assert e.value.message == (f"aliases repeat more than {MAX_ALIAS_NODES} nodes (an alias bomb?); "
                               "*d alone repeats 7381")


CYCLES = {  # a document that contains itself: (line, col) of the alias, and where its anchor stands
    "&a [*a]": (1, 5, 1, 1),
    "&a {x: *a}": (1, 8, 1, 1),
    "values: &a [*a]\n": (1, 13, 1, 9),
    "a: &a\n  <<: *a\n": (2, 7, 1, 4),
    "a: &a\n  b: [1, {c: *a}]\n": (2, 14, 1, 4),
    "x: &a [&b [*a]]\n": (1, 12, 1, 4),
    "? &a [*a]\n: 1\n": (1, 7, 1, 3),
}


@pytest.mark.parametrize("text", CYCLES)
@pytest.mark.parametrize("collect", [False, True])
def test_an_alias_inside_its_own_anchor_is_one_located_error(text, collect):
    line, col, aline, acol = CYCLES[text]
    with pytest.raises(YamlError) as e:
        load_text(text, collect=collect)
    assert (e.value.line, e.value.col) == (line, col)
    assert e.value.message == (f"alias *a stands inside the value it names (&a at line {aline}, column {acol}): "
                               "a value cannot contain itself")


def test_many_small_aliases_are_counted_too():
    text = "a: &a x\nb: [" + ", ".join(["*a"] * (MAX_ALIAS_NODES + 1)) + "]\n"
    assert "alias bomb" in err(text)[2]


def test_aliases_within_the_limit_read_as_copies():
    doc = load_text("base: &b {owners: [mzw, tzb]}\nm1: *b\nm2: *b\nx: &s 3\ny: *s\n")
    assert doc.data["m1"] == doc.data["m2"] == {"owners": ["mzw", "tzb"]} and doc.data["y"] == 3


def test_a_refused_value_repeated_by_aliases_does_not_multiply_problems():
    doc = load_text("a: &a [.nan]\nb: [" + ", ".join(["*a"] * 50) + "]\n", collect=True)
    assert [(e.line, e.col, e.message) for e in doc.problems] == [(1, 8, "'.nan': NaN and infinity are not allowed")]


def test_huge_file_refused_before_reading(tmp_path):
    big = tmp_path / "big.yaml"
    with open(big, "wb") as f:
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(YamlError, match="the limit is"):
        load_file(big)


def test_non_utf8_located():
    with pytest.raises(YamlError) as e:
        load_text(b"a: 1\nb: \xff\n")
    assert (e.value.line, e.value.col) == (2, 4)


def test_explicit_str_tag_keeps_text():
    assert load_text("a: !!str 017\nb: !!float 1\n").data == {"a": "017", "b": 1.0}


def test_deep_nesting_refused():
    assert "nesting deeper" in err("a: " + "[" * 100 + "]" * 100)[2]


@pytest.mark.parametrize("text, want", [
    ("a: &x 1\nb: &x 2\nc: *x\n", (2, 4, "anchor &x is defined twice (first at line 1, column 4)")),
    ("&a [&a 1, *a]", (1, 5, "anchor &a is defined twice (first at line 1, column 1)")),
    ("a: *y\n", (1, 4, "alias *y names no anchor &y written before it")),
    ("a: [*y, &y 1]\n", (1, 5, "alias *y names no anchor &y written before it")),
])
def test_anchors_and_aliases_that_name_nothing_clear(text, want):
    """The parser said only 'second occurrence' or 'found undefined alias'."""
    assert err(text) == want


def test_stars_and_ampersands_in_text_are_text():
    assert load_text("a: R&D\nb: '*x'\nc: 5*3\n").data == {"a": "R&D", "b": "*x", "c": "5*3"}
