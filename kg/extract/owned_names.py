"""Names a park owns by how they are written, whatever the sentence is about.

X高新区智能装备产业园, X开发区科技创业中心: a name that begins with the full name of a park of the
document is that park's, and so is a name the park is written right before (X新区Y工业园: its address);
南山循环经济开发区（含迤资园区）: a bracket that opens with a containment word after a park names a part of it.
A park the text writes only as the opening of its parts' names (X科技园某某核心区, X科技园某某园区) is named
inside them, no park of its own, so it owns none.
"""
from __future__ import annotations

import re

from kg.extract.discourse import DocumentContext
from kg.extract.new_areas import free_trade_area
from kg.extract.park_identity import one_park_by_name
from kg.extract.wordforms import chars, either
from kg.ontology import Lexicon
from kg.types import Relation

OWNED_PROPS = {"Park": "hasSubPark", "Platform": "hasPlatform", "Enterprise": "hasEnterprise"}
PART_PLACE = "[^\\W{}]{{2,4}}?"  # the place a part's name gives between its park and its head (某某): no function word


class OwnedNames:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.weak_areas = tuple(lexicon.words("weak-area-type"))  # 片区
        self.containment = re.compile(r"[（(]" + either(lexicon.words("containment-word")) + "$")  # （含…
        heads = [w for w, t in lexicon.park_types.items() if t.level == "subpark"]
        heads += [*lexicon.words("part-noun"), *lexicon.open_heads]
        function = chars([*lexicon.words("coordinator"), *lexicon.words("possessive"), *lexicon.words("list-closer")])
        # X科技园|某某核心区: a part's name goes on (X产业园和某某园区, X园区的某某片区 name two)
        self.part_after = re.compile(PART_PLACE.format(function) + either(heads))

    def by_name(self, frames, context: DocumentContext, evidence_for) -> list[tuple[Relation, dict]]:
        """X高新区智能装备产业园, X开发区科技创业中心: a name that begins with the full name of a
        park of the document belongs to that park, whatever the sentence is about."""
        out = []
        alone = self._named_alone(frames)
        for f in frames:
            parks_ending = {o.end: key for o, key in f.mentions if o.cls == "Park" and key and not o.generic}
            for m, k in f.mentions:
                if not k or m.generic or m.cls not in OWNED_PROPS:
                    continue
                owners = self._owners(m, k, parks_ending, context, alone)
                features = {"bias": 1.0, "owned": 1.0, "tie": 1.0, "explicit": 1.0, "name_prefix": 1.0,
                            {"Park": "subpark"}.get(m.cls, m.cls.lower()): 1.0}
                out += [(Relation(park, OWNED_PROPS[m.cls], k, evidence_for(f.sentence), "grammar:name-prefix"), features)
                        for park in owners]
        return out

    def _owners(self, m, k: str, parks_ending: dict, context: DocumentContext, alone: set) -> list:
        """The parks whose name `m` begins with, and the park written right before it (X产业园荆州（武汉）离岸科创中心,
        X开发区湖北容百…公司, X新区Y工业园: where it is; a zone after a zone is the next item of a list written without
        commas). A park only ever written as the opening of its parts' names owns no park."""
        owners = [parks_ending[m.start]] if parks_ending.get(m.start, k) != k and m.level != "zone" \
            and not self._town_block(m.surface) else []
        owners += [park for park in sorted(context.names) if park != k and context.owns(park, m.surface)
                   and not one_park_by_name(park, k, self.lex.regions)]
        return [park for park in owners if m.cls != "Park" or park in alone]

    def _town_block(self, name: str) -> bool:
        """某新区某某片区: a 片区 names a block of a town as often as a zone's area; only a free-trade zone's
        (某自贸区某某新片区) is the area of the park written before it (as `kg.extract.names.parts` reads it)."""
        return name.endswith(self.weak_areas) and not free_trade_area(self.lex, name)

    def _named_alone(self, frames) -> set:
        """The parks named somewhere on their own: a mention that a part's name does not go on from
        (X科技园某某核心区 names the part, X科技园的空间布局 the park)."""
        alone = set()
        for f in frames:
            base = f.sentence.start
            alone.update(k for m, k in f.mentions if k and m.cls == "Park" and not m.generic
                         and not self.part_after.match(f.sentence.text, m.end - base))
        return alone

    def bracket_holder(self, mentions, m, text: str, base: int) -> str:
        """南山循环经济开发区（含迤资园区）: the park whose name the bracket opens right after, or ''."""
        before = text[max(0, m.start - base - 3):m.start - base]
        if not self.containment.search(before):
            return ""
        opening = m.start - base - len(before) + before.find("（" if "（" in before else "(")
        for other, key in mentions:
            if other.cls == "Park" and key and not other.generic and other.end - base == opening:
                return key
        return ""
