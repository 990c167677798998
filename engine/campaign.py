"""Who filed what (SPEC 8): the parts of one submission and the measures each gave, read by
`scorecard progress` and the JSON result.  Made at assembly (engine.assemble), for valid and invalid
submissions alike."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from .model import Rubric, Waiver

STAGES = ("self", "verified")


@dataclass(frozen=True)
class PartInfo:
    """One file of a submission and who filed it."""

    path: str
    filed_by: str | None = None
    assessor: str | None = None
    stage: str = "self"


@dataclass(frozen=True)
class Filing:
    """One submission's filing: its parts, the measures that have a valid value and who gave them, and the
    measures given with an error."""

    rubric: Rubric = field(repr=False)
    subject_id: str
    subject_name: str
    period: Any
    parts: tuple[PartInfo, ...]
    filed: Mapping[str, str | None] = field(default_factory=dict)
    """Measure id -> the unit whose part gave its valid value (None: the subject's own part or an assessor's),
    in any stage."""
    invalid: frozenset[str] = frozenset()
    """Measure ids given with an error in some part."""
    waived: Mapping[str, Waiver] = field(default_factory=dict)
    """Measure id -> its waiver (SPEC 9), for the valid waivers of every part: a waived measure is done."""
