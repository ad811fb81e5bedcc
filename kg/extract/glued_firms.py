"""A park that opens a firm's registered name, and is named nowhere else, is part of that name.

The type-word grammar reads 某某新区|某某文化传播有限公司 as a park, the firm's address, and the firm
after it (葛店开发区|湖北某某材料有限公司 is right so). But a registered name needs a place of its own:
where the firm's name has none (no province or city opening it, none in brackets) and the document
names neither the park nor the firm anywhere else, the park is the place of the firm's registered name, and the two
mentions are one firm (the annotation guide: a park named only inside another name is no entity
of its own, and the name alone ties nothing to it).

>>> from kg.types import Mention
>>> text = "主办方甲新区乙丙文化传播有限公司表示。"
>>> park = Mention("d", 3, 6, "甲新区", "Park", "t")
>>> firm = Mention("d", 6, 16, "乙丙文化传播有限公司", "Enterprise", "t")
>>> [m.surface for m in join_park_openings(text, [park, firm], {"丁": "r:1"}, ("有限公司",))]
['甲新区乙丙文化传播有限公司']
>>> [m.surface for m in join_park_openings(text + "甲新区发展。", [park, firm], {"丁": "r:1"}, ("有限公司",))]
['甲新区', '乙丙文化传播有限公司']
"""
from __future__ import annotations

from dataclasses import replace

from kg.extract.park_identity import leading_places

BRACKETS = "(（"


def _no_place_of_its_own(surface: str, regions: dict) -> bool:
    """葛店开发区|湖北…公司 and 联华林德气体（武汉）有限公司 carry their own place; 某某文化传播有限公司 does not."""
    places, _ = leading_places(surface, regions)
    return not places and not any(b in surface for b in BRACKETS)


def join_park_openings(text: str, mentions: list, regions: dict, legal_suffixes) -> list:
    """`mentions` with each park that opens a firm's registered name (`legal_suffixes`: 有限公司, 股份有限公司) joined to the firm as one firm mention,
    where neither is written anywhere else in `text` (安徽某某化工有限公司 elsewhere gives the firm a
    place of its own) and the firm's name has no place of its own."""
    suffixes = tuple(legal_suffixes)
    parks_ending = {m.end: m for m in mentions if m.cls == "Park" and not m.generic}
    joined, dropped = {}, set()
    for m in mentions:
        park = parks_ending.get(m.start)
        if m.cls != "Enterprise" or park is None or not m.surface.endswith(suffixes):
            continue
        if text.count(park.surface) != 1 or text.count(m.surface) != 1 or not _no_place_of_its_own(m.surface, regions):
            continue
        surface = park.surface + m.surface
        joined[id(m)] = replace(m, start=park.start, surface=surface, name=park.surface + m.key_name)
        dropped.add(id(park))
    return [joined.get(id(m), m) for m in mentions if id(m) not in dropped]
