"""One entity from the records of many documents that share its key, in one pass.

The same result as folding the records one document after another
(`kg.extract.link.merge_entities`), without rebuilding the alias and document
tuples at each step, which costs the square of the number of documents for an
industry or a park that a big archive mentions thousands of times.

>>> from kg.types import Entity
>>> a, b = Entity("Park:x", "Park", "甲园"), Entity("Park:x", "Park", "甲乙园", aliases=("乙园",))
>>> e = merge_group("Park:x", [("d2", a), ("d1", b)])
>>> e.label, e.aliases, e.documents
('甲乙园', ('乙园', '甲园'), ('d1', 'd2'))
"""
from __future__ import annotations

from kg.types import Entity


def merge_group(key: str, members: list) -> Entity:
    """The entity `key` from its (document id, Entity) records, in document order."""
    doc_id, first = members[0]
    if len(members) == 1:
        return Entity(key, first.cls, first.label, first.aliases, first.subclass, first.sector, (doc_id,),
                      first.zone)
    names = set(first.aliases) | {first.label}
    label = first.label
    for _, e in members[1:]:
        names.update(e.aliases)
        names.add(e.label)
        if e.cls != "Industry":  # the fullest of the documents' own labels, never an alias; an industry keeps its first
            label = max((label, e.label), key=lambda f: (len(f), f))
    return Entity(key, first.cls, label, tuple(sorted(names - {label})),
                  next((e.subclass for _, e in members if e.subclass), ""),
                  next((e.sector for _, e in members if e.sector), ""),
                  tuple(sorted({d for d, _ in members})), next((e.zone for _, e in members if e.zone), ""))
