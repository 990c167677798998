"""Hostile text through EVERY renderer: score, gaps and compare formats, the CI reporters and the step
summary, and the commands that print (validate, check, score, gaps, compare, report, rubric show/lint).

One string holding rich markup, emoji codes, ANSI/OSC sequences, bidi controls, line breaks, GitHub
workflow commands and live Markdown stands in every rubric and submission string (title, version, grade
labels, group, measure and veto labels, units, unit names, subject name, note, unknown ids) and in file
paths (a period holding a control character is refused by validation, so the period is plain).
The raw output must carry none of it live: no control or bidi character, no line GitHub would execute but
the engine's own annotations, no live Markdown, no emoji, no crash."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from engine import ci, compare, formats, gaps, pipeline, report_set
from engine.cli import app
from engine.formats import compare as compare_formats
from engine.formats import gaps as gap_formats
from engine.gate import Bar, judge

H = ("[bold]b[/] [/] [link=https://evil.example]L[/link] :smile: f:100:15 :100: "
     "\x1b[2J\x1b]0;T\x07\x1b]52;c;ZXZpbA==\x07\x1b]8;;https://e\x1b\\K\x1b]8;;\x1b\\ \u202eRLO\u2066x\u2069\u200f "
     "a\nb\r\nc\x85d\u2028e\n::warning file=x::pwn\n  ::stop-commands::tok\r::add-mask::s ##[add-mask]s "
     "![i](http://e/x.png) [l](http://e) <img src=x onerror=alert(1)> https://e.example www.e.example "
     "| `t` *e* _u_ ~s~ $m$ &amp; \x00\x9b31m 中文")
BENIGN = "x"
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
"""What must never reach a terminal or a log raw (a newline is the engine's own)."""
ANNOTATION = re.compile(r"::(error|warning) file=[^:\n]*,line=\d+,col=\d+,title=[^:\n]*::[^\n]*")
PATHS = ("::warning file=x::pwn", "n\n::error::nl", "[bold]d[/] :100:")


def rubric_text(h: str) -> str:
    q = json.dumps
    return f"""\
rubric: hx
version: {q("1" + h)}
title: {{zh: {q("题" + h)}, en: {q("T" + h)}}}
grades:
  - {{id: a, label: {{zh: {q("优" + h)}}}, min: 60}}
  - {{id: f, label: {{zh: {q("差" + h)}}}, min: 0}}
units:
  u1: {{zh: {q("单位" + h)}}}
tree:
  - id: G1
    label: {{zh: {q("组" + h)}}}
    children:
      - {{id: G1.M1, label: {{zh: {q("项" + h)}}}, method: linear, floor: 0, target: 100, points: 60,
         unit: {q("个" + h)}, owners: [u1]}}
      - {{id: G1.M2, label: {{zh: {q("选" + h)}}}, method: check, points: 40, owners: [u1]}}
  - id: V
    label: {{zh: {q("否" + h)}}}
    children:
      - {{id: V.M1, label: {{zh: {q("否决" + h)}}}, method: veto}}
"""


def sub_text(h: str, sid: str, value: int, veto: bool = False, bad: bool = False) -> str:
    q = json.dumps
    version = "1" + h
    extra = f"  {q('G1.M9' + h)}: {q(h)}\n" if bad else ""
    return (f"rubric: {q('hx@' + version)}\nsubject: {{id: {sid}, name: {q('名' + h)}}}\nperiod: 2024\n"
            f"values:\n  G1.M1: {{value: {value}, note: {q('注' + h)}}}\n  G1.M2: true\n"
            f"  V.M1: {'true' if veto else 'false'}\n{extra}")


def write_world(root, h: str) -> list[str]:
    """rubrics/hx.yaml and three submissions (an invalid one, a vetoed one) under hostile folder names."""
    (root / "rubrics").mkdir(parents=True, exist_ok=True)
    (root / "rubrics" / "hx.yaml").write_text(rubric_text(h), encoding="utf-8")
    files = []
    for i, (folder, args) in enumerate(zip(PATHS, [(50, False, True), (30, True, False), (80, False, False)])):
        path = root / (folder if h != BENIGN else f"p{i}") / "s-2024.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sub_text(h, f"s{i}", *args), encoding="utf-8")
        files.append(str(path.relative_to(root)))
    return files


@pytest.fixture
def world(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    files = write_world(tmp_path, H)
    outcomes = list(pipeline.run(files, pipeline.RubricFinder("rubrics/hx.yaml")))
    assert [o.ok for o in outcomes] == [False, True, True], [str(p) for o in outcomes for p in o.problems]
    return files, outcomes


def benign_outcomes(root):
    files = write_world(root, BENIGN)
    return list(pipeline.run([str(root / f) for f in files], pipeline.RubricFinder(str(root / "rubrics/hx.yaml"))))


def assert_inert(out: str, github: bool = False) -> None:
    """Nothing a terminal, a log or the CI runner would act on; no emoji made of a code."""
    assert not RAW.search(out), repr(RAW.search(out).group())
    assert "💯" not in out and "😄" not in out
    for line in re.split("[\r\n]", out):
        if github and ANNOTATION.fullmatch(line):
            continue
        assert not line.lstrip().startswith("::"), line
        assert "##[" not in line, line


def assert_literal(out: str) -> None:
    """The markup was shown, not applied."""
    assert "[bold]b[/]" in out and "[link=https://evil.example]L[/link]" in out and ":smile:" in out


def md_blocks(text: str) -> list[str]:
    return [t.type for t in MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)]


def assert_markdown_inert(text: str, benign: str) -> None:
    assert not RAW.search(text)
    parsed = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text)
    kinds = {t.type for tok in parsed for t in [tok, *(tok.children or [])]}
    assert not kinds & {"image", "link_open", "html_inline", "html_block"}, kinds
    assert "<img" not in text and "https://e" not in text and "~s~" not in text
    assert md_blocks(text) == md_blocks(benign)  # no heading, list, quote or table row was injected


