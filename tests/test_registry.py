"""Every registered name is wired everywhere it must be."""
import json

import pytest

from engine import formats, methods
from engine.cli.score_cmd import ScoreFormat
from engine.rubric.meta import SCHEMA_PATH


def test_meta_schema_lists_every_method():
    shipped = json.loads(SCHEMA_PATH.read_text())["definitions"]["node"]["properties"]["method"]["enum"]
    assert shipped == list(methods.METHODS)


@pytest.mark.parametrize("name", list(methods.METHODS))
def test_method_module_interface(name):
    m = methods.get(name)
    assert m.NAME == name
    assert m.KIND in ("base", "bonus", "deduction", "veto")
    needed = ("fraction", "target") if m.KIND == "base" else ("amount",)
    for attr in ("PARAMS", "EXPECTS", "check_params", "value_schema", "parse") + needed:
        assert hasattr(m, attr), f"{name} lacks {attr}"


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
