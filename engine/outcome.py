"""What became of one submission: its problems, and its scorecard (made when first asked for)."""
from __future__ import annotations

from .model import Loc
from .problems import Problem, errors


class Outcome:
    """One submission's result: a file, the parts of one submission, or a (subject, period) of a long table.

    ``card`` is the full Scorecard (None when the submission is invalid or was only validated); for a
    long table's subject it is made from the scored batch when first asked for, and ``head`` (subject,
    period, total, grade, veto and the top groups) comes straight from the batch's arrays."""

    __slots__ = ("path", "problems", "parts", "where", "_card", "_row", "_filing")

    def __init__(self, path: str, card=None, problems: tuple[Problem, ...] | list = (), parts: tuple[str, ...] = (),
                 row: tuple | None = None, where: Loc | None = None, filing=None):
        self.path = path
        self.problems = tuple(problems)
        """Errors, warnings and notes, in file order (part by part)."""
        self.parts = tuple(parts) or (path,)
        """The files the submission was assembled from."""
        self.where = where or Loc(path)
        """Where the submission starts (a long table's subject: its first row)."""
        self._card = card
        self._row = row
        """(BatchResult, Rubric, row index) when the scores come from the vectorised executor."""
        self._filing = filing

    @property
    def name(self) -> str:
        """What a verdict is called: the file, or for a submission in parts their folder and how many there are
        (``submissions/x/2025/ (7 parts)``; the first part and the rest's number when they lie apart)."""
        if len(self.parts) < 2:
            return self.path
        folders = {p.replace("\\", "/").rpartition("/")[0] for p in self.parts}
        if len(folders) == 1:
            return f"{folders.pop() or '.'}/ ({len(self.parts)} parts)"
        return f"{self.path} (+{len(self.parts) - 1} parts)"

    @property
    def filing(self):
        """Who filed what (engine.campaign.Filing); None when nothing could be read or no rubric was found."""
        return self._filing

    @property
    def ok(self) -> bool:
        """True when the submission has no error (it may have warnings and notes)."""
        return not errors(self.problems)

    @property
    def scored(self) -> bool:
        """Valid, and scored (a card is there or can be made from its batch)."""
        return self.ok and (self._card is not None or self._row is not None)

    @property
    def card(self):
        if self._card is None and self._row is not None:
            from .vector.cards import card

            self._card = card(*self._row)
        return self._card

    def made(self):
        """The scorecard, as ``card``, but one made from a batch row is not kept: a run that streams thousands
        of a long table's subjects holds one at a time (the outcomes themselves may be held to the end)."""
        if self._card is None and self._row is not None:
            from .vector.cards import card

            return card(*self._row)
        return self._card

    @property
    def head(self):
        """What a verdict or a league row needs of the scorecard (the card itself when it is made)."""
        if self._card is not None or self._row is None:
            return self._card
        from .vector.league import head

        return head(*self._row)

    def settled(self) -> "Outcome":
        """This outcome holding only its head: a long table's batch (its chunk, thousands of subjects) and its filing
        let go, for a result kept to the end of a run (a verdict); its ``card`` is then the head."""
        if self._row is None:
            return self
        return Outcome(self.path, self.head, self.problems, self.parts, None, self.where)

    @property
    def row(self) -> tuple | None:
        """(batch, rubric, index) for a subject scored by the vectorised executor, else None."""
        return self._row

    def __repr__(self) -> str:
        return f"Outcome({self.path!r}, ok={self.ok}, problems={len(self.problems)})"


class Cards:
    """The valid submissions' scorecards, in order, made as they are iterated (``seen`` is told of every
    outcome on the way, valid or not).  A format that can write a long table's scores from the batch's
    arrays reads ``runs()`` instead: the same cards, with each whole scored batch as one run."""

    def __init__(self, outcomes, seen=None):
        self._outcomes = outcomes
        self._seen = seen or (lambda o: None)

    def __iter__(self):
        for o in self._outcomes:
            self._seen(o)
            if o.scored:
                yield o.made()

    def scored(self):
        """The valid submissions' outcomes, in order (``seen`` told of every one): for a view that makes full
        scorecards of only some of them (``.card``) and reads the rest's ``.head``."""
        for o in self._outcomes:
            self._seen(o)
            if o.scored:
                yield o

    def runs(self):
        """("cards", [card]) for each scorecard, or ("batch", batch, rubric) for a batch whose every row is
        a valid submission that comes here in its order (anything else goes card by card)."""
        held: list = []
        for o in self._outcomes:
            self._seen(o)
            if not o.scored:
                continue
            if o.row is None:
                yield from _flush(held)
                yield "cards", [o.made()]
            elif held and held[0].row[0] is not o.row[0]:
                yield from _flush(held)
                held.append(o)
            else:
                held.append(o)
        yield from _flush(held)


def _flush(held: list):
    if not held:
        return
    batch, rubric, _ = held[0].row
    rows = [o.row[2] for o in held]
    if rows == list(range(len(batch))):
        yield "batch", batch, rubric
    else:
        for o in held:
            yield "cards", [o.made()]
    held.clear()
