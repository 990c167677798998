"""--as-of: the assessment date a waiver's expiry is held against (SPEC 9)."""
from __future__ import annotations

import datetime as dt
from typing import Optional

from .. import waivers
from ..problems import UsageError
from .common import on_first_use

_HOW = ("The assessment date, YYYY-MM-DD: a waiver whose expires is before it is an error (a waiver holds "
        "through its last day).")


def _options() -> dict:
    import typer

    return dict(
        # validate and check: expiry is always checked, against today unless told
        CHECKED=typer.Option(None, "--as-of", help=_HOW + " Default: today.", show_default=False,
                             metavar="YYYY-MM-DD"),
        # score, gaps and report: expiry is checked only when --as-of is given
        ON_REQUEST=typer.Option(None, "--as-of", help=_HOW + " Without it expired waivers are not checked here "
                                "(they are still applied and listed): scorecard validate and check check them "
                                "against today.", show_default=False, metavar="YYYY-MM-DD"),
    )


__getattr__ = on_first_use(globals(), ("CHECKED", "ON_REQUEST"), _options)


def date(text: Optional[str], default_today: bool) -> dt.date | None:
    """The date --as-of names (today, or None, when not given); UsageError for anything but YYYY-MM-DD."""
    if text is None:
        return waivers.today() if default_today else None
    day = waivers.parse_date(text.strip())
    if day is None:
        raise UsageError(f"--as-of {text!r} is not a date: write it YYYY-MM-DD, e.g. --as-of 2026-06-30")
    return day


def dated(outcomes, text: Optional[str], default_today: bool):
    """The outcomes with an error for each expired waiver (see engine.waivers.dated)."""
    return waivers.dated(outcomes, date(text, default_today))
