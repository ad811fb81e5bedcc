"""Another park than the sentence's subject, in the object's own words: the object is that park's.

位于乙高新区的甲公司 places the firm in the park the settle word names; in X新区Y产业 and X产业园Y中心
the park named right before the object holds it. Either way the subject, named elsewhere in the
sentence, is not where the object is.
"""
from __future__ import annotations

from kg.extract.ties import clause_bounds
from kg.types import Mention


def park_right_before(frame, m: Mention) -> bool:
    """Another park than the subject is named right before `m` (X新区Y产业, X产业园Y中心)."""
    return any(o.cls == "Park" and o.end == m.start and k not in ("", frame.subject) for o, k in frame.mentions)


def placed_elsewhere(frame, text: str, subject_spans, m: Mention, settled_in) -> bool:
    """位于乙高新区的甲公司: in the object's clause, before it, a settle word (`settled_in(text, offset)`)
    places it in another park than the subject, which the sentence does not name in that clause."""
    base = frame.sentence.start
    lo, hi = clause_bounds(text, m.start - base, m.end - base)
    if any(lo <= a < hi for a, _ in subject_spans):
        return False
    return any(o.cls == "Park" and k not in ("", frame.subject) and not o.generic and lo <= o.start - base
               and o.end <= m.start and settled_in(text, o.start - base)
               for o, k in frame.mentions)
