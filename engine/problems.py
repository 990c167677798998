"""Problems found in input, located at FILE:LINE:COL, and the exceptions that stop a command."""
from __future__ import annotations

import unicodedata
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
    left_out: tuple[tuple[str, int], ...] = ()
    """Only on the 'truncated' problem that ends a capped list: (level, how many) of the problems it
    stands for, so that counts include them (see count)."""

    def __str__(self) -> str:
        where = f"{self.id}: " if self.id else ""
        level = f"{self.level}: " if self.level != "error" else ""
        return f"{self.loc}: {level}{where}{self.message}"

    def text(self, lang: str | None = None) -> str:
        """As str(), for a person reading the terminal in ``lang``: in Chinese for zh (engine.messages_zh; a message
        it has no words for stays as written). Machine formats keep str() and ``message``."""
        if lang != "zh":
            return str(self)
        from .messages_zh import line

        return line(self)

    @property
    def is_error(self) -> bool:
        return self.level == "error"


def did_you_mean(word: str, choices) -> str:
    """' (did you mean X?)' for a near miss, else ''."""
    import difflib  # a near name is looked for only when one is missing: not on every start

    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


_INVISIBLE = {"Cc": "a control character", "Cf": "an invisible formatting character (zero-width or bidi)",
              "Zl": "a line separator", "Zp": "a paragraph separator", "Cs": "a lone surrogate"}


def unfit_text(text: str) -> str:
    """Why a text cannot serve as an id or a name of files ('' when it can): a control character (a
    newline, a tab, an escape), an invisible one (zero-width, bidi control, BOM), or spaces around it."""
    for ch in text:
        kind = _INVISIBLE.get(unicodedata.category(ch))
        if kind:
            return f"{kind} U+{ord(ch):04X}"
    return "spaces before or after it" if text != text.strip() else ""


def shown(text: str) -> str:
    """A text quoted, with every control and invisible character escaped (\\n, \\u200b)."""
    return repr(text)


def errors(problems) -> list[Problem]:
    return [p for p in problems if p.is_error]


MAX_PROBLEMS = 200
"""Problems listed for one file; past this, one last problem says how many more there are."""
_RANK = {"error": 0, "warning": 1, "info": 2}
_NAMES = {"error": ("error", "errors"), "warning": ("warning", "warnings"), "info": ("note", "notes")}


def count(problems, level: str) -> int:
    """How many problems of a level were found: those listed, and those a capped list left out."""
    return sum(dict(p.left_out).get(level, 0) if p.code == "truncated" else p.level == level for p in problems)


def cap(problems, limit: int = MAX_PROBLEMS) -> list[Problem]:
    """A file's problems, each distinct one once; past ``limit``, the first in file order (errors first,
    then warnings, then notes, so that no note hides an error) and one last problem saying how many
    more of each level. A list capped before is merged: one such problem in all, counting both."""
    left = dict.fromkeys(_RANK, 0)
    distinct, merged = [], []
    for p in dict.fromkeys(problems):  # identical problems (an alias repeating a bad value) count once
        (merged if p.code == "truncated" else distinct).append(p)
        for level, n in p.left_out:
            left[level] = left.get(level, 0) + n
    if len(distinct) <= limit and not merged:
        return distinct
    distinct.sort(key=_place)
    ranked = sorted(range(len(distinct)), key=lambda i: _RANK.get(distinct[i].level, 0))
    keep = set(ranked[:limit])
    kept = [p for i, p in enumerate(distinct) if i in keep]
    rest = [p for i, p in enumerate(distinct) if i not in keep]
    for p in rest:
        left[p.level if p.level in _RANK else "error"] += 1
    first = min(rest + merged, key=_place)
    return kept + [Problem(first.loc, _more(left), level=next(lv for lv in _RANK if left.get(lv)),
                           code="truncated", left_out=tuple((lv, n) for lv, n in left.items() if n))]


def _place(p: Problem) -> tuple[int, int]:
    return p.loc.line, p.loc.col


def _more(left: dict) -> str:
    """'… and 12 more errors in this file', or '… and 14 more problems in this file (12 errors, 2 notes)'."""
    named = [(n, _NAMES[lv][n != 1]) for lv, n in left.items() if n]
    total = sum(left.values())
    if len(named) == 1:
        return f"… and {total} more {named[0][1]} in this file"
    return f"… and {total} more problems in this file ({', '.join(f'{n} {w}' for n, w in named)})"


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
        said = [Problem(Loc(name, e.line, e.col), e.message, _measure_of(e), code="yaml") for e in doc.problems]
        if doc.left_out:  # counted by the loader, not kept: cap() merges this into the file's one "more" line
            said.append(Problem(said[-1].loc, _more({"error": doc.left_out}), code="truncated",
                                left_out=(("error", doc.left_out),)))
        return doc, said
    except YamlError as e:
        return None, [Problem(Loc(name, e.line, e.col), e.message, code="yaml")]
    except OSError as e:
        return None, [Problem(Loc(name), f"cannot read: {e.strerror or e}", code="io")]


def _measure_of(error) -> str:
    """The measure id a refused value belongs to (values.<id> or ratings.<id>), if any."""
    path = getattr(error, "path", None) or ()
    ok = len(path) > 1 and path[0] in ("values", "ratings") and isinstance(path[1], str)
    return path[1] if ok else ""
