"""A waiver whose expiry is before the assessment date (--as-of, default today) is an error in validate and
check; score, gaps and report check it only when --as-of is given."""
from __future__ import annotations

import pytest

from .conftest import cli, submission

EXPIRED = "waiver expired on 2026-12-31, before the assessment date 2027-01-01: renew it (a later expires) or " \
          "give the measure's value"


@pytest.mark.parametrize("command", ["validate", "check"])
@pytest.mark.parametrize("day, code", [("2026-12-30", 0), ("2026-12-31", 0), ("2027-01-01", 1)])
def test_expiry_against_the_date(files, command, day, code):
    rubric, path = files(submission())
    r = cli(command, str(path), "--rubric", str(rubric), "--as-of", day)
    assert r.exit_code == code
    assert (f"{path}:8:55: G1.M1: {EXPIRED}" in r.output) == (code == 1)


@pytest.mark.parametrize("command", ["validate", "check"])
def test_default_is_today(files, command):
    old = submission(waivers='  G1.M1: {reason: 本市无牧区, approved_by: 自治区民委, expires: "2000-01-01"}\n')
    rubric, path = files(old)
    r = cli(command, str(path), "--rubric", str(rubric))
    assert r.exit_code == 1 and "G1.M1: waiver expired on 2000-01-01, before the assessment date" in r.output


def test_no_expiry_never_expires(files):
    rubric, path = files(submission(waivers="  G1.M1: {reason: 本市无牧区, approved_by: 自治区民委}\n"))
    assert cli("validate", str(path), "--rubric", str(rubric), "--as-of", "2999-01-01").exit_code == 0


@pytest.mark.parametrize("command", ["score", "gaps"])
def test_score_and_gaps_check_only_when_asked(files, command):
    rubric, path = files(submission())
    assert cli(command, str(path), "--rubric", str(rubric)).exit_code == 0
    r = cli(command, str(path), "--rubric", str(rubric), "--as-of", "2027-01-01")
    assert r.exit_code == 1 and EXPIRED in r.output


def test_report_checks_only_when_asked(files, tmp_path):
    rubric, path = files(submission())
    out = tmp_path / "out"
    assert cli("report", str(path), "--rubric", str(rubric), "-o", str(out)).exit_code == 0
    assert cli("report", str(path), "--rubric", str(rubric), "-o", str(out), "--as-of", "2027-01-01").exit_code == 1


def test_a_bad_date_is_a_usage_error(files):
    rubric, path = files(submission())
    r = cli("validate", str(path), "--rubric", str(rubric), "--as-of", "31.12.2026")
    assert r.exit_code == 2
    assert "--as-of '31.12.2026' is not a date: write it YYYY-MM-DD, e.g. --as-of 2026-06-30" in r.output


@pytest.mark.parametrize("command", ["score", "gaps", "report"])
def test_help_says_where_expiry_is_not_checked(command):
    text = " ".join(cli(command, "--help").output.split())
    assert "Without it expired waivers are not checked here" in text.replace("│ ", "").replace(" │", "")


def test_a_json_file_read_fast_still_places_the_expiry(files):
    text = ('{"rubric": "wv", "subject": {"id": "a"}, "period": 2024,\n "values": {"G1.M2": true},\n'
            ' "waivers": {"G1.M1": {"reason": "无", "approved_by": "民委",\n'
            '                       "expires": "2020-01-01"}}}\n')
    rubric, path = files(text, name="sub.json")
    r = cli("validate", str(path), "--rubric", str(rubric), "--as-of", "2020-01-02")
    assert r.exit_code == 1 and f"{path}:4:35: G1.M1: waiver expired on 2020-01-01" in r.output
