"""Benchmark `scorecard sensitivity` on bench/long_table.py's table (3,200 subjects by default).

    python bench/sensitivity.py                 # 3,200 subjects x 1,000 runs, medians of 3
    python bench/sensitivity.py -n 500 --runs 200

Times, interleaved over the repetitions, as subprocesses (start-up, reading and validating included):

  (s)   `scorecard score FILE --format csv -o TMP`: one plain scoring of the table
  (w)   `scorecard sensitivity FILE --runs N --seed 1 --format json -o TMP`: the group weights
  (r)   the same with --raters

and, in process on the validated values, the Monte Carlo alone (engine.sensitivity.sensitivity) for (w) and
(r).  Prints the medians and the ratios to (s).  It asserts nothing about time.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.long_table import RUBRIC, generate, rubrics, time_cli  # noqa: E402


def time_core(values, rubric, runs: int, raters: bool) -> float:
    from engine.sensitivity import sensitivity

    t = time.perf_counter()
    sensitivity(values, rubric, 0.2, raters, runs, 1)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=3200, help="subjects (default 3200)")
    ap.add_argument("--runs", type=int, default=1000, help="Monte Carlo runs (default 1000)")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("-o", "--out", type=Path, default=Path(tempfile.gettempdir()) / "scorecard-sensitivity")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / "long.csv"
    rows = generate(path, args.n)
    print(f"{path}: {rows:,} rows, {args.n} subjects, {args.runs} runs")
    from engine.readers.long.read import read_long
    from engine.readers.long.validate import validate_long

    rubric = rubrics.load(RUBRIC)
    values, _ = validate_long(read_long(path), rubric)
    common = [str(path), "--rubric", str(RUBRIC)]
    sens = ["sensitivity", *common, "--runs", str(args.runs), "--seed", "1", "--format", "json"]
    jobs = {
        "s score --format csv": lambda: time_cli(["score", *common, "--format", "csv", "-o", str(args.out / "s.csv")]),
        "w sensitivity": lambda: time_cli([*sens, "-o", str(args.out / "w.json")]),
        "r sensitivity --raters": lambda: time_cli([*sens, "--raters", "-o", str(args.out / "r.json")]),
        "w core in process": lambda: time_core(values, rubric, args.runs, False),
        "r core in process": lambda: time_core(values, rubric, args.runs, True),
    }
    times: dict[str, list[float]] = {k: [] for k in jobs}
    for _ in range(args.reps):  # interleaved, so drift in machine load hits every figure alike
        for name, job in jobs.items():
            times[name].append(job())
    medians = {k: statistics.median(v) for k, v in times.items()}
    plain = medians["s score --format csv"]
    for name, m in medians.items():
        spread = ", ".join(f"{t:.3f}" for t in times[name])
        print(f"{name:24s} median {m:7.3f} s  ({m / plain:5.2f} x s)   [{spread}]")


if __name__ == "__main__":
    main()
