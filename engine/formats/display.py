"""How a reader sees what the engine holds as keys: a value, a target, a status, a yes/no, a signed number.

One function per concern, used by every human format (terminal, Markdown, HTML, the report set), so that a
value reads the same wherever it is shown and never as a raw key: an option by its label, a boolean as 是/否 or
yes/no, 10000 of a 万元 measure as 1亿元, a deduction as −2 (nothing deducted: 0), a status in words.  JSON and
the data columns of CSV keep the raw values (SPEC 6); numbers there are plain, with an ASCII minus.
"""
from __future__ import annotations

from typing import Any

from .. import methods
from ..lang import pick
from ..methods._common import is_number
from ..results import r2

WORDS: dict[str, tuple[str, str]] = {
    # key: (zh, en)
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "vetoed": ("一票否决", "Vetoed"),
    "colon": ("：", ": "),
    "stop": ("。", ". "),
    "waiver": ("不适用：{reason}；批准单位：{by}", "waived: {reason}; approved by {by}"),
    "waiver_until": ("；有效期至 {date}", "; expires {date}"),
}
STATUS: dict[str, tuple[str, str]] = {
    "full": ("满分", "full"),
    "partial": ("部分得分", "partial"),
    "zero": ("未得分", "zero"),
    "missing": ("未填报，计0分", "missing"),
    "excluded": ("未填报，不计入", "excluded"),
    "waived": ("不适用（豁免）", "waived"),
    "triggered": ("已触发", "triggered"),
    "not-triggered": ("未触发", "not triggered"),
}
"""Every status of SPEC 6 and 9 as the reports say it: in Chinese the words of the gap report, in English the
words the keys are (short, so a terminal's status column stays narrow) but 'not triggered' without the hyphen."""
MINUS = "−"
"""The typographic minus of the terminal, Markdown and HTML (CSV keeps the ASCII hyphen, so Excel reads a number)."""
MAGNITUDES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
"""The Chinese magnitude words, largest first."""


def say(key: str, ui: str, **fields: Any) -> str:
    """A word of this catalogue in ``ui`` ('zh' or 'en'), its {fields} filled in."""
    return pick(WORDS[key], ui, **fields)


def yes_no(flag: bool, ui: str) -> str:
    """是/否 in Chinese, yes/no in English: never True/False."""
    return say("yes" if flag else "no", ui)


def status(name: str, ui: str) -> str:
    """A measure's status in words ('未填报，计0分' / 'missing', '未触发' / 'not triggered'); an unknown one as
    given."""
    return pick(STATUS.get(name, (name, name)), ui)


def number(x: float | None, ascii_minus: bool = False) -> str:
    """A score or points: 2 decimals at most, half-up, no trailing zeros; a negative one with the typographic
    minus (or the ASCII one); '—' for None."""
    if x is None:
        return "—"
    text = f"{r2(x):.2f}".rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text if ascii_minus or not text.startswith("-") else MINUS + text[1:]


def signed(x: float, ascii_minus: bool = False) -> str:
    """A change or a modifier's points: '+1.5', '−2.5', and '0' when nothing changed (no sign on nothing)."""
    shown = number(abs(x))
    if shown == "0":
        return "0"
    return ("+" if x > 0 else "-" if ascii_minus else MINUS) + shown


def change(arrow: str, delta: float | None, ascii_minus: bool = False) -> str:
    """A total's change since the period before: '↑ +3.5', '→ −0.2', the arrow alone without a number."""
    return arrow if delta is None else f"{arrow} {signed(delta, ascii_minus)}"


def added(points: float) -> str:
    """Bonus points as a report writes them: '+3', or '0' when none were added."""
    return signed(points)


def deducted(points: float) -> str:
    """Deducted points (kept positive, SPEC 6) as a report writes them: '−2', or '0' when nothing was deducted."""
    return signed(-points)


def qty(value: Any, unit: str = "", ui: str = "zh") -> str:
    """A value as people write it: 620亿元 and 3.6万人次 in Chinese (when exact), 53,037 otherwise; a boolean as
    是/否 or yes/no; a 万元 measure's 10000 as 1亿元 (never 1万万元) and its 1000 as 1000万元."""
    if isinstance(value, bool):
        return yes_no(value, ui)
    if isinstance(value, (list, tuple)):  # ratings: '4 5 4'
        return " ".join(number(x) for x in value)
    tail = unit if unit and unit != "—" else ""
    if not is_number(value):
        return "—" if value is None else f"{value}{tail}"
    x = float(value)
    if ui == "zh":
        folded = _folded(x, tail)
        if folded is not None:
            return folded
    text = f"{int(x):,}" if x == int(x) else number(x)
    return (MINUS + text[1:] if text.startswith("-") else text) + tail


def _folded(x: float, unit: str) -> str | None:
    """``x`` of ``unit`` with the largest magnitude word it is exact in (2 decimals), counting a magnitude the
    unit already starts with (10000 万元 = 1亿元); None when no magnitude word fits."""
    size, rest = _unit_magnitude(unit)
    whole = x * size
    for big, word in MAGNITUDES:
        if big < size:
            break
        if abs(whole) >= big and abs(round(whole / big, 2) * big - whole) < 1e-6 * abs(whole):
            return f"{number(whole / big)}{word}{rest}"
    if size > 1:  # 1000 万元 stays in its unit, its digits as before a magnitude word: 1000万元
        return f"{number(x)}{unit}"
    return None


def _unit_magnitude(unit: str) -> tuple[float, str]:
    """(1e4, '元') for '万元', (1e8, '元') for '亿元', (1, unit) for a unit without a magnitude word."""
    for size, word in MAGNITUDES:
        if unit.startswith(word) and len(unit) > len(word):
            return size, unit[len(word):]
    return 1.0, unit


def option(measure, key: Any, ui: str) -> str | None:
    """A choice option's label in ``ui`` (None when the measure's method has no labelled options)."""
    module = methods.get(measure.method)
    return module.option_label(measure, key, ui) if hasattr(module, "option_label") else None


def value(measure, v: Any, ui: str) -> str:
    """Any value of ``measure`` as people read it: an option by its label, a boolean as 是/否 or yes/no, ratings
    as '4 5 4', a number with its unit ('3.6万人次'); '—' for none."""
    if v is None or isinstance(v, (list, tuple)):
        return qty(v, measure.unit, ui)
    label = option(measure, v, ui)
    return label if label is not None else qty(v, measure.unit, ui)


def cell(measure, v: Any, ui: str) -> Any:
    """A value for a spreadsheet cell meant for people: a number stays a number (Excel computes with it, its
    minus ASCII), none stays empty, anything else is in words (an option's label, 是/否, ratings '4 5 4')."""
    if v is None or is_number(v):
        return v
    return value(measure, v, ui)


def target(measure, goal: Any, ui: str) -> str:
    """What earns full marks (or the next step) of ``measure``: '≥95%', '≥1亿元', '是', an option's label."""
    from ..targets import direction, target_sign

    return f"{target_sign(measure, direction(measure))}{value(measure, goal, ui)}"


def waiver(w, ui: str) -> str:
    """A waiver in one cell: '不适用：本市无牧区；批准单位：自治区民委；有效期至 2026-12-31'."""
    return say("waiver", ui, reason=w.reason, by=w.approved_by) + (
        say("waiver_until", ui, date=w.expires) if w.expires else "")


def written(raw: Any, ui: str) -> str:
    """A value as the submission wrote it, for the 'as written' column: text as it is, a YAML boolean in words."""
    if raw is None:
        return ""
    return yes_no(raw, ui) if isinstance(raw, bool) else str(raw)
