"""The YAML reader on arbitrary bytes and on structured but hostile YAML: a value or located problems (at most
the per-file cap), never an exception other than the engine's own."""
from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from engine import readers, yamlstrict

from . import targets
from .hostile import fuzz
from .yamlgen import document

SEED = b"rubric: demo\nsubject: {id: jc, name: \xe9\x87\x91\xe6\x98\x8c}\nperiod: 2024\nvalues:\n  D1.M02: 80\n"


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    return targets.Workspace(tmp_path_factory.mktemp("yaml"))


@fuzz(150)
@given(st.binary(max_size=300))
@example(b"\xff\xfe")
@example(b"\x00")
@example(b"[" * 3000)
def test_any_bytes(raw):
    targets.yaml_text(raw)


@fuzz(60)
@given(st.lists(st.tuples(st.integers(0, len(SEED) - 1), st.integers(0, 255)), min_size=1, max_size=6))
def test_mutated_submission(ws, edits):
    raw = bytearray(SEED)
    for pos, byte in edits:
        raw[pos] = byte
    targets.yaml_submission(ws, bytes(raw))


@fuzz(80)
@given(document())
def test_hostile_structured_yaml(ws, raw):
    targets.yaml_submission(ws, raw)


@pytest.mark.parametrize("raw", [b"&a [*a, *a]"])
def test_self_referencing_alias_fails_with_one_message(ws, raw):
    """A 15-byte document expanded to 33,000 problems in about 5 s (issue 11, alias expansion)."""
    _, problems = readers.read_one(ws.write("2024.yaml", raw))
    assert len(problems) == 1, f"{raw!r}: {len(problems)} problems"


@fuzz(20)
@given(st.integers(65, 3000), st.sampled_from(["[", "- ", "{a: "]))
def test_nesting_refused_with_the_engines_message(n, opener):
    """Whatever libyaml is installed, too deep a nesting reads 'nesting deeper than 64 levels'."""
    closer = {"[": "]", "- ": "", "{a: ": "}"}[opener]
    with pytest.raises(yamlstrict.YamlError, match="nesting deeper than 64 levels"):
        yamlstrict.load_text(opener * n + "1" + closer * n)


@fuzz(6)
@given(st.integers(201, 500), st.sampled_from(["D1.M02: 1", "k{i}: .nan", "k{i}: !!python/none x", "k{i}: 1e400"]))
def test_loader_problems_count_against_the_cap(ws, n, line):
    """400 duplicate keys list 400 problems, 400 NaNs 601 (the loader's are never capped)."""
    body = "".join(f"  {line.format(i=i)}\n" for i in range(n))
    targets.yaml_submission(ws, f"rubric: demo\nsubject: jc\nperiod: 2024\nvalues:\n{body}".encode())
