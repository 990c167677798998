"""The progress bar: only on a terminal, only once a batch has run for a second."""
import io

from rich.console import Console

from engine.cli import progress


def test_off_when_not_a_terminal():
    console = Console(file=io.StringIO(), force_terminal=False)
    assert list(progress.tracked(range(5), 5, console)) == [0, 1, 2, 3, 4]
    assert console.file.getvalue() == ""


def test_shown_on_a_terminal_after_the_delay(monkeypatch):
    monkeypatch.setattr(progress, "DELAY", -1.0)  # as if a second had passed
    console = Console(file=io.StringIO(), force_terminal=True, width=80)
    assert list(progress.tracked(range(50), 50, console, "scoring")) == list(range(50))
    assert "scoring" in console.file.getvalue() and "50/50" in console.file.getvalue()


def test_not_shown_for_a_quick_batch():
    console = Console(file=io.StringIO(), force_terminal=True, width=80)
    assert list(progress.tracked(range(50), 50, console)) == list(range(50))
    assert console.file.getvalue() == ""
