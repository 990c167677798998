"""A rubric and submissions whose every free text is hostile, run as `score`, `check`, `gaps` and `compare`
run them, and every output those commands can print (to a terminal, a CI log or a file)."""
from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from engine import compare, gaps, pipeline
from engine.problems import RubricError

from .hostile import file_name

ROLES = ("title", "version", "grade", "owner", "group", "label", "unit", "guidance", "option", "subject_id",
         "subject_name", "period", "note", "evidence", "key", "value", "file")
"""Every place a scenario puts a hostile text."""


def _q(text: str) -> str:
    return json.dumps(text)  # a JSON string is a YAML 1.2 double-quoted scalar


def rubric_yaml(t: dict) -> str:
    return f"""\
rubric: fz
version: {_q(t['version'])}
title: {{zh: {_q(t['title'])}, en: {_q(t['title'])}}}
grades:
  - {{id: pass, label: {{zh: {_q(t['grade'])}}}, min: 50}}
  - {{id: fail, label: {_q(t['grade'] + '!')}, min: 0}}
units:
  u1: {{zh: {_q(t['owner'])}}}
tree:
  - id: G1
    label: {_q(t['group'])}
    children:
      - {{id: M.C, label: {_q(t['label'])}, method: check, points: 30, owners: [u1], guidance: {_q(t['guidance'])}}}
      - {{id: M.L, label: {_q(t['label'])}, method: linear, floor: 0, target: 100, points: 30, unit: {_q(t['unit'])},
         owners: [u1]}}
      - {{id: M.O, label: {_q(t['label'])}, method: choice, points: 20, options: {{{_q(t['option'] + '·')}: 1, 无: 0}}}}
      - {{id: M.R, label: {_q(t['label'])}, method: rating, scale: [1, 5], points: 20}}
  - id: X
    label: {_q(t['group'])}
    children:
      - {{id: X.B, label: {_q(t['label'])}, method: bonus, per: 1, cap: 3}}
      - {{id: X.V, label: {_q(t['label'])}, method: veto}}
"""


def submission_yaml(t: dict, subject: str, period: str, vetoed: bool = False) -> str:
    return f"""\
rubric: fz
subject: {{id: {_q(subject)}, name: {_q(t['subject_name'])}}}
period: {_q(period)}
values:
  M.C: {{value: true, evidence: [{_q(t['evidence'])}], note: {_q(t['note'])}}}
  M.L: 40
  M.O: {_q(t['option'] + '·')}
  M.R: [3, 4]
  X.B: 1
  X.V: {'true' if vetoed else 'false'}
"""


def invalid_yaml(t: dict) -> str:
    return f"""\
rubric: fz
subject: {{id: {_q(t['subject_id'])}, name: {_q(t['subject_name'])}}}
period: 2024
values:
  {_q(t['key'])}: 1
  M.L: {_q(t['value'])}
  M.O: {_q(t['value'] + '?')}
  M.C: {{value: true, evidence: [], note: {_q(t['note'])}}}
"""


@dataclass
class Run:
    """What the commands made of a scenario."""

    outcomes: list = field(default_factory=list)
    rubric_error: RubricError | None = None

    @property
    def cards(self) -> list:
        return [o.card for o in self.outcomes if o.card is not None]


def run(root: Path, t: dict) -> Run:
    """Write the scenario under root and run it through the pipeline (as score and check do)."""
    root.mkdir(parents=True, exist_ok=True)
    rubric = root / "rubric.yaml"
    rubric.write_text(rubric_yaml(t), encoding="utf-8")
    folder = root / file_name("s" + t["subject_id"])
    folder.mkdir(exist_ok=True)
    files = {
        folder / (file_name("s-" + t["file"]) + ".yaml"): submission_yaml(t, t["subject_id"], t["period"] + "x"),
        folder / "y2023.yaml": submission_yaml(t, t["subject_id"], "2023", vetoed=True),
        root / "other.yaml": submission_yaml(t, t["subject_id"] + "2", "2024"),
        folder / (file_name("i-" + t["file"]) + ".yml"): invalid_yaml(t),
    }
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    try:
        finder = pipeline.RubricFinder(str(rubric))
    except RubricError as e:
        return Run([], e)
    return Run([pipeline.run_one(p, finder) for p in files])


def consoles(width: int = 80):
    """A CI log (not a terminal: no styles) and a colour terminal, each writing to a buffer: the engine's own
    consoles, as the commands make them (what a user's log shows)."""
    from engine.safe_text import console

    log_buf, tty_buf = io.StringIO(), io.StringIO()
    log = console(log_buf, width=width, soft_wrap=True)
    tty = console(tty_buf, width=width, force_terminal=True, color_system="truecolor")
    _BUFFERS[id(log)], _BUFFERS[id(tty)] = log_buf, tty_buf
    return log, tty


_BUFFERS: dict[int, io.StringIO] = {}


def shown(console) -> str:
    buf = _BUFFERS.get(id(console))
    return buf.getvalue() if buf is not None else console.file.getvalue()


def analyse(cards):
    return [gaps.analyse(c) for c in cards], compare.compare(cards)
