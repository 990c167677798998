"""The language of the engine's own words: --lang, else zh when the rubric has zh labels (SPEC 5).

Light on purpose: validate and check resolve it without importing the formats."""
from __future__ import annotations


def ui_lang(lang: str | None, rubric) -> str:
    """``lang`` when it is zh or en; else zh when the rubric's title or a group's label has zh, en otherwise."""
    if lang in ("zh", "en"):
        return lang
    return "zh" if rubric.title.has("zh") or any(g.label.has("zh") for g in rubric.groups) else "en"
