"""The shipped submissions make nothing up: every value cites the seed press reports.

Every value in submissions/**/*.yaml carries at least one evidence entry of the form
``seed:<file>「<quote>」``. The quote, with all whitespace deleted, must occur in that seed file
(tests/data/seeds/) with all whitespace deleted, and a numeric value must be one of the
numbers the quotes print, read the way the engine reads numbers (engine.numbers.parse_number).

Two derived values are admitted, each spelled out in the entry's ``note`` so a reader can redo it:

- a sum, where the rubric's guidance asks for a total (合计) of parts the seed prints separately:
  the note holds ``A + B (+ ...) = V``, every addend is a number the quotes print, and the
  addends add up to the value (``39 + 94 = 133``);
- a figure the seed states in words: 全部 / 全覆盖 / 每一 (all, full coverage, every one) as 100 for
  a measure in %, and 清零 (cleared to zero) as 0; the word must be in a quote and in the note.

No network; reads only files inside the project.
"""
from __future__ import annotations

import math
import re
import unicodedata
from pathlib import Path

import pytest

from engine.numbers import MAGNITUDES, NotANumber, parse_number
from engine.yamlstrict import load_file

ROOT = Path(__file__).resolve().parents[1]
SUBMISSIONS = ROOT / "submissions"
SEEDS = ROOT / "tests" / "data" / "seeds"
RUBRICS = ROOT / "rubrics"

CITATION = re.compile(r"seed:(?P<file>[^「]+)「(?P<quote>.+)」", re.S)
# A number as the seeds print it: an optional approximate prefix, digits (optionally with
# thousands separators and decimals), then 万/亿, 余/多 and % in any of the orders they appear.
TOKEN = re.compile(r"(?:约|近|超过|逾)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[万亿])?(?:[余多])?(?:[万亿])?%?")
WHITESPACE = re.compile(r"\s+")
SUM = re.compile(r"((?:[^\s+=;,()]+ *\+ *)+[^\s+=;,()]+) *=")
"""``A + B + C =`` in a note: the addends of a value filed as a sum."""
WORDS = {"全部": (100.0, "%"), "全覆盖": (100.0, "%"), "每一": (100.0, "%"), "清零": (0.0, None)}
"""Figures stated in words: the word, the value it states, and the unit the measure must have (None: any)."""

EXAMPLE_MARKS = ("not a seed city's facts", "虚构示例")
EXAMPLES = {p.parent for p in SUBMISSIONS.glob("*/README.md")
            if any(mark in p.read_text(encoding="utf-8") for mark in EXAMPLE_MARKS)}
"""Subject folders whose README says they are an example (in English or as 虚构示例, fictional example), made
up on purpose to show a feature: they cite nothing (tests/test_example_campaign.py checks that each of their
files says so at its top)."""
FILES = sorted(p for p in SUBMISSIONS.rglob("*.yaml") if not EXAMPLES & set(p.parents))


def squeeze(text: str) -> str:
    return WHITESPACE.sub("", text)


def seed_text(name: str) -> str | None:
    path = SEEDS / name
    if "/" in name or "\\" in name or not path.is_file():
        return None
    return squeeze(path.read_text(encoding="utf-8"))


def measures_of(nodes) -> dict[str, dict]:
    """Measure id -> the measure's map, for every measure under ``nodes``."""
    out: dict[str, dict] = {}
    stack = list(nodes or [])
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if "method" in node:
                out[str(node.get("id"))] = node
            stack += list(node.get("children") or [])
    return out


def rubric_measures() -> dict[str, dict[str, dict]]:
    """'id@version' and 'id' -> measure id -> the measure's map (unit, method, ...). A tailored rubric
    (SPEC 9, ``extends``) has its parent's measures and those it adds."""
    raw = {}
    for path in sorted(RUBRICS.glob("*.yaml")):
        data = load_file(path).data
        if isinstance(data, dict) and "rubric" in data:
            raw[f"{data['rubric']}@{data.get('version')}"] = data
    out: dict[str, dict[str, dict]] = {}

    def resolve(key: str) -> dict[str, dict]:
        data = raw[key]
        added = [a.get("node") for a in data.get("add") or [] if isinstance(a, dict)]
        parent = resolve(str(data["extends"])) if str(data.get("extends")) in raw else {}
        return {**parent, **measures_of(list(data.get("tree") or []) + added)}

    for key, data in raw.items():
        out[key] = resolve(key)
        out.setdefault(str(data["rubric"]), out[key])
    return out


