"""text: a summary table and one FILE:LINE:COL line per failure."""
from __future__ import annotations

import io

from ..formats.fit import column, fit_table
from ..safe_text import console as new_console, styled, text

NAME = "text"
RESULT = {"pass": ("pass", "green"), "invalid": ("invalid", "red"), "below": ("below bar", "red")}


def render(verdicts, lang: str | None = None, *, bar) -> str:
    buf = io.StringIO()
    show(verdicts, new_console(buf, width=120, no_color=True), bar=bar)
    return buf.getvalue()


def show(verdicts, console, lang: str | None = None, *, bar) -> None:
    t = fit_table(title=text(f"scorecard check — bar: {bar.describe()}"), title_justify="left")
    for col, just in (("file", "left"), ("subject", "left"), ("period", "left"), ("total", "right"),
                      ("grade", "left"), ("result", "left")):
        column(t, col, just)
    for v in verdicts:
        t.add_row(*_row(v))
    console.print(t)
    for v in verdicts:
        for p in v.failures:
            console.print(styled((str(p), "red")), soft_wrap=True)
    failed = sum(not v.passed for v in verdicts)
    style = "red" if failed else "green"
    console.print(f"[{style}]{len(verdicts)} checked: {len(verdicts) - failed} passed, {failed} failed[/]")


def _row(v) -> tuple:
    card = v.outcome.head
    result = styled(RESULT["pass" if v.passed else "invalid" if v.invalid else "below"])
    if card is None:
        return (text(v.outcome.name), "—", "—", "—", "—", result)
    sub = card.submission
    grade = card.grade.label.get() + (" (vetoed)" if card.vetoed else "")
    return (text(v.outcome.name), text(sub.subject_name), text(sub.period), f"{card.total:g}", text(grade), result)
