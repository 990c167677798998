"""engine.safe_text: each destination's escaping on its own (the sweep over every renderer is in
tests/test_hostile_text.py)."""
from __future__ import annotations

import io
import json
import xml.dom.minidom
from urllib.parse import unquote

import pytest
from markdown_it import MarkdownIt

from engine import safe_text as st

CONTROLS = "\x00\x07\x08\x0b\x0c\x1b\x7f\x85\x9b"


def test_visible_shows_controls_bidi_and_line_breaks_as_escapes():
    assert st.visible("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert st.visible("x\ny\r\tz") == "x\\ny\\r\\tz"
    assert st.visible("\u202eevil\u2066\u2069\u200f") == "\\u202eevil\\u2066\\u2069\\u200f"
    assert st.visible("\u2028\u2029\x85\x9b") == "\\u2028\\u2029\\x85\\x9b"
    assert st.visible("\ud800") == "\\ud800"  # a lone surrogate cannot be written, so it is shown


def test_visible_keeps_cjk_and_ordinary_unicode():
    text = "金昌市 ３.６万 ≥95% — “双组长” 🟢 é ü Ω \u200d"
    assert st.visible(text) == text


def test_visible_lines_keeps_only_newlines():
    assert st.visible_lines("a\nb\x1b\r") == "a\nb\\x1b\\r"


def render(*objects, width=60, **kw) -> str:
    buf = io.StringIO()
    console = st.console(buf, width=width, **kw)
    console.print(*objects)
    return buf.getvalue()


def test_console_never_reads_emoji_codes():
    assert render("file:100:15 :smile:") == "file:100:15 :smile:\n"


def test_console_shows_markup_inside_renderables_literally():
    from rich.table import Table
    from rich.tree import Tree

    t = Table(title="[bold]t[/]")
    t.add_column("[x]")
    t.add_row("[link=https://e]L[/link] [/]")
    tree = Tree("[/]")
    tree.add("[bold]b")
    out = render(t, tree, width=80)
    assert "[link=https://e]L[/link] [/]" in out and "[bold]t[/]" in out and "[/]" in out and "[bold]b" in out


def test_console_keeps_the_engine_own_markup():
    assert render("[red]error:[/] x") == "error: x\n"
    assert "\x1b[31m" in render("[red]error:[/] x", force_terminal=True, color_system="standard")


def test_text_and_styled_are_literal():
    out = render(st.styled(("[bold]", "red"), " :100: ", st.text("\x1b]0;title\x07")), force_terminal=True)
    assert "[bold]" in out and ":100:" in out and "\\x1b]0;title\\x07" in out and "\x1b]" not in out


def test_console_makes_any_str_visible_even_unescaped():
    out = render("\x1b[2J\u202e")
    assert out == "\\x1b[2J\\u202e\n"


@pytest.mark.parametrize("line", ["::warning file=x::pwn", "  ::stop-commands::t", "\u3000::add-mask::s",
                                  "\x1b[31m::error::x", "\t::set-output name=a::b"])
def test_ci_text_never_starts_a_workflow_command(line):
    out = st.ci_text(line)
    assert not out.lstrip().startswith("::") and "\\::" in out


def test_ci_text_breaks_legacy_commands_anywhere():
    assert st.ci_text("ok ##[add-mask]s") == "ok ##\\[add-mask]s"
    assert st.ci_text("a ::warning:: in the middle") == "a ::warning:: in the middle"


def test_guarded_console_checks_every_line_even_across_writes():
    buf = io.StringIO()
    f = st.GuardedFile(lambda: buf)
    for piece in ["ok\n  ", "::warning x\n#", "#[add-mask]y\n", "a::b\n", "::"]:
        f.write(piece)
    assert buf.getvalue() == "ok\n  \\::warning x\n##\\[add-mask]y\na::b\n\\::"


def test_guarded_console_in_a_table_row_of_spaces():
    from rich import box
    from rich.table import Table

    t = Table(box=box.SIMPLE_HEAD, show_header=False)
    t.add_column("a")
    t.add_row("::warning file=x::pwn")
    t.add_row("xxxxxxxxxx::error::folded")
    out = render(t, width=14)
    assert all(not ln.lstrip().startswith("::") for ln in out.splitlines()), out


def tokens(text):
    out = []
    for t in MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(text):
        out += [t] + list(t.children or [])
    return out


HOSTILE_MD = ["![i](http://e/x.png)", "[l](http://e)", "<img src=x onerror=alert(1)>", "# heading", "> quote",
              "- item", "1. item", "`code`", "*em* _u_ ~~s~~", "a | b", "<http://e>", "&lt;b&gt;", "\\[x](y)",
              "x\n# injected", "---", "===", "+ x", "$m$"]


@pytest.mark.parametrize("value", HOSTILE_MD)
@pytest.mark.parametrize("where", ["# {}", "| {} | x |\n|---|---|", "- {}", "> {}", "{}"])
def test_md_is_inert_everywhere(value, where):
    doc = where.format(st.md(value))
    plain = where.format("x")
    kinds = {t.type for t in tokens(doc)}
    assert not kinds & {"image", "link_open", "html_inline", "html_block", "em_open", "strong_open", "s_open",
                        "code_inline"}, doc
    assert [t.type for t in tokens(doc) if t.type != "text"] == [t.type for t in tokens(plain) if t.type != "text"]


def test_md_renders_as_the_text():
    html = MarkdownIt("commonmark").render(st.md("a *b* <c> & [d](e) 中文"))
    assert html == "<p>a *b* &lt;c&gt; &amp; [d](e) 中文</p>\n"


def test_md_breaks_autolinks_and_keeps_numbers():
    assert "https://" not in st.md("see https://e.example") and "www." not in st.md("www.e.example")
    assert st.md("13.1") == "13.1" and st.md("-5%") == "-5%" and st.md("2024-01") == "2024-01"


def test_md_code_only_for_plain_ids():
    assert st.md_code("D1.I01.M01") == "`D1.I01.M01`"
    assert st.md_code("a`b|c") == "a\\`b\\|c"


@pytest.mark.parametrize("path", ["subs/a b/2024.yaml", "50%/#1?.yaml", "金昌/2024.yaml", "::x/y.yaml",
                                  "a\nb/c\x1b.yaml", "[x]/(y)/z.yaml"])
def test_uri_is_a_percent_encoded_relative_reference(path):
    u = st.uri(path)
    assert all(c.isascii() and (c.isalnum() or c in "-._~/%") for c in u), u
    assert unquote(u) == path and not u.startswith("/")


def test_uri_of_an_absolute_path_is_a_file_uri():
    assert st.uri("/tmp/a b.yaml") == "file:///tmp/a%20b.yaml"
    assert st.uri("x\ud800") == "x%3F"


def test_json_ci_is_lossless():
    data = {"a": "##[add-mask]s \u202e \x85 \u2028 \\##[", "b": "\x1b"}
    text = st.json_ci(json.dumps(data, ensure_ascii=False))
    assert json.loads(text) == data
    assert "##[" not in text and not any(c in text for c in "\u202e\x85\u2028\x1b")


def test_xml_ci_is_lossless():
    text = '<a b="x">one\n  ::warning x ##[add-mask]s \u202e\x85</a>'
    out = st.xml_ci(text)
    assert "##[" not in out and "\n  ::" not in out and "\u202e" not in out
    assert xml.dom.minidom.parseString(out).documentElement.firstChild.data == "one\n  ::warning x ##[add-mask]s " \
        "\u202e\x85"


@pytest.mark.parametrize("value", [CONTROLS, "a\nb", "::warning x", "=1+1", "##[x]"])
def test_safe_cell(value):
    from engine.formats.common import safe_cell

    cell = safe_cell(value)
    assert not any(c in cell for c in CONTROLS + "\n") and "##[" not in cell
    assert not cell.lstrip().startswith(("::", "="))


def test_guard_holds_while_a_progress_bar_redirects_the_streams(monkeypatch):
    """rich's Live puts a proxy in sys.stderr and a Console would write straight past it to the stream."""
    from rich.progress import Progress

    buf = io.StringIO()
    monkeypatch.setattr("sys.stderr", buf)
    c = st.console(stderr=True, width=60, force_terminal=True)
    with Progress(console=c, transient=True, redirect_stderr=True):
        c.print(st.text("::warning file=x::pwn"))
    assert "\n::warning" not in buf.getvalue() and "\\::warning file=x::pwn" in buf.getvalue()
