"""Speed and memory of the scorecard engine against baselines measured side by side in one run.

    python bench/run.py                      # 1,000 files, 3 repetitions (several minutes)
    python bench/run.py -n 200 --reps 5      # quicker

Prints medians of interleaved repetitions and the ratios the targets are stated in; it asserts
nothing (the machines are shared and noisy: read ratios, not seconds).
  A  1,000 YAML submissions validated + scored + JSON written (scorecard score) vs
     check-jsonschema validating the same files against `scorecard schema`'s output, and vs bare
     libyaml parsing (yaml.load with CSafeLoader) of the same files.
  B  one-file `scorecard check` vs one-file check-jsonschema (wall time, process start included).
  C  peak memory of `scorecard score` at N/4, N/2 and N files (flat = streaming works).
The long-table target (3,200 subjects x 127 measures) is bench/long_table.py.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

TOP = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOP))
from bench.generate import generate  # noqa: E402

RUBRIC = TOP / "rubrics" / "ethnic-unity-city.yaml"


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def bare_libyaml(files: list[Path]) -> float:
    start = time.perf_counter()
    for f in files:
        with open(f, "rb") as fh:
            yaml.load(fh, Loader=yaml.CSafeLoader)
    return time.perf_counter() - start


def peak_rss_mb(args: list[str]) -> float:
    r = subprocess.run([sys.executable, str(TOP / "bench" / "_rss.py"), *args], capture_output=True, text=True)
    line = next(x for x in r.stderr.splitlines() if x.startswith("PEAK_RSS_KB"))
    return int(line.split()[1]) / 1024


def scorecard(*args: str) -> list[str]:
    return [str(Path(sys.executable).parent / "scorecard"), *args]


def check_jsonschema(*args: str) -> list[str]:
    return [str(Path(sys.executable).parent / "check-jsonschema"), *args]


def median_table(samples: dict[str, list[float]]) -> dict[str, float]:
    return {k: statistics.median(v) for k, v in samples.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1000, help="number of submissions (default 1000)")
    ap.add_argument("--reps", type=int, default=3, help="interleaved repetitions (default 3)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="scorecard-bench-"))
    files = generate(str(RUBRIC), args.n, work)
    schema = work / "schema.json"
    subprocess.run(scorecard("schema", str(RUBRIC), "-o", str(schema)), check=True, capture_output=True)
    size = statistics.mean(f.stat().st_size for f in files[:50]) / 1024
    print(f"{args.n} synthetic submissions of the 127-measure rubric, ~{size:.1f} KB each, in {work}")
    batch = {"scorecard score (validate+score+JSON)": [], "check-jsonschema (validate only)": [],
             "bare libyaml parse (in-process)": []}
    one = {"scorecard check, one file": [], "check-jsonschema, one file": []}
    for _ in range(args.reps):
        batch["scorecard score (validate+score+JSON)"].append(wall(scorecard(
            "score", str(work / "yaml"), "--rubric", str(RUBRIC), "-f", "json", "-o", str(work / "out.json"))))
        batch["check-jsonschema (validate only)"].append(wall(check_jsonschema(
            "--schemafile", str(schema), *map(str, files))))
        batch["bare libyaml parse (in-process)"].append(bare_libyaml(files))
        for _ in range(3):
            one["scorecard check, one file"].append(wall(scorecard("check", str(files[0]), "--rubric", str(RUBRIC))))
            one["check-jsonschema, one file"].append(wall(check_jsonschema("--schemafile", str(schema),
                                                                           str(files[0]))))
    report(batch, one, args.n)
    memory(work, files, args.n)


def report(batch: dict, one: dict, n: int) -> None:
    b, o = median_table(batch), median_table(one)
    print(f"\nA. {n} files (median of {len(next(iter(batch.values())))} runs)")
    for k, v in b.items():
        print(f"   {k:42s} {v:8.2f} s")
    ours = b["scorecard score (validate+score+JSON)"]
    print(f"   speed-up over check-jsonschema            {b['check-jsonschema (validate only)'] / ours:8.1f} x"
          "   (target >= 10 x)")
    print(f"   scorecard / bare libyaml                  {ours / b['bare libyaml parse (in-process)']:8.2f}"
          "     (target <= 2)")
    print(f"\nB. one file (median of {len(next(iter(one.values())))} runs)")
    for k, v in o.items():
        print(f"   {k:42s} {v:8.3f} s")
    ratio = o["scorecard check, one file"] / o["check-jsonschema, one file"]
    print(f"   scorecard check / check-jsonschema        {ratio:8.2f}     (target <= 0.6)")


def memory(work: Path, files: list[Path], n: int) -> None:
    print("\nC. peak memory of scorecard score -f json (with its worker processes)")
    for k in (max(1, n // 4), max(1, n // 2), n):
        folder = work / f"mem{k}"
        folder.mkdir()
        for f in files[:k]:
            (folder / f.parent.name).mkdir()
            (folder / f.parent.name / f.name).symlink_to(f)
        mb = peak_rss_mb(["score", str(folder), "--rubric", str(RUBRIC), "-f", "json", "-o", str(work / "m.json")])
        print(f"   {k:6d} files: {mb:7.1f} MB")


if __name__ == "__main__":
    main()
