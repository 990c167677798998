"""A longer fuzz run over the readers and renderers than tests/fuzz can afford in CI.

    python bench/fuzz.py --seconds 30                 # every target, 30 s each (a few minutes in all)
    python bench/fuzz.py -n 2000 --targets number     # a fixed number of inputs for one target
    python bench/fuzz.py --matrix                     # each hostile fragment alone in each place of a scenario

Inputs come from a seeded random generator (--seed; the same seed tries the same inputs), built from the
same hostile fragments, tokens and targets as tests/fuzz. Per target it prints the inputs tried, the
crashes (an exception other than an invariant's AssertionError) and the invariant violations, each kind once
with its shortest input, and the slowest input with its time. It asserts nothing and exits 0.
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOP))
os.environ.setdefault("SCORECARD_CACHE_DIR", tempfile.mkdtemp(prefix="fuzz-cache-"))

from tests.fuzz import renders, scenario, targets  # noqa: E402
from tests.fuzz.hostile import CELL_FORMATS, FRAGMENTS, HEADS, NUMBERISH, ODD_SPACES, SPACES, UNITS  # noqa: E402
from tests.fuzz.yamlgen import KEYS, TOKENS  # noqa: E402

BOMBS = ("&a [*a, *a]", "&a {b: *a, c: *a}")
"""Self-referencing aliases (fuzz-findings F1): tried now and then, they are the slowest inputs known."""


# --- generators ------------------------------------------------------------------------------


def hostile(rng: random.Random, pieces: int = 4) -> str:
    out = []
    for _ in range(rng.randint(1, pieces)):
        if rng.random() < 0.6:
            out.append(rng.choice(FRAGMENTS))
        else:
            out.append("".join(chr(rng.choice((rng.randint(0x20, 0x7e), rng.randint(0, 0xd7ff))))
                               for _ in range(rng.randint(0, 6))))
    return "".join(out)


def mutate(rng: random.Random, data: bytes, corpus: list[bytes]) -> bytes:
    raw = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        op, pos = rng.random(), rng.randint(0, len(raw))
        if op < 0.3 and raw:
            raw[min(pos, len(raw) - 1)] = rng.randint(0, 255)
        elif op < 0.5:
            raw[pos:pos] = rng.choice(FRAGMENTS + TOKENS).encode("utf-8")
        elif op < 0.65:
            del raw[pos:pos + rng.randint(1, 16)]
        elif op < 0.8 and raw:
            start = rng.randint(0, len(raw) - 1)
            raw[pos:pos] = raw[start:start + rng.randint(1, 64)]
        else:
            other = rng.choice(corpus)
            raw[pos:] = other[rng.randint(0, len(other)):]
    return bytes(raw)


def yaml_doc(rng: random.Random) -> bytes:
    def value() -> str:
        r = rng.random()
        if r < 0.01:
            return rng.choice(BOMBS)
        if r < 0.5:
            return rng.choice(TOKENS)
        if r < 0.8:
            return targets_json(hostile(rng))
        return str(rng.randint(-10 ** 20, 10 ** 20))

    lines = ["rubric: demo", f"subject: {value()}", f"period: {value()}", "values:"]
    for _ in range(rng.randint(0, 12)):
        key = rng.choice(KEYS) if rng.random() < 0.6 else targets_json(hostile(rng))
        lines.append(f"  {key}: {value()}" if rng.random() < 0.9 else hostile(rng))
    if rng.random() < 0.1:
        n, opener = rng.randint(1, 300), rng.choice(("[", "- ", "{a: "))
        lines.append("  D1.M02: " + opener * n + "1" + {"[": "]", "- ": "", "{a: ": "}"}[opener] * n)
    enc = rng.choice(("utf-8",) * 4 + ("utf-8-sig", "utf-16", "gb18030", "latin-1"))
    return ("\n".join(lines) + "\n").encode(enc, errors="replace")


def targets_json(text: str) -> str:
    import json

    return json.dumps(text)


def csv_doc(rng: random.Random) -> bytes:
    import csv
    import io

    def cell() -> str:
        r = rng.random()
        return rng.choice(KEYS) if r < 0.3 else rng.choice(TOKENS) if r < 0.5 else \
            "9" * rng.randint(4290, 4400) if r < 0.52 else hostile(rng)

    buf = io.StringIO()
    w = csv.writer(buf, delimiter=rng.choice(",;\t"))
    w.writerow([rng.choice(HEADS) for _ in range(rng.randint(1, 6))])
    for _ in range(rng.randint(0, 8)):
        w.writerow([cell() for _ in range(rng.randint(0, 6))])
    return buf.getvalue().encode(rng.choice(("utf-8", "utf-8-sig", "gb18030", "utf-16")), errors="replace")


def xlsx_rows(rng: random.Random) -> list[list[tuple]]:
    import datetime as dt

    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def value():
        r = rng.random()
        if r < 0.25:
            return ILLEGAL_CHARACTERS_RE.sub("?", hostile(rng))
        if r < 0.45:
            return rng.choice(KEYS)
        if r < 0.6:
            return rng.uniform(-1e6, 1e6) if rng.random() < 0.5 else rng.randint(-10 ** 15, 10 ** 15)
        if r < 0.7:
            return rng.choice(("=1+1", "=A1", "#N/A", True, False, None))
        if r < 0.8:
            return dt.datetime(1900, 3, 1) + dt.timedelta(seconds=rng.randint(0, 4 * 10 ** 9))
        if r < 0.85:
            return "x" * rng.randint(1000, 32000)
        return rng.choice(TOKENS)

    head = [(rng.choice(HEADS), None) for _ in range(rng.randint(1, 5))]
    return [head] + [[(value(), rng.choice(CELL_FORMATS)) for _ in range(rng.randint(0, 5))]
                     for _ in range(rng.randint(0, 6))]


def number_text(rng: random.Random) -> tuple[str, str]:
    alphabet = NUMBERISH + SPACES + ODD_SPACES + FRAGMENTS[:10]
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8))), rng.choice(UNITS)


# --- the run ---------------------------------------------------------------------------------


@dataclass
class Tally:
    tried: int = 0
    slowest: tuple[float, str] = (0.0, "")
    kinds: dict = field(default_factory=dict)
    """(crash|invariant, kind) -> [count, shortest repro]."""

    def record(self, label: str, kind: str, repro: str) -> None:
        entry = self.kinds.setdefault((label, kind), [0, repro])
        entry[0] += 1
        if len(repro) < len(entry[1]):
            entry[1] = repro


def _kind(e: BaseException) -> tuple[str, str]:
    if isinstance(e, AssertionError):
        kind = re.split(r" in output| from the input|: ", str(e), maxsplit=1)[0]
        return "invariant", re.sub(r"^\d+ |['\"].*| U\+[0-9A-F]{4}", "", kind)[:90]
    frame = traceback.extract_tb(e.__traceback__)[-1]
    where = frame.filename.replace(str(TOP) + "/", "").split("site-packages/")[-1]
    return "crash", f"{type(e).__name__} at {where}:{frame.lineno}"


def _show(x) -> str:
    text = ascii(x)
    return text if len(text) <= 300 else text[:240] + f"… ({len(text)} chars)"


def fuzz(name: str, make, check, budget: float, limit: int, tally: Tally) -> None:
    deadline = time.perf_counter() + budget
    while (not limit or tally.tried < limit) and (limit or time.perf_counter() < deadline):
        x = make()
        start = time.perf_counter()
        try:
            check(x)
        except Several as e:
            for label, kind in e.failures:
                tally.record(label, kind, _show(x))
        except Exception as e:  # noqa: BLE001 - counting every failure is the point
            label, kind = _kind(e)
            tally.record(label, kind, _show(x))
        spent = time.perf_counter() - start
        tally.tried += 1
        if spent > tally.slowest[0]:
            tally.slowest = (spent, _show(x))


class Several(Exception):
    """One input broke several outputs: each (label, kind) is counted on its own."""

    def __init__(self, failures: list[tuple[str, str]]):
        super().__init__(f"{len(failures)} outputs")
        self.failures = failures


def _renderers(ws_root: Path):
    counter = iter(range(10 ** 9))

    def check(texts: dict) -> None:
        run = scenario.run(ws_root / str(next(counter)), texts)
        failures = []
        for name, chk in renders.CHECKS.items():
            try:
                chk(run, None)
            except Exception as e:  # noqa: BLE001
                label, kind = _kind(e)
                failures.append((label, f"{name}: {kind}"))
        if failures:
            raise Several(failures)
    return check


def build_targets(rng: random.Random, ws: targets.Workspace, root: Path) -> dict:
    corpus = [p.read_bytes() for p in sorted((TOP / "submissions").rglob("*.yaml"))]
    corpus += [p.read_bytes() for p in sorted((TOP / "tests" / "cases").glob("*/submission.yaml"))]
    base_xlsx = targets.write_xlsx(root / "base.xlsx", [[("measure", None), ("value", None)],
                                                        [("D1.M02", None), (0.85, "0%")]]).read_bytes()
    return {
        "yaml-bytes": (lambda: mutate(rng, rng.choice(corpus), corpus), targets.yaml_text),
        "yaml-structured": (lambda: yaml_doc(rng), lambda raw: targets.yaml_submission(ws, raw)),
        "csv": (lambda: csv_doc(rng), lambda raw: targets.csv_submission(ws, raw)),
        "xlsx": (lambda: xlsx_rows(rng), lambda rows: targets.xlsx_submission(ws, rows)),
        "xlsx-bytes": (lambda: mutate(rng, base_xlsx, [base_xlsx]), lambda raw: targets.xlsx_bytes(ws, raw)),
        "number": (lambda: number_text(rng), lambda tu: targets.number_agrees(*tu)),
        "renderers": (lambda: {r: hostile(rng) for r in scenario.ROLES}, _renderers(root / "scenarios")),
    }


def report(name: str, tally: Tally, spent: float) -> None:
    crashes = sum(n for (label, _), (n, _) in tally.kinds.items() if label == "crash")
    broken = sum(n for (label, _), (n, _) in tally.kinds.items() if label == "invariant")
    print(f"\n== {name}: {tally.tried} inputs in {spent:.0f} s, {crashes} crashes, {broken} invariant violations")
    for (label, kind), (n, repro) in sorted(tally.kinds.items(), key=lambda kv: -kv[1][0]):
        print(f"  {label} x{n}: {kind}\n      shortest: {repro}")
    print(f"  slowest: {tally.slowest[0]:.3f} s for {tally.slowest[1]}")


def matrix(root: Path) -> None:
    """Each fragment alone, in each place of a scenario: which output lets which place's text through."""
    found: dict = {}
    for i, frag in enumerate(FRAGMENTS):
        for role in scenario.ROLES:
            texts = {r: "ab" for r in scenario.ROLES} | {role: "q" + frag + "z"}
            run = scenario.run(root / f"{i}-{role}", texts)
            for name, chk in renders.CHECKS.items():
                try:
                    chk(run, None)
                except Exception as e:  # noqa: BLE001
                    label, kind = _kind(e)
                    found.setdefault((name, kind), (set(), set()))
                    found[(name, kind)][0].add(role)
                    found[(name, kind)][1].add(frag)
    for (name, kind), (roles, frags) in sorted(found.items()):
        print(f"{name:18} {kind[:60]:60} places: {','.join(sorted(roles))}  inputs: {ascii(sorted(frags))[:200]}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=0, help="inputs per target (default: as many as --seconds allow)")
    ap.add_argument("--seconds", type=float, default=30.0, help="time per target (default 30)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--targets", nargs="*", help="some of: yaml-bytes yaml-structured csv xlsx xlsx-bytes number "
                    "renderers (default: all)")
    ap.add_argument("--matrix", action="store_true", help="each fragment in each place, once (about 5 CPU-minutes)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        root = Path(tmp)
        if args.matrix:
            matrix(root / "matrix")
            return 0
        ws = targets.Workspace(root / "ws")
        rng = random.Random(args.seed)
        chosen = build_targets(rng, ws, root)
        for name in args.targets or chosen:
            make, check = chosen[name]
            tally, start = Tally(), time.perf_counter()
            fuzz(name, make, check, args.seconds, args.n, tally)
            report(name, tally, time.perf_counter() - start)
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
