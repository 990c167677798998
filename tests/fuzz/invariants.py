"""What every output must keep, whatever the input held. Each check raises AssertionError with the
offending line, so a failure says exactly what leaked."""
from __future__ import annotations

import csv
import io
import json
import re
import xml.dom.minidom
from html.parser import HTMLParser

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""C0 and C1 controls other than tab and LF (CR included: the runner and terminals act on it)."""
C0 = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Bidi embeddings, overrides and isolates: they reorder what a terminal or a log viewer shows."""
LINE_BREAKS = re.compile("\r\n|[\r\n]")
"""Where GitHub's runner ends a line (.NET's ReadLine: CR, LF, CRLF; not U+2028 or U+0085)."""
CODE_SPAN = re.compile("`[^`\n]*`")
SGR = re.compile("\x1b\\[[0-9;]*m")
"""Colour and style sequences, the only escapes rich itself writes to a terminal."""


def lines(text: str) -> list[str]:
    return LINE_BREAKS.split(text)


def no_workflow_commands(text: str, own: int = 0) -> None:
    """GitHub's runner runs `::cmd::` at the start of a line (after leading white space) and the legacy
    `##[cmd]` anywhere in one. ``own`` is how many annotations the engine itself emitted (github format)."""
    found = [ln for ln in lines(text) if ln.lstrip().startswith("::") or "##[" in ln]
    assert len(found) <= own, f"{len(found) - own} workflow command(s) from the input: {found[own:][:3]!r}"


def no_controls(text: str, text_format: bool = True) -> None:
    """Nothing a terminal acts on: no ESC or other C0 control but tab and LF; in a text format (not a data
    format such as JSON, SARIF, JUnit or CSV, which carry what the file said) no C1 control or bidi override."""
    for ln in text.split("\n"):
        bad = (CONTROL.search(ln) or BIDI.search(ln)) if text_format else C0.search(ln)
        assert not bad, f"control character U+{ord(bad.group()):04X} in output line {ln!r}"


def only_own_escapes(text: str) -> None:
    """In a terminal: rich's own colour sequences, and no other escape (OSC links, titles, clipboard)."""
    no_controls(SGR.sub("", text))


def no_emoji_codes(text: str) -> None:
    """Inputs hold no character above U+FFFF (hostile.text), so one in the output is rich's :emoji:."""
    high = [c for c in text if ord(c) > 0xFFFF]
    assert not high, f"emoji {''.join(high[:3])!r} in output: an :emoji: code was interpreted"


def terminal_text(text: str, own_annotations: int = 0) -> None:
    """Every check for text meant for a terminal or a CI log."""
    no_controls(text)
    no_emoji_codes(text)
    no_workflow_commands(text, own_annotations)


def is_json(text: str) -> None:
    json.loads(text)


URI_REF = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*")
"""An RFC 3986 relative reference: unreserved, sub-delims, ':@/?' and percent-encoded octets, nothing else."""


def sarif_uris(text: str) -> None:
    """SARIF's artifactLocation.uri is a URI reference: a path with a space, a '%', '#' or non-ASCII must be
    percent-encoded (and a '#' or '?' in a file name then cannot cut it short)."""
    for run in json.loads(text)["runs"]:
        for result in run["results"]:
            for loc in result["locations"]:
                uri = loc["physicalLocation"]["artifactLocation"]["uri"]
                assert URI_REF.fullmatch(uri) and "#" not in uri and "?" not in uri, f"SARIF uri {uri!r}"


def is_xml(text: str) -> None:
    xml.dom.minidom.parseString(text.encode("utf-8"))


def is_csv(text: str) -> None:
    list(csv.reader(io.StringIO(text, newline="")))


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.tags.update(f"{tag}@{k}" for k, _ in attrs if k.startswith("on"))


def html_tags(text: str) -> set[str]:
    parser = _Tags()
    parser.feed(text)
    return parser.tags


def no_injected_html(text: str, own: frozenset = frozenset()) -> None:
    """hostile.FRAGMENTS hold <img onerror> and <script>: neither may survive as markup (``own``: tags the
    engine writes itself, such as the HTML report's one script)."""
    tags = html_tags(text) - own
    assert not tags & {"img", "script", "img@onerror"}, f"injected HTML in output: {sorted(tags)}"


def markdown_text(text: str) -> None:
    """Markdown goes to files, to the step summary and (with -f markdown) to the log. Inside a `code span`
    HTML and images are inert (a backtick in the input that ends the span early is caught: the rest is not)."""
    prose = CODE_SPAN.sub("", text)
    no_injected_html(prose)
    live = re.search(r"!\[[^\]\n]*\]\(", prose)
    assert not live, f"a Markdown image from the input is live in the output: {live.group()!r}"
    no_workflow_commands(text)
    no_controls(text)
