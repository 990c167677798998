"""The `scorecard` command line: thin commands that wire loaders, the core and renderers."""
from __future__ import annotations

import typer

from . import check_cmd, compare_cmd, gaps_cmd, init_cmd, report_cmd, rubric_cmd, schema_cmd, score_cmd, validate_cmd

app = typer.Typer(
    name="scorecard",
    help="Score assessments declared as YAML rubrics: validate submissions, score them, and show where "
    "the points went.\n\nStart with: scorecard rubric show rubrics/ethnic-unity-city.yaml, then "
    "scorecard score submissions/",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_enable=False,
)
app.command(name="validate")(validate_cmd.validate)
app.command(name="score")(score_cmd.score)
app.command(name="gaps")(gaps_cmd.gaps)
app.command(name="compare")(compare_cmd.compare)
app.command(name="report")(report_cmd.report)
app.command(name="init")(init_cmd.init)
app.command(name="schema")(schema_cmd.schema)
app.command(name="check")(check_cmd.check)
app.add_typer(rubric_cmd.app, name="rubric")


def main() -> None:
    app()
