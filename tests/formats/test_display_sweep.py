"""Every shipped submission (submissions/, rubrics/) in every human format, in zh and en: no True, False, None, nan,
inf, 万万, raw choice key, colour key or status key reaches a reader (issue 17)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from engine import rubric as rubrics

from .test_display_words import COLOUR_KEYS, LANGS, run, visible

ROOT = Path(__file__).resolve().parents[2]
SUBMISSIONS, RUBRICS = str(ROOT / "submissions"), str(ROOT / "rubrics")
VALUE = re.compile(r"\b(True|False|None|nan|NaN|inf)\b(?=\s*(?:[│|,<\n]|$))")
"""A raw value as a cell: the word alone before a cell's edge (a label such as 'False information in the
application' is prose)."""


NOTHING_DEDUCTED = re.compile(r"(扣分|deductions) −0(?![.\d])")
"""Nothing deducted shown with a minus ('扣分 −0'; a deduction of 0.5 is '扣分 −0.5')."""
MINUS = re.compile(r"(?<![\w.])-\d")
"""An ASCII hyphen as a minus sign (a reader's formats write −2; a date's 2026-12-31 is no minus)."""


def option_keys() -> set[str]:
    """Every option key of every choice measure of the shipped rubrics (spelled so a reader cannot take it for a
    word: an underscore or more than one word)."""
    keys = set()
    for path in Path(RUBRICS).glob("*.yaml"):
        for m in rubrics.load(path).measures:
            keys |= {str(k) for k in (m.params.get("options") or {}) if "_" in str(k)}
    return keys


@pytest.fixture(scope="module")
def shown(tmp_path_factory):
    """{(lang, name): what a reader sees} of the report set and of every terminal view of the shipped files."""
    out = {}
    for lang in LANGS:
        folder = tmp_path_factory.mktemp(f"report-{lang}")
        run("report", SUBMISSIONS, "--rubrics-dir", RUBRICS, "-o", str(folder), "--lang", lang)
        for f in folder.rglob("*"):
            if f.is_file() and f.suffix != ".json":
                out[lang, str(f.relative_to(folder))] = visible(f.read_text(encoding="utf-8-sig"), f.name)
        out[lang, "score.table"] = run("score", SUBMISSIONS, "--rubrics-dir", RUBRICS, "--lang", lang)
        for by in ("measure", "owner", "indicator"):
            out[lang, f"gaps-{by}.table"] = run("gaps", SUBMISSIONS, "--rubrics-dir", RUBRICS, "--lang", lang,
                                                "--by", by)
        for fmt in ("table", "markdown"):
            out[lang, f"progress.{fmt}"] = run("progress", SUBMISSIONS, "--rubrics-dir", RUBRICS, "--lang", lang,
                                               "-f", fmt, "--detail")
    return out


def test_the_sweep_sees_every_format(shown):
    suffixes = {Path(name).suffix for _, name in shown}
    assert {".md", ".html", ".csv", ".table", ".markdown"} <= suffixes
    assert sum(1 for _, name in shown if name.endswith(".html")) >= 20


@pytest.mark.parametrize("lang", LANGS)
def test_no_raw_value_reaches_a_reader(shown, lang):
    keys = option_keys()
    assert keys, "the shipped rubrics have a choice measure with option keys"
    for (l, name), text in shown.items():
        if l != lang:
            continue
        assert not VALUE.search(text), (name, VALUE.search(text))
        assert "万万" not in text, name
        if name.endswith(".csv"):  # the score CSV's value column is data: a choice's key there, as in JSON (SPEC 6)
            assert "−" not in text, name
            assert ".score." in name or not [k for k in keys if k in text], name
            continue
        assert not [k for k in keys if k in text], name
        assert not COLOUR_KEYS.search(text), (name, COLOUR_KEYS.search(text))
        assert "not-triggered" not in text and not NOTHING_DEDUCTED.search(text), name
        if not name.startswith("compare"):  # compare's own renderers (engine/formats/compare) are not swept here
            assert not MINUS.search(text), (name, MINUS.search(text))
