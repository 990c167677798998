"""Files in and out (issue 11): the engine writes only regular files it creates, never through a symbolic
link, never onto an input; a report set appears whole or not at all; reads never leave the trees given
nor open FIFOs or devices; write failures are clear messages with exit 2."""
from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from engine import io
from engine.cli import app
from engine.problems import UsageError

TOP = Path(__file__).resolve().parents[1]
RUBRIC = TOP / "tests" / "cases" / "invalid" / "rubric.yaml"
SUB = "rubric: bad-input-demo\nsubject: {{id: {id}, name: X}}\nperiod: 2024\nvalues:\n  D1.M02: 95\n"


def run(*args: str):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def work(tmp_path, monkeypatch):
    """A folder with one valid submission (x.yaml) and a folder of them (in/), as the working folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.yaml").write_text(SUB.format(id="x"), encoding="utf-8")
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "a" / "2024.yaml").write_text(SUB.format(id="a"), encoding="utf-8")
    return tmp_path


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- writing one file -----------------------------------------------------------------------------


def test_fifo_symlink_folder_and_input_are_refused(work):
    os.mkfifo(work / "pipe")
    (work / "secret").write_text("keep", encoding="utf-8")
    (work / "link.json").symlink_to(work / "secret")
    for target, why in [("pipe", "it is a FIFO"), ("link.json", "it is a symbolic link"), (".", "it is a folder"),
                        ("x.yaml", "it is an input of this command")]:
        r = run("score", "x.yaml", "--rubric", RUBRIC, "-f", "json", "-o", target)
        assert r.exit_code == 2 and why in r.stderr, (target, r.stderr)
    assert (work / "secret").read_text(encoding="utf-8") == "keep" and (work / "x.yaml").read_text().startswith("rubric")
    assert entries(work) == ["in", "link.json", "pipe", "secret", "x.yaml"]


def test_a_rubric_and_a_folder_walked_are_inputs_too(work):
    rubric = work / "r.yaml"
    rubric.write_bytes(RUBRIC.read_bytes())
    r = run("score", "x.yaml", "--rubric", rubric, "-f", "json", "-o", rubric)
    assert r.exit_code == 2 and "input of this command" in r.stderr and rubric.read_bytes() == RUBRIC.read_bytes()
    r = run("score", "in", "--rubric", RUBRIC, "-f", "json", "-o", "in/a/2024.yaml")
    assert r.exit_code == 2 and "refusing to write" in r.stderr


def test_devices_are_refused_before_anything_is_written():
    with pytest.raises(UsageError, match="character device.*use -o - for standard output"):
        io.guard(Path("/dev/null"))
    with pytest.raises(UsageError, match="symbolic link"):
        io.guard(Path("/dev/stdout"))


def test_dash_is_standard_output(work):
    r = run("score", "x.yaml", "--rubric", RUBRIC, "-f", "json", "-o", "-")
    assert r.exit_code == 0 and r.stdout.lstrip().startswith("[") or r.stdout.lstrip().startswith("{")
    assert not (work / "-").exists()


def _no_space(fd, data):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("fail, message", [
    ("write", "no space left on the device"), ("link", "the file system is read-only"),
    ("open", "permission denied")])
def test_write_failures_are_messages_and_leave_the_old_file(work, monkeypatch, fail, message):
    (work / "out.json").write_text("old", encoding="utf-8")
    if fail == "write":
        monkeypatch.setattr(io.os, "write", _no_space)
    elif fail == "link":
        monkeypatch.setattr(io.os, "replace", lambda *a, **k: (_ for _ in ()).throw(OSError(errno.EROFS, "ro")))
    else:
        real = os.open

        def denied(path, flags, *a, **k):
            if flags & getattr(os, "O_TMPFILE", 0) == getattr(os, "O_TMPFILE", -1) or flags & os.O_CREAT:
                raise OSError(errno.EACCES, "Permission denied")
            return real(path, flags, *a, **k)

        monkeypatch.setattr(io.os, "open", denied)
    r = run("score", "x.yaml", "--rubric", RUBRIC, "-f", "json", "-o", "out.json")
    assert r.exit_code == 2 and f"cannot write out.json: {message}" in r.stderr, r.stderr
    assert "Traceback" not in r.output
    assert (work / "out.json").read_text(encoding="utf-8") == "old"
    assert entries(work) == ["in", "out.json", "x.yaml"]


def test_a_name_too_long_is_a_message(work):
    r = run("score", "x.yaml", "--rubric", RUBRIC, "-f", "json", "-o", "é" * 200 + ".json")
    assert r.exit_code == 2 and "too long" in r.stderr and "Traceback" not in r.output


KILLED = """
import sys, time
from engine.io import atomic_text
with atomic_text(sys.argv[1]) as f:
    f.write("new" * 100000)
    print("writing", flush=True)
    time.sleep(60)
