"""The bars of the Word report's charts as PNG images, written with zlib and struct (no imaging library).

A bar is a strip: the value in its colour, an optional second segment (a co-owner's share) in a lighter
one, the rest of the track in pale grey, and thin marks at the thresholds (the rubric's colour bands).
Every pixel row of a strip is the same, so an image is one row repeated: a few hundred bytes each.
"""
from __future__ import annotations

import struct
import zlib

WIDTH, HEIGHT = 480, 18
"""Pixels of one bar (printed 8 cm by 0.3 cm: sharp at 150 dpi)."""
WHITE, TRACK, TICK = "#ffffff", "#edf0f4", "#6b7280"


def rgb(colour: str) -> bytes:
    """'#1e3a5f' as three bytes."""
    return bytes.fromhex(colour.lstrip("#"))


def encode(width: int, rows: list[bytes]) -> bytes:
    """A truecolour PNG (8 bits per channel, no alpha) of rows of width*3 bytes each."""
    raw = b"".join(b"\x00" + r for r in rows)  # filter type 0 (None) on every row
    header = struct.pack(">IIBBBBB", width, len(rows), 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def bar(share: float, colour: str, rest: float = 0.0, rest_colour: str = "#9fb3cc",
        ticks: tuple[float, ...] = (), track: bool = True) -> bytes:
    """One bar: ``share`` and ``rest`` are fractions of the full width (clamped to [0, 1] together);
    ``ticks`` the fractions where a threshold mark is drawn."""
    first = _px(share)
    second = _px(share + rest) - first
    row = bytearray(rgb(colour) * first + rgb(rest_colour) * second
                    + rgb(TRACK if track else WHITE) * (WIDTH - first - second))
    for t in ticks:
        at = min(_px(t), WIDTH - 1) * 3
        row[at:at + 3] = rgb(TICK)
    blank = rgb(WHITE) * WIDTH
    pad = HEIGHT // 6
    return encode(WIDTH, [blank] * pad + [bytes(row)] * (HEIGHT - 2 * pad) + [blank] * pad)


def _px(share: float) -> int:
    return round(max(0.0, min(1.0, share)) * WIDTH)