@pytest.mark.parametrize("name", list(formats.FORMATS))
def test_score_formats(world, name, tmp_path_factory):
    cards = [o.card for o in world[1] if o.ok]
    out = formats.get(name).render(cards, None)
    if name == "table":
        assert_inert(out)
        assert_literal(out)
    elif name == "markdown":
        benign = [o.card for o in benign_outcomes(tmp_path_factory.mktemp("b")) if o.ok]
        assert_markdown_inert(out, formats.get(name).render(benign, None))
    elif name == "csv":
        assert_inert(out)
    elif name == "html":
        assert "<img src=x" not in out and "[link=" in out
    else:
        assert json.loads(out)


@pytest.mark.parametrize("name", list(gap_formats.FORMATS))
@pytest.mark.parametrize("view", gap_formats.VIEWS)
def test_gap_formats(world, name, view, tmp_path_factory):
    reports = [gaps.analyse(o.card) for o in world[1] if o.ok]
    out = gap_formats.get(name).render(reports, None, (view,))
    if name == "table":
        assert_inert(out)
        assert_literal(out)
    elif name == "markdown":
        benign = [gaps.analyse(o.card) for o in benign_outcomes(tmp_path_factory.mktemp("b")) if o.ok]
        assert_markdown_inert(out, gap_formats.get(name).render(benign, None, (view,)))
    elif name == "csv":
        assert_inert(out)
    else:
        assert json.loads(out)


@pytest.mark.parametrize("name", list(compare_formats.FORMATS))
def test_compare_formats(world, name, tmp_path_factory):
    out = compare_formats.get(name).render(compare.compare([o.card for o in world[1] if o.ok]), None)
    if name == "table":
        assert_inert(out)
        assert_literal(out)
    elif name == "markdown":
        benign = compare.compare([o.card for o in benign_outcomes(tmp_path_factory.mktemp("b")) if o.ok])
        assert_markdown_inert(out, compare_formats.get(name).render(benign, None))
    elif name == "csv":
        assert_inert(out)
    else:
        assert json.loads(out)


