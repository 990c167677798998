"""Submissions for the Word and PDF tests: the full 127-measure submission of the shipped rubric (every
status shows; tests.html.conftest makes it), one whose subject name is hostile, and the report command run
on them (scored through the real CLI)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app
from tests.html.conftest import ROOT, full_yaml

HOSTILE = '<w:t>&amp;</w:t>]]>\x00\x08\x1b[31m**bold** [x](http://e.test) \u202e倒\n# 标题\ufffe'
"""XML and CDATA markup, characters XML 1.0 forbids (NUL, backspace, U+FFFE), a terminal escape, Markdown,
a bidi override and a newline: Word must show it literally, and the file must stay well-formed."""
SHOWN = '<w:t>&amp;</w:t>]]>\\x00\\x08\\x1b[31m**bold** [x](http://e.test) \\u202e倒\\n# 标题'
"""HOSTILE as the document shows it: controls as visible escapes (as in the terminal), U+FFFE dropped."""


def invoke(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


UNFILED = ("D1.I01.M01", "D2.I05.M01", "D5.I17.M01")
"""Measures left out of the submissions, so units have missing data on their task lists."""


def submissions(folder: Path) -> Path:
    """subs/full/2024.json (金昌市) and subs/evil/2024.json (the hostile name): every measure but UNFILED."""
    for sid, name in (("full", "金昌市"), ("evil", HOSTILE)):
        doc = json.loads(full_yaml(name))
        doc["subject"] = {"id": sid, "name": name}
        for i in UNFILED:
            del doc["values"][i]
        path = folder / "subs" / sid / "2024.json"
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(doc), encoding="utf-8")  # every control character as a JSON escape
    return folder / "subs"


@pytest.fixture(scope="session")
def written(tmp_path_factory):
    """report --format docx,json of both submissions, in Chinese: the output folder."""
    top = tmp_path_factory.mktemp("docx")
    r = invoke("report", submissions(top), "--rubrics-dir", ROOT / "rubrics", "--format", "docx,json",
               "-o", top / "out")
    assert r.exit_code == 0, r.output
    return top / "out"


@pytest.fixture(scope="session")
def english(tmp_path_factory):
    """The same in English (--lang en, --format docx only)."""
    top = tmp_path_factory.mktemp("docx-en")
    r = invoke("report", submissions(top), "--rubrics-dir", ROOT / "rubrics", "--format", "docx", "--lang", "en",
               "-o", top / "out")
    assert r.exit_code == 0, r.output
    return top / "out"
