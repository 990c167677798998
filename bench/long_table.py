"""Benchmark the long-table path: one CSV with every subject's values, validated, scored and ranked.

    python bench/long_table.py                      # 3,200 subjects: every command, every format (~10 min)
    python bench/long_table.py -n 500 --reps 3      # smaller
    python bench/long_table.py --curve              # the scale curve: 320, 3,200 and 32,000 subjects
    python bench/long_table.py --quick              # only the default format of each command

Generates <out>/long.csv (subject, subject_name, period, measure, value, evidence) from
rubrics/ethnic-unity-city.yaml: random valid values, ~2% of numeric cells written the way officials
print them ("3.6万", "85%", "1,234", "约120"), ~5% of cells missing (no row, or an empty value).
Then times, interleaved over the repetitions (medians printed, with every sample):

  (a)  pandas.read_csv alone, in process
  (a') the same in a subprocess (`python -c "import pandas; pandas.read_csv(FILE)"`): start-up included; the
       target is every command at most 3 x a'
  (b)  read_long + validate_long + score_long + league ranking, in process
  (c)  every command as a user runs it (`python -m engine CMD FILE --rubric R`, start-up and imports included):
       validate, check, score, gaps, compare and progress in their default (terminal) format with stdout to a
       pipe, and score/gaps/compare in every other format with -o FILE; `report -o DIR`
  (p)  with pyarrow installed (pip install -e '.[parquet]'): the table as Parquet, read by pandas and by
       `compare` and `score -f csv`

and the peak RSS of each command (ru_maxrss of its process).  --curve runs the default formats (and csv) at
320, 3,200 and 32,000 subjects and prints seconds per 1,000 subjects and peak RSS (32,000: target < 1 GB).
It asserts nothing about time.
"""
from __future__ import annotations

import argparse
import csv
import gc
import os
import random
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