"""


@pytest.mark.parametrize("existing", [False, True])
def test_no_temporary_file_survives_a_kill(tmp_path, existing):
    target = tmp_path / "out.json"
    if existing:
        target.write_text("old", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", KILLED, str(target)], cwd=TOP, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline() == "writing\n"
    proc.kill()
    proc.wait()
    assert entries(tmp_path) == (["out.json"] if existing else [])
    assert not existing or target.read_text(encoding="utf-8") == "old"


# --- the report set -------------------------------------------------------------------------------


def _report_files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_report_never_writes_through_links_in_the_output_folder(work):
    outside = work / "outside"
    outside.mkdir()
    (work / "README.md").write_text("mine", encoding="utf-8")
    (work / "reports").mkdir()
    (work / "reports" / "a").symlink_to(outside)
    r = run("report", "in", "--rubric", RUBRIC, "-o", "reports")
    assert r.exit_code == 2 and "reports/a: it is a symbolic link, not a folder" in r.stderr
    (work / "reports" / "a").unlink()
    (work / "reports" / "compare.md").symlink_to(work / "README.md")
    r = run("report", "in", "--rubric", RUBRIC, "-o", "reports")
    assert r.exit_code == 2 and "compare.md: it is a symbolic link" in r.stderr
    assert entries(outside) == [] and (work / "README.md").read_text(encoding="utf-8") == "mine"
    assert entries(work / "reports") == ["compare.md"]
    (work / "linked").symlink_to(outside)
    r = run("report", "in", "--rubric", RUBRIC, "-o", "linked")
    assert r.exit_code == 2 and "linked: it is a symbolic link, not a folder" in r.stderr and entries(outside) == []


def test_report_set_is_whole_or_not_at_all(work, monkeypatch):
    (work / "in" / "b").mkdir()
    (work / "in" / "b" / "2024.yaml").write_text(SUB.format(id="b"), encoding="utf-8")
    assert run("report", "in", "--rubric", RUBRIC, "-o", "reports").exit_code == 0
    (work / "reports" / "notes.txt").write_text("not ours", encoding="utf-8")
    before = _report_files(work / "reports")
    calls = []

    def fail_on_fifth(fd, data):
        calls.append(1)
        if len(calls) == 5:
            _no_space(fd, data)
        return os.write(fd, data)

    monkeypatch.setattr(io, "write_all", fail_on_fifth)
    (work / "in" / "b" / "2024.yaml").write_text(SUB.format(id="b").replace("95", "50"), encoding="utf-8")
    r = run("report", "in", "--rubric", RUBRIC, "-o", "reports")
    assert r.exit_code == 2 and "no space left on the device" in r.stderr and "Traceback" not in r.output
    assert _report_files(work / "reports") == before
    assert not [p for p in (work / "reports").iterdir() if p.name.startswith(".")]


def test_report_set_failing_at_the_last_move_puts_the_old_set_back(work, monkeypatch):
    assert run("report", "in", "--rubric", RUBRIC, "-o", "reports").exit_code == 0
    before = _report_files(work / "reports")
    real, moves = os.replace, []

    def fail_late(src, dst, *a, **k):
        moves.append(dst)
        if len(moves) == 9:
            raise OSError(errno.EIO, "Input/output error")
        return real(src, dst, *a, **k)

    from engine import report_write

    monkeypatch.setattr(report_write.os, "replace", fail_late)
    r = run("report", "in", "--rubric", RUBRIC, "-o", "reports")
    assert r.exit_code == 2 and "cannot write reports" in r.stderr
    monkeypatch.setattr(report_write.os, "replace", real)
    assert _report_files(work / "reports") == before


def test_a_failed_first_report_leaves_no_folder(work, monkeypatch):
    monkeypatch.setattr(io, "write_all", _no_space)
    r = run("report", "in", "--rubric", RUBRIC, "-o", "reports")
    assert r.exit_code == 2 and not (work / "reports").exists()
    monkeypatch.undo()
    from engine import report_write

    real = os.replace
    monkeypatch.setattr(report_write.os, "replace", lambda s, d, *a, **k: (
        real(s, d) if not str(d).endswith("index.html") and "compare" not in str(d) else _no_space(0, b"")))
    (work / "in" / "b").mkdir()
    (work / "in" / "b" / "2024.yaml").write_text(SUB.format(id="b"), encoding="utf-8")
    r = run("report", "in", "--rubric", RUBRIC, "-o", "reports")
    assert r.exit_code == 2 and not (work / "reports").exists()  # the subject folders it made went too


def test_report_file_names_from_hostile_ids(work):
    """Ids that name the set's own files, a 90-character Chinese id (270 bytes), and ids that slug the same."""
    import dataclasses

    from engine import pipeline, report_set, report_write

    card = pipeline.run_one(work / "x.yaml", pipeline.RubricFinder(str(RUBRIC))).card
    ids = ("compare.json", "index.html", "民" * 90, "a b", "a_b", "A_B", "a?b")
    cards = [dataclasses.replace(card, submission=dataclasses.replace(card.submission, subject_id=sid)) for sid in ids]
    files = report_set.plan(cards)
    report_write.write_set(work / "reports", [(f.path, f.text.encode(f.encoding)) for f in files])
    out = work / "reports"
    assert (out / "compare.json").is_file() and (out / "index.html").is_file()
    folders = [p.name for p in out.iterdir() if p.is_dir()]
    written = [str(p.relative_to(out)).casefold() for p in out.rglob("*") if p.is_file()]
    assert len(folders) == 7 and len(set(written)) == len(files) == 7 * 8 + 4  # none shares a name, whatever the case
    assert all(len(p.name.encode()) <= 255 for p in out.rglob("*"))
    assert "a_b" in folders and any(f.startswith("民民民") for f in folders)
    assert report_set.part("a b") != report_set.part("a?b") and report_set.part("a b").startswith("a_b-")


