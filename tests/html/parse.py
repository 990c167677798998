"""Reading an HTML report back with the standard library: every tag, balanced; scripts, styles, links."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SVG_EMPTY = {"rect", "line", "circle", "polyline", "path"}
"""SVG elements written self-closing (<rect .../>)."""


@dataclass
class Page:
    tags: list = field(default_factory=list)
    """(tag, attrs dict) of every start tag, in order."""
    scripts: list = field(default_factory=list)
    styles: list = field(default_factory=list)
    text: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    def all(self, tag: str) -> list[dict]:
        return [a for t, a in self.tags if t == tag]


class Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page, self.stack = Page(), []

    def handle_starttag(self, tag, attrs):
        self.page.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append((tag, self.getpos()))

    def handle_startendtag(self, tag, attrs):
        self.page.tags.append((tag, dict(attrs)))
        if tag not in VOID and tag not in SVG_EMPTY:
            self.page.errors.append(f"self-closing <{tag}/> at {self.getpos()}")

    def handle_endtag(self, tag):
        if tag in VOID:
            self.page.errors.append(f"end tag of void <{tag}> at {self.getpos()}")
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.page.errors.append(f"</{tag}> at {self.getpos()} closes {self.stack[-1] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data):
        top = self.stack[-1][0] if self.stack else ""
        {"script": self.page.scripts, "style": self.page.styles}.get(top, self.page.text).append(data)


def parse(html: str) -> Page:
    """The document's tags, texts, scripts and styles; ``errors`` lists every unbalanced tag."""
    c = Collector()
    c.feed(html)
    c.close()
    c.page.errors += [f"<{t}> opened at {pos} never closed" for t, pos in c.stack]
    return c.page
