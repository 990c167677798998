"""The document shell of every HTML page: well formed, self-contained, and locked down by its CSP."""
import base64
import hashlib
import re

import pytest

from engine.html import card, index, page
from engine.html.table_js import SCRIPT

from .parse import parse

FETCHING = {"script": "src", "link": "href", "img": "src", "iframe": "src", "embed": "src", "object": "data",
            "source": "src", "audio": "src", "video": "src", "image": "href", "use": "href", "form": "action"}


@pytest.fixture(params=["card", "card-en", "hostile", "index"])
def document(request, full_card, hostile_card, series):
    return {"card": lambda: card.render(full_card), "card-en": lambda: card.render(full_card, "en"),
            "hostile": lambda: card.render(hostile_card),
            "index": lambda: index.render(series, [f"r{i}.html" for i in range(len(series))])}[request.param]()


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def csp(doc) -> dict[str, str]:
    metas = [m for m in parse(doc).all("meta") if m.get("http-equiv", "").lower() == "content-security-policy"]
    assert len(metas) == 1
    return dict((d.split(" ", 1) + [""])[:2] for d in (x.strip() for x in metas[0]["content"].split(";")) if d)


def test_well_formed(document):
    p = parse(document)
    assert p.errors == []
    assert document.startswith("<!DOCTYPE html>\n<html lang=")
    assert [t for t, _ in p.tags[:3]] == ["html", "head", "meta"] and p.all("meta")[0] == {"charset": "utf-8"}


def test_loads_nothing_from_the_network(document):
    p = parse(document)
    for tag, attrs in p.tags:
        for name in ("src", "href", "xlink:href", "data", "action", "srcset", "poster", "background"):
            value = attrs.get(name)
            if value is not None:
                assert tag not in FETCHING or FETCHING[tag] != name, f"<{tag} {name}={value!r}> fetches"
                assert not re.match(r"\s*(https?:|//|ftp:)", value, re.I), f"<{tag} {name}={value!r}>"
    assert all(not attrs.get("src") for tag, attrs in p.tags)
    assert p.all("link") == [] and p.all("iframe") == [] and p.all("img") == []
    css = "".join(p.styles)
    assert "url(" not in css and "@import" not in css and "@font-face" not in css
    assert "http:" not in document and "https:" not in document  # not even a namespace: inline SVG needs none


def test_csp_allows_only_the_inline_script_and_style(document):
    p = parse(document)
    policy = csp(document)
    assert policy["default-src"] == "'none'"
    assert policy["img-src"] == "data:"
    assert policy["script-src"] == sha(p.scripts[0]) and p.scripts == [SCRIPT]
    assert policy["style-src"] == sha(p.styles[0]) and len(p.styles) == 1
    assert "unsafe-eval" not in document and policy["base-uri"] == "'none'"


def test_no_inline_handlers_or_style_attributes(document):
    """The CSP would block them; the page must not need them."""
    for tag, attrs in parse(document).tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        assert "style" not in attrs, (tag, attrs)


def test_fonts_and_print_stylesheet():
    css = page.CSS
    assert '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif' in css
    assert "@page{size:A4" in css and "@media print{" in css
    assert "thead{display:table-header-group}" in css and "break-inside:avoid" in css


def test_escape():
    assert page.esc('<a href="x">&\'') == "&lt;a href=&quot;x&quot;&gt;&amp;&#x27;"
    assert page.esc(None) == ""
