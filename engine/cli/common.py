"""What the commands share: options, consoles, printing problems, and the exit-code handler."""
from __future__ import annotations

import enum
import functools
import sys
from pathlib import Path
from typing import Optional

from ..problems import InputError, count, Problem, RubricError, UsageError
from ..safe_text import console, literal, styled
from .lines import say, warning_kind


def on_first_use(namespace: dict, names, make):
    """A module __getattr__ (PEP 562) that fills ``namespace`` with make()'s names when one of ``names`` is
    first asked for: typer's options, made only when typer reads the command line (the quick path of check
    and validate, engine.cli.quick, imports no typer: 40 ms of every start)."""
    def __getattr__(name: str):
        if name not in names:
            raise AttributeError(f"module {namespace['__name__']!r} has no attribute {name!r}")
        namespace.update(make())
        return namespace[name]
    return __getattr__


def _options() -> dict:
    import typer

    return dict(
        RUBRIC=typer.Option(None, "--rubric", "-r", help="Rubric file to check against. Default: the rubric named "
                            "in each submission's `rubric:` field, looked up in --rubrics-dir.", show_default=False),
        RUBRICS_DIR=typer.Option("rubrics", "--rubrics-dir", help="Where to look up rubrics named by submissions."),
        LANG=typer.Option(None, "--lang", help="Label language: zh or en. Default: zh when the rubric has zh labels.",
                          show_default=False),
        OUTPUT=typer.Option(None, "--output", "-o", help="Write to this file instead of the terminal (a regular "
                            "file, replaced whole; - is the terminal).",
                            show_default=False),
        LONG=typer.Option(False, "--long", help="Read every .csv given as a long table (columns subject, period, "
                          "measure, value: one row per subject and measure) even if it names one subject. Without "
                          "it a .csv is a long table when its header has subject and measure columns and its rows "
                          "name more than one subject; a .parquet with those columns always is (needs pyarrow)."),
    )


__getattr__ = on_first_use(globals(), ("RUBRIC", "RUBRICS_DIR", "LANG", "OUTPUT", "LONG"), _options)


class Lang(str, enum.Enum):
    zh = "zh"
    en = "en"


def choices(name: str, keys) -> type[enum.Enum]:
    """A str Enum of registry keys, so --help lists exactly what is registered."""
    return enum.Enum(name, {k: k for k in keys}, type=str)


def err_console():
    """stderr: problems, messages, progress (soft-wrapped: a FILE:LINE:COL line stays one line)."""
    return console(stderr=True, soft_wrap=True)


def out_console():
    return console()


def lang_code(lang) -> Optional[str]:
    """--lang as typer gives it (a Lang) or as engine.cli.quick does (its text): 'zh', 'en' or None."""
    return lang.value if isinstance(lang, enum.Enum) else lang


_VOICE: dict = {"lang": None}
"""The language of the running command's own lines: its --lang, else the first rubric's it meets (see heard)."""


def speak(lang: Optional[str]) -> None:
    """A command starts (engine.cli.common.exit_code): its lines in ``lang`` (None: as the first rubric met)."""
    _VOICE["lang"] = lang


def voice() -> Optional[str]:
    """The language of the command's lines so far: None (English) until --lang or a rubric has said."""
    return _VOICE["lang"]


def heard(outcome) -> Optional[str]:
    """The command's language once this outcome is met: --lang, else zh when its rubric has zh labels."""
    if _VOICE["lang"] is None:
        rubric = rubric_of(outcome)
        if rubric is not None:
            from ..lang import ui_lang

            _VOICE["lang"] = ui_lang(None, rubric)
    return _VOICE["lang"]


def heeded(outcomes):
    """The outcomes, each heard (see heard) before it is passed on."""
    for outcome in outcomes:
        heard(outcome)
        yield outcome


def rubric_of(outcome):
    """The rubric an outcome was read against (None when none was found)."""
    if outcome.filing is not None:
        return outcome.filing.rubric
    return getattr(outcome.head, "rubric", None)


def print_problems(problems, console, levels=("error", "warning"), lang: Optional[str] = None) -> None:
    """Each problem as FILE:LINE:COL: message, errors red, warnings yellow (shown literally, one line each), in
    ``lang`` (default: the command's)."""
    lang = lang or voice()
    for p in problems:
        if p.level in levels:
            style = "red" if p.level == "error" else "yellow" if p.level == "warning" else "dim"
            console.print(styled((p.text(lang), style)))