RSS = """
import resource, runpy, sys
sys.argv = sys.argv[1:]
try:
    runpy.run_module(sys.argv[0] if sys.argv[0] != "-m" else sys.argv.pop(1), run_name="__main__") \
        if sys.argv[0] == "-m" else exec(sys.argv[1])
except SystemExit:
    pass
finally:
    print("PEAK_RSS_KB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def time_process(args: list[str], ok=(0, 1)) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``python ARGS`` run from the repository (stdout to a pipe, read whole)."""
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RSS, *args], cwd=ROOT, capture_output=True, text=True, check=False,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    elapsed = time.perf_counter() - t
    if done.returncode not in ok:
        raise SystemExit(f"python {' '.join(args)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    kb = next((int(x.split()[1]) for x in done.stderr.splitlines() if x.startswith("PEAK_RSS_KB")), 0)
    return elapsed, kb / 1024


def commands(path: Path, out: Path, every: bool = True) -> dict[str, list[str]]:
    """label -> the command line (after `python`) of each command the bench times."""
    def cli(*a):
        return ["-m", "engine", *a[:1], str(path), "--rubric", str(RUBRIC), *a[1:]]
    runs = {f"{c} (default)": cli(c) for c in ("validate", "check", "score", "gaps", "compare", "progress")}
    if every:
        for c in ("score", "gaps", "compare"):
            for f in ("json", "csv", "markdown") + (("html", "table") if c == "score" else ("table",)):
                runs[f"{c} -f {f} -o"] = cli(c, "-f", f, "-o", str(out / f"{c}.{f}"))
        runs["report -o DIR"] = cli("report", "-o", str(out / "reports"))
    else:
        runs["score -f csv -o"] = cli("score", "-f", "csv", "-o", str(out / "score.csv"))
    return runs


def peak_in_process(path: Path, rubric) -> float:
    """Peak MB traced by tracemalloc over read + validate + score + rank (numpy and pandas report to it)."""
    gc.collect()
    tracemalloc.start()
    time_batch(path, rubric)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def measure(path: Path, out: Path, reps: int, every: bool, rubric) -> None:
    """Interleaved repetitions of (a), (a'), (b) and every command; medians, ratios and peak RSS."""
    runs = {"a read_csv": lambda: (time_read_csv(path), 0.0),
            "a' read_csv subprocess": lambda: time_process(["-c", f"import pandas; pandas.read_csv({str(path)!r})"]),
            "b batch in-process": lambda: (time_batch(path, rubric), 0.0)}
    runs |= {k: (lambda a=a: time_process(a)) for k, a in commands(path, out, every).items()}
    times: dict[str, list[float]] = {k: [] for k in runs}
    peaks: dict[str, float] = {}
    for _ in range(reps):  # interleaved, so drift in machine load hits every figure alike
        for name, run in runs.items():
            t, mb = run()
            times[name].append(t)
            peaks[name] = max(peaks.get(name, 0.0), mb)
    medians = {k: statistics.median(v) for k, v in times.items()}
    base, launched = medians["a read_csv"], medians["a' read_csv subprocess"]
    print(f"{'':28s} {'median':>9s} {'x a':>7s} {'x a_':>7s} {'peak RSS':>9s}   samples")
    for name, m in medians.items():
        spread = ", ".join(f"{t:.2f}" for t in times[name])
        rss = f"{peaks[name]:6.0f} MB" if peaks[name] else ""
        print(f"{name:28s} {m:8.2f}s {m / base:6.2f}x {m / launched:6.2f}x {rss:>9s}   [{spread}]")
    over = [k for k, m in medians.items() if k not in ("a read_csv", "b batch in-process") and m / launched > 3]
    print(f"over the 3 x a' target: {', '.join(over) if over else 'none'}")
    print(f"peak traced memory of (b) in process (tracemalloc): {peak_in_process(path, rubric):.0f} MB")


def parquet(path: Path, out: Path, reps: int) -> None:
    """(p): the same table as Parquet (needs pyarrow: pip install -e '.[parquet]')."""
    try:
        import pandas as pd
        import pyarrow  # noqa: F401
    except ImportError:
        print("(p) Parquet: pyarrow is not installed (pip install -e '.[parquet]'); skipped")
        return
    pq = out / "long.parquet"
    pd.read_csv(path, dtype=str, keep_default_na=False).to_parquet(pq, index=False)
    runs = {"p read_parquet subprocess": ["-c", f"import pandas; pandas.read_parquet({str(pq)!r})"],
            "p compare -f csv -o": ["-m", "engine", "compare", str(pq), "--rubric", str(RUBRIC), "-f", "csv", "-o",
                                    str(out / "pq-league.csv")],
            "p score -f csv -o": ["-m", "engine", "score", str(pq), "--rubric", str(RUBRIC), "-f", "csv", "-o",
                                  str(out / "pq-scores.csv")]}
    times = {k: [] for k in runs}
    for _ in range(reps):
        for k, a in runs.items():
            times[k].append(time_process(a)[0])
    base = statistics.median(times["p read_parquet subprocess"])
    print(f"\n(p) Parquet, {pq.stat().st_size / 2**20:.1f} MB")
    for k, v in times.items():
        print(f"{k:28s} {statistics.median(v):8.2f}s {statistics.median(v) / base:6.2f}x read_parquet")


def curve(out: Path, reps: int) -> None:
    """Seconds per 1,000 subjects and peak RSS of each command's default format (and score -f csv) at 320, 3,200
    and 32,000 subjects: flat seconds per 1,000 is linear time; the 32,000 peak is to stay under 1 GB."""
    rows = {}
    for n in (320, 3200, 32000):
        path = out / f"long{n}.csv"
        if not path.exists():
            generate(path, n)
        size = path.stat().st_size / 2**20
        for name, args in {"a' read_csv subprocess": ["-c", f"import pandas; pandas.read_csv({str(path)!r})"],
                           **commands(path, out, every=False)}.items():
            samples = [time_process(args) for _ in range(reps)]
            t = statistics.median(s[0] for s in samples)
            rows.setdefault(name, {})[n] = (t, max(s[1] for s in samples))
        print(f"{n:6d} subjects: {size:6.1f} MB of CSV measured", flush=True)
    print(f"\n{'':28s}" + "".join(f"{n:>9d}: s/1k subj, RSS  " for n in (320, 3200, 32000)))
    for name, by_n in rows.items():
        cells = "".join(f"{t:8.2f}s {t / n * 1000:6.2f} {mb:6.0f} MB  " for n, (t, mb) in by_n.items())
        print(f"{name:28s} {cells}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=3200, help="subjects (default 3200)")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--quick", action="store_true", help="only the default format of each command (and score csv)")
    ap.add_argument("--curve", action="store_true", help="the scale curve: 320, 3,200 and 32,000 subjects")
    ap.add_argument("-o", "--out", type=Path, default=Path(tempfile.gettempdir()) / "scorecard-long")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.curve:
        curve(args.out, args.reps)
        return
    path = args.out / "long.csv"
    rows = generate(path, args.n)
    print(f"{path}: {rows:,} rows, {path.stat().st_size / 2**20:.1f} MB, {args.n} subjects")
    rubric = rubrics.load(RUBRIC)
    measure(path, args.out, args.reps, not args.quick, rubric)
    parquet(path, args.out, args.reps)


if __name__ == "__main__":
    main()