# --- reading --------------------------------------------------------------------------------------


def test_a_link_out_of_the_folder_is_skipped_and_named(work):
    secret = work / "secret.yaml"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (work / "in" / "a" / "2023.yaml").symlink_to(secret)
    (work / "in" / "evil").symlink_to(work)
    os.mkfifo(work / "in" / "a" / "pipe.yaml")
    r = run("check", "in", "--rubric", RUBRIC, "-f", "github")
    assert r.exit_code == 0, r.output
    assert "root:x" not in r.output
    assert "in/a/2023.yaml:1:1: warning: not read: a symbolic link that leads outside" in r.stderr
    assert "in/evil:1:1: warning: not read: a symbolic link to a folder outside in" in r.stderr
    assert "in/a/pipe.yaml:1:1: warning: not read: not a regular file (a FIFO (named pipe))" in r.stderr
    r = run("check", "in/a/2023.yaml", "--rubric", RUBRIC)
    assert r.exit_code == 2 and "a symbolic link that leads outside" in r.stderr and "root:x" not in r.output


def test_a_link_inside_the_folder_is_followed(work):
    (work / "in" / "a" / "latest.yaml").symlink_to("2024.yaml")
    r = run("validate", "in/a/latest.yaml", "--rubric", RUBRIC)
    assert r.exit_code == 0, r.output


def test_rubric_lookup_skips_fifos_devices_and_links_out(work):
    (work / "rubrics").mkdir()
    (work / "rubrics" / "demo.yaml").write_bytes(RUBRIC.read_bytes())
    os.mkfifo(work / "rubrics" / "fifo.yaml")
    (work / "rubrics" / "zero.yaml").symlink_to("/dev/zero")
    r = run("check", "in")
    assert r.exit_code == 0, r.output
    assert "rubrics/fifo.yaml:1:1: warning: not read: not a regular file (a FIFO (named pipe))" in r.stderr
    assert "rubrics/zero.yaml:1:1: warning: not read: a symbolic link that leads outside" in r.stderr


def test_reading_refuses_what_is_not_a_regular_file(tmp_path):
    fifo = tmp_path / "f.yaml"
    os.mkfifo(fifo)
    with pytest.raises(io.Refused, match="FIFO"):
        io.read_bytes(fifo)  # would block forever if it were opened for reading
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "l.yaml").symlink_to(tmp_path / "out.yaml")
    (tmp_path / "out.yaml").write_text("x", encoding="utf-8")
    io.allow(tmp_path / "tree")
    with pytest.raises(io.Refused, match="leads outside"):
        io.read_bytes(tmp_path / "tree" / "l.yaml")
    with pytest.raises(OSError):
        io.read_bytes(tmp_path / "tree" / "l.yaml", follow=False)


# --- the rubric cache -----------------------------------------------------------------------------


def test_the_cache_runs_nothing_planted_in_it(tmp_path, monkeypatch):
    import pickle

    from engine import rubric as rubrics
    from engine.rubric import cache

    monkeypatch.setenv("SCORECARD_CACHE_DIR", str(tmp_path / "cache"))
    path = tmp_path / "r.yaml"
    path.write_bytes(RUBRIC.read_bytes())
    first = rubrics.load(path)
    (entry,) = (tmp_path / "cache").iterdir()
    head = entry.read_bytes().split(b"\n", 1)[0]
    marker = tmp_path / "ran"

    class Boom:
        def __reduce__(self):
            return (os.system, (f"touch {marker}",))

    for planted in [pickle.dumps(Boom()), head + b"\n" + pickle.dumps(Boom()),
                    head + b'\n{"$o": "system", "command": "touch ran"}',
                    head + b'\n{"$o": "Rubric", "id": "x"}', b'{"format": 1}\n{}']:
        entry.write_bytes(planted)
        assert cache.get(path) is None
    assert not marker.exists()
    entry.write_bytes(head + b"\n" + cache.encode_text(first).replace(b'"bad-input-demo"', b'"other"'))
    assert cache.get(path) is None  # not the rubric the file names
    assert rubrics.load(path) == first and not marker.exists()


