"""The report set at scale: each scorecard's files rendered and staged by forked workers (engine.report_parallel)
are the files one process writes, byte for byte; the texts made once per run (engine.html.memo) are the texts
made each time; a worker's failure leaves the previous set whole."""
from __future__ import annotations

import csv
import errno
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine import gaps, io, parallel, pipeline, report_set
from engine.cli import app
from engine.formats import display, markdown
from engine.formats.common import num
from engine.html import card as html_card, measure_table
from engine.html.memo import Memo
from engine.html.page import esc

TOP = Path(__file__).resolve().parents[1]
RUBRIC = TOP / "rubrics" / "ethnic-unity-city.yaml"
HOSTILE = ("<b>粗</b> | ##[error]x", "`code` *em* [a](b) \\x1b[31m", "::warning::市\r\n# h1", "&amp; <!-- -->")


def run(*args) -> object:
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def _table(path: Path, n: int = 12) -> Path:
    """A long table of n subjects: approximate and scaled values ('约120', '3.6万'), missing cells and rows, and
    hostile names and evidence (markup, Markdown, CI commands, escapes)."""
    from bench.long_table import generate

    raw = path.with_suffix(".raw.csv")
    generate(raw, n, seed=3, odd=0.3, missing=0.2)
    with open(raw, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    for k, row in enumerate(rows[1:]):
        i = int(row[0][1:])
        if i % 3 == 1:
            row[1] = f"{HOSTILE[i % len(HOSTILE)]}市{i}"
        if row[5] and k % 4 == 0:
            row[5] = HOSTILE[k % len(HOSTILE)]
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def forking(monkeypatch):
    """Workers for any number of scorecards (the usual threshold is 48), two of them."""
    monkeypatch.setattr(parallel, "MIN_FILES", 1)
    monkeypatch.setenv("SCORECARD_JOBS", "2")


@pytest.fixture
def inputs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(TOP / "submissions", tmp_path / "submissions")
    shutil.copytree(TOP / "rubrics", tmp_path / "rubrics")
    _table(tmp_path / "long.csv")
    return {"table": ["long.csv", "--rubric", "rubrics/ethnic-unity-city.yaml"],
            "shipped": ["submissions/"]}


@pytest.mark.parametrize("which", ["table", "shipped"])
def test_workers_write_the_set_one_process_writes(inputs, forking, monkeypatch, tmp_path, which):
    forked = run("report", *inputs[which], "-o", "forked")
    assert forked.exit_code in (0, 1), forked.output
    monkeypatch.setenv("SCORECARD_JOBS", "1")
    single = run("report", *inputs[which], "-o", "single")
    assert _files(tmp_path / "forked") == _files(tmp_path / "single")
    assert forked.stdout.replace("forked", "single") == single.stdout  # the table of what was written, too
    if which == "table":
        cards = [o.card for o in pipeline.run_files([Path("long.csv")], pipeline.RubricFinder(str(RUBRIC)))
                 if o.scored]
        planned = {str(f.path): f.data for f in report_set.plan(cards)}
        assert planned == _files(tmp_path / "single")
        page = (tmp_path / "single" / "c00001" / "2024.ethnic-unity-city.html").read_text(encoding="utf-8")
        assert "&lt;b&gt;粗&lt;/b&gt;" in page and "<b>粗</b>" not in page


def test_a_worker_that_fails_leaves_the_previous_set(inputs, forking, monkeypatch, tmp_path):
    assert run("report", *inputs["table"], "-o", "reports").exit_code in (0, 1)
    before = _files(tmp_path / "reports")
    real = io.write_all

    def full(fd, data):
        if "测试市00008".encode() in data:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd, data)

    monkeypatch.setattr(io, "write_all", full)  # the forked workers inherit it
    table = Path("long.csv")
    table.write_text(table.read_text(encoding="utf-8").replace("测试市00002", "测试市00002改"), encoding="utf-8")
    r = run("report", *inputs["table"], "-o", "reports")
    assert r.exit_code == 2 and "no space left on the device" in r.stderr and "Traceback" not in r.output
    assert _files(tmp_path / "reports") == before
    assert not [p for p in (tmp_path / "reports").iterdir() if p.name.startswith(".")]
    assert os.listdir(tmp_path / "reports")


