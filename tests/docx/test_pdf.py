"""report --format pdf: the HTML report printed by the Chromium on PATH (a fake one here, which records its
arguments and writes a PDF), a clear usage error where there is none, and one real print when Chromium is
installed."""
from __future__ import annotations

import os
import shutil

import pytest

from tests.docx.conftest import invoke, submissions
from tests.docx.read import STEM
from tests.html.conftest import ROOT

FAKE = """#!/bin/sh
for a in "$@"; do printf '%s\\n' "$a" >> "{log}"; done
for a in "$@"; do case "$a" in --print-to-pdf=*) {action} ;; esac; done
"""
WRITES = """printf '%%PDF-1.4 fake\\n' > "${a#--print-to-pdf=}" """
FAILS = "echo 'chromium: cannot open display' >&2; exit 3"


@pytest.fixture(scope="module")
def subs(tmp_path_factory):
    return submissions(tmp_path_factory.mktemp("subs"))


def fake_chromium(folder, monkeypatch, action: str = WRITES):
    """A 'chromium' script first on PATH; the file it logs its arguments to, one a line."""
    folder.mkdir()
    log = folder / "args.log"
    exe = folder / "chromium"
    exe.write_text(FAKE.format(log=log, action=action), encoding="utf-8")
    exe.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    return log


def report(subs, out, *args: str):
    return invoke("report", subs, "--rubrics-dir", ROOT / "rubrics", "-o", out, "--format", "pdf", *args)


def test_prints_each_html_report_with_the_chromium_on_path(subs, tmp_path, monkeypatch):
    log = fake_chromium(tmp_path / "bin", monkeypatch)
    r = report(subs, tmp_path / "out")
    assert r.exit_code == 0, r.output
    for sid in ("full", "evil"):
        assert (tmp_path / "out" / sid / f"{STEM}.report.pdf").read_bytes() == b"%PDF-1.4 fake\n"
    args = log.read_text(encoding="utf-8").splitlines()
    assert args.count("--headless") == 2 and args.count("--no-sandbox") == 2  # one run per submission
    assert "--host-resolver-rules=MAP * ~NOTFOUND" in args and "--no-pdf-header-footer" in args
    profiles = [a for a in args if a.startswith("--user-data-dir=")]
    pages = [a for a in args if a.startswith("file://")]
    assert len(set(profiles)) == 2 and len(pages) == 2 and all(p.endswith("/report.html") for p in pages)
    outs = [a for a in args if a.startswith("--print-to-pdf=")]
    assert len(outs) == 2 and all(a.startswith("--print-to-pdf=/") and a.endswith("/report.pdf") for a in outs)
    assert not any(os.path.exists(p.split("=", 1)[1]) for p in profiles)  # temporary, removed


def test_without_chromium_it_says_how_to_get_one(subs, tmp_path, monkeypatch):
    (tmp_path / "empty").mkdir()
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    r = report(subs, tmp_path / "out")
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert "apt-get install chromium" in r.output and "--format html" in r.output
    assert not (tmp_path / "out").exists()


def test_a_chromium_that_prints_nothing_is_an_error_naming_it(subs, tmp_path, monkeypatch):
    fake_chromium(tmp_path / "bin", monkeypatch, FAILS)
    r = report(subs, tmp_path / "out")
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert "printed no PDF (exit 3): chromium: cannot open display" in r.output
    assert not any((tmp_path / "out").rglob("*.pdf"))


@pytest.mark.skipif(shutil.which("chromium") is None, reason="headless Chromium is not installed "
                    "(CI installs it: apt-get install chromium fonts-wqy-microhei)")
def test_a_real_chromium_prints_a_pdf(subs, tmp_path):
    r = report(subs / "full", tmp_path / "out")
    assert r.exit_code == 0, r.output
    data = (tmp_path / "out" / "full" / f"{STEM}.report.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:] and len(data) > 20_000
