"""Print how the installed distributions differ from the lock (for CI's non-gating drift step).

    python .ci/drift.py .ci/constraints.txt
"""
from __future__ import annotations

import re
import sys
from importlib import metadata


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(path: str) -> dict[str, str]:
    """name -> version of each pin that applies to this Python (markers evaluated by packaging if present)."""
    pins: dict[str, str] = {}
    for line in open(path, encoding="utf-8"):
        line = line.split("#", 1)[0].strip()
        m = re.match(r"([A-Za-z0-9_.-]+)==([^\s;]+)\s*(?:;\s*(.*))?$", line)
        if m and _applies(m.group(3)):
            pins[norm(m.group(1))] = m.group(2)
    return pins


def _applies(marker: str | None) -> bool:
    if not marker:
        return True
    try:
        from packaging.markers import Marker
    except ImportError:
        return True
    return Marker(marker).evaluate()


def main(path: str) -> int:
    pins = locked(path)
    installed = {norm(d.metadata["Name"]): d.version for d in metadata.distributions() if d.metadata["Name"]}
    drifted = [(n, v, installed[n]) for n, v in sorted(pins.items()) if n in installed and installed[n] != v]
    new = sorted(set(installed) - set(pins) - {"pip", "setuptools", "scorecard-engine"})
    for n, old, now in drifted:
        print(f"  drifted: {n} {old} -> {now}")
    for n in new:
        print(f"  not in the lock: {n} {installed[n]}")
    if not drifted and not new:
        print("  no drift: the newest allowed versions are the locked ones")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
