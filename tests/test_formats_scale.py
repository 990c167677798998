

def rich_only(monkeypatch):
    """Every table printed by rich itself (the general path)."""
    from engine.formats import plain_table

    monkeypatch.setattr(plain_table, "table_lines", lambda console, table: None)


@pytest.mark.parametrize("width", (120, 80, 60, 44))
def test_scorecard_tables_in_a_file_are_richs_text(cards, width, monkeypatch):
    from engine.formats import table

    fast = {lang: table.render(cards, lang, width) for lang in LANGS}
    rich_only(monkeypatch)
    for lang in LANGS:
        assert fast[lang] == table.render(cards, lang, width)


def test_the_plain_tables_are_written_line_by_line(cards):
    """The fast path is the one taken for a plain file console (else the test above compares rich to itself)."""
    import io

    from engine.formats.table import measures_table
    from engine.formats.plain_table import table_lines
    from engine.safe_text import console

    plain = console(io.StringIO(), width=120, no_color=True)
    assert all(table_lines(plain, measures_table(c, "en")) for c in cards)
    colour = console(io.StringIO(), width=120, force_terminal=True)
    assert table_lines(colour, measures_table(cards[0], "en")) is None
