"""Which park-to-park property a sentence states about two parks it names.

A model to follow (对标, 学习借鉴: benchmarksAgainst), a partner (协同发展, 联动:
cooperatesWith) or a part (一区多园, 核心区, a sub-park's own type: hasSubPark). None
where the two stand side by side (A及B), where the other park is where the subject
lies (X位于Y, X发挥Y核心区功能: Y holds X, not X Y), or where firms settle. A park named after
another county (某县消防器材产业园 beside 某市经济开发区) is that county's, a part of the subject only
where a containment word (包括, 一区多园) says so.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.extract.discourse import FrameReader, find_all
from kg.extract.park_identity import leading_places
from kg.extract.ties import CLAUSE_BREAK, mask_spans
from kg.ontology import Lexicon
from kg.types import Mention

BENCHMARK_REACH = 8  # characters between 对标/学习借鉴 and the park it names (对标先进的苏州工业园区)
COOPERATION_REACH = 30  # characters between a cooperation word and the park it pairs


@dataclass(frozen=True)
class PairTriggers:
    """Where a sentence's trigger words stand: (offset, word) for each kind."""

    bench: list
    coop: list
    sub_cue: list
    parts: list = ()  # part nouns outside names (核心承载区)


def trigger_words(lexicon: Lexicon, prop: str) -> list:
    """The lexicon's trigger words of the park-to-park property `prop` (对标 for benchmarksAgainst)."""
    return [w for w, props in lexicon.relation_triggers.items() if prop in props]


