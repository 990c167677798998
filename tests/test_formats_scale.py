"""The fast paths a long table's thousands of subjects are written by give the general path's very text.

Differential, never timed: every card of the shipped submissions (their rubrics, parts, verified stage,
assessors' ratings), of the golden cases (veto, bonus and deduction caps, missing values, ratings, bands,
choices), of a generated long table (odd and approximate values, evidence) and of a long table with
waivers and hostile text (bidi controls, C1 controls, ``##[``) is written both ways, in zh, en and the
rubric's own language.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from engine import pipeline
from engine.formats.common import card_dict
from engine.formats.json_card import CardWriter
from engine.formats.json_fmt import dumps
from engine.outcome import Cards
from engine.safe_text import json_ci
from tests.conftest import dedent
from tests.waivers.conftest import RUBRIC as WAIVER_RUBRIC

ROOT = Path(__file__).resolve().parent.parent
LANGS = (None, "zh", "en")
HOSTILE = "\u202e反转\u0085C1 ##[error]命令 ::warning::x <b>&amp;</b> | `*_"
TABLE = [
    ("a", "G1.M1", "waived", "本市无牧区", "自治区民委", "2026-12-31", "", ""),
    ("a", "G1.M2", "true", "", "", "", HOSTILE, "文件一；" + HOSTILE),
    ("a", "G2.M1", "false", "", "", "", "", ""),
    ("b", "G1.M1", "是", "", "", "", "note", ""),
    ("b", "G1.M2", "true", "", "", "", "", ""),
    ("b", "G2.M1", "TRUE", "", "", "", "", ""),
    ("b", "V1", "false", "", "", "", "", ""),
    ("c", "G1.M1", "true", "", "", "", "", ""),
    ("c", "G1.M2", " 不适用 ", "无此项", "市民委", "", "", ""),
    ("c", "V1", "true", "", "", "", "", ""),
]


def scored(paths, rubric=None, rubrics_dir="rubrics") -> list:
    outcomes = pipeline.run([str(p) for p in paths], pipeline.RubricFinder(rubric and str(rubric), rubrics_dir))
    return list(Cards(outcomes))


@pytest.fixture(scope="module")
def cards(tmp_path_factory) -> list:
    tmp = tmp_path_factory.mktemp("scale")
    found = scored([ROOT / "submissions"], rubrics_dir=str(ROOT / "rubrics"))
    for case in sorted((ROOT / "tests" / "cases").iterdir()):
        if (case / "expected.json").exists():
            found += scored([case / "submission.yaml"], case / "rubric.yaml")
    from bench.long_table import generate

    generate(tmp / "long.csv", 24, seed=3, odd=0.3, missing=0.2)
    found += scored([tmp / "long.csv"], ROOT / "rubrics" / "ethnic-unity-city.yaml")
    (tmp / "wv.yaml").write_text(dedent(WAIVER_RUBRIC).replace("MISSING", "zero"), encoding="utf-8")
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(
        [("subject", "period", "measure", "value", "reason", "approved_by", "expires", "note", "evidence")]
        + [(s, 2024, *rest) for s, *rest in TABLE])
    (tmp / "wv.csv").write_text(buf.getvalue(), encoding="utf-8")
    found += scored([tmp / "wv.csv"], tmp / "wv.yaml")
    return found


def test_the_inputs_are_varied(cards):
    """What the comparisons below run over: enough of every kind of card to mean something."""
    data = [card_dict(c) for c in cards]
    measures = [m for d in data for m in d["measures"]]
    assert len(cards) > 40
    assert any(d["vetoed"] for d in data) and any(d["waivers"] for d in data) and any("stages" in d for d in data)
    assert any(d["bonus"] for d in data) and any(d["deductions"] for d in data)
    for key in ("ratings", "original", "approximate", "evidence", "note", "waiver", "stage"):
        assert any(key in m for m in measures), key
    assert any(m["value"] is None for m in measures) and any(isinstance(m["value"], str) for m in measures)
    assert any(HOSTILE in json.dumps(m, ensure_ascii=False) for m in measures)


@pytest.mark.parametrize("lang", LANGS)
def test_json_lines_are_the_general_encoders_text(cards, lang):
    writer = CardWriter(lang)
    for card in cards:
        assert writer.line(card) == dumps(card_dict(card, lang), None)


def test_json_lines_keep_the_escapes_that_a_log_needs(cards):
    text = CardWriter("zh").line(cards[-3])
    assert "##\\u005b" in text and "\\u202e" in text and "\\u0085" in text and "##[" not in text


SHAPES = [{}, [], {"a": []}, {"a": {}}, [[]], [{}], 1, "x", None, True, 1.5, float("nan"), float("-inf"),
          {"a": 1, "b": [1, 2, {"c": []}], "d": {"e": None}}, [1, [2, [3]]], {1: 2, 2.5: 3, True: 1, None: 4},
          {1: [2]}, ("a", ("b",)), {"s": HOSTILE + '\n"\\'}, [{"a": [1]}, "x", [], {}]]


@pytest.mark.parametrize("data", SHAPES, ids=range(len(SHAPES)))
def test_indented_json_is_the_standard_encoders(data):
    from engine.formats.json_indent import dumps as indented

    text = json.dumps(data, ensure_ascii=False, indent=2)
    assert indented(data) == text
    assert indented(data, 2, 1) == text.replace("\n", "\n  ")


def test_indented_json_refuses_what_the_standard_encoder_refuses():
    from engine.formats.json_indent import dumps as indented

    with pytest.raises(TypeError, match="not JSON serializable"):
        indented({"a": [object()]})


@pytest.mark.parametrize("single", (None, True, False))
@pytest.mark.parametrize("n", (0, 1, 2, 5))
def test_json_items_are_the_whole_documents_text(cards, n, single):
    from engine import gaps
    from engine.formats.gaps import json_fmt as gap_json
    from engine.formats.gaps.common import report_dict
    from engine.formats.json_fmt import items, shaped

    reports = [gaps.analyse(c) for c in cards[-n:]] if n else []
    whole = json_ci(json.dumps(shaped([report_dict(r, "en") for r in reports], single), ensure_ascii=False,
                               indent=2)) + "\n"
    assert gap_json.render(reports, "en", single=single) == whole
    assert "".join(items(iter([report_dict(r, "en") for r in reports]), single)) == whole


def test_gap_reports_in_json_are_the_standard_encoders_text(cards):
    from engine import gaps
    from engine.formats.gaps.common import report_dict

    for lang in LANGS:
        data = [report_dict(gaps.analyse(c), lang) for c in cards]
        assert dumps(data) == json_ci(json.dumps(data, ensure_ascii=False, indent=2))


def rich_only(monkeypatch):
    """Every table printed by rich itself (the general path)."""
    from engine.formats import plain_table

    monkeypatch.setattr(plain_table, "table_lines", lambda console, table: None)


@pytest.mark.parametrize("width", (120, 80, 60, 44))
def test_scorecard_tables_in_a_file_are_richs_text(cards, width, monkeypatch):
    from engine.formats import table

    fast = {lang: table.render(cards, lang, width) for lang in LANGS}
    rich_only(monkeypatch)
    for lang in LANGS:
        assert fast[lang] == table.render(cards, lang, width)


def test_the_plain_tables_are_written_line_by_line(cards):
    """The fast path is the one taken for a plain file console (else the test above compares rich to itself)."""
    from engine.formats.plain_table import table_lines
    from engine.formats.table import measures_table
    from engine.safe_text import console

    plain = console(io.StringIO(), width=120, no_color=True)
    assert all(table_lines(plain, measures_table(c, "en")) for c in cards)
    colour = console(io.StringIO(), width=120, force_terminal=True)
    assert table_lines(colour, measures_table(cards[0], "en")) is None


@pytest.mark.parametrize("width", (120, 80, 60))
def test_gap_tables_in_a_file_are_richs_text(cards, width, monkeypatch):
    from engine import gaps
    from engine.formats.gaps import table

    reports = [gaps.analyse(c) for c in cards]
    views = (("measure",), ("owner",), ("indicator",), ("measure", "owner", "indicator"))
    fast = {(lang, by): table.render(reports, lang, by, 3 if lang == "en" else None, width)
            for lang in LANGS for by in views}
    rich_only(monkeypatch)
    for (lang, by), text in fast.items():
        assert text == table.render(reports, lang, by, 3 if lang == "en" else None, width)


@pytest.mark.parametrize("n", (0, 1, 3))
def test_a_page_of_scorecards_is_the_whole_documents_text(cards, n):
    from engine.formats import html
    from engine.formats.words import ui_lang
    from engine.html import card, page

    some = cards[-n:] if n else []
    for lang in LANGS:
        if not some:
            whole = page.document("scorecard", "", lang or "zh")
        else:
            title = card.title(some[0], lang) if n == 1 else some[0].rubric.title.get(lang)
            whole = page.document(title, "\n".join(card.article(c, lang) for c in some), ui_lang(lang, some[0].rubric))
        assert html.render(some, lang) == whole


def test_remembered_escapes_are_the_escapes(cards):
    from engine.formats.markdown import row
    from engine.html import svg
    from engine.html.page import _esc, esc
    from engine.safe_text import md

    texts = [HOSTILE, "", "a\rb", "::x", "A & B <c>", "85", "测试"] + [m.measure.label.get("en") for m in cards[0].measures]
    for t in texts:
        assert esc(t) == _esc.__wrapped__(t) and row(t, 1, None) == f"| {md(t)} | 1 | None |"
        assert svg.wrap(t, 6.5) == list(svg._wrapped.__wrapped__(t, 6.5, 2))
    assert esc(None) == "" and esc(1.5) == "1.5"


def test_gap_csv_in_pieces_is_one_writers_text(cards):
    from engine import gaps
    from engine.formats.common import _safe_text, safe_cell
    from engine.formats.gaps import csv_fmt

    reports = [gaps.analyse(c) for c in cards]
    for by, (columns, rows) in {"measure": (csv_fmt.MEASURE, csv_fmt._measure_rows),
                                "owner": (csv_fmt.OWNER, csv_fmt._owner_rows),
                                "indicator": (csv_fmt.INDICATOR, csv_fmt._indicator_rows)}.items():
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        for rep in reports:
            for row in rows(rep, "zh", 2):
                w.writerow([safe_cell(csv_fmt._cell(v)) for v in csv_fmt._head(rep, "zh") + row])
        assert csv_fmt.render(reports, "zh", (by,), 2) == buf.getvalue()
    for t in (HOSTILE, "=1+1", " ::x", "-3", "a\nb", "普通"):
        assert safe_cell(t) == _safe_text.__wrapped__(t)
    assert safe_cell(-3) == -3 and safe_cell(None) is None