MEASURES = rubric_measures()


def numbers_in(quote: str) -> list[float]:
    """Every number the quote prints, normalised as the engine normalises it."""
    found = []
    for token in TOKEN.findall(unicodedata.normalize("NFKC", quote)):
        try:
            found.append(float(parse_number(token).value))
        except NotANumber:
            pass
    return found


def value_number(value, unit: str) -> float:
    """The value as a plain number; a value in a 万元-like unit is scaled to the base unit."""
    number = float(parse_number(value, unit).value)
    if unit[:1] in MAGNITUDES:
        number *= MAGNITUDES[unit[:1]]
    return number


def fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(x)


def same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def sums_in(note: str) -> list[list[float | None]]:
    """The addends of every ``A + B (+ ...) =`` in the note (None for an addend that is not one number)."""
    out = []
    for m in SUM.finditer(unicodedata.normalize("NFKC", note)):
        parts = [numbers_in(p) for p in m[1].split("+")]
        out.append([p[0] if len(p) == 1 else None for p in parts])
    return out


def derived(number: float, unit: str, quotes: list[str], note) -> bool:
    """Whether the value is a sum or a figure in words that the note spells out from the quotes."""
    if not isinstance(note, str):
        return False
    printed = [n for q in quotes for n in numbers_in(q)]
    for addends in sums_in(note):
        if None not in addends and all(any(same(a, n) for n in printed) for a in addends) \
                and same(number, sum(addends)):
            return True
    return any(word in note and any(word in squeeze(q) for q in quotes) and same(number, figure)
               and (need is None or unit == need) for word, (figure, need) in WORDS.items())


def problems_of(path: Path) -> list[str]:
    rel = path.relative_to(ROOT)
    data = load_file(path).data
    values = data.get("values") or {}
    if not isinstance(values, dict):
        return [f"{rel}: 'values' is not a map"]
    measures = MEASURES.get(str(data.get("rubric")), MEASURES.get(str(data.get("rubric")).split("@")[0], {}))
    problems = []
    for mid, entry in values.items():
        where = f"{rel}: {mid}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: bare value {entry!r} has no evidence (expected value + seed: evidence)")
            continue
        value = entry.get("value")
        evidence = entry.get("evidence") or []
        evidence = [evidence] if isinstance(evidence, str) else evidence
        seed_cites = [e for e in evidence if isinstance(e, str) and e.startswith("seed:")]
        if not seed_cites:
            problems.append(f"{where}: no 'seed:' evidence entry")
            continue
        quotes = []
        for cite in seed_cites:
            m = CITATION.fullmatch(cite)
            if not m:
                problems.append(f"{where}: evidence {cite!r} is not seed:<file>「<quote>」")
                continue
            text = seed_text(m["file"])
            if text is None:
                problems.append(f"{where}: seed file {m['file']!r} not in tests/data/seeds/ (quote 「{m['quote']}」)")
                continue
            if squeeze(m["quote"]) not in text:
                problems.append(f"{where}: quote 「{m['quote']}」 not found in {m['file']} (whitespace ignored)")
                continue
            quotes.append(m["quote"])
        if isinstance(value, bool) or value is None or not quotes:
            continue
        if not isinstance(value, (int, float, str)):
            problems.append(f"{where}: value {value!r} is neither a boolean, a number nor a string")
            continue
        measure = measures.get(mid, {})
        unit = str(measure.get("unit") or "")
        try:
            number = value_number(value, unit)
        except NotANumber:
            if measure.get("method") == "choice":
                continue  # an option key, not a number
            problems.append(f"{where}: value {value!r} is not a number (quotes: 「{'」「'.join(quotes)}」)")
            continue
        printed = [n for q in quotes for n in numbers_in(q)]
        if not any(same(number, n) for n in printed) and not derived(number, unit, quotes, entry.get("note")):
            problems.append(f"{where}: value {value!r} (read as {fmt(number)}) is not a number printed in the quote "
                            f"「{'」「'.join(quotes)}」 (it prints: {', '.join(map(fmt, printed)) or 'no number'})")
    return problems


