"""The HTML document shell: escaping, the stylesheet (screen and A4 print) and a strict Content-Security-Policy.

A report is one self-contained file: the only script and the only stylesheet are inline and allowed by
their sha256 hashes; everything else (network, fonts, frames, forms) is refused by ``default-src 'none'``.
"""
from __future__ import annotations

import base64
import hashlib
import html
import re
from functools import lru_cache

from .table_js import SCRIPT

FONTS = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif'
NAVY = "#1e3a5f"

CSS = """*{box-sizing:border-box}
body{margin:0;background:#eef1f5;color:#1f2937;font:14px/1.6 %(fonts)s;font-variant-numeric:tabular-nums}
.page{max-width:1120px;margin:24px auto;background:#fff;padding:28px 40px 36px;border:1px solid #dde2e8;
border-radius:6px}
a{color:%(navy)s}
.crumb{font-size:12px;margin:-8px 0 12px}
header.top{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:3px solid %(navy)s;
padding-bottom:14px;margin-bottom:18px}
h1{font-size:26px;margin:0 0 2px;color:#111827;letter-spacing:.02em}
.sub{color:#4b5563;font-size:14px;margin:0}
.score{text-align:right;white-space:nowrap;padding-left:24px}
.total{font-size:46px;font-weight:700;line-height:1;color:%(navy)s}
.total small{font-size:18px;color:#6b7280;font-weight:400}
.badge{display:inline-block;padding:2px 12px;border-radius:14px;color:#fff;font-weight:700;white-space:nowrap}
.score .badge{font-size:16px;margin-top:8px}
.b-green{background:#2e7d32}.b-teal{background:#00796b}.b-amber{background:#b26a00}.b-red{background:#c62828}
ul.stats{display:flex;flex-wrap:wrap;margin:0 0 18px;padding:0;list-style:none}
.stats li{border:1px solid #e5e7eb;border-radius:6px;padding:6px 14px;margin:0 10px 8px 0;min-width:112px}
.stats b{display:block;font-size:19px;color:#111827}
.stats span{color:#6b7280;font-size:12px}
.veto{background:#b71c1c;color:#fff;padding:12px 16px;border-radius:6px;margin:0 0 18px;font-size:15px}
.veto b{font-size:17px;margin-right:8px}
.next{background:#f3f6fa;border-left:4px solid %(navy)s;padding:8px 14px;margin:0 0 8px}
h2{font-size:18px;color:#111827;border-left:4px solid %(navy)s;padding-left:10px;margin:30px 0 10px}
figure{margin:0 0 14px;break-inside:avoid;page-break-inside:avoid}
figcaption,.note{color:#6b7280;font-size:12px}
svg{max-width:100%%;height:auto;display:block;overflow:visible}
.legend{font-size:12px;color:#4b5563;margin:2px 0 6px}
.legend i{display:inline-block;width:10px;height:10px;margin:0 4px 0 12px;border-radius:2px}
.legend i:first-child{margin-left:0}
.l-green{background:#2e7d32}.l-yellow{background:#d4a017}.l-orange{background:#ef6c00}.l-red{background:#c62828}
.l-grey{background:#9aa5b1}.l-lead{background:%(navy)s}.l-co{background:#9fb3cc}
table{border-collapse:collapse;width:100%%;font-size:13px}
th,td{border-bottom:1px solid #e5e7eb;padding:5px 7px;text-align:left;vertical-align:top;
overflow-wrap:break-word;word-break:break-word}
thead th{background:#f3f5f8;font-weight:600;white-space:nowrap;border-bottom:2px solid #cfd6df}
td.n,th.n{text-align:right;white-space:nowrap}
td.id{white-space:nowrap;color:#4b5563;font-size:12px}
td.s{color:#6b7280;font-size:12px}
.mtable td:nth-child(2){min-width:15em}.mtable td:nth-child(4){white-space:nowrap}.mtable td:nth-child(5){min-width:5.5em}
.mtable td:nth-child(8){min-width:9em}.mtable td:nth-child(9){min-width:13em}.mtable td:nth-child(10){min-width:8em}
tbody tr:hover{background:#f8fafc}
.st{display:inline-block;padding:0 6px;border-radius:3px;font-size:12px;white-space:nowrap}
.st-full{background:#e6f4ea;color:#1b5e20}.st-partial{background:#fff4d6;color:#7a5300}
.st-zero{background:#fde8e8;color:#a11b1b}.st-missing{background:#eceff3;color:#374151}
.st-excluded{background:#f5f5f5;color:#6b7280}.st-triggered{background:#e3edf9;color:#0d47a1}
.st-not-triggered{background:#f5f5f5;color:#6b7280}
.tools{display:flex;flex-wrap:wrap;align-items:center;margin:0 0 8px}
.tools input,.tools select{font:inherit;padding:4px 8px;border:1px solid #cfd6df;border-radius:4px;margin-right:10px}
.tools input{width:280px}
.js thead th{cursor:pointer}
th[aria-sort=ascending]:after{content:" \\25B2";font-size:10px}
th[aria-sort=descending]:after{content:" \\25BC";font-size:10px}
.reports{columns:2;font-size:13px;padding-left:18px}
table.league{width:auto;min-width:60%%}.league td,.league th{padding:5px 14px}
.grid{display:flex;flex-wrap:wrap}
.grid figure{margin-right:16px}
footer{margin-top:32px;border-top:1px solid #e5e7eb;padding-top:8px;color:#6b7280;font-size:12px}
[hidden]{display:none!important}
@page{size:A4;margin:14mm 12mm}
@media print{
body{background:#fff;font-size:10pt}
.page{margin:0;padding:0;border:0;max-width:none}
.tools,.crumb{display:none!important}
table{font-size:8pt}th,td{padding:2px 4px}td.s,td.id,.st{font-size:7pt}.stats li{min-width:0}
thead{display:table-header-group}
tr,figure,.veto,header.top,ul.stats{break-inside:avoid;page-break-inside:avoid}
h2,h3,.note{break-after:avoid;page-break-after:avoid}
article+article{break-before:page;page-break-before:always}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}
tbody tr:hover{background:none}
}
""" % {"fonts": FONTS, "navy": NAVY}


