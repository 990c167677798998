import pytest

from engine import methods

from .helpers import measure


def amount(m, raw):
    module = methods.get(m.method)
    return module.amount(m, module.parse(m, raw).value)


@pytest.mark.parametrize("method", ["bonus", "deduction"])
def test_per_and_cap(method):
    m = measure(method, per=2, cap=5)
    assert amount(m, 1) == 2
    assert amount(m, 4) == 5
    assert amount(m, True) == 2
    assert amount(m, False) == 0


def test_uncapped_default_per_one():
    assert amount(measure("bonus"), 7) == 7


def test_veto():
    assert amount(measure("veto"), True) == 1.0
    assert amount(measure("veto"), False) == 0.0
