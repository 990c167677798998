"""The long-table sniff reads a bounded start of the file, decoded as the readers decode it."""
from __future__ import annotations

from engine import readers
from engine.readers import long_table
from engine.readers.long_table import LongTable, is_long_table

HEAD = "subject,period,指标,数值\n"


def test_a_gb18030_long_table_is_one(tmp_path):
    path = tmp_path / "long.csv"
    path.write_bytes((HEAD + "金昌,2024,D1.M01,true\n西宁,2024,D1.M01,false\n").encode("gb18030"))
    assert is_long_table(path)
    (_, table, problems), = readers.read(path)
    assert isinstance(table, LongTable) and problems == []
    assert [(r.subject_id, r.period) for r, _ in table.raws()] == [("金昌", 2024), ("西宁", 2024)]
    assert [p.code for p in table.table_problems()] == ["encoding"]  # said once, for the table


def test_only_the_start_of_a_file_is_read(tmp_path, monkeypatch):
    path = tmp_path / "long.csv"
    rows = HEAD + "jc,2024,D1.M01,true\n" * 50
    path.write_text(rows + "zt,2024,D1.M01,true\n", encoding="utf-8")
    assert is_long_table(path)
    monkeypatch.setattr(long_table, "SNIFF_BYTES", len(rows.encode()))  # the second subject is past the limit
    assert not is_long_table(path)
    assert is_long_table(path, force=True)


def test_a_character_cut_at_the_limit_leaves_the_text_utf8(tmp_path, monkeypatch):
    path = tmp_path / "long.csv"
    start = HEAD + "jc,2024,D1.M01,true\nzt,2024,D1.M01,true\n"
    path.write_text(start + "金昌,2024,D1.M01,true\n", encoding="utf-8")
    monkeypatch.setattr(long_table, "SNIFF_BYTES", len(start.encode()) + 2)  # inside 金
    assert is_long_table(path)


def test_a_file_of_one_endless_line_is_no_long_table(tmp_path, monkeypatch):
    path = tmp_path / "x.csv"
    path.write_text("subject,measure," + "x" * 5000, encoding="utf-8")
    monkeypatch.setattr(long_table, "SNIFF_BYTES", 1000)
    assert not is_long_table(path, force=True)
