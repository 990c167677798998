"""--help is rendered as Markdown: text like <subject>/<period>.yaml in a help string is an HTML tag there and
vanishes ('(/.yaml)'). No help text of any command may hold one."""
import re

import click
import typer

from engine.cli import app

TAG = re.compile(r"</?[A-Za-z][^>]*>")
CODE = re.compile(r"`[^`]*`")
"""A code span shows its text as written."""


def _commands(cmd: click.Command, name: str = "scorecard"):
    yield name, cmd
    for sub_name, sub in getattr(cmd, "commands", {}).items():
        yield from _commands(sub, f"{name} {sub_name}")


def test_no_help_text_holds_what_markdown_takes_for_a_tag():
    found = []
    for name, cmd in _commands(typer.main.get_command(app)):
        texts = [cmd.help or ""] + [getattr(p, "help", None) or "" for p in cmd.params]
        found += [(name, m.group()) for text in texts for m in TAG.finditer(CODE.sub('', text))]
    assert found == []
