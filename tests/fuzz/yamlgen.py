"""Structured but hostile YAML submissions: the header a real file has, then entries whose keys and values
are tags, aliases, huge numbers, duplicate keys, control characters, deep nesting and stray syntax."""
from __future__ import annotations

import json

from hypothesis import strategies as st

from .hostile import text

KEYS = ("D1.M01", "D1.M02", "D1.M03", "D2.M01", "D2.M02", "D2.M03", "D2.M04", "X.B01", "X.D01", "X.V01")
TOKENS = (
    "yes", "no", "on", "~", "null", "", "true", "True", "1e400", "-1e400", "1e15", "1e16", "0x" + "f" * 50,
    "9" * 60, "-" + "9" * 41, ".nan", "-.inf", ".Inf", "0o17", "0o99", "017", "1_000", "12:30", "2024-01-01",
    "!!int 3", "!!int x", "!!float 1", "!!bool yes", "!!null ''", "!!str 12", "! 12", "!!binary aGk=",
    "!!timestamp 2024-01-01", "!!python/object:os.system x", "!!python/name:os.system", "!custom x",
    "!<tag:yaml.org,2002:int> 1", "!<!> 1", "&a 1", "*a", "*nope", "&b [1, 2]", "*b", "[", "]", "{", "'", '"',
    "|", ">", "@", "`", "%", "? x", "<<: *b", "[1, [2, [3]]]", "{value: 1, evidence: [a], note: n}",
    "{value: 1, value: 2}", "{value: 1, bogus: 2}", "{evidence: 1}", "[4, 5, 4]", "3.6万", "１２", "85%", "是",
    "\t1", "1 # c", "#", "- 1", "{? [a]: 1}", "[a, b]: 1",
)
"""Plain YAML tokens written as is (not quoted): each one is something a reader must survive."""


def _quoted(s: str) -> str:
    return json.dumps(s)


value = st.one_of(st.sampled_from(TOKENS), text.map(_quoted), st.integers(-10**20, 10**20).map(str),
                  st.floats(allow_nan=False).map(repr))
key = st.one_of(st.sampled_from(KEYS), text.map(_quoted), st.sampled_from(TOKENS[:30]))
entry = st.tuples(key, value).map(lambda kv: f"  {kv[0]}: {kv[1]}")
raw_line = st.one_of(text, st.sampled_from(("---", "...", "%YAML 1.1", "%TAG ! tag:e.invalid,2000:", "values:",
                                            "  &x", "\t- a", "\ufeff", "\x00", "\x1b[2J")))
nesting = st.tuples(st.integers(1, 200), st.sampled_from(("[", "{a: ", "- "))).map(
    lambda nk: "  D1.M02: " + nk[1] * nk[0] + "1" + {"[": "]", "{a: ": "}", "- ": ""}[nk[1]] * nk[0])


@st.composite
def document(draw) -> bytes:
    """A submission's header, then a mix of hostile entries, raw lines and deep nesting; then an encoding."""
    lines = ["rubric: demo", f"subject: {draw(value)}", f"period: {draw(value)}", "values:"]
    lines += draw(st.lists(st.one_of(entry, entry, entry, raw_line, nesting), max_size=12))
    body = "\n".join(lines) + draw(st.sampled_from(("\n", "", "\r\n")))
    encoding = draw(st.sampled_from(("utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "gb18030", "latin-1")))
    return body.encode(encoding, errors="replace")
