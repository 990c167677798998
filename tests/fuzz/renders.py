"""Every output a scenario's commands can print, each with its invariants, by name ('score.markdown',
'check.github', ...): tests group them by family, bench/fuzz.py tries each one alone."""
from __future__ import annotations

from typing import Callable

from engine import ci
from engine.cli.common import print_problems
from engine.formats import FORMATS
from engine.formats.compare import FORMATS as COMPARE_FORMATS
from engine.formats.gaps import FORMATS as GAPS_FORMATS, VIEWS
from engine.gate import Bar, judge

from . import invariants as inv
from . import scenario

DATA = ("json", "sarif", "junit", "csv")
"""Data formats: they carry what the file said (C1 controls and bidi characters included), but nothing may
break their structure, start a workflow command or reach a terminal as an escape (ESC, CR and other C0)."""
BAR = Bar(min_grade="pass", min_score=50)
STRUCTURE = {"json": inv.is_json, "csv": inv.is_csv, "markdown": inv.markdown_text, "table": inv.terminal_text,
             "junit": inv.is_xml, "sarif": inv.is_json, "text": inv.terminal_text}


def text_output(name: str, out: str, own: int = 0, safe: bool = True) -> None:
    """The invariants of one printed output: its structure and, when ``safe``, no workflow command and no
    control character from the input."""
    if not safe:
        {"json": inv.is_json, "csv": inv.is_csv, "junit": inv.is_xml, "sarif": inv.is_json}.get(name, str)(out)
        return
    if name == "html":
        inv.no_injected_html(out, frozenset({"script"}))  # a browser shows no control character
    else:
        STRUCTURE.get(name, inv.no_emoji_codes)(out)
        inv.no_controls(out, text_format=name not in DATA)
    inv.no_workflow_commands(out, own)


def _problems(run: scenario.Run) -> list:
    return list(run.rubric_error.problems) if run.rubric_error else [p for o in run.outcomes for p in o.problems]


def validate_log(run, lang, safe=True) -> None:
    """What `validate` prints to a CI log: every problem as text, no markup consumed."""
    problems = _problems(run)
    log, _ = scenario.consoles()
    print_problems(problems, log, ("error", "warning", "info"))
    out = scenario.shown(log)
    if not safe:
        return
    inv.terminal_text(out)
    assert out.count("[") >= sum(str(p).count("[") for p in problems), "rich markup in a problem was consumed"


def validate_tty(run, lang, safe=True) -> None:
    _, tty = scenario.consoles()
    print_problems(_problems(run), tty, ("error", "warning", "info"))
    safe and inv.only_own_escapes(scenario.shown(tty))


def _reporter(name: str) -> Callable:
    def check(run, lang, safe=True) -> None:
        verdicts = [judge(o, BAR) for o in run.outcomes]
        own = sum(len(v.failures) + sum(p.level == "warning" for p in v.outcome.problems) for v in verdicts)
        out = ci.get(name).render(verdicts, bar=BAR)
        text_output(name, out, own if name == "github" else 0, safe)
        if safe and name == "sarif":
            inv.sarif_uris(out)
    return check


def check_tty(run, lang, safe=True) -> None:
    _, tty = scenario.consoles()
    ci.get("text").show([judge(o, BAR) for o in run.outcomes], tty, bar=BAR)
    safe and inv.only_own_escapes(scenario.shown(tty))


def check_summary(run, lang, safe=True) -> None:
    out = ci.get("github").summary([judge(o, BAR) for o in run.outcomes], BAR)
    safe and inv.markdown_text(out)


def _score(name: str) -> Callable:
    return lambda run, lang, safe=True: text_output(name, FORMATS[name].render(run.cards, lang), 0, safe)


def _gaps(name: str) -> Callable:
    def check(run, lang, safe=True) -> None:
        reports, _ = scenario.analyse(run.cards)
        for view in VIEWS:
            text_output(name, GAPS_FORMATS[name].render(reports, lang, (view,), 3), 0, safe)
    return check


def _compare(name: str) -> Callable:
    return lambda run, lang, safe=True: text_output(
        name, COMPARE_FORMATS[name].render(scenario.analyse(run.cards)[1], lang), 0, safe)


def tables_tty(run, lang, safe=True) -> None:
    """The terminal views of score, gaps and compare, in a colour terminal."""
    reports, comparisons = scenario.analyse(run.cards)
    _, tty = scenario.consoles()
    FORMATS["table"].show(run.cards, tty, lang)
    GAPS_FORMATS["table"].show(reports, tty, lang, VIEWS, None)
    COMPARE_FORMATS["table"].show(comparisons, tty, lang)
    safe and inv.only_own_escapes(scenario.shown(tty))


CHECKS: dict[str, Callable] = {
    "validate.log": validate_log, "validate.tty": validate_tty,
    **{f"check.{n}": _reporter(n) for n in ci.REPORTERS}, "check.tty": check_tty, "check.summary": check_summary,
    **{f"score.{n}": _score(n) for n in FORMATS}, **{f"gaps.{n}": _gaps(n) for n in GAPS_FORMATS},
    **{f"compare.{n}": _compare(n) for n in COMPARE_FORMATS}, "tables.tty": tables_tty,
}


def family(prefix: str) -> dict[str, Callable]:
    return {k: v for k, v in CHECKS.items() if k.startswith(prefix)}
