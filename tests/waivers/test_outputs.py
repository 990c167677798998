"""Every output lists a waived measure with its reason, approver and expiry, escaped; none counts it as a gap
or as missing."""
from __future__ import annotations

import csv
import io
import json

from engine.formats import csv_fmt, html, json_fmt, markdown, table
from engine.formats.gaps import csv_fmt as gaps_csv, json_fmt as gaps_json, markdown as gaps_md, table as gaps_table
from engine.gaps import analyse
from engine.progress import progress

from .conftest import submission

HOSTILE = '  G1.M1: {reason: "<script>x</script> | *b*", approved_by: "=HYPERLINK(1)", expires: "2026-12-31"}\n'


def test_json(outcome):
    d = json.loads(json_fmt.render([outcome(submission()).card]))
    m1 = next(m for m in d["measures"] if m["id"] == "G1.M1")
    # gap is SPEC 6's max - score, as for an excluded measure; recoverable says nothing is to be won
    assert (m1["status"], m1["score"], m1["gap"], m1["recoverable"]) == ("waived", 0.0, m1["max"], 0.0)
    assert m1["waiver"] == {"reason": "本市无牧区", "approved_by": "自治区民委", "expires": "2026-12-31"}
    assert d["waivers"] == [{"id": "G1.M1", "reason": "本市无牧区", "approved_by": "自治区民委",
                             "expires": "2026-12-31"}]
    assert d["total"] == 10.0


def test_terminal_table(outcome):
    text = table.render([outcome(submission()).card])
    assert "不适用（豁免）" in text and "豁免项（不适用，分值由同组指标分摊）" in text
    line = next(x for x in text.splitlines() if "本市无牧区" in x)
    assert "G1.M1" in line and "自治区民委" in line and "2026-12-31" in line
    english = table.render([outcome(submission()).card], "en")
    assert "waived" in english and "Waived as not applicable" in english


def test_terminal_shows_markup_literally(outcome):
    text = table.render([outcome(submission(waivers='  G1.M1: {reason: "[red]x[/red]", approved_by: "[b]y"}\n')).card])
    assert "[red]x[/red]" in text and "[b]y" in text


def test_markdown_escapes(outcome):
    text = markdown.render([outcome(submission(waivers=HOSTILE)).card])
    row = next(x for x in text.splitlines() if x.startswith("| G1.M1 | 牧区 | 4 |"))
    assert "<script>" not in row and "\\|" in row and "\\*b\\*" in row


def test_html_escapes(outcome):
    text = html.render([outcome(submission(waivers=HOSTILE)).card])
    assert "<script>x</script>" not in text and "&lt;script&gt;x&lt;/script&gt;" in text
    assert 'class="st st-waived">不适用（豁免）' in text and '<section class="waivers">' in text


def test_csv_neutralises(outcome):
    rows = list(csv.DictReader(io.StringIO(csv_fmt.render([outcome(submission(waivers=HOSTILE)).card]))))
    m1 = next(r for r in rows if r["measure"] == "G1.M1")
    assert (m1["status"], m1["gap"], m1["waiver_approved_by"], m1["waiver_expires"]) == \
        ("waived", "4.0", "'=HYPERLINK(1)", "2026-12-31")
    assert next(r for r in rows if r["measure"] == "G1.M2")["waiver_reason"] == ""


def test_gaps_list_it_apart_never_as_a_gap(outcome):
    rep = analyse(outcome(submission()).card)
    assert [g.id for g in rep.gaps] == ["G2.M1"] and [i.id for i in rep.missing] == ["V1"]  # the veto: not reported
    d = json.loads(gaps_json.render([rep]))
    assert d["waivers"] == [{"id": "G1.M1", "reason": "本市无牧区", "approved_by": "自治区民委",
                             "expires": "2026-12-31", "label": "牧区", "max": 4.0}]
    for by in (("measure",), ("owner",), ("indicator",)):
        assert "本市无牧区" in gaps_table.render([rep], by=by) and "本市无牧区" in gaps_md.render([rep], by=by)
    rows = list(csv.DictReader(io.StringIO(gaps_csv.render([rep]))))
    assert [(r["measure"], r["status"], r["target"]) for r in rows if r["status"] == "waived"] == [
        ("G1.M1", "waived", "不适用：本市无牧区；批准单位：自治区民委；有效期至 2026-12-31")]  # in the rubric's language
    rows = list(csv.DictReader(io.StringIO(gaps_csv.render([rep], "en"))))
    assert next(r["target"] for r in rows if r["status"] == "waived") == \
        "waived: 本市无牧区; approved by 自治区民委; expires 2026-12-31"


def test_progress_counts_a_waived_measure_as_done(outcome):
    o = outcome(submission())
    sp = progress([o.filing]).subjects[0]
    assert sp.base == 3 and sp.missing == () and sp.coverage == 1.0
    unit = next(u for u in sp.units if u.unit == "mw")
    assert unit.missing == ()
    without = progress([outcome(submission(waivers="")).filing]).subjects[0]
    assert without.missing == ("G1.M1",)


def test_the_report_set_lists_it_in_every_file(files, tmp_path):
    from .conftest import cli

    rubric, path = files(submission())
    out = tmp_path / "reports"
    assert cli("report", str(path), "--rubric", str(rubric), "-o", str(out)).exit_code == 0
    written = [p for p in out.rglob("*") if p.is_file() and p.suffix in (".md", ".html", ".json", ".csv")]
    per_card = [p for p in written if p.stem not in ("index", "compare")]  # the league: not per card
    assert {p.suffix for p in per_card} == {".md", ".html", ".json", ".csv"}
    for p in per_card:
        assert "本市无牧区" in p.read_text(encoding="utf-8-sig"), p


def test_progress_coverage_is_the_scorecards_a_waived_measure_out_of_the_base(outcome):
    from engine import coverage

    o = outcome(submission(values="  G1.M2: true\n"))  # base G1.M1 (waived), G1.M2 (given), G2.M1 (missing)
    sp = progress([o.filing]).subjects[0]
    assert sp.coverage == coverage.share(o.card) == 0.5  # 1 of the 2 measures owed
    assert sp.missing == ("G2.M1",)
