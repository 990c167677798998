"""Hostile text: the pieces red teams put in names, labels, keys and cells, as hypothesis strategies
and as plain lists (bench/fuzz.py draws from the same lists with its own seeded random generator)."""
from __future__ import annotations

from hypothesis import strategies as st

FRAGMENTS = (
    # rich markup and emoji codes
    "[bold]", "[/]", "[/bold]", "[link=https://e.invalid/x]x[/link]", "[red on white]", "\\[", ":smile:", ":100:",
    # ANSI / OSC escapes, C1 controls, bidi and zero-width characters
    "\x1b[31m", "\x1b[2J", "\x1b]0;title\x07", "\x1b]52;c;Y2xpcA==\x07", "\x1b]8;;https://e.invalid\x1b\\", "\x9b31m",
    "\x85", "\x00", "\x07", "\x08", "\r", "\x0b", "\x0c", "\x7f", "\u202e", "\u2066", "\u200b", "\ufeff", "\u2028",
    # workflow commands for GitHub's runner (v2 at a line start, v1 anywhere)
    "::warning ::x", "::stop-commands::t", "\n::error::y", "\r::notice::z", "##[error]v1", "  ::group::g",
    # Markdown and HTML
    "<img src=x onerror=alert(1)>", "<script>", "![i](https://e.invalid/i.png)", "\n# h", "|", "`", "*x*", "_y_",
    "&lt;", "%0A", "%25",
    # numbers and CJK as officials type them
    "市", "１２", "3.6万", "1,234", "85%", "是", "\t", "\n", " ",
)

_CHARS = st.characters(max_codepoint=0xFFFF, blacklist_categories=("Cs",))
"""Any BMP character but a lone surrogate (files cannot hold those). Nothing above U+FFFF, so an emoji
in the output can only come from the engine or from rich's :emoji: codes."""

piece = st.one_of(st.sampled_from(FRAGMENTS), st.text(_CHARS, max_size=6))
text = st.lists(piece, min_size=1, max_size=4).map("".join)
"""A hostile text: fragments and arbitrary characters."""

SPACES = tuple("\t\n\x0b\x0c\r \xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\u200b\x00\x1b\x7f")
"""White space both dialects agree on (and controls neither takes for white space)."""
ODD_SPACES = ("\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\ufeff")
"""White space to Python's str.strip() but not to ECMA's \\s (U+001C..U+001F, U+0085), or the reverse (U+FEFF)."""
NUMBERISH = tuple("0123456789０１２.,，%％万亿余多约近-−+ 人个元") + ("万元", "亿元", "1,234", "3.6", "e5")
UNITS = ("", "人", "%", "个", "万元", "‰", "[b]")
HEADS = ("measure", "value", "evidence", "note", "period", "subject", "subject_name", "rubric", "指标", "数值",
         "label", "unit", "MEASURE", "", "value")
"""Header cells a table may have: every known one, a reference column, odd case, an empty one, a repeat."""
CELL_FORMATS = (None, "0%", "0.00%", "#,##0", "#,##0.00", '"¥"#,##0.00', "[$$-409]#,##0", "@", "yyyy-mm-dd", "h:mm",
                "0.00E+00", "# ?/?", '0"万元"', "[Red]0", ";;;")
"""Excel number formats: percent, thousands, currency, text, dates, scientific, fractions, literal units."""

DIGITS = st.integers(4290, 4400).map(lambda n: "9" * n)
"""Longer than Python converts to int by default (4300 digits)."""


def file_name(raw: str, limit: int = 40) -> str:
    """A hostile text made usable as one file name component (no '/', no NUL, not '.' or '..')."""
    name = raw.replace("/", "∕").replace("\x00", "␀")[:limit]
    return "f" + name if name in ("", ".", "..") or name.startswith(".") else name


def fuzz(max_examples: int):
    """Bounded and reproducible for CI: a fixed number of examples, the same ones every run (derandomize),
    no deadline (shared machines), no shrinking (a failure prints the input as generated, at once)."""
    from hypothesis import HealthCheck, Phase, settings

    return settings(max_examples=max_examples, deadline=None, derandomize=True, database=None,
                    phases=(Phase.explicit, Phase.generate), suppress_health_check=list(HealthCheck))
