"""XLSX cells read the way Excel shows them: percent, thousands, currency, units, dates and text formats."""
import datetime as dt

import pytest

from engine import readers

from .helpers import problems, score
from .units import write_formatted_xlsx, write_units_rubric


@pytest.fixture
def rubric(tmp_path):
    return write_units_rubric(tmp_path)


def infos(outcome) -> list[str]:
    return [str(p).split(": info: ", 1)[1] for p in outcome.problems if p.level == "info" and ": info: " in str(p)]


def sheet(tmp_path, *rows):
    return write_formatted_xlsx(tmp_path / "jc" / "2024.xlsx", [["measure", "value"], *rows])


def test_a_percent_cell_is_read_as_it_shows(tmp_path, rubric):
    """A cell that shows 85% holds 0.85; it was read as 0.85 and scored zero, silently."""
    path = sheet(tmp_path, ["PCT", (0.85, "0%")])
    out = score(path, rubric)
    assert out.ok, problems(out)
    assert out.card.measure("PCT").value == 85 and out.card.measure("PCT").score == pytest.approx(17.5)
    assert "PCT: cell shown as 85% read as 85" in infos(out)


def test_a_two_decimal_percent_keeps_what_the_cell_holds(tmp_path, rubric):
    out = score(sheet(tmp_path, ["PCT", (0.8555, "0.00%")]), rubric)
    assert out.card.measure("PCT").value == 85.55
    assert "PCT: cell shown as 85.55% read as 85.55" in infos(out)


def test_thousands_and_plain_formats_need_no_note(tmp_path, rubric):
    out = score(sheet(tmp_path, ["REN", (36000, "#,##0")], ["GE", (3, "0")]), rubric)
    assert out.ok and out.card.measure("REN").value == 36000 and out.card.measure("GE").value == 3
    assert infos(out) == ["subject 'jc' and period 2024 taken from the file path"]


@pytest.mark.parametrize("fmt", ['"¥"#,##0.00', '[$¥-804]#,##0.00', '#,##0.00"元"',
                                 '_ ¥* #,##0.00_ ;_ ¥* -#,##0.00_ ;_ ¥* "-"??_ ;_ @_ '])
def test_a_currency_cell_in_yuan_is_converted_into_the_measures_wan_yuan(tmp_path, rubric, fmt):
    out = score(sheet(tmp_path, ["WY", (1_500_000, fmt)]), rubric)
    assert out.ok, problems(out)
    assert out.card.measure("WY").value == 150
    assert any(n.startswith("WY: cell shown as ") and n.endswith("read as 150万元 (元 → 万元)") for n in infos(out))


def test_a_unit_in_the_format_is_read_with_the_number(tmp_path, rubric):
    out = score(sheet(tmp_path, ["WY", (0.015, '0.000"亿元"')], ["REN", (3.6, '0.0"万人"')]), rubric)
    assert out.ok, problems(out)
    assert out.card.measure("WY").value == 150 and out.card.measure("REN").value == 36000


def test_a_percent_cell_for_a_measure_in_wan_yuan_is_refused(tmp_path, rubric):
    path = sheet(tmp_path, ["WY", (0.85, "0%")])
    assert problems(score(path, rubric)) == [
        f"{path}:2:2: WY: threshold: '85%' is a percentage, but this measure is in 万元: write the number in 万元"]


def test_a_date_cell_for_a_number_measure_says_so(tmp_path, rubric):
    path = sheet(tmp_path, ["REN", (dt.datetime(2024, 6, 30), "yyyy-mm-dd")])
    assert problems(score(path, rubric)) == [
        f"{path}:2:2: REN: threshold: the cell is a date (shown as 2024-06-30), not a number: format it as a number"]


@pytest.mark.parametrize("fmt, period", [("yyyy", 2024), ('yyyy"年"', "2024年"), ("yyyy-mm", "2024-06")])
def test_a_date_cell_for_the_period_is_its_text_as_shown(tmp_path, rubric, fmt, period):
    path = write_formatted_xlsx(tmp_path / "2024.xlsx", [["measure", "value", "subject", "period"],
                                                        ["REN", 36000, "jc", (dt.datetime(2024, 6, 1), fmt)]])
    raw, _ = readers.read_one(path)
    assert raw.period == period


@pytest.mark.parametrize("cell", [("85", "@"), (85, "@"), ("'85", None), (" 85 ", "@")])
def test_numbers_stored_as_text_are_read_as_numbers(tmp_path, rubric, cell):
    out = score(sheet(tmp_path, ["PCT", cell]), rubric)
    assert out.ok, problems(out)
    assert out.card.measure("PCT").value == 85


def test_percent_text_in_a_text_cell_is_read_like_yaml(tmp_path, rubric):
    out = score(sheet(tmp_path, ["PCT", ("85%", "@")], ["WY", ("0.015亿元", "@")]), rubric)
    assert out.ok, problems(out)
    assert out.card.measure("PCT").value == 85 and out.card.measure("WY").value == 150
    assert "WY: '0.015亿元' read as 150万元 (亿元 → 万元)" in infos(out)


def test_a_huge_number_cell_is_located_and_other_files_still_read(tmp_path, rubric):
    """int() of a 5,000-digit text raises inside openpyxl; it lost the whole sheet (or ended the run)."""
    import zipfile

    path = sheet(tmp_path, ["REN", 12345], ["GE", 3])
    with zipfile.ZipFile(path) as z:
        members = {n: z.read(n) for n in z.namelist()}
    name = "xl/worksheets/sheet1.xml"
    members[name] = members[name].replace(b"<v>12345</v>", b"<v>" + b"9" * 5000 + b"</v>")
    with zipfile.ZipFile(path, "w") as z:
        for n, data in members.items():
            z.writestr(n, data)
    said = problems(score(path, rubric))
    assert len(said) == 1 and said[0].startswith(f"{path}:2:2: REN: threshold: '9999")
    assert "is too large a number (5,000 digits in a row" in said[0]
