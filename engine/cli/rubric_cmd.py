"""scorecard rubric lint / show / diff: check a rubric, draw it as a tree, compare two rubrics."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .. import rubric as rubrics
from ..describe import in_words
from ..formats.json_fmt import dumps
from ..model import Group, Measure, Rubric
from ..problems import UsageError, errors
from ..safe_text import styled
from ..lang import ui_lang
from .common import LANG, OUTPUT, Lang, choices, emit, err_console, handled, lang_code, out_console, print_problems
from .lines import say

DiffFormat = choices("DiffFormat", ("table", "json"))
MARKS = {"added": "+", "changed": "~"}
"""How `rubric show` marks a node a tailoring added or changed."""

app = typer.Typer(help="Check a rubric (lint), draw it as a tree (show), or list what differs between two "
                  "rubrics (diff), e.g. a tailored rubric and the one it extends.", no_args_is_help=True)

RUBRIC_ARG = typer.Argument(..., help="The rubric YAML file.", show_default=False)
PARENTS_DIR = typer.Option(None, "--rubrics-dir", help="Where the rubric a tailoring file extends is looked up "
                           "when it is not in the tailoring file's own folder.", show_default=False)
LINT_DIR = typer.Option(None, "--rubrics-dir", help="Where the rubric a tailoring file extends, and the version a "
                        "rubric replaces (for its crosswalk's keys), are looked up when they are not in the "
                        "rubric file's own folder.", show_default=False)


def _exists(path: Path) -> None:
    if not path.is_file():
        raise UsageError(f"no such rubric file: {path}")


@app.command()
@handled
def lint(rubric: Path = RUBRIC_ARG, rubrics_dir: Optional[Path] = LINT_DIR, lang: Optional[Lang] = LANG) -> int:
    """Check a rubric against the meta-schema and the rules: unique ids, declared owners, sane parameters,
    ordered bands and grades, points that add up to the scale. Every problem as FILE:LINE:COL; exit 1 if any.

    A tailoring file (extends: ID@VERSION) is merged with the rubrics it extends and the result checked as
    a whole: a problem in an inherited node is located in the parent's file, one in an override or an
    added node in the tailoring file.

    A crosswalk (SPEC 9) is checked as compare checks it: it needs replaces, each target must be a node of
    this rubric, and each key a node of the version it replaces, when that version is found.
    """
    _exists(rubric)
    built, problems = rubrics.lint(rubric, rubrics_dir)
    console = err_console()
    ui = ui_lang(lang_code(lang), built) if built is not None else lang_code(lang)
    print_problems(problems, console, lang=ui)
    if built is None or errors(problems):
        console.print(styled((f"{rubric}: {say('lint_errors', ui, n=len(errors(problems)))}", "red")))
        return 1
    console.print(styled((f"{rubric}: {say('lint_ok', ui)}", "green"), " — ", _census(built, ui)))
    return 0


@app.command()
@handled
def show(rubric: Path = RUBRIC_ARG, lang: Optional[Lang] = LANG,
         rubrics_dir: Optional[Path] = PARENTS_DIR) -> int:
    """Draw the rubric as a tree: ids, labels, points, method and target, owners, totals per group.

    On a tailored rubric, + marks a node its tailoring (or its chain's) added and ~ one it changed;
    `scorecard rubric diff PARENT.yaml TAILORED.yaml` lists each change key by key.
    """
    _exists(rubric)
    r = rubrics.load(rubric, rubrics_dir)
    console = out_console()
    ui = ui_lang(lang_code(lang), r)
    console.print(tree(r, lang_code(lang)))
    if r.tailored:
        legend = say("legend", ui, added=MARKS["added"], changed=MARKS["changed"])
        console.print(styled(legend, (r.extends, "bold"), say("legend_end", ui)))
    console.print(_census(r, ui))
    return 0


@app.command()
@handled
def diff(a: Path = typer.Argument(..., help="The old rubric (e.g. the one a tailoring extends).", metavar="A",
                                  show_default=False),
         b: Path = typer.Argument(..., help="The new rubric (e.g. the tailoring).", metavar="B", show_default=False),
         fmt: DiffFormat = typer.Option("table", "--format", "-f", help="table (terminal) or json: "
                                        '{"a", "b", "rubric": [changes], "added", "removed", "changed": '
                                        '[{"id", "changes": [{"key", "old", "new"}]}]}.'),
         exit_code: bool = typer.Option(False, "--exit-code", help="Exit 1 when the rubrics differ (as git diff "
                                        "--exit-code); without it the exit code is 0 whatever differs."),
         output: Optional[Path] = OUTPUT, lang: Optional[Lang] = LANG,
         rubrics_dir: Optional[Path] = PARENTS_DIR) -> int:
    """List what differs between two rubrics: nodes added (+), removed (-) and changed (~), each changed key
    with its old and new value (points, weight, method parameters as params.NAME, label, owners, evidence,
    parent ...), and the rubric's own keys (scale, grades, units, ...). Any two rubrics, tailored or not.

    Example: scorecard rubric diff rubrics/ethnic-unity-city.yaml rubrics/nmg-ethnic-unity-city.yaml
    """
    from ..rubric import diff_view
    from ..rubric.diff import diff as rubric_diff

    for path in (a, b):
        _exists(path)
    found = rubric_diff(rubrics.load(a, rubrics_dir), rubrics.load(b, rubrics_dir))
    if fmt.value == "json":
        emit(dumps(found.as_json()) + "\n", output)
    elif output is None or str(output) == "-":
        diff_view.show(found, out_console(), lang_code(lang))
    else:
        emit(diff_view.render(found, lang_code(lang)), output)
    return 1 if exit_code and not found.empty else 0


def _census(r: Rubric, lang: Optional[str] = None) -> str:
    base = [m for m in r.measures if not m.is_modifier]
    census = say("census", lang, groups=len(r.groups), measures=len(base), worth=f"{r.worth:g}", scale=f"{r.scale:g}",
                 mods=len(r.measures) - len(base), units=len(r.units))
    if not r.extends:
        return census
    how = list(r.tailored.values())
    return census + say("census_extends", lang, parent=r.extends, added=how.count("added"),
                        changed=how.count("changed"))


def tree(r: Rubric, lang: str | None = None):
    """The rubric as a rich Tree; every label, id, unit and owner shown literally (``safe_text.styled``)."""
    from rich.tree import Tree

    ui = ui_lang(lang, r)
    root = Tree(styled((r.title.get(lang), "bold"), " ", (r.ref, "dim"), say("tree_scale", ui, scale=f"{r.scale:g}")))
    for node in r.tree:
        _add(root, node, (lang, ui), r.tailored)
    return root


def _add(parent, node, langs: tuple, tailored: dict) -> None:
    """``langs``: (the labels' language, the words')."""
    lang, ui = langs
    mark = _mark(tailored.get(node.id))
    if isinstance(node, Group):
        weight = say("tree_weight", ui, weight=f"{node.weight:g}") if node.weight is not None else \
            say("tree_points", ui, points=f"{node.worth:g}")
        branch = parent.add(styled(mark, (node.id, "bold"), f" {node.label.get(lang)} ", (f"({weight})", "cyan")))
        for child in node.children:
            _add(branch, child, langs, tailored)
        return
    points = () if node.is_modifier else ((_points(node, ui), "cyan"), " ")  # a modifier's words name its method
    parent.add(styled(mark, f"{node.id} {node.label.get(lang)}  ", *points, (in_words(node, ui), "magenta"), " ",
                      (" ".join(node.owners), "dim")))


def _mark(how: str | None):
    """'+ ' (added) or '~ ' (changed), styled; '' for a node as its parent rubric has it."""
    if how is None:
        return ""
    return (f"{MARKS[how]} ", "bold green" if how == "added" else "bold yellow")


def _points(m: Measure, lang: Optional[str] = None) -> str:
    return say("measure_points", lang, points=f"{m.points:g}")
