"""The report set rendered and staged on both cores (`scorecard report` on a long table's thousands of subjects).

Each scorecard's files (engine.report_set.card_set) are rendered and written into the set's staging folder by
forked worker processes (engine.parallel.map_ordered: the scorecards and the rubric are inherited, nothing big
is sent to a worker), which send back only the paths and kinds of what they staged; the comparison and the index
page, made of all the scorecards, are rendered here. The paths come back in the set's order, and the set is
moved into place by engine.report_write as ever: whole or not at all. Few scorecards are done in this process.
"""
from __future__ import annotations

from . import parallel, report_set


def staged(cards: list, lang: str | None, suffixes: frozenset[str] | None, seen):
    """A function for engine.report_write.write_set: stage the set's files (those whose names end in one of
    ``suffixes``; all when None), tell ``seen`` of each (a ReportFile without its text), return their paths."""
    want = (lambda suffix: True) if suffixes is None else suffixes.__contains__
    stems = report_set.card_stems(cards)

    def fill(stage):
        parallel.relax_gc(len(cards))
        shared = (cards, stems, lang, want, stage)
        results = parallel.map_ordered(_card, range(len(cards)), shared)
        try:
            for i, made in enumerate(results):
                for path, kind in made:
                    seen(report_set.ReportFile(path, "", kind, cards[i]))
                    yield path
        finally:
            getattr(results, "close", lambda: None)()  # the workers are done before the staging folder goes
        for f in report_set.set_files(cards, stems, lang, want):
            seen(report_set.ReportFile(f.path, "", f.kind, f.card))
            yield stage.put(f.path, f.data)
    return fill


def _card(i: int, shared) -> list:
    """Render and stage scorecard i's files; their (path, kind)."""
    cards, stems, lang, want, stage = shared
    files = report_set.card_set(cards[i], stems[i], lang, want, len(cards) > 1)
    return [(stage.put(f.path, f.data), f.kind) for f in files]
