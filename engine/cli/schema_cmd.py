"""scorecard schema: write the submission JSON Schema generated from a rubric."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .. import rubric as rubrics
from ..schema import submission_schema
from .common import LANG, OUTPUT, Lang, emit, handled, lang_code


@handled
def schema(
    rubric: Path = typer.Argument(..., help="The rubric YAML file.", show_default=False),
    output: Optional[Path] = OUTPUT,
    lang: Optional[Lang] = LANG,
) -> int:
    """Write the JSON Schema (draft-07) that submissions for this rubric must satisfy.

    Point your editor at it for hover help, completion and red squiggles while filling a submission:
    put `# yaml-language-server: $schema=<path>` on the first line of the submission (scorecard init does).

    Example: scorecard schema rubrics/ethnic-unity-city.yaml -o reports/schemas/ethnic-unity-city.schema.json
    """
    from ..problems import UsageError

    if not rubric.is_file():
        raise UsageError(f"no such rubric file: {rubric}")
    data = submission_schema(rubrics.load(rubric), lang_code(lang))
    emit(json.dumps(data, ensure_ascii=False, indent=2) + "\n", output)
    return 0
