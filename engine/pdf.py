"""PDF by printing the HTML report with headless Chromium (`scorecard report --format pdf`).

The engine draws no PDF itself: the HTML report already lays out the charts and Chinese text, and a
browser prints it exactly as it shows it. Each page is written to a private temporary folder and
printed there with a throwaway profile, no sandbox (containers and CI run as root), no GPU, no network
(every host name resolves to nothing; the page loads nothing anyway) and a time limit. Where no
Chromium is on PATH, ``browser()`` raises a UsageError (exit 2) that says how to get one.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .problems import UsageError

NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
"""Program names searched on PATH, in this order."""
TIMEOUT = 120
"""Seconds one page may take to print."""
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
         "--disable-dev-shm-usage", "--host-resolver-rules=MAP * ~NOTFOUND",
         "--no-pdf-header-footer", "--print-to-pdf-no-header")
"""Headless, no sandbox (containers and CI run as root), no GPU, nothing fetched, no page header and footer
(the second spelling for Chromium before 120); a small /dev/shm (Docker) is not used."""
HOW = ("--format pdf prints the HTML report with headless Chromium, and none was found on PATH "
       f"({', '.join(NAMES)}). Install it (Debian/Ubuntu: apt-get install chromium fonts-wqy-microhei), "
       "or write the HTML report with --format html and print it to PDF from any browser.")


def browser() -> str:
    """The Chromium to print with; UsageError saying how to install one when there is none."""
    found = next((p for p in map(shutil.which, NAMES) if p), None)
    if found is None:
        raise UsageError(HOW)
    return found


def command(exe: str, page: Path, out: Path, profile: Path) -> list[str]:
    """The command line that prints ``page`` to ``out``."""
    return [exe, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={out}", page.as_uri()]


def print_html(html: str, exe: str) -> bytes:
    """The PDF of an HTML document, printed by ``exe``; UsageError naming what went wrong when it fails."""
    with tempfile.TemporaryDirectory(prefix="scorecard-pdf-") as tmp:
        folder = Path(tmp)
        page, out, profile = folder / "report.html", folder / "report.pdf", folder / "profile"
        page.write_text(html, encoding="utf-8")
        profile.mkdir()
        try:
            done = subprocess.run(command(exe, page, out, profile), stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=TIMEOUT, cwd=folder, env={**os.environ, "HOME": str(folder)})
        except subprocess.TimeoutExpired:
            raise UsageError(f"{exe} did not print the report within {TIMEOUT} s") from None
        except OSError as e:
            raise UsageError(f"could not run {exe}: {e.strerror or e}") from None
        data = out.read_bytes() if out.is_file() else b""
        if not data.startswith(b"%PDF"):
            tail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise UsageError(f"{exe} printed no PDF (exit {done.returncode}): {tail[0][:300]}")
        return data