def _cards(tmp_path: Path) -> list:
    return [o.card for o in pipeline.run_files([_table(tmp_path / "long.csv", 8)],
                                                pipeline.RubricFinder(str(RUBRIC))) if o.scored]


def test_texts_made_once_are_the_texts_made_each_time(tmp_path, monkeypatch):
    """Every HTML and Markdown report of the varied table, with the memos on and with them off."""
    cards = _cards(tmp_path)
    fast = [(html_card.render(c, None, "../index.html"), markdown.render([c], "en")) for c in cards]
    monkeypatch.setattr(Memo, "__call__", lambda self, held, *values: self._make(*held, *values))
    assert [(html_card.render(c, None, "../index.html"), markdown.render([c], "en")) for c in cards] == fast


def test_a_measure_row_is_its_cells(tmp_path):
    """The HTML and Markdown rows put together from the cells' own functions, for every measure of the table."""
    for card in _cards(tmp_path):
        for m in card.measures:
            e = m.entry
            key = measure_table._key
            html = (f'<tr data-status="{m.status}"><td class="id">{esc(m.id)}</td><td>{esc(m.measure.label.get(None))}'
                    f'</td><td class="n"{key(m.value, e is None)}>{esc(measure_table.value_text(m, "zh"))}</td>'
                    f'<td class="s">{esc("" if e is None else display.written(e.raw, "zh"))}</td>'
                    f'<td>{esc(measure_table.target_text(m, "zh"))}</td><td class="n"{key(m.score)}>'
                    f'{esc(measure_table.score_text(m))}</td>{measure_table.status_cell(m.status, "zh")}'
                    f'<td>{measure_table.owners_html(m, card.rubric, "zh", None)}</td>'
                    f'<td class="s">{"<br>".join(esc(x) for x in (e.evidence if e else ()))}</td>'
                    f'<td class="s">{esc(e.note if e else "")}</td></tr>')
            assert measure_table.row(m, card.rubric, "zh", None) == html
            assert markdown.measure_row(m, "zh", None) == markdown.row(
                m.id, m.measure.label.get(None), display.value(m.measure, m.value, "zh"), num(m.score), num(m.max),
                display.status(m.status, "zh"))


def test_memo_tells_equal_values_of_other_types_and_other_objects_apart():
    memo = Memo(lambda obj, v: f"{obj[0]}:{v!r}")
    a, b = ["a"], ["b"]
    assert [memo((a,), 1), memo((a,), 1.0), memo((a,), True), memo((b,), 1)] == ["a:1", "a:1.0", "a:True", "b:1"]
    assert memo((a,), [4, 5]) == "a:[4, 5]"  # not a key: made each time


def test_two_rubrics_with_the_same_ids_keep_their_own_labels(tmp_path):
    text = RUBRIC.read_text(encoding="utf-8")
    card = _cards(tmp_path)[0]
    first = card.measures[0].measure
    other = tmp_path / "other.yaml"
    other.write_text(text.replace(first.label.get("zh"), "另一个名称", 1), encoding="utf-8")
    theirs = [o.card for o in pipeline.run_files([tmp_path / "long.csv"], pipeline.RubricFinder(str(other)))
              if o.scored][0]
    ours_md, theirs_md = markdown.render([card]), markdown.render([theirs])
    assert "另一个名称" in theirs_md and "另一个名称" not in ours_md
    assert "另一个名称" in html_card.render(theirs)
    assert "另一个名称" not in html_card.render(card, rep=gaps.analyse(card))
