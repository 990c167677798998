"""What a reader sees is in words of the rubric's language, never a raw key (issue 17): an option by its label, a
boolean as 是/否 or yes/no, 10000 万元 as 1亿元, a deduction as −2 (nothing deducted: 0), a status in words, no
colour key; in the terminal table, the Markdown and the HTML of score and gaps, and the report set, in zh and en.
The CSV keeps plain values (numbers with an ASCII minus, so Excel reads them)."""
from __future__ import annotations

import csv
import io
import re

import pytest
from typer.testing import CliRunner

from engine.cli import app
from engine.formats import display
from tests.html.parse import parse

from .words_rubric import CLEAN, FIRED, OPTION_KEYS, RUBRIC, VETOED

LANGS = ("zh", "en")
COLOUR_KEYS = re.compile(r"\b(green|yellow|orange|red|grey|teal|amber)\b")
STATUS_KEYS = re.compile(r"(?<![\w-])(full|partial|zero|missing|excluded|waived|triggered|not-triggered)(?![\w-])")
RAW = re.compile(r"\b(True|False|None|nan|NaN|inf)\b")


def run(*args: str, width: int = 160) -> str:
    """The command's output, 160 columns wide so that no cell wraps (tests/test_widths.py holds 80 columns)."""
    r = CliRunner().invoke(app, list(args), catch_exceptions=False, env={"COLUMNS": str(width)})
    assert r.exit_code == 0, r.output
    return r.stdout


def visible(text: str, name: str) -> str:
    """What a reader sees of an output: an HTML page's text (no markup, styles or scripts), the rest as it is."""
    return "\n".join(parse(text).text) if name.endswith(".html") else text


