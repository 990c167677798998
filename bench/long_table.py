"""Benchmark the long-table path: one CSV with every subject's values, validated, scored and ranked.

    python bench/long_table.py                      # 3,200 subjects x every measure of the national rubric
    python bench/long_table.py -n 500 --reps 3      # smaller

Generates <out>/long.csv (subject, subject_name, period, measure, value, evidence) from
rubrics/ethnic-unity-city.yaml: random valid values, ~2% of numeric cells written the way officials
print them ("3.6万", "85%", "1,234", "约120"), ~5% of cells missing (no row, or an empty value).
Then times, interleaved over the repetitions:

  (a)  pandas.read_csv alone, in process
  (a') the same in a subprocess (`python -c "import pandas; pandas.read_csv(FILE)"`): start-up included
  (b)  read_long + validate_long + score_long + league ranking, in process
  (c)  `scorecard compare FILE --format csv -o TMP` and `scorecard score FILE --format csv -o TMP`,
       as subprocesses (start-up and imports included)

and prints the medians, the ratios to (a) (and of the subprocesses to (a')), and peak memory.  It
asserts nothing about time.
"""
from __future__ import annotations

import argparse
import csv
import gc
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine import rubric as rubrics  # noqa: E402
from engine.model import Measure  # noqa: E402

RUBRIC = ROOT / "rubrics" / "ethnic-unity-city.yaml"


# --- the table ------------------------------------------------------------------------------------


def value_for(m: Measure, rng: random.Random):
    """A random valid value for a measure."""
    p = m.params
    if m.method in ("check", "veto"):
        return rng.random() < (0.03 if m.method == "veto" else 0.7)
    if m.method == "choice":
        return rng.choice(list(p["options"]))
    if m.method == "rating":
        lo, hi = p["scale"]
        if rng.random() < 0.02:
            return [rng.randint(int(lo), int(hi)) for _ in range(5)]
        return rng.randint(int(lo), int(hi))
    if m.method in ("count", "bonus", "deduction"):
        return rng.choice((0, 0, 0, 1, 2)) if m.is_modifier else rng.randint(0, 12)
    lo = m.min if m.min is not None else 0
    hi = m.max if m.max is not None else max(1.0, _span(m) * 1.5)
    return round(rng.uniform(max(lo, 0), hi), 2)


def _span(m: Measure) -> float:
    p = m.params
    if m.method == "bands":
        return max(abs(b["at"]) for b in p["bands"])
    return max(abs(p.get("target", 1)), abs(p.get("floor", 0)))


def as_written(m: Measure, v, rng: random.Random, odd: float) -> str:
    """The cell text; a share ``odd`` of numbers written as officials print them."""
    if isinstance(v, bool):
        return ("是" if v else "否") if rng.random() < odd else ("true" if v else "false")
    if isinstance(v, list):
        return ";".join(map(str, v))
    if isinstance(v, str) or m.method == "rating" or rng.random() >= odd:
        return str(v)
    if v >= 10_000:
        return f"{v / 10_000:g}万"
    if m.unit == "%":
        return f"{v}%"
    if v >= 1000:
        return f"{v:,}"
    return f"约{v}"


def generate(path: Path, n: int, seed: int = 7, period: int = 2024, odd: float = 0.02,
             missing: float = 0.05) -> int:
    """Write the long table; returns the number of data rows."""
    rubric = rubrics.load(RUBRIC)
    rng = random.Random(seed)
    rows = 0
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["subject", "subject_name", "period", "measure", "value", "evidence"])
        for i in range(n):
            sid, name = f"c{i:05d}", f"测试市{i:05d}"
            for m in rubric.measures:
                r = rng.random()
                if r < missing * 0.6:
                    continue  # no row at all
                text = "" if r < missing else as_written(m, value_for(m, rng), rng, odd)
                evidence = f"工作总结第{rng.randint(1, 40)}页" if m.evidence == "required" and text else ""
                w.writerow([sid, name, period, m.id, text, evidence])
                rows += 1
    return rows


