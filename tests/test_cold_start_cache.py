"""The rubric cache's JSON form, now that put() trusts it without a second decode: every rubric comes back equal
and of the same types, and anything that is not exactly plain data is refused (so never cached wrongly)."""
from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from engine import rubric as rubrics
from engine.model import Label
from engine.rubric import cache

TOP = Path(__file__).resolve().parent.parent
RUBRICS = sorted((TOP / "rubrics").glob("*.yaml")) + sorted((TOP / "tests" / "cases").glob("*/rubric.yaml"))


def same_types(a, b) -> bool:
    """Equal, and of the same type all the way down (1 == 1.0 == True would not do)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(map(same_types, a, b))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same_types(k, j) and same_types(a[k], b[j]) for k, j in zip(a, b))
    if hasattr(a, "__dataclass_fields__"):
        return all(same_types(getattr(a, f), getattr(b, f)) for f in a.__dataclass_fields__)
    return a == b


@pytest.mark.parametrize("path", RUBRICS, ids=lambda p: str(p.relative_to(TOP)))
def test_each_rubric_comes_back_the_same(path):
    rubric = rubrics.load(path)
    assert same_types(cache.loads(cache.encode_text(rubric)), rubric)


class Text(str):
    pass


def test_what_is_not_exactly_plain_data_is_refused_and_not_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("SCORECARD_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "r.yaml"
    shutil.copy(RUBRICS[0], path)
    odd = replace(rubrics.load(path), title=Label(((Text("zh"), "标题"),)))
    with pytest.raises(TypeError):
        cache.encode(odd)
    shutil.rmtree(tmp_path / "cache")
    cache.put(path, odd)
    assert not (tmp_path / "cache").exists()
    cache.put(path, replace(odd, title=Label((("zh", "标题"),))))
    assert cache.get(path).title == Label((("zh", "标题"),))