@pytest.fixture(scope="module")
def words_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("words")
    (root / "rubrics").mkdir()
    (root / "rubrics" / "words.yaml").write_text(RUBRIC, encoding="utf-8")
    for name, text in (("alpha", FIRED), ("beta", CLEAN), ("gamma", VETOED)):
        (root / "subs" / name).mkdir(parents=True)
        (root / "subs" / name / "2024.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def outputs(words_dir):
    """{(lang, subject, name): text} of every human format of score and gaps, and the report set's files."""
    out = {}
    rd = str(words_dir / "rubrics")
    for lang in LANGS:
        for subject in ("alpha", "beta", "gamma"):
            path = str(words_dir / "subs" / subject / "2024.yaml")
            for fmt in ("table", "markdown", "html"):
                out[lang, subject, f"score.{fmt}"] = run("score", path, "--rubrics-dir", rd, "-f", fmt, "--lang", lang)
            for fmt in ("table", "markdown"):
                for by in ("measure", "owner", "indicator"):
                    out[lang, subject, f"gaps-{by}.{fmt}"] = run("gaps", path, "--rubrics-dir", rd, "-f", fmt,
                                                                 "--lang", lang, "--by", by)
        folder = words_dir / f"report-{lang}"
        run("report", str(words_dir / "subs"), "--rubrics-dir", rd, "-o", str(folder), "--lang", lang)
        for f in folder.rglob("*"):
            if f.is_file() and f.suffix != ".json":
                subject = f.parent.name if f.parent != folder else "all"
                out[lang, subject, f"report/{f.name}"] = f.read_text(encoding="utf-8-sig")
    return out


def human(outputs, lang=None, subject=None):
    """The outputs meant for people (all but CSV), as a reader sees them."""
    return {k: visible(v, k[2]) for k, v in outputs.items()
            if not k[2].endswith(".csv") and (lang is None or k[0] == lang) and (subject is None or k[1] == subject)}


# --- the display functions ----------------------------------------------------------------------------------

@pytest.mark.parametrize("value, unit, ui, shown", [
    (10000, "万元", "zh", "1亿元"), (15000, "万元", "zh", "1.5亿元"), (1000, "万元", "zh", "1000万元"),
    (12345, "万元", "zh", "12345万元"), (0.5, "万元", "zh", "0.5万元"), (2e8, "万元", "zh", "2万亿元"),
    (62000000000, "元", "zh", "620亿元"), (53037, "元", "zh", "53,037元"), (10000, "万元", "en", "10,000万元"),
    (-2.5, "%", "zh", "−2.5%"), (-3000, "元", "en", "−3,000元"), (True, "", "zh", "是"), (False, "", "en", "no"),
    (None, "个", "zh", "—"), ([4, 5, 3.5], "", "en", "4 5 3.5"), ("A", "", "zh", "A"),
])
def test_a_quantity_reads_as_officials_write_it(value, unit, ui, shown):
    assert display.qty(value, unit, ui) == shown


def test_signs_one_rule_typographic_minus_and_no_sign_on_nothing():
    assert [display.deducted(x) for x in (0, 2, 0.001)] == ["0", "−2", "0"]
    assert [display.added(x) for x in (0, 1.5)] == ["0", "+1.5"]
    assert [display.signed(x) for x in (-2.5, 2.5, 0, -0.004)] == ["−2.5", "+2.5", "0", "0"]
    assert display.signed(-2.5, ascii_minus=True) == "-2.5" and display.number(-1.25) == "−1.25"
    assert display.change("↓", -0.2) == "↓ −0.2" and display.change("·", None) == "·"


@pytest.mark.parametrize("ui", LANGS)
def test_every_status_has_words(ui):
    for key in display.STATUS:
        said = display.status(key, ui)
        assert said and "-" not in said and (ui == "en" or not re.search("[a-z]", said))


# --- each concern, in every human format and both languages -------------------------------------------------

CHOICE = {"zh": ("省级平安市", "全国示范市"), "en": ("Provincial peace city", "National model city")}


@pytest.mark.parametrize("lang", LANGS)
def test_a_choice_shows_its_labels_never_its_keys(outputs, lang):
    for (l, subject, name), text in human(outputs, lang, "alpha").items():
        if "indicator" in name or "index" in name or "compare" in name:
            continue
        value, best = CHOICE[lang]
        shows_targets = "score" not in name or "html" in name  # a scorecard's table and Markdown show no targets
        assert value in text and (best in text or not shows_targets), name
    for key, text in human(outputs, lang).items():
        assert not any(k in text for k in OPTION_KEYS), key


@pytest.mark.parametrize("lang", LANGS)
def test_booleans_are_words_of_the_language(outputs, lang):
    yes, no = ("是", "否") if lang == "zh" else ("yes", "no")
    for key, text in human(outputs, lang, "alpha").items():
        assert not RAW.search(text), (key, RAW.search(text))
        if key[2].startswith(("score", "gaps-measure", "gaps-owner", "report/2024.words.gaps",
                              "report/2024.words.html")):
            assert re.search(rf"(?<!\w){no}(?!\w)", text), key  # A.M1 is false (and the veto, not triggered)
    gaps = human(outputs, lang, "alpha")[lang, "alpha", "gaps-owner.markdown"]
    assert f"| {no} | {yes} |" in gaps  # A.M1: value and target, in the lead unit's list and in the ranked gaps
    if lang == "en":
        assert not re.search(r"(?<!\w)[是否](?!\w)", "\n".join(human(outputs, "en").values()))


@pytest.mark.parametrize("lang", LANGS)
def test_a_wan_yuan_target_of_10000_reads_1_yi_yuan(outputs, lang):
    target = "≥1亿元" if lang == "zh" else "≥10,000万元"
    step = "≥1000万元" if lang == "zh" else "≥1,000万元"
    for key, text in human(outputs, lang).items():
        assert "万万" not in text, key
    gaps = human(outputs, lang, "alpha")[lang, "alpha", "gaps-measure.markdown"]
    assert f"{target} (" in gaps and step in gaps
    assert target in human(outputs, lang, "alpha")[lang, "alpha", "score.html"]
    assert "1.2亿元" in human(outputs, "zh", "beta")["zh", "beta", "score.table"]


@pytest.mark.parametrize("lang", LANGS)
def test_deductions_and_negative_numbers_take_one_minus(outputs, lang):
    word = "扣分" if lang == "zh" else "deductions"
    fired, clean = human(outputs, lang, "alpha"), human(outputs, lang, "beta")
    for name in ("score.table", "score.markdown"):
        assert f"{word} −2" in fired[lang, "alpha", name] and f"{word} 0 " in clean[lang, "beta", name], name
        assert f"{word} −0" not in clean[lang, "beta", name]
    for texts in (fired, clean):
        for key, text in texts.items():
            assert not re.search(r"(?<![\w.])-\d", text), key  # a negative number takes the typographic minus
    assert "−2.5%" in fired[lang, "alpha", "score.table"] and "−2.5%" in fired[lang, "alpha", "gaps-measure.markdown"]
    page = fired[lang, "alpha", "score.html"]
    assert "−2.5%" in page and "\n−2\n" in page and "+1\n" in page  # the stats: deductions, bonus
    assert "\n0\n" in clean[lang, "beta", "score.html"]


@pytest.mark.parametrize("lang", LANGS)
def test_a_gap_csv_says_options_and_booleans_in_words_and_keeps_numbers(outputs, lang):
    (value, best), (yes, no) = CHOICE[lang], (("是", "否") if lang == "zh" else ("yes", "no"))
    for name, columns in (("gaps.csv", ("value", "target", "next_target")), ("gaps-by-owner.csv", ("value", "target"))):
        text = outputs[lang, "alpha", f"report/2024.words.{name}"]
        rows = {r["measure"]: r for r in csv.DictReader(io.StringIO(text))}
        assert [rows["A.M2"][c] for c in columns] == [value, best, best][:len(columns)]
        assert [rows["A.M1"][c] for c in columns] == [no, yes, yes][:len(columns)]
        assert [rows["A.M3"][c] for c in columns] == ["500", "10000", "1000"][:len(columns)]  # numbers for Excel
        assert rows["A.M4"]["value"] == "-2.5"


def test_csv_keeps_plain_numbers_with_an_ascii_minus(outputs):
    for lang in LANGS:
        rows = list(csv.DictReader(io.StringIO(outputs[lang, "alpha", "report/2024.words.score.csv"])))
        growth = next(r for r in rows if r["measure"] == "A.M4")
        assert growth["value"] == "-2.5" and float(growth["value"]) == -2.5
        for key, text in outputs.items():
            if key[2].endswith(".csv"):
                assert "−" not in text and not RAW.search(text) and "万万" not in text, key


@pytest.mark.parametrize("lang", LANGS)
def test_statuses_and_colours_are_never_shown_as_keys(outputs, lang):
    for key, text in human(outputs, lang).items():
        assert not COLOUR_KEYS.search(text), (key, COLOUR_KEYS.search(text))
        assert "not-triggered" not in text, key
        if lang == "zh":
            assert not STATUS_KEYS.search(text), (key, STATUS_KEYS.search(text))
    fired = human(outputs, lang, "alpha")
    said = ("未触发", "已触发", "部分得分") if lang == "zh" else ("not triggered", "triggered", "partial")
    for name in ("score.table", "score.markdown", "score.html"):
        assert all(s in fired[lang, "alpha", name] for s in said), name


def test_the_as_written_column_says_a_yaml_boolean_in_words(outputs):
    assert "\n是\n" in human(outputs, "zh", "alpha")["zh", "alpha", "score.html"]  # X.B1: true, counted as 1
    assert "\nyes\n" in human(outputs, "en", "alpha")["en", "alpha", "score.html"]


@pytest.mark.parametrize("command", ["score", "gaps"])
def test_the_coverage_sentence_is_never_cut_by_the_wrap(words_dir, command):
    path, rd = str(words_dir / "subs" / "alpha" / "2024.yaml"), str(words_dir / "rubrics")
    narrow = run(command, path, "--rubrics-dir", rd, width=80).splitlines()
    assert "覆盖率 100%（7/7 项基础指标有数值）" in [line.strip() for line in narrow]  # a line of its own at 80
    wide = run(command, path, "--rubrics-dir", rd, width=120).splitlines()
    assert wide[1].startswith("总分 20.83 / 70") and wide[1].rstrip().endswith("覆盖率 100%（7/7 项基础指标有数值）")


def test_the_veto_banner_of_the_markdown_speaks_the_language(outputs):
    assert "> **一票否决**：`X.V1` 重大事件。无论总分多少，均评为「不合格」。\n" in outputs["zh", "gamma", "score.markdown"]
    assert "> **Vetoed**: `X.V1` Major incident. Graded Fail whatever the total.\n" in \
        outputs["en", "gamma", "score.markdown"]
