"""The `scorecard` command line: thin commands that wire loaders, the core and renderers.

Commands are imported only when used: `scorecard check FILE` in a pre-commit hook loads the
check path alone, not gaps, compare or the HTML report; and check and validate run without typer when
engine.cli.quick can read their command line as typer would.
"""
from __future__ import annotations

import importlib
import sys

COMMANDS = {
    "validate": ("validate_cmd", "validate"),
    "score": ("score_cmd", "score"),
    "gaps": ("gaps_cmd", "gaps"),
    "compare": ("compare_cmd", "compare"),
    "progress": ("progress_cmd", "progress"),
    "report": ("report_cmd", "report"),
    "whatif": ("whatif_cmd", "whatif"),
    "sensitivity": ("sensitivity_cmd", "sensitivity"),
    "check": ("check_cmd", "check"),
    "rubric": ("rubric_cmd", "app"),
    "schema": ("schema_cmd", "schema"),
    "init": ("init_cmd", "init"),
}
"""Command name -> (module in engine.cli, attribute): a command function or a sub-Typer."""
HELP = ("Score assessments declared as YAML rubrics: validate submissions, score them, and show where the "
        "points went.\n\nStart with: scorecard rubric show rubrics/ethnic-unity-city.yaml, then "
        "scorecard report submissions/")


def build(names=None) -> typer.Typer:
    """The Typer app with the named commands (all when None)."""
    import typer

    app = typer.Typer(name="scorecard", help=HELP, no_args_is_help=True, add_completion=False, rich_markup_mode="markdown",
                      context_settings={"help_option_names": ["-h", "--help"]}, pretty_exceptions_enable=False)
    app.callback()(_root)
    for name in names or COMMANDS:
        module, attr = COMMANDS[name]
        target = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
        if isinstance(target, typer.Typer):
            app.add_typer(target, name=name)
        else:
            app.command(name=name)(target)
    return app


def _root() -> None:
    """Score assessments declared as YAML rubrics."""


def __getattr__(name: str):
    if name == "app":  # the full app, for tests and embedding
        return build()
    raise AttributeError(name)


def main() -> None:
    wanted = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] in COMMANDS else None
    if wanted in ("check", "validate"):
        from . import quick

        quick.run(wanted, sys.argv[2:])  # exits, unless the command line is one for typer to read
    build([wanted] if wanted else None)()
