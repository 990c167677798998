"""text: a summary table and one FILE:LINE:COL line per failure."""
from __future__ import annotations

import io

NAME = "text"


def render(verdicts, bar) -> str:
    from rich.console import Console

    buf = io.StringIO()
    show(verdicts, bar, Console(file=buf, width=120, no_color=True, highlight=False))
    return buf.getvalue()


def show(verdicts, bar, console) -> None:
    from rich.markup import escape
    from rich.table import Table

    t = Table(title=f"scorecard check — bar: {bar.describe()}", title_justify="left")
    width = min(40, max((len(v.outcome.path) for v in verdicts), default=10))
    t.add_column("file", min_width=width, overflow="fold")
    for col, just in (("subject", "left"), ("period", "left"), ("total", "right"), ("grade", "left"),
                      ("result", "left")):
        t.add_column(col, justify=just, overflow="fold")
    for v in verdicts:
        t.add_row(*_row(v))
    console.print(t)
    for v in verdicts:
        for p in v.failures:
            console.print(f"[red]{escape(str(p))}[/]", soft_wrap=True)
    failed = sum(not v.passed for v in verdicts)
    style = "red" if failed else "green"
    console.print(f"[{style}]{len(verdicts)} checked: {len(verdicts) - failed} passed, {failed} failed[/]")


def _row(v) -> tuple[str, ...]:
    card = v.outcome.card
    result = "[green]pass[/]" if v.passed else "[red]invalid[/]" if v.invalid else "[red]below bar[/]"
    if card is None:
        return (v.outcome.path, "—", "—", "—", "—", result)
    sub = card.submission
    grade = card.grade.label.get() + (" (vetoed)" if card.vetoed else "")
    return (v.outcome.path, sub.subject_name, str(sub.period), f"{card.total:g}", grade, result)
