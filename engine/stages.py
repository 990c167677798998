"""Self-assessment and verification (SPEC 8): a submission with a verified stage is scored twice, self-assessed
and verified (its verified entries over the self-assessed ones, measure by measure); the card is the verified
one, and says both totals and which measures the verification changed.  Pure, like engine.scoring."""
from __future__ import annotations

from dataclasses import replace

from .model import Rubric, Submission
from .results import Change, Scorecard, r2
from .scoring import score


def score_stages(rubric: Rubric, sub: Submission) -> Scorecard:
    """The scorecard, with ``stages``, ``changed`` and ``self_card`` when a verified stage exists."""
    if not sub.verified:
        return score(rubric, sub)
    own = score(rubric, sub)
    card = score(rubric, replace(sub, entries={**sub.entries, **sub.verified}))
    changed = tuple(c for m in rubric.measures if m.id in sub.verified
                    if (c := _change(rubric, sub, own, card, m.id)) is not None)
    return replace(card, stages={"self": own.total, "verified": card.total}, changed=changed, self_card=own)


def _change(rubric: Rubric, sub: Submission, own: Scorecard, card: Scorecard, mid: str) -> Change | None:
    """How the verified value of one measure changed its score, and the self-assessed total on its own (the
    self-assessed submission with only this measure's verified value: points of the total); None when it did not."""
    before, after = own.measure(mid), card.measure(mid)
    if r2(before.score) == r2(after.score) and before.status == after.status:
        return None
    alone = score(rubric, replace(sub, entries={**sub.entries, mid: sub.verified[mid]}))
    delta = r2(alone.totals.total() - own.totals.total())
    return Change(mid, before.value, after.value, r2(before.score), r2(after.score), delta, sub.verified[mid].note)
