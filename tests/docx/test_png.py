"""The bars' PNG writer: a well-formed image whose pixels are the bar (decoded here with zlib + struct)."""
from __future__ import annotations

import struct
import zlib

from engine.formats.docx import png
from tests.docx.read import png_size


def pixels(blob: bytes) -> list[list[bytes]]:
    """Rows of RGB pixels of a filter-0 truecolour PNG (what png.encode writes)."""
    width, height = png_size(blob)
    at, raw = 8, b""
    while at < len(blob):
        size, kind = struct.unpack(">I4s", blob[at:at + 8])
        raw += blob[at + 8:at + 8 + size] if kind == b"IDAT" else b""
        at += 12 + size
    data = zlib.decompress(raw)
    rows = [data[y * (1 + 3 * width):(y + 1) * (1 + 3 * width)] for y in range(height)]
    assert {r[0] for r in rows} == {0}
    return [[r[1 + 3 * x:4 + 3 * x] for x in range(width)] for r in rows]


def test_a_bar_is_its_share_in_colour_then_the_track():
    rows = pixels(png.bar(0.25, "#c62828", rest=0.25, rest_colour="#9fb3cc", ticks=(0.75,)))
    middle, edge = rows[png.HEIGHT // 2], rows[0]
    quarter = png.WIDTH // 4
    assert middle[:quarter] == [bytes.fromhex("c62828")] * quarter
    assert middle[quarter:2 * quarter] == [bytes.fromhex("9fb3cc")] * quarter
    assert middle[3 * quarter] == bytes.fromhex("6b7280")  # the threshold mark
    assert set(middle[2 * quarter:3 * quarter]) == {bytes.fromhex("edf0f4")}
    assert set(edge) == {b"\xff\xff\xff"}  # a white margin above and below


def test_shares_outside_0_to_1_are_clamped():
    assert set(pixels(png.bar(1.7, "#2e7d32"))[png.HEIGHT // 2]) == {bytes.fromhex("2e7d32")}
    assert set(pixels(png.bar(-1, "#2e7d32", track=False))[png.HEIGHT // 2]) == {b"\xff\xff\xff"}
