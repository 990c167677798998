"""What a one-file `scorecard check` or `validate` loads, on a rubric cache miss (a fresh CI runner) and a hit:
none of PyYAML while engine.yamlfast reads the submission and the rubric, none of what checks and builds a
rubric on a hit; and the cheaper forms of what every start runs mean what the old ones did."""
from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from engine import yamlfast

TOP = Path(__file__).resolve().parent.parent
SPY = ("import atexit, sys\n"
       "atexit.register(lambda: print(' '.join(sorted(sys.modules)), file=sys.__stderr__))\n"
       "from engine.cli import main\nmain()\n")
NEVER = {"yaml", "_yaml", "pandas", "numpy", "typer", "click", "jsonschema", "difflib"}
"""Not on the check path of a shipped submission and rubric, cache hit or miss."""
ON_A_MISS = {"engine.rubric.build", "engine.rubric.meta", "engine.rubric.conform", "engine.rubric.lint",
             "engine.rubric.places"}
"""What checks and builds a rubric: a cache hit needs none of it."""


def loaded(args: list[str], cache: Path) -> tuple[set, subprocess.CompletedProcess]:
    env = {**os.environ, "PYTHONPATH": str(TOP), "SCORECARD_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", SPY, *args], cwd=TOP, env=env, capture_output=True, text=True)
    return set(done.stderr.strip().splitlines()[-1].split()), done


@pytest.mark.parametrize("command", ["check", "validate"])
@pytest.mark.parametrize("path", ["submissions/baotou/2022.yaml", "submissions/xining/2022.yaml"])
def test_a_shipped_file_is_checked_without_pyyaml_on_a_miss_and_a_hit(command, path, tmp_path):
    miss, done = loaded([command, path], tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert ON_A_MISS <= miss  # the rubric was checked and built: the cache was empty
    hit, again = loaded([command, path], tmp_path)
    assert (again.returncode, again.stdout) == (done.returncode, done.stdout)
    assert not {m.split(".")[0] for m in miss | hit} & NEVER
    assert "engine.yamllib" not in miss | hit  # libyaml's path: neither text needs it
    assert not hit & ON_A_MISS


def test_a_text_yamlfast_declines_still_loads_pyyaml_and_reads_the_same(tmp_path):
    """An anchor is outside the fast subset: libyaml's path reads it, and says the same as before."""
    sub = tmp_path / "s.yaml"
    sub.write_text((TOP / "submissions/baotou/2022.yaml").read_text(encoding="utf-8")
                   .replace("period: 2022", "period: &p 2022", 1), encoding="utf-8")
    assert "&p" in sub.read_text(encoding="utf-8")
    mods, done = loaded(["check", str(sub), "--rubric", "rubrics/ethnic-unity-city.yaml", "-f", "json"], tmp_path)
    assert {"yaml", "engine.yamllib"} <= mods
    plain, base = loaded(["check", "submissions/baotou/2022.yaml", "-f", "json"], tmp_path)
    assert done.returncode == base.returncode
    assert done.stdout.replace(str(sub), "F") == base.stdout.replace("submissions/baotou/2022.yaml", "F")


def test_the_refused_characters_are_those_outside_the_allowed_ranges():
    """_ODD names the characters it refuses; they are exactly those outside YAML's printable set less the YAML
    1.1 line breaks and the BOM (the class it replaced)."""
    allowed = re.compile("[\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
    every = "".join(map(chr, range(0x110000)))
    refused = {m.start() for m in yamlfast._ODD.finditer(every.replace("\n", " "))}
    assert refused == {i for i, c in enumerate(every) if c != "\n" and not allowed.match(c)}


def test_the_rubric_package_keeps_its_lint_function_after_the_submodule_is_imported():
    """engine.rubric.lint (the submodule) is imported on a cache miss, after the package: its binding as the
    package's attribute is declined, so ``from engine.rubric import lint`` is still the function."""
    code = ("import engine.rubric as r, engine.rubric.lint as m, sys\n"
            "from engine.rubric.lint import lint_data\n"
            "from engine.rubric import lint\n"
            "print(callable(lint) and lint is r.lint and r.lint.__module__ == 'engine.rubric',"
            " sys.modules['engine.rubric.lint'].lint_data is lint_data)\n")
    done = subprocess.run([sys.executable, "-c", code], cwd=TOP, env={**os.environ, "PYTHONPATH": str(TOP)},
                          capture_output=True, text=True)
    assert done.stdout.split() == ["True", "True"], done.stderr


def test_the_markup_escapes_are_found_in_safe_text_without_importing_them_on_every_start():
    from engine import safe_markup, safe_text

    for name in safe_text.MARKUP:
        assert getattr(safe_text, name) is getattr(safe_markup, name)
    code = "import engine.safe_text, sys; print('engine.safe_markup' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=TOP, env={**os.environ, "PYTHONPATH": str(TOP)},
                          capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
    with pytest.raises(AttributeError):
        getattr(safe_text, "no_such_name")


def test_the_engine_fingerprint_follows_every_module_and_json_file(tmp_path, monkeypatch):
    from engine.rubric import cache

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "__pycache__").mkdir()
    files = [tmp_path / "a.py", tmp_path / "sub" / "b.py", tmp_path / "schema.json"]
    for f in files:
        f.write_text("x = 1\n")
    (tmp_path / "sub" / "__pycache__" / "b.cpython.pyc").write_bytes(b"\0")
    monkeypatch.setattr(cache, "ENGINE", tmp_path)
    monkeypatch.setattr(cache, "fingerprint", functools.lru_cache(maxsize=1)(cache.fingerprint.__wrapped__))

    def now() -> str:
        cache.fingerprint.cache_clear()
        return cache.fingerprint()

    seen = {now()}
    (tmp_path / "sub" / "__pycache__" / "b.cpython.pyc").write_bytes(b"\0\0")  # bytecode: no engine change
    (tmp_path / "notes.txt").write_text("not code")
    assert now() in seen
    for f in files:
        f.write_text("x = 22\n")  # a change of size (and of mtime) in each kind of file
        seen.add(now())
    assert len(seen) == 1 + len(files)


def test_the_quick_path_collects_garbage_as_a_batch_does_and_leaves_typer_the_defaults():
    import gc

    from engine import parallel
    from engine.cli import quick

    assert quick.START_GC == parallel.BATCH_GC
    code = ("import atexit, gc, sys\n"
            "atexit.register(lambda: print(gc.get_threshold(), file=sys.__stderr__))\n"
            "from engine.cli import main\nmain()\n")
    done = subprocess.run([sys.executable, "-c", code, "check", "submissions/baotou/2022.yaml"], cwd=TOP,
                          env={**os.environ, "PYTHONPATH": str(TOP)}, capture_output=True, text=True)
    assert done.stderr.strip().splitlines()[-1] == str(quick.START_GC)
    was = gc.get_threshold()
    assert quick.run("check", ["--help"]) is None  # help is typer's: the thresholds are as they were
    assert gc.get_threshold() == was
