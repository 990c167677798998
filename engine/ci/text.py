"""text: a summary table and one FILE:LINE:COL line per failure."""
from __future__ import annotations

import io

from ..formats.fit import column, fit_table
from ..safe_text import console as new_console, styled, text

NAME = "text"
RESULT = {"pass": ("pass", "green"), "invalid": ("invalid", "red"), "below": ("below bar", "red")}


SCREENFUL = 20
"""Verdicts a terminal lists whole; past it, the first ROWS failures (or passes when none failed), then a count."""
ROWS = 15


def render(verdicts, lang: str | None = None, *, bar) -> str:
    buf = io.StringIO()
    show(verdicts, new_console(buf, width=120, no_color=True), bar=bar, whole=True)
    return buf.getvalue()


def show(verdicts, console, lang: str | None = None, *, bar, whole: bool = False) -> None:
    verdicts = list(verdicts)
    failed = [v for v in verdicts if not v.passed]
    listed = verdicts if whole or len(verdicts) <= SCREENFUL else (failed or verdicts)[:ROWS]
    t = fit_table(title=text(f"scorecard check — bar: {bar.describe()}"), title_justify="left")
    for col, just in (("file", "left"), ("subject", "left"), ("period", "left"), ("total", "right"),
                      ("grade", "left"), ("result", "left")):
        column(t, col, just)
    for v in listed:
        t.add_row(*_row(v))
    if len(listed) < len(verdicts):
        t.add_row("…", f"{len(verdicts) - len(listed)} more", "", "", "", "")
    console.print(t)
    for v in listed:
        for p in v.failures:
            console.print(styled((str(p), "red")), soft_wrap=True)
    style = "red" if failed else "green"
    console.print(f"[{style}]{len(verdicts)} checked: {len(verdicts) - len(failed)} passed, {len(failed)} failed[/]")
    if len(listed) < len(verdicts):
        console.print(f"[yellow]{_more(verdicts, listed, failed)} (a terminal lists the first {len(listed)}); every "
                      "verdict and failure: -o FILE, or --format json|junit|sarif|github[/]")


def _more(verdicts, listed, failed) -> str:
    """'250 more failed, 2935 passed, not listed'."""
    more_failed = len(failed) - sum(1 for v in listed if not v.passed)
    passed = len(verdicts) - len(failed) - sum(1 for v in listed if v.passed)
    said = [f"{more_failed} more failed"] if more_failed else []
    return ", ".join(said + ([f"{passed} passed"] if passed else [])) + ", not listed"


def _row(v) -> tuple:
    card = v.outcome.head
    result = styled(RESULT["pass" if v.passed else "invalid" if v.invalid else "below"])
    if card is None:
        return (text(v.outcome.name), "—", "—", "—", "—", result)
    sub = card.submission
    grade = card.grade.label.get() + (" (vetoed)" if card.vetoed else "")
    return (text(v.outcome.name), text(sub.subject_name), text(sub.period), f"{card.total:g}", text(grade), result)
