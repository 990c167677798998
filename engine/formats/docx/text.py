"""Text from files made safe for a Word document: literal, and never able to break its XML.

python-docx (lxml) refuses characters XML 1.0 forbids, and turns a tab or a newline in a run into a tab
stop or a line break. So every control, line-break or bidi character is first shown as an escape
(``\\x1b``, ``\\n``, ``\\u202e``), as the terminal and the HTML report show it (engine.safe_text.visible):
that covers every C0 control XML forbids, NUL included, and lone surrogates. What is still forbidden
after that (the noncharacters U+FFFE and U+FFFF) is dropped. Word never reads Markdown or markup in a
run, so ``**x**`` and ``<w:t>`` stay as they are (lxml escapes the XML).
"""
from __future__ import annotations

import re

from ...safe_text import visible

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""What XML 1.0 does not allow in a document at all (the complement of its Char production)."""


def clean(value) -> str:
    """The text as a Word run shows it literally."""
    return FORBIDDEN.sub("", visible(value))
