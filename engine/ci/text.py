"""text: a summary table and one FILE:LINE:COL line per failure, in Chinese or English (``lang``)."""
from __future__ import annotations
from ..lang import pick

import io
import re
from dataclasses import replace

from ..formats.fit import column, fit_table
from ..gate import find_grade
from ..safe_text import console as new_console, styled, text

NAME = "text"
WORDS: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "title": ("scorecard check — 门槛：{bar}", "scorecard check — bar: {bar}"),
    "file": ("文件", "file"), "subject": ("对象", "subject"), "period": ("期次", "period"), "total": ("总分", "total"),
    "grade": ("等级", "grade"), "result": ("结果", "result"),
    "pass": ("通过", "pass"), "invalid": ("有误", "invalid"), "below": ("未达门槛", "below bar"),
    "vetoed": ("（一票否决）", " (vetoed)"),
    "more": ("另有 {n} 份", "{n} more"),
    "checked": ("共检查 {n} 份：{passed} 份通过，{failed} 份未通过", "{n} checked: {passed} passed, {failed} failed"),
    "rest": ("{more}（终端只列出前 {shown} 份）；全部结果和失败原因：加 -o 文件名，或 --format json|junit|sarif|github",
             "{more} (a terminal lists the first {shown}); every verdict and failure: -o FILE, or --format "
             "json|junit|sarif|github"),
    "more_failed": ("另有 {n} 份未通过", "{n} more failed"), "passed": ("{n} 份通过", "{n} passed"),
    "not_listed": ("，均未列出", ", not listed"), "and": ("，", ", "),
    "bar_grade": ("等级不低于 {grade}", "grade {grade} or better"), "bar_score": ("总分 ≥ {score}", "total >= {score}"),
    "bar_policy": ("策略 {file}（{n} 条规则）", "policy {file} ({n} rules)"), "bar_both": ("且", " and "),
    "bar_valid": ("有效", "valid"),
}
STYLE = {"pass": "green", "invalid": "red", "below": "red"}


SCREENFUL = 20
"""Verdicts a terminal lists whole; past it, the first ROWS failures (or passes when none failed), then a count."""
ROWS = 15


def say(key: str, lang: str | None, **fields) -> str:
    return pick(WORDS[key], lang, **fields)


def render(verdicts, lang: str | None = None, *, bar) -> str:
    buf = io.StringIO()
    show(verdicts, new_console(buf, width=120, no_color=True), lang, bar=bar, whole=True)
    return buf.getvalue()


def show(verdicts, console, lang: str | None = None, *, bar, whole: bool = False) -> None:
    verdicts = list(verdicts)
    failed = [v for v in verdicts if not v.passed]
    listed = verdicts if whole or len(verdicts) <= SCREENFUL else (failed or verdicts)[:ROWS]
    t = fit_table(title=text(say("title", lang, bar=describe(bar, lang, verdicts))), title_justify="left")
    for col, just in (("file", "left"), ("subject", "left"), ("period", "left"), ("total", "right"),
                      ("grade", "left"), ("result", "left")):
        column(t, say(col, lang), just)
    for v in listed:
        t.add_row(*_row(v, lang))
    if len(listed) < len(verdicts):
        t.add_row("…", say("more", lang, n=len(verdicts) - len(listed)), "", "", "", "")
    console.print(t)
    for v in listed:
        for p in v.failures:
            console.print(styled((p.text(lang), "red")), soft_wrap=True)
    style = "red" if failed else "green"
    console.print(styled((say("checked", lang, n=len(verdicts), passed=len(verdicts) - len(failed), failed=len(failed)),
                          style)))
    if len(listed) < len(verdicts):
        console.print(styled((say("rest", lang, more=_more(verdicts, listed, failed, lang), shown=len(listed)),
                              "yellow")))


def describe(bar, lang: str | None, verdicts=()) -> str:
    """What a submission must meet (gate.Bar.describe, in Chinese for zh), the --min-grade by its label when it
    names one grade, labelled alike, in every rubric checked."""
    grade = _grade_label(bar.min_grade, verdicts, lang) if bar.min_grade else None
    if lang != "zh":
        return bar.describe() if grade == bar.min_grade else replace(bar, min_grade=grade).describe()
    parts = [say("bar_grade", lang, grade=grade)] if bar.min_grade else []
    parts += [say("bar_score", lang, score=f"{bar.min_score:g}")] if bar.min_score is not None else []
    parts += [say("bar_policy", lang, file=bar.policy.file, n=len(bar.policy.rules))] if bar.policy else []
    return say("bar_both", lang).join(parts) or say("bar_valid", lang)


def _grade_label(typed: str, verdicts, lang: str | None) -> str:
    """The label in ``lang`` of the grade ``typed`` names (合格 for pass), else ``typed`` as it was given."""
    rubrics = {v.outcome.head.rubric.ref: v.outcome.head.rubric for v in verdicts if v.outcome.head}.values()
    labels = {g.label.get(lang) if g else None for g in (find_grade(r, typed) for r in rubrics)}
    return labels.pop() if len(labels) == 1 and None not in labels else typed


def _more(verdicts, listed, failed, lang: str | None) -> str:
    """'250 more failed, 2935 passed, not listed'."""
    more_failed = len(failed) - sum(1 for v in listed if not v.passed)
    passed = len(verdicts) - len(failed) - sum(1 for v in listed if v.passed)
    said = [say("more_failed", lang, n=more_failed)] if more_failed else []
    return say("and", lang).join(said + ([say("passed", lang, n=passed)] if passed else [])) + say("not_listed", lang)


def _name(outcome, lang: str | None) -> str:
    """The verdict's name (Outcome.name), its count of parts in Chinese for zh."""
    if lang != "zh":
        return outcome.name
    return re.sub(r" \((\+?)(\d+) parts\)$", lambda m: f"（{'另 ' if m[1] else ''}{m[2]} 份分表）", outcome.name)


def _row(v, lang: str | None) -> tuple:
    card = v.outcome.head
    key = "pass" if v.passed else "invalid" if v.invalid else "below"
    result = styled((say(key, lang), STYLE[key]))
    if card is None:
        return (text(_name(v.outcome, lang)), "—", "—", "—", "—", result)
    sub = card.submission
    grade = card.grade.label.get(lang) + (say("vetoed", lang) if card.vetoed else "")
    return (text(_name(v.outcome, lang)), text(sub.subject_name), text(sub.period), f"{card.total:g}", text(grade), result)
