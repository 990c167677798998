"""The lock of tested versions: README and .ci/run install from it, and it pins every dependency."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
LOCK = TOP / ".ci" / "constraints.txt"


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9_.-]+", requirement).group()).lower()


def _pins() -> dict[str, list[str]]:
    pins: dict[str, list[str]] = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, rest = line.partition("==")
            assert rest, f"not an exact pin: {line!r}"
            pins.setdefault(_name(name), []).append(rest.split(";")[0].strip())
    return pins


def test_every_direct_dependency_is_pinned_exactly():
    project = tomllib.loads((TOP / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    wanted = project["dependencies"] + extras["test"]
    for own in [r for r in extras["test"] if _name(r) == _name(project["name"])]:  # test = [..., "scorecard-engine[parquet]"]
        wanted = [r for r in wanted if r != own] + [d for x in re.findall(r"\[(.*)\]", own)[0].split(",")
                                                    for d in extras[x.strip()]]
    pins = _pins()
    missing = sorted({_name(r) for r in wanted} - set(pins))
    assert missing == []
    assert pins["pyyaml"] and pins["typer"] and pins["rich"]


def test_readme_and_ci_install_from_the_lock():
    readme = (TOP / "README.md").read_text(encoding="utf-8")
    ci = (TOP / ".ci" / "run").read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    test_cmd = next(b for b in blocks if b.rstrip().endswith("pytest"))
    main_cmd = next(b for b in blocks if "scorecard report" in b)
    assert "-c .ci/constraints.txt" in test_cmd and "-c .ci/constraints.txt" in main_cmd
    gate = ci.split("== gate", 1)[1]
    flat = re.sub(r"\s*\\\n\s*", " ", gate)
    assert test_cmd.strip() in flat, "the gate of .ci/run must run the README's test command"
