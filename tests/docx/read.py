"""Reading the written Word documents back with python-docx (the tests' side, independent of the writer)."""
from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.table import Table

STEM = "2024.ethnic-unity-city"


def load(out: Path, sid: str):
    return docx.Document(out / sid / f"{STEM}.gaps.docx")


def gaps_json(out: Path, sid: str) -> dict:
    return json.loads((out / sid / f"{STEM}.gaps.json").read_text(encoding="utf-8"))


def sections(doc) -> list[tuple[str, str, list]]:
    """(style, heading text, the tables and paragraphs up to the next heading), in document order."""
    out = [("", "", [])]
    for block in doc.iter_inner_content():
        name = "" if isinstance(block, Table) else block.style.name
        if name == "Title" or name.startswith("Heading"):
            out.append((name, block.text, []))
        else:
            out[-1][2].append(block)
    return out


def tables_under(doc, heading: str) -> list[list[list[str]]]:
    """The cell texts of every table right below the heading."""
    found = [blocks for _, text, blocks in sections(doc) if text == heading]
    assert len(found) == 1, f"{heading!r} is not exactly one heading"
    return [[[c.text for c in row.cells] for row in b.rows] for b in found[0] if isinstance(b, Table)]


def east_asian(rpr) -> str | None:
    fonts = None if rpr is None else rpr.find(qn("w:rFonts"))
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def png_size(blob: bytes) -> tuple[int, int]:
    """Width and height of a well-formed truecolour PNG: signature, IHDR first, every chunk's CRC right,
    IEND last, and the pixel data exactly as long as the header says; AssertionError otherwise."""
    assert blob[:8] == b"\x89PNG\r\n\x1a\n"
    at, chunks = 8, []
    while at < len(blob):
        size, kind = struct.unpack(">I4s", blob[at:at + 8])
        data = blob[at + 8:at + 8 + size]
        assert struct.unpack(">I", blob[at + 8 + size:at + 12 + size])[0] == zlib.crc32(kind + data)
        chunks.append((kind, data))
        at += 12 + size
    assert chunks[0][0] == b"IHDR" and len(chunks[0][1]) == 13 and chunks[-1] == (b"IEND", b"")
    width, height, depth, colour = struct.unpack(">IIBB", chunks[0][1][:10])
    assert (depth, colour) == (8, 2)
    pixels = zlib.decompress(b"".join(d for k, d in chunks if k == b"IDAT"))
    assert len(pixels) == height * (1 + 3 * width)
    return width, height
