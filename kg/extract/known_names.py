"""A document's parks are named alike everywhere: where the text goes on with a longer name the
document uses for a park, a shorter mention at that place is that longer name.

The name grammars read each sentence alone, so one name can come out whole in one sentence
(海口某某新区企业港) and cut in another, where a mark before it or a line break changed the
words (×海口某某新区|企业港): the cut mention is completed from the whole one.

>>> from kg.types import Mention
>>> text = "甲新区企业港投产。×甲新区企业港楼顶。"
>>> whole = Mention("d", 0, 6, "甲新区企业港", "Park", "t")
>>> cut = Mention("d", 10, 13, "甲新区", "Park", "t")
>>> [m.surface for m in complete_known_names(text, [whole, cut])]
['甲新区企业港', '甲新区企业港']
"""
from __future__ import annotations

from dataclasses import replace


def complete_known_names(text: str, mentions: list) -> list:
    """`mentions` with each park mention that the text continues into a longer park name of the
    document (and into no other mention) taken as that name."""
    whole = {}
    for m in mentions:
        if m.cls == "Park" and not m.generic:
            whole.setdefault(m.surface, m)
    names = sorted(whole, key=len, reverse=True)
    starts = sorted(m.start for m in mentions)
    out = []
    for m in mentions:
        if m.cls == "Park" and not m.generic:
            longer = next((n for n in names if len(n) > len(m.surface) and n.startswith(m.surface)
                           and text.startswith(n, m.start)), None)
            end = m.start + len(longer) if longer else m.end
            if longer and not any(m.start < s < end for s in starts):
                model = whole[longer]
                m = replace(m, end=end, surface=longer, name=model.name, subclass=model.subclass, level=model.level)
        out.append(m)
    return out
