"""A 5,000-digit number in a YAML scalar, a JSON number, a string, a CSV cell, an XLSX cell or a period is
a located error in every format, never a traceback; the other files are still read."""
import re

import pytest

from .helpers import problems, score, write_csv, write_rubric, write_xlsx

BIG = "9" * 5000


@pytest.fixture
def rubric(tmp_path):
    return write_rubric(tmp_path)


def files(folder):
    jc = folder / "jc"
    jc.mkdir(parents=True, exist_ok=True)
    (jc / "2024.yaml").write_text(f"rubric: demo@1\nsubject: jc\nperiod: 2024\nvalues:\n  D1.M02: {BIG}\n"
                                  f"  D1.M03: '{BIG}'\n", encoding="utf-8")
    (jc / "2024.json").write_text('{"rubric": "demo@1", "subject": "jc", "period": 2024, "values": {"D1.M02": '
                                  + BIG + ', "D1.M03": "' + BIG + '"}}', encoding="utf-8")
    write_csv(jc / "2024.csv", [["measure", "value", "period"], ["D1.M02", BIG, BIG], ["D1.M03", "1,000", ""]])
    write_xlsx(jc / "2024.xlsx", [["measure", "value"], ["D1.M02", BIG], ["D1.M03", "9" * 30 + "万"]])
    good = folder / "wh" / "2024.yaml"
    good.parent.mkdir()
    good.write_text("rubric: demo@1\nsubject: wh\nperiod: 2024\nvalues:\n  D1.M02: 80\n", encoding="utf-8")
    return [jc / f"2024.{s}" for s in ("yaml", "json", "csv", "xlsx")], good


def test_every_format_locates_the_huge_number(tmp_path, rubric):
    bad, good = files(tmp_path)
    for path in bad:
        said = problems(score(path, rubric))
        assert said and all(re.match(re.escape(str(path)) + r":\d+:\d+: ", s) for s in said), said
        assert any("D1.M02" in s and ("too long" in s or "too large" in s) for s in said), said
    assert score(good, rubric).ok


def test_a_huge_period_in_a_table_is_located(tmp_path, rubric):
    bad, _ = files(tmp_path)
    said = problems(score(bad[2], rubric))
    assert f"{bad[2]}:2:3: period is 5000 characters long (at most 32): period should be a year or a text " \
           "such as 2024 or \"2024H1\"" in said


def test_the_cli_reads_every_file_past_a_huge_one(tmp_path, rubric):
    from typer.testing import CliRunner

    from engine.cli import app

    bad, good = files(tmp_path)
    result = CliRunner().invoke(app, ["validate", str(tmp_path / "jc"), str(good), "--rubric", str(rubric),
                                      "--lang", "en"],
                                catch_exceptions=False)
    assert result.exit_code == 1
    # two of them name the same subject and period: parts of one submission (SPEC 8)
    assert "3 submission(s) in 5 file(s) checked: 1 valid, 2 invalid" in " ".join(result.output.split())
