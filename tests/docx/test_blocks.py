"""The Word report's building blocks on their own: hostile text in a table cell and a paragraph comes
back literally after a save and a reload, and every character XML 1.0 forbids is gone from the file."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn

from engine.formats.docx import blocks, style
from engine.formats.docx.text import FORBIDDEN, clean
from tests.docx.conftest import HOSTILE, SHOWN


def reload(doc):
    out = io.BytesIO()
    doc.save(out)
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    return docx.Document(io.BytesIO(out.getvalue())), xml


@pytest.mark.parametrize("raw, shown", [("a\x00b", "a\\x00b"), ("tab\there", "tab\\there"), ("x\ufffey\uffff", "xy"),
                                        ("\ud800", "\\ud800"), ("\x85\u2028", "\\x85\\u2028"), ("**粗** <b>", "**粗** <b>")])
def test_clean_shows_controls_and_drops_what_has_no_escape(raw, shown):
    assert clean(raw) == shown and not FORBIDDEN.search(clean(raw))


def test_hostile_text_in_a_table_and_a_paragraph_reads_back_literally():
    doc = style.new_document("zh")
    blocks.para(doc, HOSTILE, (" 粗", True))
    blocks.table(doc, ["名称", "分"], [[HOSTILE, ("2.5", True)], ["", " x "]], [12.0, 5.0], frozenset({1}))
    back, xml = reload(doc)
    assert back.paragraphs[0].text == SHOWN + " 粗" and back.paragraphs[0].runs[1].bold
    rows = [[c.text for c in r.cells] for r in back.tables[0].rows]
    assert rows == [["名称", "分"], [SHOWN, "2.5"], ["", " x "]]
    header = back.tables[0].rows[0]._tr
    assert header.trPr.find(qn("w:tblHeader")) is not None and all(r.bold for r in back.tables[0].rows[0].cells[0]
                                                                  .paragraphs[0].runs)
    assert back.tables[0].rows[1].cells[1].paragraphs[0].alignment == 2  # right-aligned number
    assert [c.width.cm for c in back.tables[0].rows[1].cells] == pytest.approx([12.0, 5.0], abs=0.01)
    assert not FORBIDDEN.search(xml) and "\x1b" not in xml
