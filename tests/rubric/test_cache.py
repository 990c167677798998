"""The rubric cache: a hit returns the same rubric, any change to the file misses, and it can be off."""
import shutil
from pathlib import Path

from engine import rubric as rubrics
from engine.rubric import cache

SHIPPED = Path(__file__).resolve().parents[2] / "rubrics" / "city-development-index.yaml"


def test_hit_miss_and_off(tmp_path, monkeypatch):
    monkeypatch.setenv("SCORECARD_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "r.yaml"
    shutil.copy(SHIPPED, path)
    first = rubrics.load(path)
    assert cache.get(path) == first and len(list((tmp_path / "cache").iterdir())) == 1
    assert rubrics.load(path) == first
    path.write_text(path.read_text(encoding="utf-8").replace("scale: 100", "scale: 100.0"), encoding="utf-8")
    assert cache.get(path) is None
    monkeypatch.setenv("SCORECARD_NO_CACHE", "1")
    assert cache.get(path) is None and rubrics.load(path).scale == 100


def test_broken_cache_entry_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("SCORECARD_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "r.yaml"
    shutil.copy(SHIPPED, path)
    rubrics.load(path)
    for entry in (tmp_path / "cache").iterdir():
        entry.write_bytes(b"not a pickle")
    assert cache.get(path) is None
    assert rubrics.load(path).id == "city-development-index"