def esc(text) -> str:
    """Submitted or rubric text made safe as HTML (and SVG) text or a quoted attribute value."""
    return _esc(text) if type(text) is str else _esc("" if text is None else str(text))


@lru_cache(maxsize=1 << 16)
def _esc(text: str) -> str:
    """esc of a str, remembered: thousands of scorecards on one page repeat the same labels, ids and numbers."""
    from ..safe_text import xml_ci  # a CR, a line-start '::' or '##[' would be a CI command in a log

    shown = _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", html.escape(text, quote=True))
    return xml_ci(shown)


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""Control characters (not tab or line breaks): shown as \\xNN, so the page printed to a terminal acts on nothing."""


def digest(text: str) -> str:
    """The CSP source that allows exactly this inline script or stylesheet."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def policy(script: str = SCRIPT, style: str = CSS) -> str:
    """Nothing from anywhere; only our own inline style and script (by hash), and data: images."""
    return (f"default-src 'none'; style-src {digest(style)}; script-src {digest(script)}; img-src data:; "
            "base-uri 'none'; form-action 'none'")


def document(title: str, body: str, lang: str = "zh") -> str:
    """A complete HTML5 document around ``body`` (already-escaped markup)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{"zh-CN" if lang == "zh" else "en"}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(policy())}">\n'
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f'<body>\n<div class="page">\n{body}\n</div>\n<script>{SCRIPT}</script>\n</body>\n</html>\n'
    )


SHADES = {"green": "#2e7d32", "teal": "#00796b", "amber": "#b26a00", "red": "#c62828"}
"""Grade colours, best first (the .b-* classes of CSS)."""


def shade(grade, rubric, vetoed: bool = False) -> str:
    """green for the top grade, red for the lowest (and for a veto), teal and amber between."""
    grades = rubric.grades
    at = (len(grades) - 1 if vetoed else grades.index(grade)) / max(len(grades) - 1, 1)
    return "green" if at == 0 else "teal" if at < 0.5 else "amber" if at < 1 else "red"


def badge(grade, rubric, vetoed: bool, lang: str | None) -> str:
    """The grade as a coloured pill."""
    return f'<span class="badge b-{shade(grade, rubric, vetoed)}">{esc(grade.label.get(lang))}</span>'