class ParkPairs:
    def __init__(self, lexicon: Lexicon, reader: FrameReader):
        self.benchmark = trigger_words(lexicon, "benchmarksAgainst")
        self.cooperate = trigger_words(lexicon, "cooperatesWith")
        self.subpark = trigger_words(lexicon, "hasSubPark")
        self.reader = reader
        self.coordinators = frozenset(lexicon.words("coordinator"))  # A、B, A及B: parks side by side
        self.other_cooperation = lexicon.words("non-park-cooperation")  # 政企合作, 校企合作: with a firm or a school
        self.part_nouns = lexicon.words("part-noun")  # X的核心承载区之一的Y: Y a part of X
        self.part_roles = lexicon.words("part-role-verb")  # X发挥Y核心区功能: X a part of Y
        self.places = lexicon.words("venue-preposition")  # 在Y产业园: where something happens
        self.possessive = frozenset(lexicon.words("possessive"))
        self.regions = lexicon.regions
        self.region_endings = tuple(lexicon.words("region-ending"))  # 某县: a county written with its ending

    def triggers(self, text: str, masked: str) -> PairTriggers:
        """Where the trigger words stand in `text` (part nouns in `masked`, the text with names masked)."""
        others = [(p, p + len(w)) for p, w in find_all(text, self.other_cooperation)]
        return PairTriggers(find_all(text, self.benchmark), find_all(mask_spans(text, others), self.cooperate),
                            find_all(text, self.subpark), find_all(masked, self.part_nouns))

    def prop(self, text: str, base: int, m: Mention, subject: list, found: PairTriggers, level: str,
             alike: list = ()) -> str:
        """The property from the sentence's subject park (its mentions `subject`) to the park `m` (all its
        mentions in the sentence: `alike`), or ''."""
        prop = self._stated(m, text, base, found, level) or ("hasSubPark" if self._part_between(
            text, base, m, subject, found) else "")
        if prop in ("hasSubPark", "benchmarksAgainst") and self._coordinated(text, base, m, subject):
            return ""  # 上海自贸试验区及临港新片区: two parks side by side, neither inside nor a model of the other
        if prop == "hasSubPark" and any(self._holds_the_subject(text, base, o) for o in list(alike) or [m]):
            return ""
        if prop == "hasSubPark" and not found.sub_cue and self._other_county(m, subject):
            return ""  # 某市经济开发区…项目，某县消防器材产业园建设项目: the county's park, not the zone's
        if prop == "hasSubPark" and (self._listed_with(subject, base, found)
                                     or (level != "subpark" and not self._cue_of_subject(text, base, subject, found)
                                         and not self._part_between(text, base, m, subject, found))):
            return ""
        return prop

    def _other_county(self, m: Mention, subject: list) -> bool:
        """The park's name opens with a county, district or city written with its ending (某县…产业园)
        that none of the subject's names opens with: a park of another place."""
        name = m.surface
        code = next((self.regions.get(name[:n]) or self.regions.get(name[:n - 1])
                     for n in range(min(7, len(name) - 2), 2, -1)
                     if name[:n].endswith(self.region_endings) and (name[:n] in self.regions or name[:n - 1] in self.regions)),
                    None)
        return bool(code and subject) and not any(code in leading_places(o.surface, self.regions)[0] for o in subject)

    @staticmethod
    def _cue_of_subject(text: str, base: int, subject: list, found: PairTriggers) -> bool:
        """A containment word (包括, 含) after a mention of the subject park in one clause: the subject holds
        what the word lists. After a clause break the word has a subject of its own (…，北向拓展带包括A、B)."""
        ends = [o.end - base for o in subject]
        return any(e <= p and not CLAUSE_BREAK.search(text, e, p) for p, _ in found.sub_cue for e in ends)

    @staticmethod
    def _listed_with(subject: list, base: int, found: PairTriggers) -> bool:
        """虹桥国际开放枢纽包括上海虹桥商务区…和苏州工业园区: the containment word (包括, 下辖) stands before
        every mention of the subject park, so the subject is one of the items, not what holds them."""
        first = min((o.start - base for o in subject), default=None)
        return first is not None and bool(found.sub_cue) and all(p < first for p, _ in found.sub_cue)

    def _part_between(self, text: str, base: int, m: Mention, subject: list, found: PairTriggers) -> bool:
        """作为X“三城一岛”的核心承载区之一的Y, X的Y片区: a part noun between the subject and the park, in one
        clause, makes the park a part of the subject (after the park, as in 发挥Y核心区功能, it says nothing of X)."""
        pos = m.start - base
        ends = [o.end - base for o in subject if o.end - base <= pos]
        return bool(ends) and any(max(ends) <= p and p + len(w) <= pos and not CLAUSE_BREAK.search(text, max(ends), pos)
                                  for p, w in found.parts)

    def _holds_the_subject(self, text: str, base: int, m: Mention) -> bool:
        """一批项目落户上海自贸试验区, X位于Y: the park is where the subject and its firms are, wherever else
        the sentence names it (X位于Y…，是Y首个…); X发挥Y核心区功能, X作为Y的承载区, X成为Y的集聚地: the subject is a
        part of the park, or what the park has. Either way the park holds the subject, not the subject it."""
        a, b = m.start - base, m.end - base
        owner = text[b:b + 1] in self.possessive  # 将建成为Y的科技服务集中地: what the subject becomes is Y's
        after = text[b + 1:] if owner else text[b:]
        return self.reader.position.settled_in(text, a) or self._placed(text, a) or (
            text[:a].endswith(self.part_roles) and (owner or after.startswith(self.part_nouns)))

    def _placed(self, text: str, a: int) -> bool:
        """棚建设在甲小区、Y产业园率先启动: a park after 在 (itself or an item of the list after it) is where
        something happens, no part of the subject the text puts in it."""
        clause = text[max((c.end() for c in CLAUSE_BREAK.finditer(text, 0, a)), default=0):a]
        at = max(clause.rfind(w) for w in self.places)
        return at >= 0 and all(ch not in clause[at:] for ch in "，。；") and (
            at + 1 == len(clause) or clause[-1:] in self.coordinators)

    def _coordinated(self, text: str, base: int, m: Mention, subject: list) -> bool:
        """The park stands in a coordination with the subject park (A及B, A、B, A和B)."""
        ends = {o.end - base for o in subject if o is not m}
        starts = {o.start - base for o in subject if o is not m}
        a, b = m.start - base, m.end - base
        joiners = self.coordinators
        return (a >= 1 and text[a - 1] in joiners and a - 1 in ends) or (
            b < len(text) and text[b] in joiners and b + 1 in starts)

    def _stated(self, m: Mention, text: str, base: int, found: PairTriggers, level: str) -> str:
        pos = m.start - base
        # 对标苏州工业园区: the model stands right after the word (对标国际高标准经贸规则 names none)
        if found.bench and any(p < pos and _near(text, p + len(w), pos) for p, w in found.bench):
            return "benchmarksAgainst"
        if found.bench and any(w in self.reader.object_first and _near(text, m.end - base, p) for p, w in found.bench):
            return "benchmarksAgainst"
        if found.coop and any(abs(p - pos) < COOPERATION_REACH for p, _ in found.coop):
            return "cooperatesWith"
        if level == "subpark" or found.sub_cue:
            return "hasSubPark"
        return ""


def _near(text: str, start: int, end: int) -> bool:
    """`start` and `end` are in one clause, at most BENCHMARK_REACH characters apart."""
    return 0 <= end - start <= BENCHMARK_REACH and not CLAUSE_BREAK.search(text, start, end)
