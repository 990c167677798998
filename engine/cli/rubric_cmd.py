"""scorecard rubric lint / show: check a rubric, draw it as a tree."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .. import rubric as rubrics
from ..describe import describe
from ..model import Group, Measure, Rubric
from ..problems import UsageError, errors
from ..safe_text import literal, styled
from .common import LANG, Lang, err_console, handled, lang_code, out_console, print_problems

app = typer.Typer(help="Check a rubric (lint) or draw it as a tree (show).", no_args_is_help=True)

RUBRIC_ARG = typer.Argument(..., help="The rubric YAML file.", show_default=False)


def _exists(path: Path) -> None:
    if not path.is_file():
        raise UsageError(f"no such rubric file: {path}")


@app.command()
@handled
def lint(rubric: Path = RUBRIC_ARG) -> int:
    """Check a rubric against the meta-schema and the rules: unique ids, declared owners, sane parameters,
    ordered bands and grades, points that add up to the scale. Every problem as FILE:LINE:COL; exit 1 if any.
    """
    _exists(rubric)
    built, problems = rubrics.lint(rubric)
    console = err_console()
    print_problems(problems, console)
    if built is None or errors(problems):
        console.print(f"[red]{literal(rubric)}: {len(errors(problems))} error(s)[/]")
        return 1
    console.print(f"[green]{literal(rubric)}: ok[/] — {_census(built)}")
    return 0


@app.command()
@handled
def show(rubric: Path = RUBRIC_ARG, lang: Optional[Lang] = LANG) -> int:
    """Draw the rubric as a tree: ids, labels, points, method and target, owners, totals per group."""
    _exists(rubric)
    r = rubrics.load(rubric)
    console = out_console()
    console.print(tree(r, lang_code(lang)))
    console.print(_census(r))
    return 0


def _census(r: Rubric) -> str:
    base = [m for m in r.measures if not m.is_modifier]
    mods = len(r.measures) - len(base)
    return (f"{len(r.groups)} groups, {len(base)} measures worth {r.worth:g} (scale {r.scale:g}), "
            f"{mods} bonus/deduction/veto items, {len(r.units)} units")


def tree(r: Rubric, lang: str | None = None):
    """The rubric as a rich Tree; every label, id, unit and owner shown literally (``safe_text.styled``)."""
    from rich.tree import Tree

    root = Tree(styled((r.title.get(lang), "bold"), " ", (r.ref, "dim"), f"  scale {r.scale:g}"))
    for node in r.tree:
        _add(root, node, lang)
    return root


def _add(parent, node, lang) -> None:
    if isinstance(node, Group):
        weight = f"weight {node.weight:g}" if node.weight is not None else f"{node.worth:g} pts"
        branch = parent.add(styled((node.id, "bold"), f" {node.label.get(lang)} ", (f"({weight})", "cyan")))
        for child in node.children:
            _add(branch, child, lang)
        return
    parent.add(styled(f"{node.id} {node.label.get(lang)}  ", (_points(node), "cyan"), " ",
                      (describe(node), "magenta"), " ", (" ".join(node.owners), "dim")))


def _points(m: Measure) -> str:
    return m.method if m.is_modifier else f"{m.points:g} pts"
