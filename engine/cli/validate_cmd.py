"""scorecard validate: check submissions against their rubric, report every problem of every file."""
from __future__ import annotations

from typing import List, Optional

from ..problems import count
from ..safe_text import literal
from . import as_of as dating
from .common import Lang, err_console, heeded, on_first_use, run, speak, voice
from .lines import say
from .listing import Listing

WORDS = {"--rubric": ("rubric", str), "-r": ("rubric", str), "--rubrics-dir": ("rubrics_dir", str),
         "--quiet": ("quiet", bool), "-q": ("quiet", bool), "--verbose": ("verbose", bool), "-v": ("verbose", bool),
         "--all": ("every", bool), "--long": ("long", bool), "--as-of": ("as_of", str),
         "--lang": ("lang", ("zh", "en"))}
"""The command line as engine.cli.quick reads it: option -> (parameter of validated, its type)."""


def _command():
    import typer

    from .common import LANG, LONG, RUBRIC, RUBRICS_DIR, handled, lang_code

    quiet_ = typer.Option(False, "--quiet", "-q", help="Print errors only (no warnings).")
    all_ = typer.Option(False, "--all", help="List every warning (by default, past 20 warnings of one kind in a "
                        "file the rest of that kind are counted: a national table's 5,000 approximate values are "
                        "one line).")
    verbose_ = typer.Option(False, "--verbose", "-v", help="Also print the notes (info: how each value was read, "
                            "empty rows, what was taken from the file path).")

    @handled
    def validate(
        paths: List[str] = typer.Argument(..., help="Submission files or folders (.yaml .yml .json .csv .xlsx), "
                                          "or long tables.", show_default=False),
        rubric: Optional[str] = RUBRIC,
        rubrics_dir: str = RUBRICS_DIR,
        quiet: bool = quiet_,
        verbose: bool = verbose_,
        every: bool = all_,
        long: bool = LONG,
        as_of: Optional[str] = dating.CHECKED,
        lang: Optional[Lang] = LANG,
    ) -> int:
        """Validate submissions: types, options, bounds, unknown ids (with 'did you mean'), required evidence,
        rubric and path agreement. Every problem of every file as FILE:LINE:COL, then a one-line summary.

        Numbers written the way officials print them (３.６万, 1,234, 85%, 6000余人, 是/否) are accepted and each
        normalisation is shown with --verbose; approximate values (余/多/约/近) give a warning.  A waiver (a measure
        declared not applicable) needs a reason and an approver, and is an error once expired (--as-of).

        Exit 0 when every file is valid, 1 otherwise.  Example: scorecard validate submissions/
        """
        return validated(paths, rubric, rubrics_dir, quiet, verbose, every, long, as_of, lang_code(lang))

    return validate


__getattr__ = on_first_use(globals(), ("validate",), lambda: {"validate": _command()})
"""``validate``, the typer command, made when typer reads the command line (engine.cli.quick runs validated)."""


def validated(paths: List[str], rubric: Optional[str] = None, rubrics_dir: str = "rubrics", quiet: bool = False,
              verbose: bool = False, every: bool = False, long: bool = False, as_of: Optional[str] = None,
              lang: Optional[str] = None) -> int:
    """The validate command, its options as typer passes them (``lang`` as its text); the exit code. Its lines are
    in ``lang``, else in the first rubric's language (engine.cli.common.heard)."""
    speak(lang)
    console = err_console()
    levels = ("error",) if quiet else ("error", "warning", "info") if verbose else ("error", "warning")
    outcomes, listing = [], Listing(console, levels, every)
    for outcome in heeded(dating.dated(run(paths, rubric, rubrics_dir, long, scoring=False, label="validating"), as_of,
                                       True)):
        listing.add(outcome.problems)
        outcomes.append(outcome)
    listing.close()
    return _summary(outcomes, console, notes_hidden=levels == ("error", "warning"))


def _summary(outcomes, console, notes_hidden: bool = False) -> int:
    """One line: files, and every error and warning found (those past a file's listing limit too)."""
    bad = [o for o in outcomes if not o.ok]
    n_err = sum(count(o.problems, "error") for o in outcomes)
    n_warn = sum(count(o.problems, "warning") for o in outcomes)
    n_info = sum(count(o.problems, "info") for o in outcomes)
    lang = voice()
    if notes_hidden and n_info:
        console.print(f"[dim]{say('notes_hidden', lang, n=n_info)}[/]")
    style = "red" if bad else "green"
    files = len({f for o in outcomes for f in o.parts})
    what = say("files", lang, n=len(outcomes)) if files == len(outcomes) else \
        say("submissions_in", lang, n=len(outcomes), files=files)
    said = say("validated", lang, what=what, ok=len(outcomes) - len(bad), bad=len(bad), errors=n_err, warnings=n_warn)
    console.print(f"[{style}]{literal(said)}[/]")
    return 1 if bad or not outcomes else 0
