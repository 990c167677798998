"""report --format: without it the usual set, byte for byte; each format a part of the set or an addition,
in the same layout, written whole or not at all; a wrong name is a usage error."""
from __future__ import annotations

import pytest

from engine.problems import UsageError
from tests.docx.conftest import invoke, submissions
from tests.docx.read import STEM
from tests.html.conftest import ROOT


@pytest.fixture(scope="module")
def subs(tmp_path_factory):
    return submissions(tmp_path_factory.mktemp("subs"))


def report(subs, out, *formats: str):
    return invoke("report", subs, "--rubrics-dir", ROOT / "rubrics", "-o", out, *formats)


def tree(out) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_no_format_is_the_usual_set_and_naming_all_four_is_the_same(subs, tmp_path):
    assert report(subs, tmp_path / "a").exit_code == 0
    assert report(subs, tmp_path / "b", "--format", "md,html", "-f", "json", "-f", "CSV").exit_code == 0
    usual = tree(tmp_path / "a")
    assert usual == tree(tmp_path / "b")
    assert {name.rsplit(".", 1)[1] for name in usual} == {"md", "html", "json", "csv"} and len(usual) == 2 * 8 + 4


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv"])
def test_a_format_of_the_usual_set_is_exactly_its_files_there(subs, tmp_path, fmt):
    assert report(subs, tmp_path / "all").exit_code == 0
    assert report(subs, tmp_path / "part", "--format", fmt).exit_code == 0
    part = tree(tmp_path / "part")
    assert part and part == {k: v for k, v in tree(tmp_path / "all").items() if k.endswith("." + fmt)}


def test_each_format_writes_its_files_in_the_same_layout(subs, tmp_path):
    r = report(subs, tmp_path / "out", "--format", "docx", "--format", "md,docx")
    assert r.exit_code == 0, r.output
    names = set(tree(tmp_path / "out"))
    assert {n for n in names if n.endswith(".docx")} == {f"{s}/{STEM}.gaps.docx" for s in ("full", "evil")}
    assert names - {n for n in names if n.endswith(".docx")} == {f"{s}/{STEM}.{k}.md" for s in ("full", "evil")
                                                               for k in ("score", "gaps")} | {"compare.md"}


def test_an_unknown_format_is_a_usage_error(subs, tmp_path):
    r = report(subs, tmp_path / "out", "--format", "docx,word")
    assert r.exit_code == 2 and "unknown --format 'word'" in r.output and "docx, pdf" in r.output
    assert not (tmp_path / "out").exists()


def test_a_failure_half_way_leaves_the_previous_set(subs, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert report(subs, out, "--format", "docx").exit_code == 0
    before = tree(out)
    from engine.formats import docx

    made = []

    def fails_second(card, lang=None):
        made.append(card)
        if len(made) == 2:
            raise UsageError("disk full (simulated)")
        return b"new"
    monkeypatch.setattr(docx, "render", fails_second)
    r = report(subs, out, "--format", "docx")
    assert r.exit_code == 2 and "disk full (simulated)" in r.output
    assert tree(out) == before and sorted(p.name for p in out.iterdir()) == ["evil", "full"]


def test_without_python_docx_it_says_what_to_install(subs, tmp_path, monkeypatch):
    import sys

    import engine.formats

    for name in [m for m in sys.modules if m == "docx" or m.startswith(("docx.", "engine.formats.docx"))]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.delattr(engine.formats, "docx", raising=False)
    monkeypatch.setitem(sys.modules, "docx", None)  # import docx raises ImportError
    r = report(subs, tmp_path / "out", "--format", "docx", "--lang", "en")
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert "--format docx needs python-docx" in r.output and "pip install python-docx" in r.output
    zh = report(subs, tmp_path / "out", "--format", "docx")  # the rubric's language by default
    assert zh.exit_code == 2 and "需要 python-docx" in zh.output and "pip install python-docx" in zh.output
    assert not (tmp_path / "out").exists()
