"""github: workflow-command annotations (::error file=...,line=...::message) and a step summary."""
from __future__ import annotations

import re

from ..formats.markdown import esc

NAME = "github"

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters other than tab, CR and LF (the last two are escaped): a submitted key holding one
(an escape sequence, a NUL) must not reach the runner's log or its parser."""


def escape_data(text: str) -> str:
    """Escape a message as GitHub's toolkit does (% CR LF); other control characters become U+FFFD."""
    text = CONTROL.sub("\ufffd", text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (also : and ,)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(p, kind: str = "error") -> str:
    props = {"file": p.loc.file, "line": str(p.loc.line), "col": str(p.loc.col), "title": _title(p)}
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
    message = f"{p.id}: {p.message}" if p.id else p.message
    return f"::{kind} {joined}::{escape_data(message)}"


def _title(p) -> str:
    return f"scorecard {p.code}" + (f" {p.id}" if p.id else "")


def render(verdicts, bar) -> str:
    lines = [annotation(p) for v in verdicts for p in v.failures]
    lines += [annotation(p, "warning") for v in verdicts for p in v.outcome.problems if p.level == "warning"]
    failed = sum(not v.passed for v in verdicts)
    lines.append(f"scorecard check: {len(verdicts)} checked, {len(verdicts) - failed} passed, {failed} failed "
                 f"(bar: {bar.describe()})")
    return "\n".join(lines) + "\n"


def summary(verdicts, bar) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: GitHub shows only 10 annotations per kind per step."""
    rows = ["| file | subject | period | total | grade | result |", "|---|---|---|--:|---|---|"]
    for v in verdicts:
        card = v.outcome.card
        result = "✅ pass" if v.passed else "❌ invalid" if v.invalid else "❌ below bar"
        if card is None:
            rows.append(f"| `{v.outcome.path}` | — | — | — | — | {result} |")
            continue
        sub = card.submission
        rows.append(f"| `{v.outcome.path}` | {esc(sub.subject_name)} | {esc(sub.period)} | {card.total:g} | "
                    f"{esc(card.grade.label.get())}{' (vetoed)' if card.vetoed else ''} | {result} |")
    problems = [f"- `{p.loc}` {esc(p.id + ': ' if p.id else '')}{esc(p.message)}" for v in verdicts for p in v.failures]
    failed = sum(not v.passed for v in verdicts)
    head = f"## scorecard check: {len(verdicts) - failed} of {len(verdicts)} passed (bar: {bar.describe()})"
    return "\n".join([head, "", *rows, "", *(["### Problems", "", *problems] if problems else [])]) + "\n"