def test_there_are_submissions_to_check():
    assert FILES, "no submissions/**/*.yaml found"


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(SUBMISSIONS)) for p in FILES])
def test_every_value_cites_the_seeds(path):
    problems = problems_of(path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("quote, numbers", [
    ("累计受众6000余人", [6000]),
    ("发布宣传信息3.6万余条(篇)", [36000]),
    ("近300场次", [300]),
    ("全市城乡居民收入比缩小至2.3:1", [2.3, 1]),
    ("全市族外通婚率从2020年的9.06%上升到2024年的12.05%", [2020, 9.06, 2024, 12.05]),
    ("提供就业岗位11.1万个", [111000]),
])
def test_numbers_are_read_from_quotes_as_the_engine_reads_them(quote, numbers):
    assert numbers_in(quote) == numbers


def test_a_value_in_wan_yuan_matches_the_printed_wan():
    assert value_number(200, "万元") in numbers_in("旗财政一次性拨付200万元用于支持创建工作")


@pytest.mark.parametrize("number, unit, quotes, note, ok", [
    (133, "个", ["先后打造39家市级社区“石榴籽家园”，94家县区级“石榴籽家园”"], "39 + 94 = 133 (city + county level)", True),
    (133, "个", ["先后打造39家市级社区“石榴籽家园”，94家县区级“石榴籽家园”"], "city and county level together", False),
    (134, "个", ["先后打造39家市级社区“石榴籽家园”，94家县区级“石榴籽家园”"], "39 + 95 = 134", False),
    (12470, "万元", ["金川集团投入1.1亿元支持", "投入1370万元支持", "设立100万元“金川奖学金”"],
     "1.1亿 + 1370万 + 100万 = 12470万元", True),
    (100, "%", ["11个县(市、区)医共体全部建成运营"], "全部 (all) = 100%", True),
    (100, "%", ["11个县(市、区)医共体全部建成运营"], "all of them", False),
    (100, "个", ["11个县(市、区)医共体全部建成运营"], "全部 (all) = 100", False),
    (100, "%", ["11个县(市、区)医共体建成运营"], "全部 (all) = 100%", False),
    (0, "户", ["实现人均纯收入低于1万元且有劳动力的家庭动态清零"], "动态清零 = 0 households", True),
])
def test_a_derived_value_must_be_spelled_out_from_the_quotes(number, unit, quotes, note, ok):
    assert derived(value_number(number, unit), unit, quotes, note) is ok


FACTS = ROOT / "docs" / "seed-facts.md"
FILED = re.compile(r"`(?P<file>[a-z0-9-]+/[\w.-]+\.yaml) (?P<measure>[A-Z][\w.]*)`")


def doc_rows() -> list[list[str]]:
    """The cells of every table row of docs/seed-facts.md that says where a fact is filed (or why not)."""
    rows = [[c.strip() for c in line.strip().strip("|").split("|")]
            for line in FACTS.read_text(encoding="utf-8").splitlines() if line.startswith("| ")]
    return [r for r in rows if r[0] not in ("subject", "filed as")]


def filed_entries() -> dict[str, list[str]]:
    """'<subject>/<file> <measure>' -> the seed files its evidence cites, for every shipped value."""
    out = {}
    for path in FILES:
        for mid, entry in (load_file(path).data.get("values") or {}).items():
            cites = [CITATION.fullmatch(e) for e in (entry.get("evidence") or []) if isinstance(e, str)]
            out[f"{path.parent.name}/{path.name} {mid}"] = [m["file"] for m in cites if m]
    return out


def test_seed_facts_says_where_every_fact_is_filed_or_why_not():
    entries, problems = filed_entries(), []
    for row in doc_rows():
        refs = [(m["file"], m["measure"]) for m in FILED.finditer(row[-1] if len(row) > 4 else row[0])]
        seed = row[5] if len(row) > 4 else row[2]
        if not refs and not row[-1].startswith("not filed: "):
            problems.append(f"row {row[:3]}: neither `<subject>/<file> <measure>` nor 'not filed: why'")
        for file, measure in refs:
            cited = entries.get(f"{file} {measure}")
            if cited is None:
                problems.append(f"row {row[:3]}: {file} has no value for {measure}")
            elif seed not in cited:
                problems.append(f"row {row[:3]}: {file} {measure} does not cite {seed}")
    assert not problems, "\n".join(problems)


def test_every_shipped_value_is_in_seed_facts():
    listed = {f"{m['file']} {m['measure']}" for row in doc_rows() for m in FILED.finditer(" ".join(row))}
    missing = sorted(set(filed_entries()) - listed)
    assert not missing, "not in docs/seed-facts.md: " + ", ".join(missing)
