"""Text from files and paths, made inert for every place the engine writes it.

Nothing a rubric, a submission or a path holds may be interpreted by what shows it: not by the terminal
(escape sequences, bidi overrides, line breaks inside a value), not by rich (markup, emoji codes), not by
the CI runner (workflow commands), not by a Markdown viewer (links, images, HTML). One function per
destination, used by every renderer:

- ``visible``: control, bidi and line-break characters as visible escapes (``\\x1b``, ``\\n``, ``\\u202e``);
- ``text`` / ``styled``: a rich ``Text`` of such text, which rich never parses for markup or emoji;
- ``console``: the one way the engine makes a rich Console (no markup on strings it did not write, no
  emoji, no highlighting, every line checked by ``ci_text`` on its way out);
- ``ci_text``: a log line can never start a GitHub workflow command (``::x``, ``##[x``);
- ``md`` / ``md_code``, ``uri``, ``json_ci`` / ``xml_ci``: in engine.safe_markup (Markdown, URIs, JSON and XML
  for a CI log), importable from here too.
"""
from __future__ import annotations

import re
import sys

BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""Unicode's Bidi_Control characters: embeddings, overrides, isolates and marks (Trojan Source)."""
BREAKS = "\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029"
"""Everything some reader takes for the end of a line."""
UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI}\u2028\u2029\ud800-\udfff]")
"""C0 and C1 controls, DEL, bidi controls, line and paragraph separators, lone surrogates."""
UNSAFE_BUT_NEWLINE = re.compile(f"[\x00-\x09\x0b-\x1f\x7f-\x9f{BIDI}\u2028\u2029\ud800-\udfff]")
NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _shown(m: re.Match) -> str:
    c = m.group()
    return NAMED.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def visible(value) -> str:
    """The text with every character a terminal or a log could act on shown as an escape: ESC as \\x1b,
    a newline as \\n, U+202E as \\u202e. CJK and all other printable Unicode are left as they are."""
    return UNSAFE.sub(_shown, str(value))


def visible_lines(value) -> str:
    """``visible`` but keeping newlines: for text the engine itself laid out in lines."""
    return UNSAFE_BUT_NEWLINE.sub(_shown, str(value))


# --- rich -----------------------------------------------------------------------------------------------

def text(value, style: str = ""):
    """A rich Text showing ``value`` literally: no markup, no emoji codes, no control characters. The style
    covers the text only (not the padding a table cell adds), as markup would."""
    from rich.text import Text

    out = Text(visible(value))
    if style:
        out.stylize(style)
    return out


class _Break:
    """A line break the engine itself puts into a styled text (a value's own line breaks are escaped)."""


BREAK = _Break()


def styled(*parts):
    """A Text assembled from parts: a str (shown literally), a (str, style) pair, a Text (already safe),
    or BREAK for a line break of the engine's own."""
    from rich.text import Text

    out = Text()
    for part in parts:
        if part is BREAK:
            out.append("\n")
        elif isinstance(part, Text):
            out.append_text(part)
        elif isinstance(part, tuple):
            out.append(visible(part[0]), part[1])
        else:
            out.append(visible(part))
    return out


def joined(parts, sep, style: str = "") -> list:
    """Parts for ``styled``: each piece in ``style``, ``sep`` (a str, or BREAK) between them."""
    out: list = []
    for i, part in enumerate(parts):
        out += ([sep] if i else []) + [(part, style)]
    return out


def console(file=None, *, stderr: bool = False, **options):
    """A rich Console for the engine. A str handed straight to ``print`` is the engine's own markup; a str
    anywhere inside a renderable (a table cell, a title, a tree label, a panel) is shown literally, and so is
    every ``text()``/``styled()``. Emoji codes and highlighting are off, every str loses its control
    characters before layout, and no line it writes can start a CI workflow command."""
    target = (lambda: sys.stderr) if file is None and stderr else (lambda: sys.stdout) if file is None \
        else (lambda: file)
    options = {"highlight": False, **options, "emoji": False, "markup": False}
    return _console_class()(file=GuardedFile(target), **options)


def literal(value) -> str:
    """``value`` ready to interpolate into the engine's own markup: visible, with rich's tags escaped."""
    from rich.markup import escape

    return escape(visible(value))


_SAFE_CONSOLE = None


def _console_class():
    global _SAFE_CONSOLE
    if _SAFE_CONSOLE is None:
        from rich.console import Console

        class SafeConsole(Console):
            """A Console that parses markup only in the strs given to print, never inside a renderable."""

            def print(self, *objects, markup=None, **kwargs):
                if markup is not False:
                    objects = tuple(self.render_str(o, markup=True) if isinstance(o, str) else o for o in objects)
                super().print(*objects, markup=False, **kwargs)

            def render_str(self, text, **kwargs):
                return super().render_str(visible_lines(text), **kwargs)

        _SAFE_CONSOLE = SafeConsole
    return _SAFE_CONSOLE


class GuardedFile:
    """A text stream that passes every write through ``ci_text``, remembering where the line stands."""

    def __init__(self, target):
        self._target = target
        self._prefix: str | None = ""
        """The current line so far when it is blank (a command could still start), else None."""
        self._hashes = 0

    def _out(self):
        """The stream itself, not the proxy a live progress bar puts in its place (as rich would do)."""
        target = self._target()
        return getattr(target, "rich_proxied_file", target)

    def write(self, s: str) -> int:
        context = self._prefix if self._prefix is not None else "\0" + "#" * self._hashes
        whole = context + s
        self._out().write(ci_text(whole)[len(context):])
        tail = LAST_LINE.search(whole).group()
        self._prefix = tail if BLANK.fullmatch(tail) else None
        self._hashes = min(2, len(tail) - len(tail.rstrip("#")))
        return len(s)

    def flush(self) -> None:
        self._out().flush()

    def isatty(self) -> bool:
        return bool(getattr(self._out(), "isatty", lambda: False)())

    def __getattr__(self, name):
        if name == "rich_proxied_file":  # rich would write past the guard to the stream behind it
            raise AttributeError(name)
        return getattr(self._out(), name)


# --- CI logs --------------------------------------------------------------------------------------------

_LEAD = rf"(?:[^\S{BREAKS}]|\x1b\[[0-?]*[ -/]*[@-~])*"
"""What may stand before a command on its line: whitespace the runner trims, and SGR/cursor codes."""
COMMAND_START = re.compile(rf"(^|[{BREAKS}])({_LEAD})(?=::)")
LAST_LINE = re.compile(rf"[^{BREAKS}]*\Z")
BLANK = re.compile(_LEAD)


def ci_text(text: str) -> str:
    """Text that GitHub's runner cannot read as a workflow command: a line whose first non-blank characters
    are ``::`` gets a backslash before them, and ``##[`` (recognised anywhere in a line) becomes ``##\\[``.
    The engine's own annotations never pass through here."""
    if "::" in text:
        text = COMMAND_START.sub(lambda m: m.group(1) + m.group(2) + "\\", text)
    return text.replace("##[", "##\\[")


MARKUP = frozenset({"md", "md_code", "uri", "json_ci", "xml_ci", "JSON_UNSAFE", "XML_COMMAND", "XML_RAW", "MD_ALWAYS",
                    "MD_LEAD", "MD_BREAKS", "MD_AUTOLINK", "MD_PLAIN_CODE"})
"""Names of engine.safe_markup, still importable from here (the formats import them from either)."""


def __getattr__(name: str):
    if name not in MARKUP:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import safe_markup

    globals()[name] = value = getattr(safe_markup, name)
    return value
