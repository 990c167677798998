"""No bytes make a reader raise: every file gives one item, its problems located in that file."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from engine import readers

HEAD = b"subject,period,measure,value\n"
NASTY = [b"", b"\xef\xbb\xbf", b"\x00\x00\x00", b"\xff\xfe\xfd", HEAD, HEAD + b"jc,2024,D1.M01,\"open\n",
         HEAD + b"jc,2024\x00,D1.M01,1\nzt,2024,D1.M01,1\n", HEAD + b"jc,2024,M,1,2,3\nzt,2024,M,1\n",
         b"subject;measure\r" + b"a;b\r" * 3 + b"c;d\r", b"PK\x03\x04" + b"\x00" * 40, b"PAR1" + b"\x00" * 12 + b"PAR1",
         HEAD + b"jc,2024,D1.M01," + b"9" * 5000 + b"\nzt,2024,D1.M01,\xe9\x87\n", b"- [a, b]\n", b"{\"rubric\": [1]}"]
SUFFIXES = readers.SUFFIXES + (".txt",)


def check(path: Path, force_long: bool) -> None:
    items = readers.read(path, force_long=force_long)
    assert len(items) == 1
    name, data, problems = items[0]
    assert name == str(path)
    assert data is not None or any(p.is_error for p in problems)
    assert all(p.loc.file == str(path) for p in problems)
    if data is not None and hasattr(data, "raws"):
        assert all(p.loc.file == str(path) for p in data.table_problems())
        for raw, more in data.raws():
            assert all(p.loc.file == str(path) for p in more)


@pytest.mark.parametrize("content", NASTY)
@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("force_long", [False, True])
def test_nasty_files_are_problems(tmp_path, content, suffix, force_long):
    path = tmp_path / f"x{suffix}"
    path.write_bytes(content)
    check(path, force_long)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.sampled_from([".csv", ".yaml", ".xlsx"]), st.booleans())
def test_random_bytes_after_a_long_header_are_problems(tail, suffix, force_long):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"x{suffix}"
        path.write_bytes(HEAD + b"jc,2024,D1.M01,1\nzt,2024,D1.M01,1\n" + tail)
        check(path, force_long)
