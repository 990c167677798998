"""scorecard whatif: score one submission with some values changed (SPEC 10), print before and after."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from ..formats import whatif as views
from ..model import Entry, Loc
from ..problems import InputError, Problem, UsageError, errors, read_yaml
from .common import (LANG, OUTPUT, RUBRIC, RUBRICS_DIR, Lang, Tally, choices, emit, err_console, handled, lang_code,
                     out_console, print_problems, run)

WhatifFormat = choices("WhatifFormat", views.FORMATS)
PLAN_SHAPE = "a plan file is a map with one key, values: {measure id: value}"


@handled
def whatif(
    submission: str = typer.Argument(..., help="One submission: a file, or the folder of a submission in parts.",
                                     show_default=False),
    sets: List[str] = typer.Option([], "--set", "-s", help="MEASURE=VALUE, repeatable. The value is read like a "
                                   "YAML value, then by the measure's method: 95, 3.6万, 85%, 是, true.",
                                   show_default=False),
    plan: Optional[Path] = typer.Option(None, "--plan", "-p", help="A YAML file `values: {measure id: value}`, "
                                        "checked like a submission's values; --set wins over it.",
                                        show_default=False),
    rubric: Optional[str] = RUBRIC,
    rubrics_dir: str = RUBRICS_DIR,
    fmt: WhatifFormat = typer.Option("table", "--format", "-f", help="table (terminal), json "
                                     '({"before", "after", "changes", "units"}) or markdown.'),
    output: Optional[Path] = OUTPUT,
    lang: Optional[Lang] = LANG,
) -> int:
    """What if these values were different? Total and grade before → after, each changed measure's points
    (its own, and in points of the total), and what each responsible unit gains or loses.

    A submission with a verified stage (核验) gets the changes on top of its card's verified values. A waived
    measure (not applicable) cannot be changed. Bad values exit 1, located (FILE:LINE:COL or the --set).

    Example: scorecard whatif submissions/jinchang/2024.yaml --set D1.I01.M04=是 --set D1.I04.M04=1.2万

    A plan file (--plan plan.yaml) holds the same as a submission's values: section, e.g.
    `values: {D1.I01.M06: 85%, D1.I04.M04: 1.2万}`.
    """
    from .. import whatif as core

    card = _card(submission, rubric, rubrics_dir)
    values = read_plan(plan, card.rubric) if plan is not None else {}
    values.update(read_sets(sets, card.rubric))
    if not values:
        raise UsageError("nothing to change: give --set MEASURE=VALUE or --plan FILE")
    _not_waived(values, card.submission)
    result = core.what_if(card.rubric, card.submission, values)
    view, code = views.get(fmt.value), lang_code(lang)
    if fmt.value == "table" and (output is None or str(output) == "-"):
        view.show(result, out_console(), code)
    else:
        emit(view.render(result, code), output)
    return 0


def _card(path: str, rubric, rubrics_dir: str):
    """The one submission's card; a usage error when none or several are found, InputError when invalid."""
    found = list(run([path], rubric, rubrics_dir))
    if not found:
        raise UsageError(f"no submission found at {path}")
    if len(found) > 1:
        names = ", ".join(o.name for o in found[:5]) + (" ..." if len(found) > 5 else "")
        raise UsageError(f"whatif takes one submission; {path} holds {len(found)}: {names}")
    outcome = found[0]
    if outcome.card is None:
        raise InputError(list(outcome.problems))
    tally = Tally(err_console())
    tally.add(outcome)
    tally.warn()
    return outcome.card


def read_plan(path: Path, rubric) -> dict[str, Entry]:
    """A plan file's values, each parsed by its measure's method; InputError with located problems."""
    from ..readers import yaml_file

    doc, problems = read_yaml(path, collect=True)
    if doc is None:
        raise InputError(problems)
    data, name = doc.data, str(path)
    at = lambda where, key=False: Loc(name, *doc.where(where, key))  # noqa: E731
    if not isinstance(data, dict) or "values" not in data:
        raise InputError(problems + [Problem(at(()), PLAN_SHAPE, code="schema")])
    problems += [Problem(at((k,), True), f"unknown key '{k}': {PLAN_SHAPE}", code="schema")
                 for k in data if k != "values"]
    return _checked(yaml_file.section_entries(data["values"], "values", doc, at, problems), rubric, problems)


class _Arg(Loc):
    """Where a value given on the command line is: the --set itself (no line and column)."""

    def __str__(self) -> str:
        return self.file


def read_sets(sets, rubric) -> dict[str, Entry]:
    """--set MEASURE=VALUE pairs, each value read as a YAML scalar, then by its measure's method."""
    from ..raw import RawEntry
    from ..yamlstrict import YamlError, load_text

    raws, problems = [], []
    for given in sets:
        mid, eq, value = given.partition("=")
        if not eq or not mid.strip():
            raise UsageError(f"--set {given}: expected MEASURE=VALUE, e.g. --set A1.1=95")
        where = _Arg(f"--set {given}")
        try:
            doc = load_text(value, marks=False)
            if doc.problems or doc.data is None or isinstance(doc.data, dict):
                raise YamlError(doc.problems[0].message if doc.problems else "expected one value, e.g. 95, 3.6万, 是 or [4, 5]")
        except YamlError as e:
            problems.append(Problem(where, str(e.message), mid.strip(), code="yaml"))
            continue
        raws.append(RawEntry(mid.strip(), doc.data, loc=where, key_loc=where))
    return _checked(raws, rubric, problems)


def _checked(raws, rubric, problems: list) -> dict[str, Entry]:
    """Each entry checked like a submission's value (unknown ids get a did-you-mean); InputError on any error."""
    from ..validate import values

    entries = values(raws, rubric, problems, later_wins=True)  # a later --set for the same measure wins
    if errors(problems):
        raise InputError(errors(problems))
    print_problems(problems, err_console(), ("warning",))
    return entries


def _not_waived(values: dict, sub) -> None:
    waived = [mid for mid in values if mid in sub.waivers]
    if waived:
        raise InputError([Problem(Loc(sub.path or "submission"), "waived as not applicable in this submission "
                                  "(SPEC 9): a value for it would not count", mid, code="waived") for mid in waived])
