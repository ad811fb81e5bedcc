"""Head-word anaphora: 该基地, 基地 opening a clause refer to the park last named with that head word.

A passage about a zone may turn to one of its parks and go on naming it by its head alone
(位于X高新区的合肥新型显示产业基地…。据悉，该基地以…为龙头): what follows is the base's,
not the zone's. The heads that do this and the demonstratives before them are lexicon data.

>>> from kg.ontology import Lexicon
>>> heads = HeadAnaphora(Lexicon(grammar_words={"anaphor-head": ("基地",), "demonstrative": ("该",)}))
>>> heads.head_opening("该基地以龙头企业为引领")
'基地'
>>> heads.antecedent("基地", [("合肥新型显示产业基地", "Park:b"), ("新站高新区", "Park:z")])
'Park:b'
"""
from __future__ import annotations

import re

from kg.extract.wordforms import either
from kg.ontology import Lexicon


class HeadAnaphora:
    """The anaphor heads (基地) of the lexicon, and the park each refers back to."""

    def __init__(self, lexicon: Lexicon):
        heads, demonstratives = lexicon.words("anaphor-head"), lexicon.words("demonstrative")
        self.opening = re.compile("(?:" + either(demonstratives) + ")?(" + either(heads) + ")") if heads else None

    def head_opening(self, clause: str) -> str:
        """The anaphor head that opens `clause` (该基地…, 基地…), or ''."""
        found = self.opening.match(clause) if self.opening is not None else None
        return found.group(1) if found else ""

    @staticmethod
    def antecedent(head: str, named: list) -> str:
        """The key of the park last named (in `named`, (surface, key) in text order) with `head`, or ''."""
        return next((key for surface, key in reversed(named)
                     if head and surface.endswith(head) and len(surface) > len(head)), "")
