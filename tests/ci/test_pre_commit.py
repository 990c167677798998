"""The shipped pre-commit hooks, run for real with `pre-commit try-repo` on a temporary repository."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parents[2]
RUBRIC = TOP / "tests" / "cases" / "invalid" / "rubric.yaml"
GOOD = "rubric: bad-input-demo\nsubject: {id: jc, name: X}\nperiod: 2024\nvalues:\n  D1.M02: 95\n  D1.M03: 90\n"

pytestmark = pytest.mark.skipif(shutil.which("pre-commit") is None, reason="pre-commit is not installed")


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """A clean copy of the project as committed-plus-working-tree files (what try-repo installs)."""
    repo = tmp_path_factory.mktemp("hooks")
    files = subprocess.run(["git", "ls-files"], cwd=TOP, capture_output=True, text=True, check=True).stdout.split()
    for f in files:
        if (TOP / f).is_file():
            (repo / f).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(TOP / f, repo / f)
    git(repo, "init", "-q")
    git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "add", "-A")
    git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "hooks")
    return repo


def head(repo: Path) -> str:
    return subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True,
                          check=True).stdout.strip()


@pytest.fixture
def subs_repo(tmp_path):
    (tmp_path / "rubrics").mkdir()
    shutil.copy(RUBRIC, tmp_path / "rubrics" / "demo.yaml")
    (tmp_path / "submissions" / "jc").mkdir(parents=True)
    (tmp_path / "submissions" / "jc" / "2024.yaml").write_text(GOOD, encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    return tmp_path


def try_repo(hook_repo: Path, cwd: Path, hook: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["pre-commit", "try-repo", str(hook_repo), hook, *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600)


def test_validate_hook_passes_then_fails(hook_repo, subs_repo):
    ok = try_repo(hook_repo, subs_repo, "scorecard-validate", "--all-files")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    (subs_repo / "submissions/jc/2024.yaml").write_text(GOOD.replace("95", "yes"), encoding="utf-8")
    git(subs_repo, "add", "-A")
    bad = try_repo(hook_repo, subs_repo, "scorecard-validate", "--all-files")
    assert bad.returncode == 1
    # in the rubric's language (zh labels: Chinese lines, the FILE:LINE:COL and the id as ever)
    assert "submissions/jc/2024.yaml:5:11: D1.M02: threshold：应为数字，实为 'yes'" in bad.stdout


def test_check_hook_applies_the_bar(hook_repo, subs_repo):
    (subs_repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hook_repo}\n  rev: {head(hook_repo)}\n  hooks:\n  - id: scorecard-check\n"
        "    args: [--min-score, '90']\n", encoding="utf-8")
    r = subprocess.run(["pre-commit", "run", "--all-files"], cwd=subs_repo, capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 1  # 20 of 100 points: below 90
    assert "总分 40 低于要求的 90" in r.stdout
