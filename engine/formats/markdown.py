"""markdown: a scorecard that reads well pasted into a report or a pull request."""
from __future__ import annotations

from ..results import Scorecard
from .common import num, show_value

NAME = "markdown"
SUFFIX = ".md"


def render(cards, lang: str | None = None) -> str:
    return "".join(chunks(cards, lang))


def chunks(cards, lang: str | None = None):
    for i, card in enumerate(cards):
        yield ("\n" if i else "") + card_md(card, lang) + "\n"


def card_md(card: Scorecard, lang: str | None = None) -> str:
    sub, rubric = card.submission, card.rubric
    lines = [f"# {esc(sub.subject_name)} · {esc(sub.period)} · {esc(rubric.title.get(lang))}", ""]
    if card.vetoed:
        ids = ", ".join(f"`{i}` {rubric.by_id[i].label.get(lang)}" for i in card.vetoed_by)
        lines += [f"> **一票否决 / VETOED** by {ids}: graded {card.grade.label.get(lang)} whatever the total.", ""]
    lines += [
        f"**Total {num(card.total)} / {num(card.max)}** · grade **{card.grade.label.get(lang)}** · "
        f"base {num(card.base)} · bonus +{num(card.bonus)} · deductions −{num(card.deductions)}",
        "",
        "| group | label | score | max | % |",
        "|---|---|--:|--:|--:|",
    ]
    for g in card.groups:
        pct = "—" if not g.max else f"{100 * g.score / g.max:.0f}%"
        lines.append(f"| {g.id} | {esc(g.group.label.get(lang))} | {num(g.score)} | {num(g.max)} | {pct} |")
    lines += ["", "| measure | label | value | score | max | status |", "|---|---|--:|--:|--:|---|"]
    for m in card.measures:
        value = esc(show_value(m.value, m.measure.unit))
        lines.append(f"| {m.id} | {esc(m.measure.label.get(lang))} | {value} | {num(m.score)} | "
                     f"{num(m.max)} | {m.status} |")
    return "\n".join(lines)


def esc(text: str) -> str:
    """Text safe inside a Markdown table cell or heading: no line breaks, no table pipes, no HTML."""
    return str(text).replace("|", "\\|").replace("\r\n", " ").replace("\r", " ").replace("\n", " ").replace("<", "&lt;")
