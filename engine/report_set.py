"""The full report set (`scorecard report`): which files to write and what goes in them.

``plan(cards, lang)`` renders every registered format (but the terminal table) of score and gaps for each
scorecard, and of compare for all of them together, plus a self-contained HTML report per scorecard
and (for several) an index page, and returns the files as (relative path, text, encoding).  Nothing is
written here; the command writes them atomically.
"""
from __future__ import annotations

import re
from _blake2 import blake2b  # hashlib would load OpenSSL
from dataclasses import dataclass
from pathlib import PurePosixPath

from . import compare, formats, gaps
from .formats import compare as compare_formats
from .formats import gaps as gap_formats
from .html import card as html_card
from .html import index as html_index
from .results import Scorecard

_UNSAFE = re.compile(r"[^\w.-]+")


@dataclass(frozen=True)
class ReportFile:
    """One file of the report set."""

    path: PurePosixPath
    """Relative to the output folder: '<subject>/<period>.<rubric>.<kind><suffix>' (the HTML report:
    '<subject>/<period>.<rubric>.html'), 'compare<suffix>' or 'index.html'."""
    text: str | bytes
    """The content; bytes for a binary file (a Word document, a PDF)."""
    kind: str
    """'score', 'gaps', 'gaps-by-owner', 'html' (the HTML report), 'compare' or 'index' (index.html)."""
    card: Scorecard | None = None
    """The scorecard it reports on; None for compare."""

    @property
    def encoding(self) -> str:
        """CSV opens in Excel with the right characters only with a byte-order mark."""
        return "utf-8-sig" if self.path.suffix == ".csv" else "utf-8"

    @property
    def data(self) -> bytes:
        """The bytes written: the text in its encoding, or the content as it is when it is already bytes."""
        return self.text if isinstance(self.text, bytes) else self.text.encode(self.encoding)


def plan(cards: list[Scorecard], lang: str | None = None) -> list[ReportFile]:
    """Every file of the report set, per scorecard first, then the comparison (and, for several
    scorecards, index.html linking every HTML report)."""
    return list(files(cards, lang))


def files(cards: list[Scorecard], lang: str | None = None, suffixes: frozenset[str] | None = None):
    """plan's files, each rendered when it is reached (a set of thousands is written as it is made); with
    ``suffixes``, only the files whose names end so (`report --format md`), the others never rendered."""
    want = (lambda suffix: True) if suffixes is None else suffixes.__contains__
    stems = card_stems(cards)
    for card, name in zip(cards, stems):
        yield from card_set(card, name, lang, want, len(cards) > 1)
    yield from set_files(cards, stems, lang, want)


def card_set(card: Scorecard, name: str, lang: str | None, want, linked: bool) -> list[ReportFile]:
    """One scorecard's files: card_files and its HTML report (``linked``: with a link back to index.html)."""
    rep = gaps.analyse(card)
    out = card_files(card, name, lang, want, rep)
    if want(".html"):
        home = "../" * name.count("/") + "index.html" if linked else None
        out.append(ReportFile(PurePosixPath(f"{name}.html"), html_card.render(card, lang, home, rep), "html", card))
    return out


def set_files(cards: list[Scorecard], stems: list[str], lang: str | None, want):
    """The files of the set as a whole: the comparison and (for several scorecards) index.html."""
    kept = [m for m in compare_formats.FORMATS.values() if m.NAME != "table" and want(m.SUFFIX)]
    comparisons = compare.compare(cards) if kept else None
    for m in kept:
        yield ReportFile(PurePosixPath("compare" + m.SUFFIX), m.render(comparisons, lang), "compare")
    if len(cards) > 1 and want(".html"):
        index = html_index.render(cards, [f"{name}.html" for name in stems], lang, campaign(cards))
        yield ReportFile(PurePosixPath("index.html"), index, "index")


def card_stems(cards: list[Scorecard]) -> list[str]:
    """Each scorecard's '<subject>/<period>.<rubric>', made unique across the set (the same for every format)."""
    seen: set[str] = set()
    return [unique(card_stem(c), seen) for c in cards]


def campaign(cards: list[Scorecard]):
    """The filing progress of the scorecards (engine.progress) when any of them was filed in parts by
    responsible units (SPEC 8), for the index page; else None."""
    from . import progress

    if not any(progress.has_units(c) for c in cards):
        return None
    return progress.progress(progress.filing_of(c) for c in cards if progress.has_units(c))


def card_files(card: Scorecard, stem: str, lang: str | None, want=lambda suffix: True, rep=None) -> list[ReportFile]:
    """score.* and gaps.* (every view) for one scorecard, plus the units' task lists as CSV (those whose
    suffix ``want`` keeps; ``rep``: its gap report, when already made)."""
    rep = gaps.analyse(card) if rep is None else rep
    files = [ReportFile(PurePosixPath(f"{stem}.score{m.SUFFIX}"), m.render([card], lang), "score", card)
             for m in formats.FORMATS.values() if m.NAME not in ("table", "html") and want(m.SUFFIX)]
    files += [ReportFile(PurePosixPath(f"{stem}.gaps{m.SUFFIX}"), m.render([rep], lang, gap_formats.VIEWS), "gaps",
                         card) for m in gap_formats.FORMATS.values() if m.NAME != "table" and want(m.SUFFIX)]
    if want(".csv"):
        owners = gap_formats.get("csv").render([rep], lang, ("owner",))
        files.append(ReportFile(PurePosixPath(f"{stem}.gaps-by-owner.csv"), owners, "gaps-by-owner", card))
    return files


SUBJECT_BYTES, PERIOD_BYTES, RUBRIC_BYTES = 96, 48, 80
"""At most this many bytes (UTF-8) of a file name come from each piece of submitted text, so the longest
name, '<period>.<rubric>.gaps-by-owner.csv', stays well under the 255 bytes file systems allow."""
RESERVED = frozenset(["index.html"] + ["compare" + m.SUFFIX for m in compare_formats.FORMATS.values()])
"""Names the set uses for its own files: no subject folder may take one (compared casefolded)."""


def part(text, limit: int = SUBJECT_BYTES) -> str:
    """A piece of a file name made from submitted text: letters, digits, '.', '-', '_' only, no leading dot,
    at most ``limit`` bytes, never one of the set's own names. Whenever the text had to be changed to
    get there, a short hash of the original text is added, so two texts that slug the same never share
    a name."""
    text = str(text)
    slug = _UNSAFE.sub("_", text).lstrip(".") or "_"
    if slug == text and len(slug.encode("utf-8")) <= limit and slug.casefold() not in RESERVED:
        return slug
    tag = "-" + blake2b(text.encode("utf-8", "surrogatepass"), digest_size=4).hexdigest()
    return _cut(slug, limit - len(tag)) + tag


def _cut(text: str, limit: int) -> str:
    """The longest prefix of text that is at most limit bytes in UTF-8 (never half a character)."""
    return text.encode("utf-8")[:limit].decode("utf-8", errors="ignore")


def card_stem(card: Scorecard) -> str:
    """'<subject>/<period>.<rubric>' for a scorecard, every piece made safe."""
    sub = card.submission
    return f"{part(sub.subject_id)}/{part(sub.period, PERIOD_BYTES)}.{part(card.rubric.id, RUBRIC_BYTES)}"


def unique(stem: str, seen: set[str]) -> str:
    """``stem``, or ``stem-2``, ``stem-3``... when two submissions would share a name (also on a file
    system that ignores case)."""
    name, n = stem, 1
    while name.casefold() in seen:
        n += 1
        name = f"{stem}-{n}"
    seen.add(name.casefold())
    return name
