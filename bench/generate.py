"""Generate N valid synthetic submissions from any rubric: YAML files and one long table.

    python bench/generate.py rubrics/ethnic-unity-city.yaml -n 1000 -o /tmp/bench-subs

writes <out>/yaml/<subject>/<period>.yaml for each subject and <out>/long.csv with the columns
subject, period, measure, value (one row per subject and measure).  Values are drawn at random
(seeded) within each measure's method and bounds, so every file validates.
"""
from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from engine import rubric as rubrics
from engine.model import Measure


def value_for(m: Measure, rng: random.Random):
    """A random valid value for a measure."""
    p = m.params
    if m.method in ("check", "veto"):
        return rng.random() < (0.05 if m.method == "veto" else 0.7)
    if m.method == "choice":
        return rng.choice(list(p["options"]))
    if m.method == "rating":
        lo, hi = p["scale"]
        return [rng.randint(int(lo), int(hi)) for _ in range(5)]
    if m.method in ("count", "bonus", "deduction"):
        return rng.randint(0, 10)
    lo = m.min if m.min is not None else 0
    hi = m.max if m.max is not None else max(1.0, _span(m) * 1.5)
    return round(rng.uniform(lo, hi), 2)


def _span(m: Measure) -> float:
    p = m.params
    if m.method == "bands":
        return max(abs(b["at"]) for b in p["bands"])
    return max(abs(p.get("target", 1)), abs(p.get("floor", 0)))


def yaml_text(rubric, subject: str, period: int, values: dict) -> str:
    lines = [f"rubric: {rubric.ref}", f"subject: {{id: {subject}, name: 测试市{subject[1:]}}}", f"period: {period}",
             "values:"]
    for mid, v in values.items():
        lines += [f"  {mid}:", f"    value: {_yaml(v)}", f'    evidence: ["工作总结第{len(lines) % 40 + 1}页"]']
        if len(lines) % 5 == 0:
            lines.append("    note: 牵头单位填报")
    return "\n".join(lines) + "\n"


def _yaml(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "[" + ", ".join(map(str, v)) + "]"
    if isinstance(v, str):
        return '"' + v + '"'
    return str(v)


def generate(rubric_path: str, n: int, out: Path, seed: int = 7, period: int = 2024) -> list[Path]:
    rubric = rubrics.load(rubric_path)
    rng = random.Random(seed)
    files = []
    with open(out / "long.csv", "w", newline="", encoding="utf-8") if out else None as table:
        writer = csv.writer(table)
        writer.writerow(["subject", "period", "measure", "value"])
        for i in range(n):
            subject = f"s{i:05d}"
            values = {m.id: value_for(m, rng) for m in rubric.measures if rng.random() < 0.95}
            path = out / "yaml" / subject / f"{period}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(yaml_text(rubric, subject, period, values), encoding="utf-8")
            files.append(path)
            for mid, v in values.items():
                writer.writerow([subject, period, mid, _cell(v)])
    return files


def _cell(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return " ".join(map(str, v))
    return str(v)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rubric")
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("-o", "--out", type=Path, default=Path("/tmp/scorecard-bench"))
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    files = generate(args.rubric, args.n, args.out, args.seed)
    print(f"wrote {len(files)} submissions under {args.out}/yaml and {args.out}/long.csv")


if __name__ == "__main__":
    main()
