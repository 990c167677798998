"""Check a read submission against its rubric and turn it into the model (values normalised)."""
from __future__ import annotations

from pathlib import Path

from . import methods, part_rules, waivers
from .model import Entry, Loc, Measure, Rubric, Submission, same_version
from .problems import Problem, cap, did_you_mean, shown
from .yamlstrict import Rejected
from .raw import RawEntry, RawSubmission, layout

MAX_SUGGESTIONS = 20
"""Unknown measure ids per file that get a "did you mean" (each is a fuzzy match over every measure id:
a file of 40,000 unknown ids must not take minutes); later ones are still reported, without one."""


def check(raw: RawSubmission, rubric: Rubric) -> tuple[Submission, list[Problem]]:
    """The Submission with every readable value, and every problem found."""
    problems: list[Problem] = []
    problems += _check_rubric_ref(raw, rubric)
    hints = _Hints(rubric)  # one budget of "did you mean" for the file's values and waivers
    entries = values(raw.entries, rubric, problems, hints=hints)
    problems += _check_evidence(raw, rubric)
    problems += _check_path(raw)
    problems += part_rules.check(raw, rubric, entries)
    waived, said = waivers.check(raw.waivers, rubric, {e.measure: e for e in raw.entries}, hints, raw)
    problems += said
    sub = Submission(raw.rubric, raw.subject_id, raw.subject_name, raw.period, entries, raw.path, waivers=waived)
    return sub, cap(problems)  # merged with reading's by the caller: one limit, one count for the file


def values(raws, rubric: Rubric, problems: list, later_wins: bool = False, hints=None) -> dict[str, Entry]:
    """Each raw entry read by its measure's method, problems added to ``problems`` (unknown ids get a did-you-mean);
    a measure given twice is a problem, unless ``later_wins`` (a what-if's --set over its plan)."""
    entries: dict[str, Entry] = {}
    hints = hints or _Hints(rubric)
    for e in raws:
        if later_wins:
            entries.pop(e.measure, None)
        entry = _entry(e, rubric, problems, entries, hints)
        if entry is not None:
            entries[e.measure] = entry
    return entries


class _Hints:
    """"did you mean" for the first MAX_SUGGESTIONS unknown measure ids of a file."""

    def __init__(self, rubric: Rubric):
        self.ids = [x.id for x in rubric.measures]
        self.left = MAX_SUGGESTIONS

    def __call__(self, word: str) -> str:
        if self.left <= 0:
            return ""
        self.left -= 1
        return did_you_mean(word, self.ids)


def _check_evidence(raw: RawSubmission, rubric: Rubric) -> list[Problem]:
    """Required evidence, for every measure given, whatever is wrong with its value: every problem of a
    measure is reported at once, not one round after another."""
    out, seen = [], set()
    for e in raw.entries:
        m = rubric.by_id.get(e.measure)
        if not isinstance(m, Measure) or e.measure in seen:
            continue
        seen.add(e.measure)
        if m.evidence == "required" and not e.evidence and not e.evidence_bad:
            out.append(Problem(e.evidence_loc or e.key_loc, "evidence is required for this measure: write it as "
                               "{value: ..., evidence: [...]} (in a table: the evidence column)", m.id, code="evidence"))
    return out


def _check_path(raw: RawSubmission) -> list[Problem]:
    """<subject>/<period>[.x].yaml, or a part at <subject>/<period>/<name>.yaml: folder and name must agree
    with the header."""
    laid = layout(raw.path)
    if laid is None:
        return []  # not laid out as <subject>/<period>.yaml
    folder, period = laid
    name = Path(raw.path).name
    whole = name.split(".")[0] == period
    where = f"the file name {name}" if whole else f"the folder {period}/"
    expected = "(expected <subject>/<period>.yaml)" if whole else "(expected <subject>/<period>/<part>.yaml)"
    out = []
    if raw.period is not None and str(raw.period) != period:
        out.append(Problem(raw.locs.get("period", Loc(raw.path)), f"period {raw.period} disagrees with "
                           f"{where} {expected}",
                           code="path"))
    if raw.subject_id and folder and folder not in (".", "") and folder != raw.subject_id:
        out.append(Problem(raw.locs.get("subject", Loc(raw.path)), f"subject '{raw.subject_id}' disagrees with "
                           f"the folder {folder}/ {expected}",
                           code="path"))
    return out


def _check_rubric_ref(raw: RawSubmission, rubric: Rubric) -> list[Problem]:
    if not raw.rubric:
        return []
    rid, _, version = raw.rubric.partition("@")
    loc = raw.locs.get("rubric", Loc(raw.path))
    if rid != rubric.id:
        return [Problem(loc, f"names rubric '{rid}' but is checked against '{rubric.id}'", code="rubric-mismatch")]
    if version and not same_version(version, rubric.version):
        return [Problem(loc, f"names version {version} of rubric '{rid}', but the rubric is version "
                        f"{rubric.version}", code="rubric-mismatch")]
    return []


def _entry(e: RawEntry, rubric: Rubric, problems: list, seen: dict, hints=None) -> Entry | None:
    m = rubric.by_id.get(e.measure)
    if not isinstance(m, Measure):
        kind = "a group, not a measure" if m is not None else "not a measure of this rubric"
        hint = "" if m is not None else (hints or _Hints(rubric))(e.measure)
        problems.append(Problem(e.key_loc, f"{shown(e.measure)} is {kind}{hint}", e.measure, code="unknown-measure"))
        return None
    if e.measure in seen:
        problems.append(Problem(e.key_loc, "given in both values and ratings", e.measure, code="duplicate"))
        return None
    if e.section == "ratings" and not methods.get(m.method).RATINGS:
        problems.append(Problem(e.key_loc, f"ratings are for rating measures; this one is {m.method}",
                                e.measure, code="type"))
        return None
    return _parse(e, m, problems)


def _parse(e: RawEntry, m: Measure, problems: list) -> Entry | None:
    if isinstance(e.raw, Rejected):
        return None  # the loader has reported it
    module = methods.get(m.method)
    try:
        p = module.parse(m, e.raw)
    except methods.BadValue as err:
        problems.append(Problem(e.loc, f"{m.method}: {err}", m.id, code="type"))
        return None
    if not _in_bounds(p.value, m, e, problems):
        return None
    for note in p.notes:
        level, code = ("warning", "approximate") if p.approximate else ("info", "normalised")
        problems.append(Problem(e.loc, note, m.id, level=level, code=code))
    raw = e.raw if p.value != e.raw or type(p.value) is not type(e.raw) else None
    return Entry(p.value, raw, e.evidence, e.note, p.notes, p.approximate, e.loc)


def _in_bounds(value, m: Measure, e: RawEntry, problems: list) -> bool:
    for v in value if isinstance(value, list) else [value]:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            continue
        if (m.min is not None and v < m.min) or (m.max is not None and v > m.max):
            lo = "-inf" if m.min is None else f"{m.min:g}"
            hi = "inf" if m.max is None else f"{m.max:g}"
            problems.append(Problem(e.loc, f"value {v:g} is outside the plausible range [{lo}, {hi}]"
                                    f"{' ' + m.unit if m.unit else ''}", m.id, code="range"))
            return False
    return True
