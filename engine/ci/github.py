"""github: workflow-command annotations (::error file=...,line=...::message) and a step summary.

The annotations are the only workflow commands the engine writes. What a file or a path holds reaches them
only escaped: control and bidi characters as visible escapes (``safe_text.visible``), then GitHub's own
escapes (% CR LF in the message; also : and , in a property), so a value can neither end the command nor
start another; the summary line after them cannot start one either (``safe_text.ci_text``).
"""
from __future__ import annotations

from ..safe_text import ci_text, md, md_code, visible

NAME = "github"


def escape_data(text: str) -> str:
    """A message as GitHub's toolkit escapes it (% CR LF), its control characters made visible first."""
    text = visible(text).replace("##[", "##\\[")
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: also : and , (which would end the property or the property list)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(p, kind: str = "error") -> str:
    props = {"file": p.loc.file, "line": str(p.loc.line), "col": str(p.loc.col), "title": _title(p)}
    joined = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
    message = f"{p.id}: {p.message}" if p.id else p.message
    return f"::{kind} {joined}::{escape_data(message)}"


def _title(p) -> str:
    return f"scorecard {p.code}" + (f" {p.id}" if p.id else "")


def render(verdicts, lang: str | None = None, *, bar) -> str:
    lines = [annotation(p) for v in verdicts for p in v.failures]
    lines += [annotation(p, "warning") for v in verdicts for p in v.outcome.problems if p.level == "warning"]
    failed = sum(not v.passed for v in verdicts)
    lines.append(ci_text(visible(f"scorecard check: {len(verdicts)} checked, {len(verdicts) - failed} passed, "
                                 f"{failed} failed (bar: {bar.describe()})")))
    return "\n".join(lines) + "\n"


def summary(verdicts, bar) -> str:
    """Markdown for $GITHUB_STEP_SUMMARY: GitHub shows only 10 annotations per kind per step."""
    rows = ["| file | subject | period | total | grade | result |", "|---|---|---|--:|---|---|"]
    for v in verdicts:
        card = v.outcome.head
        result = "✅ pass" if v.passed else "❌ invalid" if v.invalid else "❌ below bar"
        if card is None:
            rows.append(f"| {md_code(v.outcome.name)} | — | — | — | — | {result} |")
            continue
        sub = card.submission
        rows.append(f"| {md_code(v.outcome.name)} | {md(sub.subject_name)} | {md(sub.period)} | {card.total:g} | "
                    f"{md(card.grade.label.get())}{' (vetoed)' if card.vetoed else ''} | {result} |")
    problems = [f"- {md_code(p.loc)} {md(f'{p.id}: ' if p.id else '')}{md(p.message)}"
                for v in verdicts for p in v.failures]
    failed = sum(not v.passed for v in verdicts)
    head = f"## scorecard check: {len(verdicts) - failed} of {len(verdicts)} passed (bar: {md(bar.describe())})"
    return "\n".join([head, "", *rows, "", *(["### Problems", "", *problems] if problems else [])]) + "\n"
