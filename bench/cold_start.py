"""One-file `scorecard check` against one-file check-jsonschema, in a fresh venv: cold and warm.

    python bench/cold_start.py                    # builds a venv in a temp folder (a minute or two), 7 reps
    python bench/cold_start.py --venv /tmp/v      # build it there (the copy in /tmp/v-project), or reuse both

CI's case is a fresh venv: the project installed editable (``pip install -c .ci/constraints.txt -e .``)
from a copy of this work tree that has no __pycache__ (pip compiles the installed dependencies, not an
editable project's modules), and no rubric cache. The venv is a real one made by ``python -m venv``, no
system site-packages; pip takes the locked versions from the package index (through pip's own cache
when it has them). check-jsonschema runs from the same venv, on the schema `scorecard schema` writes.

Each repetition, interleaved, for each file:
  cold        every __pycache__ of the copy's engine deleted, an empty SCORECARD_CACHE_DIR
  cache-cold  the engine's bytecode there, an empty SCORECARD_CACHE_DIR (a new rubric, or a new version)
  warm        both there (a pre-commit hook's second run)
  check-jsonschema --schemafile SCHEMA FILE
  python -c pass     the venv's interpreter starting and stopping (the floor under both tools)
Prints medians and the ratios the targets are stated in (cold <= 0.6, warm <= 0.4); asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
RUBRIC = "rubrics/ethnic-unity-city.yaml"
CASES = ("cold", "cache-cold", "warm", "check-jsonschema", "python -c pass")


def copy_tree(dest: Path) -> Path:
    """The work tree's files (tracked and untracked, not ignored: so no __pycache__) copied to dest."""
    done = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=TOP, capture_output=True)
    if done.returncode:  # not a git work tree (an exported one): every file but bytecode and VCS folders
        shutil.copytree(TOP, dest, ignore=shutil.ignore_patterns("__pycache__", ".git", ".venv", "node_modules"))
        return dest
    listed = done.stdout.decode().split("\0")
    for name in filter(None, listed):
        src = TOP / name
        if src.is_file() and "__pycache__" not in src.parts:
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


def make_venv(venv: Path, project: Path) -> None:
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    done = subprocess.run([*pip, "-c", str(project / ".ci" / "constraints.txt"), "-e", str(project),
                           "check-jsonschema"], capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"pip install failed:\n{done.stdout}{done.stderr}")


def installed_from(venv: Path) -> Path:
    """The folder the venv's editable scorecard imports its engine from."""
    out = subprocess.run([str(venv / "bin" / "python"), "-c", "import engine, os; print(os.path.dirname("
                          "os.path.dirname(engine.__file__)))"], capture_output=True, text=True, check=True,
                         env=_env(None), cwd=venv)  # not here: the work tree's engine would shadow the venv's
    return Path(out.stdout.strip())


def _env(cache: Path | None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE",
                                                           "SCORECARD_NO_CACHE", "VIRTUAL_ENV")}
    if cache is not None:
        env["SCORECARD_CACHE_DIR"] = str(cache)
    return env


def wall(cmd: list[str], cwd: Path, env: dict) -> float:
    start = time.perf_counter()
    code = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
    took = time.perf_counter() - start
    if code not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited {code}")
    return took


def drop_bytecode(project: Path) -> None:
    for cache in (project / "engine").rglob("__pycache__"):
        shutil.rmtree(cache)


def one_rep(venv: Path, project: Path, files: list[str], schema: Path, work: Path, samples: dict) -> None:
    scorecard, cjs = str(venv / "bin" / "scorecard"), str(venv / "bin" / "check-jsonschema")
    for f in files:
        cache = Path(tempfile.mkdtemp(prefix="cache-", dir=work))
        drop_bytecode(project)
        samples[f]["cold"].append(wall([scorecard, "check", f], project, _env(cache)))
        shutil.rmtree(cache)
        samples[f]["cache-cold"].append(wall([scorecard, "check", f], project, _env(cache)))
        for _ in range(3):
            samples[f]["warm"].append(wall([scorecard, "check", f], project, _env(cache)))
            samples[f]["check-jsonschema"].append(wall([cjs, "--schemafile", str(schema), f], project, _env(cache)))
            samples[f]["python -c pass"].append(wall([str(venv / "bin" / "python"), "-c", "pass"], project, _env(cache)))
        shutil.rmtree(cache)


def generated_file(project: Path, venv: Path, work: Path) -> str:
    """A full submission of the 127-measure rubric from bench/generate.py (its rubric is found in the project)."""
    out = work / "gen"
    out.mkdir()
    subprocess.run([str(venv / "bin" / "python"), str(project / "bench" / "generate.py"), RUBRIC, "-n", "1", "-o",
                    str(out)], cwd=project, env=_env(work / "gen-cache"), check=True, capture_output=True)
    return str(out / "yaml" / "s00000" / "2024.yaml")


def report(samples: dict, reps: int) -> None:
    for f, cases in samples.items():
        med = {k: statistics.median(v) for k, v in cases.items()}
        name = f if not f.startswith("/") else "a full submission made by bench/generate.py (127 measures)"
        print(f"\n{name}  (medians: cold and cache-cold of {reps} runs, the others of {3 * reps})")
        for k in CASES:
            print(f"   {k:18s} {med[k] * 1000:7.0f} ms")
        base = med["check-jsonschema"]
        print(f"   cold / check-jsonschema       {med['cold'] / base:5.2f}   (target <= 0.6)")
        print(f"   cache-cold / check-jsonschema {med['cache-cold'] / base:5.2f}")
        print(f"   warm / check-jsonschema       {med['warm'] / base:5.2f}   (target <= 0.4)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--venv", type=Path, help="build the venv here; when it already has scorecard, reuse it (the "
                    "copy it was installed from is laid anew from this work tree)")
    ap.add_argument("--reps", type=int, default=7, help="interleaved repetitions (default 7)")
    ap.add_argument("files", nargs="*", help="submission files, relative to the work tree (default: "
                    "submissions/baotou/2022.yaml and a generated full submission)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="scorecard-cold-"))
    venv = args.venv or work / "venv"
    if (venv / "bin" / "scorecard").exists():
        project = installed_from(venv)
        if project != TOP:  # the copy it was installed from, laid anew from this work tree
            shutil.rmtree(project)
            copy_tree(project)
        print(f"reusing {venv}: engine from {project}")
    else:
        project = copy_tree(Path(f"{venv}-project") if args.venv else work / "project")
        print(f"fresh venv {venv}: pip install -c .ci/constraints.txt -e {project} check-jsonschema")
        make_venv(venv, project)
    schema = work / "schema.json"
    subprocess.run([str(venv / "bin" / "scorecard"), "schema", RUBRIC, "-o", str(schema)], cwd=project,
                   env=_env(work / "gen-cache"), check=True, capture_output=True)
    files = args.files or ["submissions/baotou/2022.yaml", generated_file(project, venv, work)]
    samples = {f: {k: [] for k in CASES} for f in files}
    for _ in range(args.reps):
        one_rep(venv, project, files, schema, work, samples)
    report(samples, args.reps)
    shutil.rmtree(work)  # a --venv and the copy it runs (beside it) are kept for the next run


if __name__ == "__main__":
    main()
