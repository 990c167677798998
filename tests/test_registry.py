"""Every registered name is wired everywhere it must be."""
import json

import pytest

from engine import formats, methods
from engine.cli.score_cmd import ScoreFormat
from engine.rubric.meta import SCHEMA_PATH


def test_meta_schema_lists_every_method():
    shipped = json.loads(SCHEMA_PATH.read_text())["definitions"]["node"]["properties"]["method"]["enum"]
    assert shipped == list(methods.METHODS)


EVERY = ("NAME", "KIND", "CELL", "PARAMS", "EXPECTS", "check_params", "value_schema", "parse")
BY_KIND = {"base": ("fraction", "column", "target", "next_target"), "modifier": ("amount", "column_amount")}


@pytest.mark.parametrize("name", list(methods.METHODS))
def test_method_module_interface(name):
    """Each method module holds all its knowledge: both executors' fraction (or amount), its cell, its targets."""
    m = methods.get(name)
    assert m.NAME == name
    assert m.KIND in ("base", "bonus", "deduction", "veto")
    assert (name in methods.BASE) == (m.KIND == "base") and (name in methods.MODIFIERS) == (m.KIND != "base")
    for attr in EVERY + BY_KIND["base" if m.KIND == "base" else "modifier"]:
        assert hasattr(m, attr), f"{name} lacks {attr}"
    for attr in EVERY[5:] + BY_KIND["base" if m.KIND == "base" else "modifier"]:
        assert callable(getattr(m, attr)), f"{name}.{attr} is not a function"


def test_unknown_method_lists_known():
    with pytest.raises(methods.UnknownMethod, match="known: check, threshold"):
        methods.get("linaer")


def test_score_formats_come_from_the_registry():
    assert [f.value for f in ScoreFormat] == list(formats.FORMATS)


def test_every_check_reporter_is_registered_under_its_name():
    from engine import ci

    for name in ci.REPORTERS:
        module = ci.get(name)
        assert module.NAME == name and callable(module.render)
