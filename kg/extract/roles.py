"""The role an industry plays for its park (leading, emerging, future), from the words next to its list.

The trigger must close the enumeration the industry stands in (…、集成电路等未来产业)
or open it (主导产业为…); other industries and list punctuation between them do not
count as distance, so 以物联网、集成电路为主导的…集群和低空经济等未来产业 gives each
list its own role.
"""
from __future__ import annotations

import re

from kg.extract.discourse import CLAUSE
from kg.extract.wordforms import either, frame
from kg.ontology import Lexicon
from kg.types import Mention, Sentence

ROLE_AFTER = 14  # characters (other than list items) between an enumeration and its role word
ROLE_BEFORE = 6
ROLE_PRIORITY = {"hasFutureIndustry": 3, "hasEmergingIndustry": 2, "hasLeadingIndustry": 1}
QUOTES = "“”\""
LIST_MARKS = "、"
NUMERAL = "[0-9一二三四五六七八九十两]"
FRAME_ITEMS = "[^、，。；]{1,12}?"  # the items inside an exemplar frame (以…为代表的)


def filler_frames(lexicon: Lexicon) -> re.Pattern:
    """Frames inside enumerations that do not separate an item from its role word: 以…为代表的,
    两大, 千亿级 (from the lexicon's exemplar frames, enumeration counters and scales)."""
    w = lexicon.words
    exemplar = "|".join(re.escape(a) + FRAME_ITEMS + re.escape(b) for a, b in map(frame, w("exemplar-frame")))
    return re.compile(exemplar + "|" + NUMERAL + "+" + either(w("enumeration-counter")) + "|"
                      + either(w("enumeration-scale")))


def _covered(text: str, s: Sentence, industries: list, fillers: re.Pattern) -> set:
    """Positions that are list items or enumeration frames: they are no distance."""
    covered = set()
    for other in industries:
        covered.update(range(other.start - s.start, other.end - s.start))
    for found in fillers.finditer(text):
        covered.update(range(found.start(), found.end()))
    return covered


def _occurrences(plain: str, kept: list, word: str):
    """(start, end) in the text of each occurrence of `word` in `plain` (the text without quotes)."""
    p = plain.find(word)
    while p >= 0:
        yield kept[p], kept[p + len(word) - 1] + 1
        p = plain.find(word, p + 1)


def _better(prop: str, d: int, best: str, best_gap) -> bool:
    return best_gap is None or d < best_gap or (d == best_gap and ROLE_PRIORITY.get(prop, 0) > ROLE_PRIORITY.get(best, 0))


class RoleReader:
    """The role words of the lexicon (pk:RoleTrigger) and the frames that are no distance to them."""

    def __init__(self, lexicon: Lexicon):
        self.triggers = dict(lexicon.role_triggers)
        self.fillers = filler_frames(lexicon)
        self.filler_chars = frozenset(LIST_MARKS + QUOTES).union(
            w for w in lexicon.words("list-filler") if len(w) == 1)
        # 提升发展食品加工业、培育发展生物制药等新兴产业: an item opening with a verb starts the role's list
        self.new_predicate = re.compile("[" + LIST_MARKS + "]" + either(lexicon.words("list-predicate-verb")))
        # 特色农产品加工企业, 新兴金融: right before the item, an adjective is the item's own modifier, no role
        self.modifiers = frozenset(lexicon.words("role-modifier"))
        # 以A为主导产业、B为…, 以A为主导的B: after a role word, a list mark or 的 (an industry word between)
        # ends the frame it closed; the items after it have none of its role
        self.possessives = tuple(lexicon.words("possessive"))
        self.copulas = tuple(lexicon.words("role-copula"))
        self.closer = re.compile("(?:" + either(lexicon.words("label-suffix")) + ")?(?:" + LIST_MARKS + "|"
                                 + either(self.possessives) + ")")
        # 具有特色的…产业链: 特色 as an attribute; 武汉市第一大支柱产业: the role of a city, not of a park in it
        self.owner_tail = re.compile("(?:" + either(lexicon.words("possessive")) + ")?(?:" + either(self.triggers) + ")*$")
        self.attributes = tuple(lexicon.words("attribute-verb"))
        self.suffixes = tuple(lexicon.industry_suffixes)
        self.regions = lexicon.regions
        self.region_endings = tuple(lexicon.words("region-ending"))

    def role(self, s: Sentence, m: Mention, industries: list) -> str:
        """The industry role the words next to `m`'s enumeration give, or '' for plain hasIndustry."""
        triggers = self.triggers
        before = s.text[:m.start - s.start]
        if any(before.endswith(w) for w in self.modifiers):
            triggers = {w: p for w, p in triggers.items() if not (w in self.modifiers and before.endswith(w))}
        return industry_role(s, m, industries, triggers, self.fillers, self.filler_chars, self.new_predicate,
                             self._not_the_parks, self.closer, self._heads_its_own_phrase)

    def _heads_its_own_phrase(self, text: str, b: int, k: int, gap) -> bool:
        """Between the industry (ending at `b`) and the role word at `k`: an industry word right before the role
        word (产业特色, 产业优势: the role word is a noun of its own), or a 的 with words of a phrase of its
        own after it (…产业创新发展的区域服务特色), and no copula (是, 作为) that makes the industry the role's;
        list frames and counts are no words (包括A、B在内的八大未来产业)."""
        if text.endswith(self.suffixes, b, k):
            return True  # 以A为主的产业特色明显, A产业优势: a noun of its own (the industry's character), no role
        ends = [text.rfind(w, b, k) + len(w) for w in self.possessives if text.rfind(w, b, k) >= 0]
        return bool(ends) and gap(max(ends), k) > 0 and not any(w in text[b:k] for w in self.copulas)

    def _not_the_parks(self, text: str, k: int) -> bool:
        """The role word at `k` is an attribute (具有特色的) or a city's or a province's (武汉市第一大)."""
        before = text[max(0, k - 12):k]
        owner = before[:self.owner_tail.search(before).start()]  # 武汉市第一大|支柱: other role words, 的 left out
        if owner.endswith(self.attributes):
            return True
        owner = owner[:-1] if owner.endswith(self.region_endings) else owner
        return any(owner[-n:] in self.regions for n in range(2, min(6, len(owner)) + 1))


