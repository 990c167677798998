"""junit: one testsuite per submission, a testcase per validation problem, per threshold and per policy rule."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..safe_text import xml_ci

NAME = "junit"

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters XML 1.0 does not allow in a document at all, not even escaped (most C0 controls, lone
surrogates, U+FFFE, U+FFFF): a submission key holding one must not make the report unreadable."""


def xml_safe(text: str) -> str:
    """The text with every character XML 1.0 cannot hold replaced by U+FFFD."""
    return NOT_XML.sub("\ufffd", text)


def render(verdicts, lang: str | None = None, *, bar) -> str:
    root = ET.Element("testsuites", name="scorecard check")
    total = fails = 0
    for v in verdicts:
        suite = _suite(v, bar)
        root.append(suite)
        total += int(suite.get("tests"))
        fails += int(suite.get("failures"))
    root.set("tests", str(total))
    root.set("failures", str(fails))
    _make_safe(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml_ci(ET.tostring(root, encoding="unicode")) + "\n"


def _make_safe(root: ET.Element) -> None:
    """Every text and attribute junit writes, made storable in XML 1.0."""
    for el in root.iter():
        el.text = None if el.text is None else xml_safe(el.text)
        el.tail = None if el.tail is None else xml_safe(el.tail)
        for key, value in el.attrib.items():
            el.set(key, xml_safe(value))


def _suite(v, bar) -> ET.Element:
    suite = ET.Element("testsuite", name=v.outcome.name)
    cases = _validation_cases(v) + _threshold_cases(v, bar)
    for case in cases:
        suite.append(case)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    suite.set("errors", "0")
    return suite


def _case(classname: str, name: str, failure: str | None = None, kind: str = "") -> ET.Element:
    case = ET.Element("testcase", classname=classname, name=name, time="0")
    if failure is not None:
        ET.SubElement(case, "failure", message=failure, type=kind).text = failure
    return case


def _validation_cases(v) -> list[ET.Element]:
    classname = f"{v.outcome.name}.validate"
    errs = [p for p in v.outcome.problems if p.level == "error"]
    if not errs:
        return [_case(classname, "valid")]
    return [_case(classname, f"{_where(v, p)}{p.loc.line}:{p.loc.col} {p.id or p.code} #{i}", str(p), p.code)
            for i, p in enumerate(errs, 1)]


def _where(v, p) -> str:
    """For a submission in parts, the part a problem is in ('tzb.yaml:'): its cases are told apart by file."""
    return f"{p.loc.file.replace(chr(92), '/').rpartition('/')[2]}:" if len(v.outcome.parts) > 1 else ""


def _threshold_cases(v, bar) -> list[ET.Element]:
    if v.outcome.head is None:
        return []
    classname = f"{v.outcome.name}.threshold"
    failures = {(p.code, p.id if p.code.startswith("policy.") else ""): str(p) for p in v.failures}
    checks = [("vetoed", "", "not vetoed")]
    checks += [("below-grade", "", f"grade {bar.min_grade} or better")] if bar.min_grade else []
    checks += [("below-score", "", f"total >= {bar.min_score:g}")] if bar.min_score is not None else []
    checks += [(r.code, r.id, r.name) for r in bar.policy.rules] if bar.policy else []
    return [_case(classname, name, failures.get((code, rid)), code) for code, rid, name in checks]
