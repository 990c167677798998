"""How long the engine takes to refuse the red team's hostile inputs (the tests assert what is said, not
how fast: timing on a shared machine belongs here).

    python bench/hostile.py              # every input, median of 3 runs
    python bench/hostile.py --reps 1 -k alias

Prints, for each input, the median seconds, the number of problems reported and the first of them;
for the self-referencing alias files also the whole `scorecard validate` run as a subprocess (wall time,
peak memory, lines printed: the attack took 17 s and 289 MB and printed 33,000 lines). It asserts nothing.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOP))
from engine import pipeline, readers  # noqa: E402
from engine.yamlstrict import YamlError, load_text  # noqa: E402
from tests.hostile.test_submission_hostile import IR, _many_unknown  # noqa: E402
from tests.hostile.test_tables_hostile import ROW, head, rebuilt  # noqa: E402
from tests.test_hostile_core import NESTED  # noqa: E402
from tests.test_yamlstrict import CYCLES, _laughs  # noqa: E402

ETHNIC = TOP / "rubrics" / "ethnic-unity-city.yaml"
SELF = {"valid (baseline)": "values:\n  D1.M02: 95\n", "self-list": "values: &a [*a]\n", "self-map": "&a {x: *a}\n", "self-merge": "values:\n  m: &a\n    <<: *a\n",
        "self-fanout": "values: &a [*a, *a, *a, *a, *a, *a, *a, *a]\n"}


def yaml_case(text: str):
    def run() -> list[str]:
        try:
            doc = load_text(text, collect=True)
        except YamlError as e:
            return [f"{e.line}:{e.col}: {e.message}"]
        return [e.message for e in doc.problems]
    return run


def file_case(path: Path, rubric: Path):
    finder = pipeline.RubricFinder(str(rubric))
    return lambda: [str(p) for p in pipeline.run_one(path, finder, scoring=False).problems]


def table_case(path: Path):
    return lambda: [str(p) for p in readers.read_one(path)[1]]


def cases(work: Path) -> dict:
    out = {f"nesting {t[:8]!r}… ({len(t)} chars)": yaml_case(t) for t in NESTED}
    out["billion laughs"] = yaml_case(_laughs())
    out.update({f"cycle {t.strip()!r}": yaml_case(t) for t in CYCLES})
    out["40,000 unknown ids"] = file_case(_many_unknown(work / "many.yaml", 40_000), ETHNIC)
    huge = work / "huge" / "2024.csv"
    huge.parent.mkdir()
    huge.write_text(f"period,measure,value\n{'9' * 5000},D1.M02,{'9' * 5000}\n", encoding="utf-8")
    out["5,000-digit period and cell"] = file_case(huge, IR)
    out["zip bomb (70 MB of rows)"] = table_case(rebuilt(work, "bomb.xlsx", head(ROW * (70 * 2**20 // len(ROW)))))
    out["5M rows declared"] = table_case(rebuilt(work, "rows.xlsx", head(ROW * 10, '<dimension ref="A1:B5000000"/>')))
    out["rows past the limit, no dimension"] = table_case(rebuilt(work, "rows2.xlsx", head(ROW * 20_050)))
    return out


def timed(fn, reps: int) -> tuple[float, list[str]]:
    times, said = [], []
    for _ in range(reps):
        start = time.perf_counter()
        said = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), said


_PEAK = """import atexit, sys
def peak():
    hwm = [x for x in open("/proc/self/status") if x.startswith("VmHWM")]  # this program's own, not its parent's
    print("PEAK_KB", hwm[0].split()[1] if hwm else 0, file=sys.stderr)
atexit.register(peak)
from engine.cli import main
sys.argv = ["scorecard", *sys.argv[1:]]
main()
"""


def cli(work: Path, name: str, text: str) -> str:
    path = work / f"{name}.yaml"
    path.write_text("rubric: bad-input-demo\nsubject: x\nperiod: 2024\n" + text, encoding="utf-8")
    start = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", _PEAK, "validate", str(path), "--rubric", str(IR)],
                       capture_output=True, text=True, cwd=TOP, env={**os.environ, "PYTHONPATH": str(TOP)})
    took = time.perf_counter() - start
    peak = next((int(x.split()[1]) for x in r.stderr.splitlines() if x.startswith("PEAK_KB")), 0)
    lines = [x for x in r.stderr.splitlines() if not x.startswith("PEAK_KB")]
    return f"{took:6.2f} s  {peak / 1024:6.1f} MB  {len(lines)} lines  exit {r.returncode}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reps", type=int, default=3, help="repetitions per input (default 3)")
    ap.add_argument("-k", default="", help="only inputs whose name contains this")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="scorecard-hostile-") as tmp:
        work = Path(tmp)
        print(f"{'input':44s} {'median':>8s}  problems  first problem")
        for name, fn in cases(work).items():
            if args.k in name:
                took, said = timed(fn, args.reps)
                first = said[0] if said else "-"
                print(f"{name[:44]:44s} {took:7.3f}s  {len(said):8d}  {first[:90]}")
        print("\nscorecard validate (a subprocess: start-up included)")
        for name, text in SELF.items():
            if args.k in name or args.k in "alias" or "baseline" in name:
                print(f"   {name:14s} {cli(work, name, text)}")


if __name__ == "__main__":
    main()
