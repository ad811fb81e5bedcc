"""Where a passage's subject turns without a park being named: the next item of a list of measures
returns to the list's subject, and an opening appositive can make the subject a part of the zone.

The frame reader carries a passage's park from sentence to sentence; these are the two places the
carried park does not speak for the sentence.
"""
from __future__ import annotations

from kg.extract.ties import CLAUSE_BREAK
from kg.ontology import Lexicon
from kg.types import Sentence


class PassageTurns:
    """The words of list items (一是, 二是) and of opening appositives (作为), from the lexicon."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.enumerators = tuple(lexicon.words("enumerator-opening"))  # 一是…。二是…: items of one list of measures
        self.first_items = tuple(lexicon.words("enumerator-first"))  # 一是: a new list begins
        self.appositives = tuple(lexicon.words("appositive-opening"))  # 作为…产业园，: what the subject is

    def enumerated(self, s: Sentence, topic: str, enumeration: tuple) -> tuple[str, tuple]:
        """(topic, enumeration) at sentence `s`: 一是…, 二是…, 三是… are items of one list whose subject is the
        one it began with; a park an earlier item made its topic (一是…某高新区入选…) does not speak for the
        next item, which returns to the list's subject (某区 …二是…打造甲、乙等标杆企业)."""
        if not s.text.startswith(self.enumerators):
            return topic, enumeration
        if enumeration and enumeration[0] == s.section and not s.text.startswith(self.first_items):
            return enumeration[1], enumeration
        return topic, (s.section, topic)

    def speaks_of_a_part(self, s: Sentence, keyed, topic: str, levels: dict) -> bool:
        """作为某省唯一的化妆品产业园，已经引进甲、乙: an opening appositive makes the sentence's subject a kind of
        specialised park (a generic sub-park word with its field), not the zone the passage is on: a part of it."""
        if levels.get(topic) != "zone" or not s.text.startswith(self.appositives):
            return False
        first = CLAUSE_BREAK.search(s.text)
        end = s.start + (first.start() if first else len(s.text))
        return any(m.generic and m.cls == "Park" and m.level == "subpark" and m.surface not in self.lex.generic
                   and m.end <= end for m, _ in keyed)