# --- timing ---------------------------------------------------------------------------------------


def time_read_csv(path: Path) -> float:
    import pandas as pd

    t = time.perf_counter()
    pd.read_csv(path)
    return time.perf_counter() - t


def time_batch(path: Path, rubric) -> float:
    from engine.readers.long.read import read_long
    from engine.readers.long.validate import validate_long
    from engine.vector.score import score_long
    from engine.vector import league

    t = time.perf_counter()
    values, problems = validate_long(read_long(path), rubric)
    result = score_long(values, rubric)
    league.ranks(result)
    elapsed = time.perf_counter() - t
    assert not [p for p in problems if p.is_error], problems[:5]
    return elapsed


def time_cli(args: list[str]) -> float:
    return time_process(["-m", "engine", *args])


def time_process(args: list[str]) -> float:
    t = time.perf_counter()
    done = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"python {' '.join(args)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return elapsed


def peak_in_process(path: Path, rubric) -> float:
    """Peak MB traced by tracemalloc over read + validate + score + rank (numpy and pandas report to it)."""
    gc.collect()
    tracemalloc.start()
    time_batch(path, rubric)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


BATCH = """
import resource, sys
sys.path.insert(0, {root!r})
from engine import rubric
from engine.vector import league
from engine.readers.long.read import read_long
from engine.readers.long.validate import validate_long
from engine.vector.score import score_long
r = rubric.load({rubric!r})
values, problems = validate_long(read_long({path!r}), r)
league.ranks(score_long(values, r))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_fresh_process(path: Path) -> float:
    """Peak RSS (MB) of a fresh interpreter that does (b) once: imports, the DataFrame and all."""
    code = BATCH.format(root=str(ROOT), rubric=str(RUBRIC), path=str(path))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(done.stdout.split()[-1]) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=3200, help="subjects (default 3200)")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("-o", "--out", type=Path, default=Path(tempfile.gettempdir()) / "scorecard-long")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "long.csv"
    rows = generate(path, args.n)
    print(f"{path}: {rows:,} rows, {path.stat().st_size / 2**20:.1f} MB, {args.n} subjects")
    rubric = rubrics.load(RUBRIC)
    scored, ranked = args.out / "scores.csv", args.out / "league.csv"  # -o writes regular files only
    runs = {
        "a read_csv": lambda: time_read_csv(path),
        "a' read_csv subprocess": lambda: time_process(["-c", f"import pandas; pandas.read_csv({str(path)!r})"]),
        "b batch in-process": lambda: time_batch(path, rubric),
        "c compare --format csv": lambda: time_cli(["compare", str(path), "--rubric", str(RUBRIC),
                                                    "--format", "csv", "-o", str(ranked)]),
        "c score --format csv": lambda: time_cli(["score", str(path), "--rubric", str(RUBRIC),
                                                  "--format", "csv", "-o", str(scored)]),
    }
    times: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(args.reps):  # interleaved, so drift in machine load hits every figure alike
        for name, run in runs.items():
            times[name].append(run())
    medians = {k: statistics.median(v) for k, v in times.items()}
    base, launched = medians["a read_csv"], medians["a' read_csv subprocess"]
    for name, m in medians.items():
        spread = ", ".join(f"{t:.3f}" for t in times[name])
        vs_sub = f", {m / launched:4.2f} x a'" if name.startswith("c") else ""
        print(f"{name:26s} median {m:7.3f} s  ({m / base:5.2f} x a{vs_sub})   [{spread}]")
    kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # before any other child runs
    print(f"peak RSS of the CLI subprocesses (c, ru_maxrss of children): {kib / 1024:.0f} MB")
    print(f"peak traced memory of (b) in process (tracemalloc): {peak_in_process(path, rubric):.0f} MB")
    print(f"peak RSS of (b) in a fresh process (ru_maxrss): {peak_fresh_process(path):.0f} MB")


if __name__ == "__main__":
    main()
