"""A region as the agent of a development verb: <region>(加快)打造X, <region>重点发展X.

What a city or a district builds, develops or attracts is its own, not the park's that another
clause of the sentence names (它也是上海打造X集聚地的骨干项目: X is the city's aim).
"""
from __future__ import annotations

import re

from kg.extract.wordforms import either
from kg.ontology import Lexicon

MAX_PLACE = 6  # characters of a region's name, its administrative ending included
ADVERB_GAP = 2  # characters between the region and the verb (加快, 全力, 将)


class RegionAgents:
    def __init__(self, lexicon: Lexicon):
        self.regions = lexicon.regions
        self.endings = frozenset(lexicon.words("region-ending"))
        self.verbs = re.compile(either(lexicon.words("region-agent-verb")))

    def before(self, text: str, start: int, end: int) -> bool:
        """A region right before a development verb (at most ADVERB_GAP characters between) in
        `text[start:end]`: the clause's object there is the region's."""
        for verb in self.verbs.finditer(text, start, end):
            for gap in range(ADVERB_GAP + 1):
                if self._region_ends_at(text, start, verb.start() - gap):
                    return True
        return False

    def _region_ends_at(self, text: str, start: int, at: int) -> bool:
        for size in range(2, MAX_PLACE + 1):
            if at - size < start:
                return False
            word = text[at - size:at]
            if word in self.regions or (word[-1] in self.endings and word[:-1] in self.regions and size >= 3):
                return True
        return False
