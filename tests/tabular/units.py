"""A rubric whose measures carry the units officials fill in (%, 万元, 人, 个, 人次), for the unit and
number-format tests of every input format."""
from pathlib import Path

RUBRIC = """\
rubric: units
version: "1"
title: {zh: 单位测评, en: Units}
grades:
  - {id: pass, label: {zh: 合格, en: Pass}, min: 60}
  - {id: fail, label: {zh: 不合格, en: Fail}, min: 0}
tree:
  - id: D1
    label: {zh: 指标, en: Measures}
    children:
      - {id: PCT, label: {zh: 知晓率, en: Awareness}, method: linear, floor: 50, target: 90, points: 20, unit: "%",
         min: 0, max: 100}
      - {id: WY, label: {zh: 投入资金, en: Funds}, method: threshold, target: 100, points: 20, unit: 万元}
      - {id: REN, label: {zh: 参与人数, en: Participants}, method: threshold, target: 30000, points: 20, unit: 人}
      - {id: GE, label: {zh: 示范点, en: Sites}, method: count, per: 2, points: 10, unit: 个}
      - {id: RATE, label: {zh: 实地察看, en: Site visit}, method: rating, scale: [1, 5], trim: 1, points: 10}
      - id: CH
        label: {zh: 考核等次, en: Grade}
        method: choice
        points: 20
        options: {national: 1, provincial: 0.6, none: 0}
        labels: {national: {zh: 全国示范, en: National model}, provincial: {zh: 省级示范}, none: 无}
  - id: X
    label: {zh: 加减分, en: Adjustments}
    children:
      - {id: BON, label: {zh: 经验推广, en: Practice adopted}, method: bonus, per: 1, cap: 3}
      - {id: DED, label: {zh: 通报批评, en: Reprimand}, method: deduction, per: 1, cap: 2}
"""


def write_units_rubric(folder: Path) -> Path:
    path = folder / "units.yaml"
    path.write_text(RUBRIC, encoding="utf-8")
    return path


def write_formatted_xlsx(path: Path, rows: list[list]) -> Path:
    """A workbook whose cells are (value, number_format) pairs where given, as Excel writes them."""
    from openpyxl import Workbook

    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    ws = wb.active
    for i, row in enumerate(rows, 1):
        for j, cell in enumerate(row, 1):
            value, fmt = cell if isinstance(cell, tuple) else (cell, None)
            c = ws.cell(i, j, value)
            if fmt:
                c.number_format = fmt
    wb.save(path)
    return path