class Tally:
    """Counts outcomes as they stream past, printing each file's errors at once."""

    def __init__(self, console, levels=("error",)):
        self.console, self.levels = console, levels
        self.files = self.invalid = self.errors = self.warnings = 0
        self.kinds: dict[str, int] = {}
        """Warning code -> how many, to say what the warnings are about."""

    def add(self, outcome) -> None:
        heard(outcome)
        print_problems(outcome.problems, self.console, self.levels)
        self.files += 1
        self.invalid += not outcome.ok
        self.errors += count(outcome.problems, "error")  # a capped list's last line stands for many
        self.warnings += count(outcome.problems, "warning")
        for p in outcome.problems:
            if p.level == "warning":
                self.kinds[p.code] = self.kinds.get(p.code, 0) + 1

    def cards(self, outcomes):
        """The scorecards of the valid files, counting every outcome on the way."""
        for o in outcomes:
            self.add(o)
            if o.card is not None:
                yield o.card

    def warn(self) -> None:
        if self.warnings and "warning" not in self.levels:
            lang = voice()
            kinds = sorted(self.kinds.items(), key=lambda kv: -kv[1])[:3]
            about = ("，" if lang == "zh" else ", ").join(say("warn_kind", lang, what=warning_kind(code, lang), n=n)
                                                          for code, n in kinds)
            self.console.print(f"[yellow]{literal(say('warn', lang, n=self.warnings, about=about))}[/]")


def handled(fn):
    """Run a command and map the engine's exceptions to the documented exit codes."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        import typer

        raise typer.Exit(exit_code(fn, *args, **kwargs))

    return wrapper


def exit_code(fn, *args, **kwargs) -> int:
    """Run a command: its exit code, the engine's exceptions mapped to the documented ones (their problems
    printed)."""
    from .. import io

    io.forget()
    speak(lang_code(kwargs.get("lang")))
    try:
        return fn(*args, **kwargs) or 0
    except RubricError as e:
        return _fail(e.problems, "rubric_unloadable", 2)
    except InputError as e:
        return _fail(e.problems, "input_invalid", 1)
    except UsageError as e:
        said = str(e) if voice() != "zh" else zh_usage(str(e))
        err_console().print(f"[red]{say('error', voice())}[/]{'' if voice() == 'zh' else ' '}{literal(said)}")
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        speak(None)  # the next command (a test's, in this process) finds its own


def zh_usage(text: str) -> str:
    """A usage error's message in Chinese where engine.messages_zh has its words."""
    from ..messages_zh import message

    return message("usage", text)


def _fail(problems: list[Problem], what: str, code: int) -> int:
    console = err_console()
    print_problems(problems, console)
    console.print(f"[red]{say(what, voice())}[/]{said_problems(len(problems))}")
    return code


def said_problems(n: int) -> str:
    """' (3 problems)' after what failed, '（3 个问题）' in Chinese."""
    return ("" if voice() == "zh" else " ") + say("problems", voice(), n=n)


def run(paths, rubric, rubrics_dir: str, long: bool = False, scoring: bool = True, label: str = "scoring"):
    """Every submission's Outcome (engine.pipeline), streamed, with a progress bar on a terminal (``label``: a
    key of engine.cli.lines' bar_ words)."""
    from .. import pipeline
    from .progress import Bar

    with Bar(err_console(), label) as bar:
        yield from pipeline.run(paths, pipeline.RubricFinder(rubric, rubrics_dir), scoring, force_long=long,
                                progress=bar)


def emit_chunks(chunks, output: Optional[Path], console=None, encoding: str = "utf-8") -> None:
    """Stream text pieces to stdout (no -o, or -o -), or to output: a regular file the engine creates
    or replaces whole, only once every piece is written (nothing is replaced if it fails)."""
    from ..io import atomic_text

    if output is None or str(output) == "-":
        for piece in chunks:
            sys.stdout.write(piece)
        return
    with atomic_text(output, encoding) as f:
        for piece in chunks:
            f.write(piece)
    (console or err_console()).print(say("wrote", voice(), path=output.resolve()), markup=False, emoji=False)


def emit(text: str, output: Optional[Path], console=None, encoding: str = "utf-8") -> None:
    """Print text (no -o, or -o -), or write it whole to output (see emit_chunks) and say where."""
    emit_chunks([text], output, console, encoding)