@pytest.mark.parametrize("name", list(ci.REPORTERS))
def test_ci_reporters(world, name):
    verdicts = [judge(o, Bar("a", None)) for o in world[1]]
    out = ci.get(name).render(verdicts, bar=Bar("a", None))
    assert_inert(out, github=name == "github")
    if name in ("text", "github"):
        assert ":smile:" in out
    if name == "json":
        messages = [p["message"] for r in json.loads(out)["results"] for p in r["problems"]]
        # the data is intact (the engine's message may show a key as an escape, a repr or a cut)
        assert any("[link=https://evil.example]" in m for m in messages), messages
    if name == "sarif":
        data = json.loads(out)
        uris = [loc["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]
                for loc in r["locations"]]
        assert uris and all(re.fullmatch(r"[A-Za-z0-9._~/%-]+", u) for u in uris), uris
        assert {unquote(u) for u in uris} <= set(world[0])
    if name == "junit":
        ET.fromstring(out.split("\n", 1)[1])


def test_github_annotations_are_the_only_commands(world):
    verdicts = [judge(o, Bar("a", None)) for o in world[1]]
    out = ci.get("github").render(verdicts, bar=Bar("a", None))
    commands = [ln for ln in out.splitlines() if ln.startswith("::")]
    assert commands and all(ANNOTATION.fullmatch(ln) for ln in commands)
    for ln in commands:  # the runner: properties up to the next "::", split at "," and each at its first "="
        props = ln[2:].split("::", 1)[0].split(" ", 1)[1]
        assert [p.split("=", 1)[0] for p in props.split(",")] == ["file", "line", "col", "title"]


def test_step_summary(world, tmp_path_factory):
    verdicts = [judge(o, Bar("a", None)) for o in world[1]]
    benign = [judge(o, Bar("a", None)) for o in benign_outcomes(tmp_path_factory.mktemp("b"))]
    github = ci.get("github")
    assert_markdown_inert(github.summary(verdicts, Bar("a", None)), github.summary(benign, Bar("a", None)))


def test_report_set_markdown_and_csv(world, tmp_path_factory):
    cards = [o.card for o in world[1] if o.ok]
    benign = report_set.plan([o.card for o in benign_outcomes(tmp_path_factory.mktemp("b")) if o.ok])
    plan = report_set.plan(cards)
    assert [(f.kind, f.path.suffix) for f in plan] == [(f.kind, f.path.suffix) for f in benign]
    for f, b in zip(plan, benign):
        if f.path.suffix == ".md":
            assert_markdown_inert(f.text, b.text)
        elif f.path.suffix == ".csv":
            assert_inert(f.text)


def run(*args, env=None):
    return CliRunner().invoke(app, list(args), catch_exceptions=False, env=env)


@pytest.mark.parametrize("args", [
    ("validate",), ("check", "-f", "text"), ("check", "-f", "github"), ("score",), ("gaps", "--by", "measure"),
    ("gaps", "--by", "owner"), ("gaps", "--by", "indicator"), ("compare",), ("score", "-f", "csv"),
    ("score", "-f", "markdown")])
def test_commands(world, args, tmp_path):
    files = world[0] if args[0] in ("validate", "check") else world[0][1:]
    if args[0] == "gaps":
        files = files[:1]
    summary = tmp_path / "summary.md"
    r = run(*args, *files, "--rubric", "rubrics/hx.yaml",
            env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)} if "github" in args else None)
    assert r.exit_code in (0, 1), r.output
    assert_inert(r.stdout, github="github" in args)
    assert_inert(r.stderr)
    if args[0] in ("validate", "check"):
        assert "\\::warning file=x::pwn/s-2024.yaml" in r.stdout + r.stderr or "-f" in args and "github" in args


def test_report_written_table(world):
    from engine.cli.report_cmd import written_table
    from engine.safe_text import console

    out = io.StringIO()
    console(out, width=80).print(written_table(report_set.plan([o.card for o in world[1] if o.ok]), Path("o[/]")))
    assert_inert(out.getvalue())
    assert "名[bold]b[/]" in out.getvalue() and "o[/]/" in out.getvalue()


@pytest.mark.parametrize("sub", ["show", "lint"])
def test_rubric_commands(world, sub, tmp_path):
    (tmp_path / "[bold]r[").mkdir()
    hostile = tmp_path / "[bold]r[" / "] :100:.yaml"
    hostile.write_text((tmp_path / "rubrics/hx.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    r = run("rubric", sub, str(hostile))
    assert r.exit_code == 0, r.output
    assert_inert(r.stdout)
    assert_inert(r.stderr)
    if sub == "show":
        assert_literal(r.stdout)
    else:
        assert "[bold]r[/] :100:.yaml: 通过" in r.stderr  # the path as it is, not escaped or styled away


def test_usage_error_with_markup_in_a_path():
    r = run("rubric", "show", "[/]x:100:.yaml")
    assert r.exit_code == 2 and "no such rubric file: [/]x:100:.yaml" in r.stderr


def test_written_path_with_markup(world, tmp_path):
    (tmp_path / "o[").mkdir()
    r = run("score", world[0][2], "--rubric", "rubrics/hx.yaml", "-f", "json", "-o", "o[/]:100:.json")
    assert r.exit_code == 0, r.output
    assert "o[/]:100:.json" in r.stderr and "💯" not in r.stderr


def test_progress_label_is_literal(monkeypatch):
    from engine.cli import progress
    from engine.safe_text import console

    monkeypatch.setattr(progress, "DELAY", -1.0)
    out = io.StringIO()
    c = console(out, width=80, force_terminal=True)
    assert list(progress.tracked(range(3), 3, c, "[bold]{x} :100: \x1b]0;t\x07")) == [0, 1, 2]
    assert "[bold]{x} :100: \\x1b]0;t\\x07" in out.getvalue() and "\x1b]0" not in out.getvalue()
