"""The fuzz targets, reached the way the CLI reaches them. Each takes one concrete input, runs it through
the engine's public entry points and checks the invariants (AssertionError when one breaks; any other
exception is a crash). Shared by tests/fuzz (hypothesis) and bench/fuzz.py (seeded random inputs)."""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from engine import pipeline, problems as submission, yamlstrict
from engine.numbers import NotANumber, parse_number, schema_pattern

from ..tabular.helpers import RUBRIC

CAP = submission.MAX_PROBLEMS + 1
"""Problems one file may list: the limit, and one line saying how many more there are."""


class Workspace:
    """A folder with the demo rubric (every method) where submissions are written and checked."""

    def __init__(self, root: str | Path | None = None):
        self._tmp = None if root else tempfile.TemporaryDirectory(prefix="fuzz-")
        self.root = Path(root or self._tmp.name)
        self.root.mkdir(parents=True, exist_ok=True)
        self.rubric = self.root / "demo.yaml"
        self.rubric.write_text(RUBRIC, encoding="utf-8")
        self.finder = pipeline.RubricFinder(str(self.rubric))
        (self.root / "city").mkdir(exist_ok=True)

    def write(self, name: str, data: bytes) -> Path:
        path = self.root / "city" / name
        path.write_bytes(data)
        return path

    def outcome(self, path: Path, lines: int | None = None) -> pipeline.Outcome:
        """What `scorecard score` makes of the file, checked: located problems, at most CAP of them."""
        out = pipeline.run_one(path, self.finder)
        located(out.problems, str(path), lines)
        return out


def located(problems, name: str, lines: int | None = None) -> None:
    assert len(problems) <= CAP, f"{len(problems)} problems listed for one file (the cap is {CAP})"
    for p in problems:
        assert p.loc.file == name, f"problem located in {p.loc.file!r}, not the file read: {p}"
        assert p.loc.line >= 1 and p.loc.col >= 1, f"problem at line {p.loc.line} col {p.loc.col}: {p}"
        if lines is not None:
            assert p.loc.line <= lines + 1, f"problem at line {p.loc.line} of a {lines}-line file: {p}"
        assert p.message.strip(), f"a problem with no message at {p.loc}"


# --- YAML ------------------------------------------------------------------------------------


def yaml_text(raw: bytes) -> None:
    """The loader gives a Doc or a located YamlError, stopping or collecting; nothing else escapes."""
    for collect in (False, True):
        try:
            doc = yamlstrict.load_text(raw, collect=collect)
        except yamlstrict.YamlError as e:
            assert e.line >= 1 and e.col >= 1 and e.message
            continue
        assert len(doc.problems) <= CAP, f"the loader collected {len(doc.problems)} problems (cap {CAP})"


def line_count(raw: bytes) -> int:
    """Lines as a reader may count them: CR, LF and CRLF end one, and so do NEL, LS and PS (YAML 1.1)."""
    return len(re.split("\r\n|[\r\n\x85\u2028\u2029]", raw.decode("utf-8", errors="replace")))


def yaml_submission(ws: Workspace, raw: bytes) -> pipeline.Outcome:
    yaml_text(raw)
    return ws.outcome(ws.write("2024.yaml", raw), line_count(raw))


# --- CSV and XLSX ----------------------------------------------------------------------------


def csv_submission(ws: Workspace, raw: bytes) -> pipeline.Outcome:
    return ws.outcome(ws.write("2024.csv", raw), line_count(raw))


def write_xlsx(path: Path, rows: list[list[tuple]]) -> Path:
    """rows of (value, number_format or None) cells; a str value starting with '=' is a formula."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for r, row in enumerate(rows, 1):
        for c, (value, fmt) in enumerate(row, 1):
            cell = ws.cell(r, c, value)
            if fmt:
                cell.number_format = fmt
    wb.save(path)
    return path


def xlsx_submission(ws: Workspace, rows: list[list[tuple]]) -> pipeline.Outcome:
    path = write_xlsx(ws.root / "city" / "2024.xlsx", rows)
    return ws.outcome(path, len(rows) + 1)


def xlsx_bytes(ws: Workspace, raw: bytes) -> pipeline.Outcome:
    return ws.outcome(ws.write("2024.xlsx", raw))



# --- numbers ---------------------------------------------------------------------------------

ECMA_SPACE = "[\t\n\x0b\x0c\r \xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
"""What \\s matches in ECMA-262 (the schema's dialect, as editors run it); Python's \\s differs (it has
U+001C..U+001F and U+0085, and lacks U+FEFF)."""


def ecma(pattern: str) -> re.Pattern:
    """A schema pattern compiled so that Python matches as an ECMA-262 engine would (\\s, \\d)."""
    return re.compile(pattern.replace("\\s", ECMA_SPACE).replace("\\d", "[0-9]"))


def number(raw: object, unit: str = "") -> bool:
    """parse_number returns a finite, bounded Number or raises NotANumber; True when it accepted."""
    try:
        n = parse_number(raw, unit)
    except NotANumber as e:
        assert str(e), "NotANumber without a message"
        return False
    assert isinstance(n.value, (int, float)) and not isinstance(n.value, bool)
    assert abs(n.value) <= 1e15, f"{raw!r} read as {n.value}"
    return True


def _too_large(text: str, unit: str) -> bool:
    try:
        parse_number(text, unit)
    except NotANumber as e:
        return "too large" in str(e)
    return False


def number_agrees(text: str, unit: str = "") -> None:
    """The submission schema's pattern (ECMA-262) accepts exactly the texts the reader accepts (but for
    numbers too large, which a pattern cannot bound)."""
    accepted = number(text, unit)
    if not accepted and _too_large(text, unit):
        return
    matched = ecma(schema_pattern(unit)).fullmatch(text) is not None
    assert matched == accepted, f"reader {'accepts' if accepted else 'refuses'} {text!r} (unit {unit!r}) " \
                                f"but the schema pattern {'matches' if matched else 'does not'}"
