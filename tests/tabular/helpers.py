"""A small rubric with every method, and writers for the same values as YAML, JSON, CSV and XLSX."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import yaml

from engine import pipeline

RUBRIC = """\
rubric: demo
version: "1"
title: {zh: 演示测评, en: Demo}
bonus_cap: 5
deduction_cap: 5
grades:
  - {id: good, label: {zh: 良好, en: Good}, min: 80}
  - {id: pass, label: {zh: 合格, en: Pass}, min: 60}
  - {id: fail, label: {zh: 不合格, en: Fail}, min: 0}
tree:
  - id: D1
    label: {zh: 组织领导, en: Leadership}
    children:
      - {id: D1.M01, label: {zh: 成立领导小组, en: Leading group}, method: check, points: 20}
      - {id: D1.M02, label: {zh: 知晓率, en: Awareness}, method: linear, floor: 50, target: 90, points: 20,
         unit: "%", min: 0, max: 100}
      - {id: D1.M03, label: {zh: 参与人数, en: Participants}, method: threshold, target: 30000, points: 10,
         unit: 人}
  - id: D2
    label: {zh: 工作成效, en: Results}
    children:
      - {id: D2.M01, label: {zh: 达标率, en: Attainment}, method: bands, points: 20,
         bands: [{at: 90, score: 1}, {at: 60, score: 0.5}]}
      - {id: D2.M02, label: {zh: 示范称号, en: Model title}, method: choice, points: 10,
         options: {国家级: 1, 省级: 0.6, 无: 0}}
      - {id: D2.M03, label: {zh: 活动次数, en: Events}, method: count, per: 2, points: 10, unit: 次}
      - {id: D2.M04, label: {zh: 实地察看, en: Site visit}, method: rating, scale: [1, 5], trim: 1, points: 10}
  - id: X
    label: {zh: 加减分, en: Adjustments}
    children:
      - {id: X.B01, label: {zh: 经验推广, en: Practice adopted}, method: bonus, per: 1, cap: 3}
      - {id: X.D01, label: {zh: 通报批评, en: Reprimand}, method: deduction, per: 1, cap: 2}
      - {id: X.V01, label: {zh: 重大事件, en: Major incident}, method: veto}
"""


def write_rubric(folder: Path) -> Path:
    path = folder / "demo.yaml"
    path.write_text(RUBRIC, encoding="utf-8")
    return path


def score(path: Path, rubric: Path):
    """The Outcome of one submission file against the rubric file."""
    return pipeline.run_one(path, pipeline.RubricFinder(str(rubric)))


def problems(outcome, level: str = "error") -> list[str]:
    return [str(p) for p in outcome.problems if p.level == level]


def write_csv(path: Path, rows: list[list], encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list], title: str = "Sheet1", before: list[str] = ()) -> Path:
    """A workbook whose sheet `title` holds the rows (sheets named in `before` come first, empty)."""
    from openpyxl import Workbook

    path.parent.mkdir(parents=True, exist_ok=True)
    wb = Workbook()
    wb.active.title = title
    for i, name in enumerate(before):
        wb.create_sheet(name, i)
    ws = wb[title]
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def as_text(value) -> str:
    """A value as a CSV cell holds it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(map(str, value))
    return str(value)


def write_all(folder: Path, values: dict, evidence: dict) -> list[Path]:
    """The same submission as YAML, JSON, CSV and XLSX under folder/jc/."""
    folder = folder / "jc"
    folder.mkdir(parents=True, exist_ok=True)
    doc = {"rubric": "demo@1", "subject": {"id": "jc", "name": "金昌市"}, "period": 2024,
           "values": {k: {"value": v, "evidence": evidence[k]} if k in evidence else v for k, v in values.items()}}
    (folder / "2024.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    (folder / "2024.json").write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    head = ["measure", "value", "evidence", "subject", "subject_name", "period", "rubric"]
    rows = [[k, v, "；".join(evidence.get(k, ())), "jc", "金昌市", 2024, "demo@1"] for k, v in values.items()]
    write_csv(folder / "2024.csv", [head] + [[as_text(c) for c in r] for r in rows])
    xlsx_rows = [[r[0], as_text(r[1]) if isinstance(r[1], list) else r[1], *r[2:]] for r in rows]
    write_xlsx(folder / "2024.xlsx", [head] + xlsx_rows)
    return [folder / f"2024.{s}" for s in ("yaml", "json", "csv", "xlsx")]
