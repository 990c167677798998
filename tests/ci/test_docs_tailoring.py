"""The commands docs/tailoring.md shows on the repository's own files still run as shown: the exit code each
block states (or 0/1 for a listing), and the first line of output the doc pastes under the command.

Commands run on a scratch copy the doc describes (my-province.yaml, mine.yaml, bad-policy.yaml, a copy of a
folder) are left out: the doc says where it made them."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine.cli import app

TOP = Path(__file__).resolve().parents[2]
DOC = TOP / "docs" / "tailoring.md"
BLOCK = re.compile(r"```console\n(.*?)```", re.S)
SCRATCH = ("my-province.yaml", "mine.yaml", "bad-policy.yaml", "/tmp/", "trend-2.yaml")


def commands() -> list[tuple[str, str, int | None]]:
    """(command, first output line, stated exit code) of each `$ scorecard ...` line on the repo's files."""
    out = []
    for block in BLOCK.findall(DOC.read_text(encoding="utf-8")):
        lines = block.splitlines()
        for i, line in enumerate(lines):
            if not line.startswith("$ scorecard ") or any(s in line for s in SCRATCH):
                continue
            command, _, tail = line[2:].partition(";")
            command = command.split(" > ")[0].strip()
            stated = re.search(r"exit (\d)", "\n".join(lines[i + 1:i + 3])) if "echo" in tail else None
            first = next((x for x in lines[i + 1:] if x.strip()), "")
            paths = [a for a in shlex.split(command)[1:] if "/" in a or a.endswith((".yaml", ".csv"))]
            if all((TOP / p).exists() for p in paths):
                out.append((command, "" if first.startswith(("$", "…")) else first, stated and int(stated[1])))
    return out


COMMANDS = commands()


def test_the_doc_shows_commands_on_its_examples():
    assert len(COMMANDS) >= 15
    assert any("--policy docs/examples/policy.yaml" in c for c, _, _ in COMMANDS)
    assert any(c.startswith("scorecard rubric diff") for c, _, _ in COMMANDS)


@pytest.mark.parametrize("command, first, stated", COMMANDS, ids=[c for c, _, _ in COMMANDS])
def test_command_runs_as_shown(command, first, stated, monkeypatch):
    monkeypatch.chdir(TOP)
    monkeypatch.setenv("COLUMNS", "110")
    r = CliRunner().invoke(app, shlex.split(command)[1:], catch_exceptions=False)
    assert r.exit_code == stated if stated is not None else r.exit_code in (0, 1), r.output
    if first and not first.startswith(("exit ", "{", "[")):
        assert first.split()[0] in r.output, (first, r.output[:500])
