"""Reporters for `scorecard check`, one module each: NAME and render(verdicts, lang, bar=...) -> str, written by engine.cli.output.write like every format.

text also has show(verdicts, console, lang, bar=...) for the terminal; github also has summary(verdicts, bar)
(Markdown for $GITHUB_STEP_SUMMARY).
"""
from __future__ import annotations

import importlib
from types import ModuleType

REPORTERS: dict[str, str] = {"text": "text", "github": "github", "junit": "junit", "sarif": "sarif",
                             "json": "json_report"}
"""--format name -> module in engine.ci, imported only when chosen (a pre-commit run pays for one)."""


def get(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{REPORTERS[name]}")


def pick(name: str, env: dict) -> ModuleType:
    """The reporter for --format; 'auto' is github inside GitHub Actions, else text."""
    if name == "auto":
        name = "github" if env.get("GITHUB_ACTIONS") == "true" else "text"
    return get(name)
