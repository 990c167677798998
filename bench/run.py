"""Speed and memory of the scorecard engine against baselines measured side by side in one run.

    python bench/run.py                      # 1,000 files, 3 repetitions (several minutes)
    python bench/run.py -n 200 --reps 5      # quicker
    python bench/run.py --against ../main    # and another checkout's engine, interleaved (before / after)

Prints medians of interleaved repetitions and the ratios the targets are stated in; it asserts
nothing (the machines are shared and noisy: read ratios, not seconds).
  A  1,000 YAML submissions validated + scored + JSON written (scorecard score, process start included)
     vs check-jsonschema validating the same files against `scorecard schema`'s output, and vs bare
     libyaml in this process on one core: yaml.load(data, Loader=yaml.CSafeLoader) of each file's bytes
     read beforehand (the floor), and the same with the reading included. Wall time and CPU time (the
     command's and its workers'; this process's for libyaml) are both given: on a shared machine wall time
     of several processes suffers more from the neighbours than one process's does.
  C  peak memory of `scorecard score` at N/4, N/2 and N files (flat = streaming works).
The engine run is this checkout's (python -m engine with this repository first on PYTHONPATH), with the
cores it uses by default (SCORECARD_JOBS, else one process per core). The one-file comparison with
check-jsonschema is bench/cold_start.py; the long-table target (3,200 subjects x 127 measures) is
bench/long_table.py.
"""
from __future__ import annotations

import argparse
import os
import resource
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
from engine.parallel import workers  # noqa: E402

RUBRIC = TOP / "rubrics" / "ethnic-unity-city.yaml"


def engine_env(top: Path) -> dict:
    """The environment that runs the engine of the checkout at ``top``, not whichever one is installed."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(top), *filter(None, [os.environ.get("PYTHONPATH")])])}


ENV = engine_env(TOP)


def wall(cmd: list[str], env: dict = ENV) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the command and the workers it waited for)."""
    cpu, start = _children_cpu(), time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=TOP, env=env)
    return time.perf_counter() - start, _children_cpu() - cpu


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def in_process(fn, *args) -> tuple[float, float]:
    cpu, start = time.process_time(), time.perf_counter()
    fn(*args)
    return time.perf_counter() - start, time.process_time() - cpu


def libyaml_parse(datas: list[bytes]) -> None:
    """The floor: libyaml (CSafeLoader) parsing each file's bytes, already read, on one core."""
    for data in datas:
        yaml.load(data, Loader=yaml.CSafeLoader)


def libyaml_read_parse(files: list[Path]) -> None:
    for f in files:
        yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)


def peak_rss_mb(args: list[str]) -> float:
    r = subprocess.run([sys.executable, str(TOP / "bench" / "_rss.py"), *args], capture_output=True, text=True,
                       cwd=TOP, env=ENV)
    line = next(x for x in r.stderr.splitlines() if x.startswith("PEAK_RSS_KB"))
    return int(line.split()[1]) / 1024


def scorecard(*args: str) -> list[str]:
    return [sys.executable, "-m", "engine", *args]


def check_jsonschema(*args: str) -> list[str]:
    return [str(Path(sys.executable).parent / "check-jsonschema"), *args]


AGAINST = "the same, the --against checkout's engine"
ONE = "the same on one process (SCORECARD_JOBS=1)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=1000, help="number of submissions (default 1000)")
    ap.add_argument("--reps", type=int, default=3, help="interleaved repetitions (default 3)")
    ap.add_argument("--against", type=Path, metavar="CHECKOUT", help="also time the engine of another checkout "
                    "(a git worktree of main, say) on the same files, interleaved: a change's before and after")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="scorecard-bench-"))
    files = generate(str(RUBRIC), args.n, work)
    schema = work / "schema.json"
    subprocess.run(scorecard("schema", str(RUBRIC), "-o", str(schema)), check=True, capture_output=True, cwd=TOP,
                   env=ENV)
    size = statistics.mean(f.stat().st_size for f in files[:50]) / 1024
    print(f"{args.n} synthetic submissions of the 127-measure rubric, ~{size:.1f} KB each, in {work}")
    datas = [f.read_bytes() for f in files]
    floor, with_read = "libyaml parse of the bytes (floor)", "libyaml read + parse"
    batch = {"scorecard score (validate+score+JSON)": [], "check-jsonschema (validate only)": [], floor: [],
             with_read: []}
    score = scorecard("score", str(work / "yaml"), "--rubric", str(RUBRIC), "-f", "json", "-o", str(work / "out.json"))
    batch[ONE] = []
    if args.against:
        batch[AGAINST] = []
    for _ in range(args.reps):
        batch["scorecard score (validate+score+JSON)"].append(wall(score))
        batch[ONE].append(wall(score, {**ENV, "SCORECARD_JOBS": "1"}))
        if args.against:
            batch[AGAINST].append(wall(score, engine_env(args.against.resolve())))
        batch["check-jsonschema (validate only)"].append(wall(check_jsonschema(
            "--schemafile", str(schema), *map(str, files))))
        batch[floor].append(in_process(libyaml_parse, datas))
        batch[with_read].append(in_process(libyaml_read_parse, files))
    report(batch, args.n)
    memory(work, files, args.n)


def report(batch: dict, n: int) -> None:
    walls = {k: statistics.median(w for w, _ in v) for k, v in batch.items()}
    cpus = {k: statistics.median(c for _, c in v) for k, v in batch.items()}
    print(f"\nA. {n} files (median of {len(next(iter(batch.values())))} runs; scorecard on {workers(None, n)} "
          f"process(es), {os.cpu_count()} core(s) here)                 wall      CPU")
    for k in walls:
        print(f"   {k:42s} {walls[k]:8.2f} s {cpus[k]:8.2f} s")
    ours, other = "scorecard score (validate+score+JSON)", "check-jsonschema (validate only)"
    floor, read = "libyaml parse of the bytes (floor)", "libyaml read + parse"
    for label, table in (("wall", walls), ("CPU", cpus)):
        print(f"   {label}: speed-up over check-jsonschema {table[other] / table[ours]:6.1f} x (target >= 40 x); "
              f"scorecard / floor {table[ours] / table[floor]:5.2f} (target < 1); "
              f"scorecard / read + parse {table[ours] / table[read]:5.2f}")
        print(f"   {label}: on one process / floor {table[ONE] / table[floor]:5.2f} (the floor's one core)")
        if AGAINST in table:
            print(f"   {label}: the other checkout / floor {table[AGAINST] / table[floor]:5.2f}; this one / the other "
                  f"{table[ours] / table[AGAINST]:5.2f}")


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
