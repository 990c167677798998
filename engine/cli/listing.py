"""The problems a command lists: every error (a file's listing stops at engine.problems' cap, which says how many
more), and every warning while they are few; of a kind of warning that comes by the thousand in one file (5,000
approximate values in a national table), the first PER_KIND, then how many more and how to list them all.  Every
file with a problem is still named."""
from __future__ import annotations

from ..safe_text import literal
from .common import print_problems, voice
from .lines import say, warning_kind

PER_KIND = 20
"""Warnings of one file and code listed before the rest of that kind in that file are counted."""


class Listing:
    """Prints problems as they come (``whole``: every one)."""

    def __init__(self, console, levels, whole: bool = False):
        self.console, self.levels, self.whole = console, levels, whole
        self.seen: dict[tuple[str, str, str], int] = {}
        """(file, level, code) -> how many were met."""

    def add(self, problems) -> None:
        shown = []
        for p in problems:
            if p.level not in self.levels:
                continue
            kind = (p.loc.file if p.loc is not None else "", p.level, p.code)
            self.seen[kind] = self.seen.get(kind, 0) + 1
            if self.whole or p.level != "warning" or self.seen[kind] <= PER_KIND:
                shown.append(p)
        print_problems(shown, self.console, self.levels)

    def close(self) -> None:
        """One line per kind with problems not listed."""
        for (file, level, code), n in self.seen.items():
            if n > PER_KIND and level == "warning" and not self.whole:
                lang = voice()
                said = say("more_of_kind", lang, file=file, more=n - PER_KIND, level=say(f"level_{level}", lang),
                           about=warning_kind(code, lang), n=n)
                self.console.print(f"[{'red' if level == 'error' else 'yellow'}]{literal(said)}[/]")
