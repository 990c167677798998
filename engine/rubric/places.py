"""Where each part of a rubric document was written: one file, or, for a tailored rubric, several.

A checked rubric is plain data plus a way to locate any path into it. For a rubric that stands
alone that is its YAML document (``FileDoc``); for a tailored one (SPEC 9) it is ``MergedDoc``: the
merged data, and a table from path prefixes to the document and path each part came from, so that
a node inherited from a parent is located in the parent's file and an overridden key or an added
node in the tailoring file. Lint, the meta-schema check and the builder only ever call ``locate``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from ..model import Loc
from ..yamlstrict import Doc


class Placed(Protocol):
    data: Any

    def locate(self, path: tuple, key: bool = False) -> Loc: ...


@dataclass(frozen=True)
class FileDoc:
    """One YAML document and the file it was read from."""

    doc: Doc
    file: str

    @property
    def data(self) -> Any:
        return self.doc.data

    def locate(self, path: tuple, key: bool = False) -> Loc:
        return Loc(self.file, *self.doc.where(path, key=key))

    @property
    def files(self) -> tuple[str, ...]:
        return (self.file,)

    @property
    def tailored(self) -> dict:
        return {}


@dataclass(frozen=True)
class MergedDoc:
    """The merged data of a tailoring chain; ``origins``: merged path prefix -> (source, path there)."""

    data: Any
    origins: dict
    own: FileDoc
    """The tailoring file (where anything without an origin is placed)."""
    parent: Any
    """The Placed document it extends."""
    tailored: dict = field(default_factory=dict)
    """Node id -> 'added' | 'changed', over the whole chain."""

    def locate(self, path: tuple, key: bool = False) -> Loc:
        path = tuple(path)
        for n in range(len(path), -1, -1):
            found = self.origins.get(path[:n])
            if found is not None:
                source, at = found
                return source.locate(at + path[n:], key)
        return self.own.locate((), key)

    @property
    def files(self) -> tuple[str, ...]:
        """Every file of the chain, this one first."""
        return (self.own.file,) + self.parent.files


def is_tailoring(data) -> bool:
    """A tailoring file (SPEC 9): it extends another rubric."""
    return isinstance(data, dict) and "extends" in data


def placed(doc, file: str) -> Placed:
    """A yamlstrict Doc with its file, or an already placed document as it is."""
    return FileDoc(doc, file) if isinstance(doc, Doc) else doc


def in_file_order(problems: list, doc: Placed) -> list:
    """Problems by file (the tailoring file first, then its parents in chain order), then line and column."""
    order = {f: i for i, f in enumerate(doc.files)}
    return sorted(problems, key=lambda p: (order.get(p.loc.file, len(order)), p.loc.line, p.loc.col))
