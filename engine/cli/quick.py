"""`scorecard check` and `scorecard validate` without typer: 40 ms of a pre-commit hook's every start.

A command line is read here only when each word of it is read as click reads it: options with their values
(``--rubric R``, ``--rubric=R``, ``-r R``, ``-rR``, ``-vq``, ``-o -``; the last of a repeated option wins),
submission paths anywhere, ``--`` before paths that look like options. Anything else — help, a word that
is no option of the command, a missing path or value, a value typer would refuse, shell completion — is
left to typer, which says what it always said. The command module's WORDS name its options; the body is
the function typer's command calls, with the same defaults (tests/test_cold_start_cli.py holds both to
typer's reading).
"""
from __future__ import annotations

import errno
import gc
import importlib
import os
import sys
from pathlib import Path

from ..parallel import BATCH_GC

BODIES = {"check": ("check_cmd", "checked"), "validate": ("validate_cmd", "validated")}
"""Command -> (module in engine.cli, the function its typer command calls)."""
START_GC = BATCH_GC
"""Garbage-collection thresholds for the quick path, engine.parallel's for a batch: importing the check path
and reading one rubric make hundreds of thousands of objects, nearly none in a cycle, and the default
thresholds (700, 10, 10) collected 36 to 57 times in a one-file check, 5 ms of its 75 (in-process)."""


def run(name: str, args: list[str]) -> None:
    """Run the command and exit with its code when this reads its command line; return otherwise."""
    if any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return  # a shell completion request: typer's
    was = gc.get_threshold()
    gc.set_threshold(*START_GC)
    module_name, body = BODIES[name]
    module = importlib.import_module(f"{__package__}.{module_name}")
    values = parse(module.WORDS, args)
    if values is None:
        gc.set_threshold(*was)
        return
    from .common import exit_code

    try:
        code = exit_code(getattr(module, body), **values)
    except OSError as e:  # as click: a reader that went away (| head) is exit 1, and no traceback
        if e.errno != errno.EPIPE:
            raise
        sys.stdout, sys.stderr = _Pacified(sys.stdout), _Pacified(sys.stderr)
        code = 1
    sys.exit(code)


def parse(words: dict, args: list[str]) -> dict | None:
    """The body's keyword arguments (``paths`` and each option given), or None to leave it to typer."""
    values: dict = {}
    paths: list[str] = []
    rest = list(args)
    while rest:
        arg = rest.pop(0)
        if arg == "--":
            paths += rest
            break
        if arg[:1] != "-" or len(arg) == 1:
            paths.append(arg)
            continue
        read = _long(words, arg, rest, values) if arg.startswith("--") else _short(words, arg, rest, values)
        if not read:
            return None
    if not paths:
        return None
    values["paths"] = paths
    return values


def _long(words: dict, arg: str, rest: list[str], values: dict) -> bool:
    name, eq, attached = arg.partition("=")
    if name not in words:
        return False
    param, kind = words[name]
    if kind is bool:
        values[param] = True
        return not eq  # --long=x: typer's error
    if not eq and not rest:
        return False
    return _set(values, param, kind, attached if eq else rest.pop(0))


def _short(words: dict, arg: str, rest: list[str], values: dict) -> bool:
    """-v, -vq, -r R, -rR, -vrR: flags, then at most one option that takes the rest of the word or the next."""
    for i, ch in enumerate(arg[1:], 2):
        if f"-{ch}" not in words:
            return False
        param, kind = words[f"-{ch}"]
        if kind is bool:
            values[param] = True
            continue
        if i < len(arg):
            return _set(values, param, kind, arg[i:])
        return bool(rest) and _set(values, param, kind, rest.pop(0))
    return True


def _set(values: dict, param: str, kind, text: str) -> bool:
    """The value as typer converts it; False when typer would refuse it (and say why)."""
    if isinstance(kind, tuple):  # a choice
        values[param] = text
        return text in kind
    if kind is float:
        try:
            values[param] = float(text)
        except ValueError:
            return False
        return True
    if kind is Path:  # click.Path(readable=True): an existing path must be readable
        values[param] = Path(text)
        return not os.path.exists(text) or os.access(text, os.R_OK)
    values[param] = text
    return True


class _Pacified:
    """A stream whose flush at exit ignores a closed pipe (click's PacifyFlushWrapper)."""

    def __init__(self, stream):
        self.stream = stream

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as e:
            if e.errno != errno.EPIPE:
                raise

    def __getattr__(self, name):
        return getattr(self.stream, name)
