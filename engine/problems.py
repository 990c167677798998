"""Problems found in input, located at FILE:LINE:COL, and the exceptions that stop a command."""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from .model import Loc
from .yamlstrict import Doc, YamlError, load_file


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning) in a rubric or a submission."""

    loc: Loc
    message: str
    id: str = ""
    """The measure or node id it concerns, if any."""
    level: str = "error"
    """'error' (the input is invalid), 'warning' (accepted, but look at it) or 'info' (how it was read)."""
    code: str = "invalid"
    """A short kind name (for SARIF rules and JUnit names)."""

    def __str__(self) -> str:
        where = f"{self.id}: " if self.id else ""
        level = f"{self.level}: " if self.level != "error" else ""
        return f"{self.loc}: {level}{where}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.level == "error"


def did_you_mean(word: str, choices) -> str:
    """' (did you mean X?)' for a near miss, else ''."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def errors(problems) -> list[Problem]:
    return [p for p in problems if p.is_error]


class InputError(Exception):
    """Input that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


class RubricError(InputError):
    """A rubric that cannot be loaded (exit code 2)."""


class UsageError(Exception):
    """The command was called wrongly (exit code 2)."""


def read_yaml(path, marks: bool = True, collect: bool = False) -> tuple[Doc | None, list[Problem]]:
    """Load a YAML file strictly; located problems instead of an exception. With ``collect``, the
    document comes back even when some values were refused, with a problem for each."""
    name = str(path)
    try:
        doc = load_file(path, marks, collect)
        return doc, [Problem(Loc(name, e.line, e.col), e.message, _measure_of(e), code="yaml") for e in doc.problems]
    except YamlError as e:
        return None, [Problem(Loc(name, e.line, e.col), e.message, code="yaml")]
    except OSError as e:
        return None, [Problem(Loc(name), f"cannot read: {e.strerror or e}", code="io")]


def _measure_of(error) -> str:
    """The measure id a refused value belongs to (values.<id> or ratings.<id>), if any."""
    path = getattr(error, "path", None) or ()
    return str(path[1]) if len(path) > 1 and path[0] in ("values", "ratings") else ""
