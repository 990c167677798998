"""The odd cells a long table's checks read ('约120', '3.6万', '85%', '1,234', full-width digits, option keys)
are handed to engine.vector.cards (seed), which then does not read them again: what it is handed is what its
own reading of each cell gives."""
from __future__ import annotations

from pathlib import Path

from engine import rubric as rubrics
from engine.readers.long.read import read_long
from engine.readers.long.validate import validate_owned
from engine.vector import cards
from tests.test_report_scale import RUBRIC, _table


def test_the_checks_readings_are_the_cards_own(tmp_path):
    rubric = rubrics.load(RUBRIC)
    path = _table(tmp_path / "long.csv", 40)
    v, problems, _ = validate_owned(read_long(path), rubric, str(path))
    memo = cards._memo(v)
    assert len(memo) > 100  # the table is 30% odd cells
    by_id = rubric.by_id
    row_of = {}
    for row, cell in enumerate(v.cells["value"].tolist()):
        row_of.setdefault(cell, row)
    for (mid, kind, cell), seeded in list(memo.items()):
        assert kind is str
        own = cards._read(v, by_id[mid], row_of[cell], cell, (), "", None)
        assert own == seeded, (mid, cell)
    assert any(notes for _, _, notes, _ in memo.values())
    assert any(approximate for *_, approximate in memo.values())


def test_a_card_made_with_the_seed_is_the_card_made_without(tmp_path, monkeypatch):
    rubric = rubrics.load(RUBRIC)
    path = _table(tmp_path / "long.csv", 12)
    from engine.vector.score import score_long

    v, _, _ = validate_owned(read_long(path), rubric, str(path))
    batch = score_long(v, rubric)
    seeded = [cards.card(batch, rubric, i) for i in range(len(batch))]
    monkeypatch.setattr(cards, "seed", lambda v, readings: None)
    v2, _, _ = validate_owned(read_long(path), rubric, str(path))
    batch2 = score_long(v2, rubric)
    assert [cards.card(batch2, rubric, i) for i in range(len(batch2))] == seeded
