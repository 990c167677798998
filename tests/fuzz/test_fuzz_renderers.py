"""Every renderer a CI run can print (validate's problem lines; check's text, github, junit, sarif and json
reporters and step summary; the score, gaps and compare formats and their terminal views), fed a rubric and
submissions whose every text is hostile: rich markup, ANSI/OSC escapes, bidi controls, Markdown/HTML, `::`
workflow commands, line breaks. Structure always holds (JSON, XML and CSV parse; nothing raises); and nothing
from the input acts on the terminal, rich or the runner."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import renders, scenario
from .hostile import fuzz, text

TEXTS = st.fixed_dictionaries({role: text for role in scenario.ROLES})
NO_MARKUP = st.fixed_dictionaries({role: text.map(lambda s: s.replace("[", "(")) for role in scenario.ROLES})
"""Hostile texts without '[': a stray '[/]' crashes rich today (MarkupError, textsafe), and the structure
test must not stop there."""
LANGS = st.sampled_from([None, "en"])


def _run(texts: dict) -> scenario.Run:
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        return scenario.run(Path(tmp), texts)


def _check(prefix: str, texts: dict, lang, safe: bool = True) -> None:
    run = _run(texts)
    for name, check in renders.family(prefix).items():
        check(run, lang, safe)


@fuzz(10)
@given(NO_MARKUP, LANGS)
def test_every_output_keeps_its_structure(texts, lang):
    _check("", texts, lang, safe=False)


@fuzz(10)
@given(TEXTS)
def test_problem_lines_print_the_input_as_text(texts):
    _check("validate.", texts, None)


@fuzz(10)
@given(TEXTS)
def test_check_reporters(texts):
    _check("check.", texts, None)


@fuzz(10)
@given(TEXTS, LANGS)
def test_score_formats(texts, lang):
    _check("score.", texts, lang)


@fuzz(8)
@given(TEXTS, LANGS)
def test_gaps_and_compare_formats(texts, lang):
    _check("gaps.", texts, lang)
    _check("compare.", texts, lang)
    _check("tables.", texts, lang)
