"""The HTML report in a real browser: headless Chromium renders it, runs its script under the CSP, and
paints charts (the screenshot is decoded with zlib + struct, no imaging library)."""
import json
import os
import re
import struct
import subprocess
import zlib
from html import unescape

import pytest

from engine.formats.common import num
from engine.html import card, page
from engine.html.table_js import SCRIPT

CHROMIUM = "/usr/bin/chromium"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic", "--hide-scrollbars")

pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                reason=f"headless Chromium is not installed at {CHROMIUM} "
                                       "(CI installs it: apt-get install chromium fonts-wqy-microhei)")


def chromium(tmp_path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, timeout=60,
                          cwd=tmp_path)


def write(tmp_path, doc: str):
    path = tmp_path / "report.html"
    path.write_text(doc, encoding="utf-8")
    return path.as_uri()


def test_rendered_dom(tmp_path, hostile_card):
    r = chromium(tmp_path, "--dump-dom", write(tmp_path, card.render(hostile_card)))
    dom = r.stdout.decode("utf-8")
    assert r.returncode == 0 and "</html>" in dom, r.stderr.decode(errors="replace")[-2000:]
    assert f'<div class="total">{num(hostile_card.total)}<small> / 100</small></div>' in dom
    assert hostile_card.grade.label.get() in dom and "<svg" in dom and "<rect" in dom
    assert '<html lang="zh-CN" class="js">' in dom  # the script ran: its CSP hash is right
    assert '<span class="f-count note">143 / 143</span>' in dom and '<div class="tools">' in dom
    assert "<script>alert" not in dom and "&lt;script&gt;alert(1)&lt;/script&gt;" in dom


PROBE = r"""
(function () {
  var box = document.querySelector('.mtable'), heads = box.querySelectorAll('thead th'), out = {};
  function visible() {
    var ids = [], rows = box.querySelectorAll('tbody tr');
    for (var i = 0; i < rows.length; i++) {
      if (!rows[i].hasAttribute('hidden')) { ids.push(rows[i].cells[0].textContent); }
    }
    return ids;
  }
  function fire(el, kind) {
    var e = document.createEvent('Event'); e.initEvent(kind, true, true); el.dispatchEvent(e);
  }
  heads[5].click(); out.up = visible().slice(0, 3); out.upSort = heads[5].getAttribute('aria-sort');
  heads[5].click(); out.down = visible().slice(0, 3);
  heads[0].click();
  var text = box.querySelector('.f-text'); text.value = 'D6.I21'; fire(text, 'input'); out.text = visible();
  text.value = ''; fire(text, 'input');
  var status = box.querySelector('.f-status'); status.value = 'triggered'; fire(status, 'change');
  out.status = visible(); out.count = box.querySelector('.f-count').textContent;
  document.body.setAttribute('data-probe', JSON.stringify(out));
})();"""


def test_script_sorts_and_filters(tmp_path, hostile_card):
    """Click a header twice, type in the filter box, pick a status: the rows follow (probe script appended)."""
    doc = card.render(hostile_card).replace(f"<script>{SCRIPT}</script>", f"<script>{SCRIPT + PROBE}</script>")
    doc = doc.replace(page.digest(SCRIPT).strip("'"), page.digest(SCRIPT + PROBE).strip("'"))
    r = chromium(tmp_path, "--dump-dom", write(tmp_path, doc))
    found = re.search(r'data-probe="([^"]*)"', r.stdout.decode("utf-8"))
    assert found, r.stderr.decode(errors="replace")[-2000:]
    probe = json.loads(unescape(found.group(1)))
    scores = {m.id: m.score for m in hostile_card.measures}
    assert probe["upSort"] == "ascending"
    assert [scores[i] for i in probe["down"]] == sorted(scores.values(), reverse=True)[:3]
    assert [scores[i] for i in probe["up"]] == sorted(scores.values())[:3]
    assert probe["text"] == [m.id for m in hostile_card.measures if m.id.startswith("D6.I21")]
    fired = [m.id for m in hostile_card.measures if m.status == "triggered"]
    assert probe["status"] == fired and probe["count"] == f"{len(fired)} / {len(hostile_card.measures)}"


def pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the unfiltered rows of an 8-bit RGB or RGBA PNG."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks = 8, {}
    while pos < len(png):
        size, kind = struct.unpack(">I4s", png[pos:pos + 8])
        chunks.setdefault(kind, []).append(png[pos + 8:pos + 8 + size])
        pos += 12 + size
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][0][:10])
    assert depth == 8 and colour in (2, 6)
    bpp, raw = 3 if colour == 2 else 4, zlib.decompress(b"".join(chunks[b"IDAT"]))
    stride, rows, prev = width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        unfilter(kind, line, prev, bpp)
        rows.append(bytes(line))
        prev = line
    return width, bpp, rows


def unfilter(kind: int, line: bytearray, prev: bytearray, bpp: int) -> None:
    if kind == 2:
        line[:] = bytes((a + b) & 255 for a, b in zip(line, prev))
        return
    for i in range(len(line)):
        left = line[i - bpp] if i >= bpp else 0
        if kind == 1:
            line[i] = (line[i] + left) & 255
        elif kind == 3:
            line[i] = (line[i] + (left + prev[i]) // 2) & 255
        elif kind == 4:
            up, corner = prev[i], prev[i - bpp] if i >= bpp else 0
            p = left + up - corner
            pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
            line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255


def test_screenshot_is_not_blank(tmp_path, full_card):
    shot = tmp_path / "shot.png"
    r = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", write(tmp_path, card.render(full_card)))
    assert r.returncode == 0 and shot.exists(), r.stderr.decode(errors="replace")[-2000:]
    width, bpp, rows = pixels(shot.read_bytes())
    assert (width, len(rows)) == (1280, 2000)
    colours = {row[i:i + 3] for row in rows[::2] for i in range(0, len(row), bpp * 2)}
    assert len(colours) > 200, len(colours)
    assert colours != {b"\xff\xff\xff"}
    near = lambda rgb: any(all(abs(c - t) < 24 for c, t in zip(px, rgb)) for px in colours)  # noqa: E731
    assert near((0x1E, 0x3A, 0x5F)) and near((0xC6, 0x28, 0x28))  # the navy total and the red grade badge