def industry_role(s: Sentence, m: Mention, industries: list, role_triggers: dict, fillers: re.Pattern,
                  filler_chars: frozenset, new_predicate: re.Pattern | None = None, skip=None,
                  closer: re.Pattern | None = None, owned=None) -> str:
    """The industry role the words next to `m`'s enumeration give, or '' for plain hasIndustry."""
    text = s.text
    a, b = m.start - s.start, m.end - s.start
    left = max((x.end() for x in CLAUSE.finditer(text, 0, a)), default=0)
    right_match = CLAUSE.search(text, b)
    right = right_match.start() if right_match else len(text)
    covered = _covered(text, s, industries, fillers)
    covered_by_items = {i for o in industries for i in range(o.start - s.start, o.end - s.start)}
    item_starts = {o.start - s.start for o in industries}

    def gap(lo: int, hi: int) -> int:
        return sum(1 for i in range(lo, hi) if i not in covered and text[i] not in filler_chars)

    # match role words across quotes: 五大“特”色服务业集群
    kept = [i for i, ch in enumerate(text) if ch not in QUOTES]
    plain = "".join(text[i] for i in kept)
    best, best_gap = "", None
    for word, prop in role_triggers.items():
        for k, word_end in _occurrences(plain, kept, word):
            # 新兴金融: a word inside an item, or the item's own modifier, is no role word of the list
            if not (left <= k < right) or k in covered_by_items or (word_end in item_starts and word_end != a):
                continue
            if skip is not None and skip(text, k):
                continue
            d = _distance(text, a, b, k, word_end, gap, new_predicate, closer, owned)
            if d is not None and _better(prop, d, best, best_gap):
                best, best_gap = prop, d
    return best


def _distance(text: str, a: int, b: int, k: int, word_end: int, gap, new_predicate, closer=None,
              owned=None) -> int | None:
    """How far the role word at ``[k, word_end)`` stands from the industry at ``[a, b)`` (list items and
    frames not counted), or None where it is too far or a new predicate opens between them."""
    if k >= b:
        d = gap(b, k)
        if owned is not None and owned(text, b, k, gap):
            return None  # …生命健康产业创新发展的区域服务特色: 特色 heads a phrase of its own
        return d if d <= ROLE_AFTER and not (new_predicate and new_predicate.search(text, b, k)) else None
    if word_end <= a:
        if closer is not None and closer.match(text, word_end):
            return None  # 以A为主导产业、B为支撑产业, 以A为主导的B: the role is said of what stands before
        d = gap(word_end, a)
        return d if d <= ROLE_BEFORE else None
    return None



