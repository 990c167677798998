"""scorecard check: the CI gate — validate and score every submission, fail on invalid or below the bar."""
from __future__ import annotations

import os
from pathlib import Path
from typing import List, Optional

from .. import ci
from ..gate import Bar, check_bar, judge
from ..safe_text import literal
from . import as_of as dating
from .common import Lang, choices, err_console, heeded, on_first_use, print_problems, run, said_problems, speak, voice, \
    zh_usage
from .lines import say
from .output import write

CheckFormat = choices("CheckFormat", ["auto", *ci.REPORTERS])
WORDS = {"--rubric": ("rubric", str), "-r": ("rubric", str), "--rubrics-dir": ("rubrics_dir", str),
         "--min-grade": ("min_grade", str), "--min-score": ("min_score", float), "--policy": ("policy", Path),
         "--format": ("fmt", tuple(CheckFormat.__members__)), "-f": ("fmt", tuple(CheckFormat.__members__)),
         "--output": ("output", Path), "-o": ("output", Path), "--verbose": ("verbose", bool),
         "-v": ("verbose", bool), "--long": ("long", bool), "--as-of": ("as_of", str), "--lang": ("lang", ("zh", "en"))}
"""The command line as engine.cli.quick reads it: option -> (parameter of checked, its type or choices)."""


def _command():
    import typer

    from .common import LANG, LONG, OUTPUT, RUBRIC, RUBRICS_DIR, handled, lang_code

    @handled
    def check(
        paths: List[str] = typer.Argument(..., help="Submission files or folders; pre-commit passes the staged "
                                          "files.", show_default=False),
        rubric: Optional[str] = RUBRIC,
        rubrics_dir: str = RUBRICS_DIR,
        min_grade: Optional[str] = typer.Option(None, "--min-grade", help="Fail a submission graded below this "
                                                "grade, named by its id or by its label in any language of the "
                                                "rubric (合格, Pass and pass all name the grade pass), resolved in "
                                                "each submission's own rubric.",
                                                show_default=False),
        min_score: Optional[float] = typer.Option(None, "--min-score", help="Fail a submission whose rounded "
                                                  "total is below this many points.", show_default=False),
        policy: Optional[Path] = typer.Option(None, "--policy", help="A YAML policy: min_grade, min_score, "
                                              "min_coverage (0-1), max_waivers, require: [measure ids], groups: "
                                              "{GROUP: {min_score: X}}. Each unmet rule is its own "
                                              "failure. With --min-grade or --min-score too, both bars apply: a "
                                              "submission must meet each, so the stricter binds.",
                                              show_default=False),
        fmt: CheckFormat = typer.Option("auto", "--format", "-f", help="auto = github inside GitHub Actions, "
                                        "else text. junit and sarif for CI test and code-scanning views. json is "
                                        "always one object whose results hold one entry per file."),
        output: Optional[Path] = OUTPUT,
        verbose: bool = typer.Option(False, "--verbose", "-v", help="Also print each file's warnings and notes "
                                     "(info: how values were read) to stderr."),
        long: bool = LONG,
        as_of: Optional[str] = dating.CHECKED,
        lang: Optional[Lang] = LANG,
    ) -> int:
        """CI gate: validate and score every submission; exit 1 if any is invalid or below the bar
        (a vetoed submission is below any bar) or if no submission is found, 0 otherwise, 2 on usage
        errors (a policy file with a mistake, located at FILE:LINE:COL, is one).

        Example: scorecard check submissions/ --min-grade pass --format github

        Example: scorecard check submissions/ --policy docs/examples/policy.yaml --format junit -o check.xml
        (docs/tailoring.md explains every policy key and what each format shows)
        """
        return checked(paths, rubric, rubrics_dir, min_grade, min_score, policy, fmt.value, output, verbose, long,
                       as_of, lang_code(lang))

    return check


__getattr__ = on_first_use(globals(), ("check",), lambda: {"check": _command()})
"""``check``, the typer command, made when typer reads the command line (engine.cli.quick runs checked)."""


def checked(paths: List[str], rubric: Optional[str] = None, rubrics_dir: str = "rubrics",
            min_grade: Optional[str] = None, min_score: Optional[float] = None, policy: Optional[Path] = None,
            fmt: str = "auto", output: Optional[Path] = None, verbose: bool = False, long: bool = False,
            as_of: Optional[str] = None, lang: Optional[str] = None) -> int:
    """The check command, its options as typer passes them (``fmt`` by name, ``lang`` as its text); the exit code.
    The text format and its lines are in ``lang``, else in the first rubric's language; the machine formats keep
    the engine's English messages."""
    speak(lang)
    refused = ()  # a PolicyError, which only a --policy raises: the policy module is imported for one alone
    if policy is not None:
        from ..policy import PolicyError as refused, load as load_policy
    try:
        bar = Bar(min_grade, min_score, load_policy(str(policy)) if policy else None)
        verdicts = [judge(o, bar) for o in heeded(dating.dated(run(paths, rubric, rubrics_dir, long), as_of, True))]
        check_bar(bar, verdicts)
    except refused as e:
        return _bad_policy(e)
    if verbose:
        for v in verdicts:
            print_problems(v.outcome.problems, err_console(), ("warning", "info"))
    reporter = ci.pick(fmt, dict(os.environ))
    if not verdicts:
        err_console().print(f"[red]{say('nothing_to_check', voice())}[/]{say('nothing_how', voice())}")
        return 1
    _write_summary(reporter, verdicts, bar)
    write(reporter, verdicts, output, voice(), err_console(), bar=bar)
    return 0 if all(v.passed for v in verdicts) else 1


def _bad_policy(e) -> int:
    """Every problem of the policy at FILE:LINE:COL, one a line, as validate lists a file's: a usage error."""
    print_problems(e.problems, err_console())
    what = e.what if voice() != "zh" else zh_usage(e.what)
    err_console().print(f"[red]{literal(what)}[/]{said_problems(len(e.problems))}")
    return 2


def _write_summary(reporter, verdicts, bar) -> None:
    """GitHub shows 10 annotations per kind per step: the full list goes to the step summary."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if reporter.NAME == "github" and target:
        with open(target, "a", encoding="utf-8") as f:
            f.write(reporter.summary(verdicts, bar))