def test_cache_round_trip_is_exact(tmp_path, monkeypatch):
    from engine import rubric as rubrics
    from engine.rubric import cache

    monkeypatch.setenv("SCORECARD_CACHE_DIR", str(tmp_path / "cache"))
    for shipped in sorted((TOP / "rubrics").glob("*.yaml")):
        path = tmp_path / shipped.name
        path.write_bytes(shipped.read_bytes())
        linted = rubrics.load(path)
        hit = cache.get(path)
        assert hit == linted and hit is not linted and hit.measures == linted.measures


def test_a_folder_given_that_links_out_is_refused(work):
    (work / "in" / "etc").symlink_to(work.parent)
    r = run("validate", "in/etc", "--rubric", RUBRIC)
    assert r.exit_code == 2 and "refusing to read in/etc: a symbolic link that leads outside in" in r.stderr
    (work / "rubrics").symlink_to(work.parent)
    r = run("validate", "in")
    assert r.exit_code == 2 and "refusing to read rubrics: a symbolic link that leads outside ." in r.stderr


TERMINATED = """
import os, sys, time
del os.O_TMPFILE  # the fallback: a named temporary file
from engine.io import atomic_text
with atomic_text(sys.argv[1]) as f:
    f.write("new")
    print(sorted(os.listdir(os.path.dirname(sys.argv[1]))), flush=True)
    time.sleep(60)
"""


def test_a_named_temporary_file_is_removed_on_sigterm(tmp_path):
    import signal

    proc = subprocess.Popen([sys.executable, "-c", TERMINATED, str(tmp_path / "out.json")], cwd=TOP,
                            stdout=subprocess.PIPE, text=True)
    assert ".tmp" in proc.stdout.readline()  # it was there while writing
    proc.send_signal(signal.SIGTERM)
    assert proc.wait() == 128 + signal.SIGTERM and entries(tmp_path) == []


def test_where_an_unnamed_file_cannot_be_linked_its_content_is_copied(work, monkeypatch):
    def no_linkat(*a, **k):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(io.os, "link", no_linkat)
    r = run("score", "x.yaml", "--rubric", RUBRIC, "-f", "json", "-o", "out.json")
    assert r.exit_code == 0, r.output
    assert '"total": 20' in (work / "out.json").read_text(encoding="utf-8")
    assert entries(work) == ["in", "out.json", "x.yaml"]


def test_a_long_table_is_read_only_inside_its_folder_and_never_written(work):
    table = work / "long.csv"
    table.write_text("subject,period,measure,value\na,2024,D1.M02,95\nb,2024,D1.M02,90\n", encoding="utf-8")
    (work / "in" / "long.csv").symlink_to(table)
    r = run("score", "in/long.csv", "--rubric", RUBRIC, "-f", "json")
    # refused as any file given by name is (one pipeline for every input, issue 12): a usage error
    assert r.exit_code == 2 and "refusing to read in/long.csv: a symbolic link that leads outside" in r.stderr
    r = run("score", "long.csv", "--rubric", RUBRIC, "-f", "csv", "-o", "long.csv")
    assert r.exit_code == 2 and "it is an input of this command" in r.stderr


def test_an_input_of_one_command_is_not_one_of_the_next(work):
    """The inputs a command notes are its own: in one process (a test's, an editor's) the next command may write
    a file the last one read, and a deleted input's inode number reused by a new file is never taken for an
    input (a report once refused its own CSV so in CI)."""
    (work / "copy.yaml").write_text(SUB.format(id="c"), encoding="utf-8")
    assert run("validate", "copy.yaml", "--rubric", str(RUBRIC)).exit_code == 0
    r = run("score", "x.yaml", "--rubric", str(RUBRIC), "-f", "json", "-o", "copy.yaml")
    assert r.exit_code == 0, r.output
    assert json.loads((work / "copy.yaml").read_text(encoding="utf-8"))
    again = run("score", "copy.yaml", "--rubric", str(RUBRIC), "-f", "json", "-o", "copy.yaml")
    assert again.exit_code == 2 and "it is an input of this command" in again.stderr  # within one command: still
