"""HTML text from files carries no control character a terminal could act on (score -f html to stdout)."""
from __future__ import annotations

from engine.html.page import esc


def test_controls_are_shown_not_sent():
    assert esc("a\x1b]0;title\x07<b>") == "a\\x1b]0;title\\x07&lt;b&gt;"
    assert esc("\x85\x9b2J\x7f") == "\\x85\\x9b2J\\x7f"


def test_text_and_line_breaks_stay():
    assert esc("金昌市\n第二行 'x'") == "金昌市\n第二行 &#x27;x&#x27;"


def test_no_ci_command_survives_in_a_log():
    assert esc("a\n::error::x ##[warning]y\rz") == "a\n&#58;:error::x ##&#91;warning]y&#13;z"
