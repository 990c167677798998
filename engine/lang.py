"""The language of the engine's own words: --lang, else zh when the rubric has zh labels (SPEC 5).

Light on purpose: validate and check resolve it without importing the formats."""
from __future__ import annotations


def ui_lang(lang: str | None, rubric) -> str:
    """``lang`` when it is zh or en; else zh when the rubric's title or a group's label has zh, en otherwise."""
    if lang in ("zh", "en"):
        return lang
    return "zh" if rubric.title.has("zh") or any(g.label.has("zh") for g in rubric.groups) else "en"


def pick(pair: tuple[str, str], lang: str | None, **fields) -> str:
    """The (zh, en) pair's text in ``lang`` (English unless zh), its {fields} filled in when any are given: the
    one lookup every word catalogue (report words, terminal lines, CI text, Word, HTML) goes through."""
    text = pair[0] if lang == "zh" else pair[1]
    return text.format(**fields) if fields else text
