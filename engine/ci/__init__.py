"""Reporters for `scorecard check`, one module each: NAME and render(verdicts, bar) -> str.

text also has show(verdicts, bar, console) for the terminal; github also has summary(verdicts, bar)
(Markdown for $GITHUB_STEP_SUMMARY).
"""
from __future__ import annotations

from types import ModuleType

from . import github, json_report, junit, sarif, text

REPORTERS: dict[str, ModuleType] = {m.NAME: m for m in (text, github, junit, sarif, json_report)}


def pick(name: str, env: dict) -> ModuleType:
    """The reporter for --format; 'auto' is github inside GitHub Actions, else text."""
    if name == "auto":
        name = "github" if env.get("GITHUB_ACTIONS") == "true" else "text"
    return REPORTERS[name]
