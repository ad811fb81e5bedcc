"""Read relations from sentences: who develops which industry, hosts which firm, and so on.

Each sentence's subject park comes from `kg.extract.discourse` (its `SentenceFrame`).
Relations go from the subject to the entities in the sentence; the property comes
from the object's class (an industry's role from `kg.extract.roles`), and for
park-to-park pairs from trigger words (对标, 协同发展) or the sub-park's type.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from kg.extract.confidence import relation_model
from kg.extract.discourse import (
    ANCHOR_SENTENCES, LEAD_SENTENCES, DocumentContext, FrameReader, SentenceFrame,
)
from kg.extract.other_parks import park_right_before, placed_elsewhere
from kg.extract.owned_names import OwnedNames
from kg.extract.park_identity import named_after, one_park_by_name
from kg.extract.park_pairs import PairTriggers, ParkPairs, trigger_words
from kg.extract.region_agent import RegionAgents
from kg.extract.roles import RoleReader
from kg.extract.ties import TieIndex, clause_bounds, own_noun_positions
from kg.extract.wordforms import either
from kg.ontology import Lexicon
from kg.types import Mention, Relation, Sentence

# re-exported: the pipeline, scripts and tests import these from here
__all__ = ["RelationExtractor", "admissible", "SentenceFrame", "DocumentContext", "ANCHOR_SENTENCES", "LEAD_SENTENCES"]
WEAK_BLOCKERS = ("award", "wider")  # contexts that tie nothing unless the passage is about the park
ROLL = "award"  # 名单, 榜单 before a park: a roll of names, where parks are items, not parts of each other
LEAD_REACH = 8  # characters (a time, a discourse word) before a sentence's opening firm
NEAR_GAP = math.log1p(2)  # sentence_gap of a park named at most two sentences before


def admissible(features: dict) -> bool:
    """A candidate is a relation only where the text ties it: never in a context that ties
    nothing (organiser list, résumé, award list, court report, a plan to settle), and, when
    the sentence does not name its park, only with a tie word or the park's own name."""
    if _beside_the_park(features) or features.get("other_focus"):
        return False  # …, or the items a frame makes the focus of something that is no industry
    anchored = bool(features.get("anchored"))
    if features.get("blocked") and not (features.get("blocked_weak") and anchored):
        return False
    if features.get("roll") and features.get("subpark") and not features.get("owned"):
        return False  # a roll of parks (X协同联动区名单：…) puts none inside another, unless by name
    if features.get("subpark") and not (features.get("tie") or features.get("owned")):
        return False  # a sub-park by its type alone, with no word that puts it inside the park
    if not (features.get("explicit") or anchored or features.get("owned") or features.get("subpark")) \
            and features.get("sentence_gap", 0.0) > NEAR_GAP:
        return False  # a park named once, sentences back, does not speak for this one
    if features.get("topic_only_no_tie") and features.get("platform"):
        return False  # a university or an institute the passage only names is someone's school or employer
    return not features.get("topic_only_no_tie") or anchored


def _beside_the_park(features: dict) -> bool:
    """The object stands beside the park, not in it: a firm's partner (福然德与中国电信签约), an item of the
    park's own list (喀什综保区、深圳产业园、喀什大学), a clause a region opens, or a clause before the one
    that names the park with no word to tie them (海谱润斯等企业订单提升，X产业园等园区集聚初显)."""
    f = features.get
    if (f("firm_partner") or f("firm_speaks")) and not f("explicit"):
        return True
    if f("parent_firm") and not f("owned"):
        return True  # 某集团旗下的某公司: the parent of the firm the sentence is about
    if (f("co_item") or f("region_clause") or f("placed_elsewhere")) and not f("owned"):
        return True
    return bool(f("explicit")) and not (f("subject_before") or f("same_clause") or f("tie") or f("owned") or f("role"))


@dataclass(frozen=True)
class _SentenceCues:
    """What the candidates of one sentence share: its text with names masked, where its subject
    stands, the trigger words in it and the document features of its subject."""

    frame: SentenceFrame
    text: str
    masked: str
    subject_at: int | None
    subject_spans: tuple  # (start, end) of the subject's names in the sentence
    base: dict
    pairs: PairTriggers


class RelationExtractor:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.ties = TieIndex.from_lexicon(lexicon)
        self.model = relation_model()
        self.reader = FrameReader(lexicon, trigger_words(lexicon, "benchmarksAgainst"),
                                  trigger_words(lexicon, "cooperatesWith"))
        self.pairs = ParkPairs(lexicon, self.reader)
        self.object_first = self.reader.object_first
        self.list_closers = lexicon.words("list-closer")  # A、B等
        self.roles = RoleReader(lexicon)
        self.agents = RegionAgents(lexicon)
        self.owned = OwnedNames(lexicon)
        self.park_nouns = lexicon.words("park-own-noun")  # 服务某新区建设: the park's own noun, no tie for a firm
        self.partners = frozenset(lexicon.words("firm-partner"))  # 甲公司与乙公司签约: a deal between firms
        self.group_relations = lexicon.words("group-relation")  # 某集团旗下, 某集团所属: a parent before its firm
        self.any_park_kind = frozenset(lexicon.words("any-park-kind"))  # 漕河泾园区 for 漕河泾开发区
        self.legal_suffixes = tuple(sorted(lexicon.enterprise_legal_suffixes, key=len, reverse=True))
        # 以A、B为重点的N: what N is decides whether A and B are industries (_focus_of_other)
        self.focus_frame = re.compile("(?:" + either(lexicon.words("frame-copula")) + ")(?:"
                                      + either(lexicon.words("industry-frame")) + ")(?:"
                                      + either(lexicon.words("possessive")) + ")([^，。；：]{1,12})")
        self.industry_heads = lexicon.words("clause-industry-word")
        # 我国, 中国, 国家: a country's industry (国家车联网产业标准体系), no park's
        self.countries = lexicon.words("country-word") + lexicon.words("nation-word")

    def frames(self, sentences: list[Sentence], mentions: list[Mention], keys: dict,
               levels: dict) -> list[SentenceFrame]:
        """Each sentence's subject park (`kg.extract.discourse.FrameReader.frames`)."""
        return self.reader.frames(sentences, mentions, keys, levels)

    def relations(self, frames: list[SentenceFrame], evidence_for, levels: dict) -> list[Relation]:
        """The candidates that words tie (`admissible`), their `confidence` the fitted model's probability."""
        return [replace(r, confidence=round(self.model.probability(x), 3))
                for r, x in self.candidates(frames, evidence_for, levels) if admissible(x)]

    def candidates(self, frames: list[SentenceFrame], evidence_for, levels: dict) -> list[tuple[Relation, dict]]:
        """Relation candidates from each sentence's subject to the entities in it, with the
        features (`kg.extract.confidence.RELATION_FEATURES`) the confidence model reads."""
        context = DocumentContext.of(frames)
        out = []
        for f in frames:
            if not f.subject or f.sentence.is_heading:
                continue
            cues = self._cues(f, context)
            ev = evidence_for(f.sentence)
            for m, k in f.mentions:
                if k and k != f.subject and not m.generic and m.start - f.sentence.start >= f.region_lead:
                    out.extend(self._candidates_of(cues, m, k, ev, context, levels))
        return out + self.owned.by_name(frames, context, evidence_for)

    def _cues(self, f: SentenceFrame, context: DocumentContext) -> _SentenceCues:
        s, text = f.sentence, f.sentence.text
        masked = self.ties.mask(text, [(m.start - s.start, m.end - s.start) for m, _ in f.mentions])
        spans = tuple((m.start - s.start, m.end - s.start) for m, k in f.mentions if k == f.subject and not m.generic)
        subject_at = spans[0][0] if spans else None
        base = dict(context.features(f.subject, s.index, f.subject_explicit))
        # how the subject was resolved: carried over from an earlier sentence, neither named nor referred to here
        base["subject_carried"] = 0.0 if any(k == f.subject for _, k in f.mentions) else 1.0
        return _SentenceCues(f, text, masked, subject_at, spans, base, self.pairs.triggers(text, masked))

    def _features(self, cues: _SentenceCues, m: Mention, context: DocumentContext, key: str = "") -> dict:
        """The features of the object `m` that do not depend on its class."""
        f, text = cues.frame, cues.text
        a, b = m.start - f.sentence.start, m.end - f.sentence.start
        x = dict(cues.base)
        blocker = self.ties.blocker(cues.masked, a, b, m.cls)
        x["blocked"] = 1.0 if blocker else 0.0
        # a park's own firm honoured (获评) in a passage about the park is still its firm
        x["blocked_weak"] = 1.0 if blocker in WEAK_BLOCKERS and m.cls != "Industry" else 0.0
        # a name that begins with the park's own name is the park's (X高新区集成电路产业园)
        x["owned"] = 1.0 if context.owns(f.subject, m.surface) else 0.0
        x["subject_before"] = 1.0 if cues.subject_at is not None and cues.subject_at < a else 0.0
        x["in_list"] = 1.0 if (text[max(0, a - 1):a] == "、" or text[b:b + 1] == "、"
                               or text[b:].startswith(self.list_closers)) else 0.0
        x.update(self._recognition(m))
        x["crowded"] = math.log1p(len(f.mentions))  # names in the sentence: agendas and rolls name many
        lo, hi = clause_bounds(text, a, b)
        x["same_clause"] = 1.0 if cues.subject_at is not None and lo <= cues.subject_at < hi else 0.0
        x["firm_partner"] = 1.0 if self._firm_partner(cues, m) else 0.0
        x["co_item"] = 1.0 if any(self.ties.co_items(cues.masked, span, (a, b)) for span in cues.subject_spans) else 0.0
        x["region_clause"] = 1.0 if self._region_clause(cues, lo, hi, a) else 0.0
        # a name the article comes back to is what it is about; one named once in passing is not
        x["object_repeated"] = 1.0 if (context.sentences_of or {}).get(key, 0) >= 2 else 0.0
        return x

    def _recognition(self, m: Mention) -> dict:
        """How the object's name was found: how far it can be trusted as a name."""
        return {"gazetteer": 1.0 if m.stage.startswith("gazetteer") else 0.0,
                "list_stage": 1.0 if "list" in m.stage else 0.0,  # found as an item of a list
                "trade_name": 1.0 if m.stage.endswith("trade-name") else 0.0,  # a firm's bare trade name (甲乙科技)
                "object_legal": 1.0 if m.surface.endswith(self.legal_suffixes) else 0.0}

    def _region_clause(self, cues: _SentenceCues, lo: int, hi: int, at: int) -> bool:
        """…产业园的创始人认为，近年来，盐田聚焦生物医药等新兴产业: the object's clause opens with a region
        (its subject), or a region is the agent of a development verb before the object (上海打造X), and
        the park is named in another clause: the region's statement, not the park's."""
        if any(lo <= a < hi for a, _ in cues.subject_spans):
            return False
        if self.agents.before(cues.masked, lo, at):
            return True
        base = cues.frame.sentence.start + lo
        inside = [(m, k) for m, k in cues.frame.mentions if base <= m.start < cues.frame.sentence.start + hi]
        region = self.reader.region_subject(cues.text[lo:hi], inside, base)
        at = cues.text.find(region, lo, hi) + cues.frame.sentence.start if region else -1
        # 上海芯超、山东卡森等企业入驻…, 黄冈市大学科技园…: the place opens a name, not the clause
        return bool(region) and not any(m.start <= at < m.end for m, _ in inside)

    def _firm_partner(self, cues: _SentenceCues, m: Mention) -> bool:
        """福然德股份与中国电信…签约: a sentence that opens with a firm and a partner word (与, 和, 同)
        tells a deal between firms; its other names are the firm's partners, not the park's."""
        base = cues.frame.sentence.start
        first = next((o for o, _ in cues.frame.mentions if not o.generic), None)
        if first is None or first is m or first.cls not in ("Enterprise", "Platform") or m.start < first.end:
            return False
        lead = cues.text[:first.start - base]
        after = cues.text[first.end - base:first.end - base + 1]
        return len(lead) <= LEAD_REACH and after in self.partners

    def _candidates_of(self, cues: _SentenceCues, m: Mention, k: str, ev, context: DocumentContext,
                       levels: dict) -> list[tuple[Relation, dict]]:
        """The candidates the sentence gives for its object `m` (key `k`): none, one, or a bracket
        relation before the park pair."""
        f = cues.frame
        x = self._features(cues, m, context, k)
        out = []
        if m.cls == "Industry":
            if park_right_before(f, m) or cues.text.endswith(self.countries, 0, m.start - f.sentence.start):
                return out  # 某新区先进储能产业, 我国机器人产业: the industry of the park or the country named right
                # before it, not the subject's
            prop = self._industry(cues, m, x)
        elif m.cls in ("Enterprise", "Platform"):
            if park_right_before(f, m):
                return out  # X产业园Y中心: the park right before holds it (OwnedNames.by_name), not the subject
            prop = "has" + m.cls
            x.update(self._body_features(cues, m, prop))
        elif m.cls == "Park":
            if (one_park_by_name(f.subject, k, self.lex.regions, self.any_park_kind) and not x["owned"]) \
                    or context.same_park(f.subject, k):
                return out  # 漕河泾开发区 and 漕河泾新兴技术开发区, 天衢新区（德州经开区） in one article: one park, no pair
            holder = self.owned.bracket_holder(f.mentions, m, cues.text, f.sentence.start)
            if holder and holder != k:
                # 南山循环经济开发区（含迤资园区）: the bracket names a park the other one contains
                out.append((Relation(holder, "hasSubPark", k, ev, "grammar:bracket"),
                            dict(x, subpark=1.0, tie=1.0, owned=1.0)))
            prop = self._park_pair(cues, m, k, x, levels.get(k, ""))
            if not prop:
                return out
        else:
            return out
        stage = "grammar:park-pair" if m.cls == "Park" else m.stage
        x["topic_only_no_tie"] = 1.0 if not f.subject_explicit and not x["tie"] and not x["owned"] else 0.0
        out.append((Relation(f.subject, prop, k, ev, stage), x))
        return out

    def _body_features(self, cues: _SentenceCues, m: Mention, prop: str) -> dict:
        """The features of a firm or a platform: its class, a tie word, a parent group before it, another park
        the clause places it in."""
        return {m.cls.lower(): 1.0, "tie": 1.0 if self._tied(cues, prop, m) else 0.0,
                # 某集团旗下的某公司凭…获奖: the group is the parent of the firm the sentence speaks of
                "parent_firm": 1.0 if cues.text.startswith(self.group_relations, m.end - cues.frame.sentence.start) else 0.0,
                "placed_elsewhere": 1.0 if placed_elsewhere(cues.frame, cues.text, cues.subject_spans, m,
                                                            self.reader.position.settled_in) else 0.0}

    def _tied(self, cues: _SentenceCues, prop: str, m: Mention, parts_of_names: bool = False) -> bool:
        """A tie word for `prop` in the object's scope; with `parts_of_names`, none that starts where another
        name ends (Y核心区 says Y is a part, nothing of the object)."""
        base = cues.frame.sentence.start
        ends = frozenset(o.end - base for o, _ in cues.frame.mentions if o is not m and not o.generic) \
            if parts_of_names else frozenset()
        nouns = own_noun_positions(cues.masked, (b for _, b in cues.subject_spans), self.park_nouns) \
            if prop == "hasEnterprise" else frozenset()
        return self.ties.tie(cues.masked, prop, m.start - base, m.end - base, cues.subject_at, ends,
                             self.pairs.part_nouns, frozenset(nouns)) is not None

    def _industry(self, cues: _SentenceCues, m: Mention, x: dict) -> str:
        f = cues.frame
        role = self.roles.role(f.sentence, m, [o for o, _ in f.mentions if o.cls == "Industry"])
        x.update(industry=1.0, role=1.0 if role else 0.0)
        x["tie"] = 1.0 if role or self._tied(cues, "hasIndustry", m) else 0.0
        x["firm_speaks"] = 1.0 if self._firm_speaks(cues) else 0.0
        x["other_focus"] = 1.0 if self._focus_of_other(cues, m) else 0.0
        return role or "hasIndustry"

    def _focus_of_other(self, cues: _SentenceCues, m: Mention) -> bool:
        """以水稻、蔬菜、花卉为重点的育繁推应用体系: the items are the focus of something that is no industry
        (a breeding system), so the frame names no industry of the park; …为主导的产业体系 still does."""
        b = m.end - cues.frame.sentence.start
        found = self.focus_frame.search(cues.text, b, clause_bounds(cues.text, b - 1, b)[1])
        return bool(found) and not any(w in found.group(1) for w in self.industry_heads)

    @staticmethod
    def _firm_speaks(cues: _SentenceCues) -> bool:
        """据悉，金马新能源有限公司是一家可再生能源领域的企业: a sentence that opens with a firm and names
        no park describes the firm; its fields are the firm's, not the park the passage is about."""
        f = cues.frame
        first = f.mentions[0][0] if f.mentions else None  # 产业园以甲企业为龙头: the park's word opens it
        return not f.subject_explicit and first is not None and first.cls == "Enterprise" \
            and first.start - f.sentence.start <= LEAD_REACH

    def _park_pair(self, cues: _SentenceCues, m: Mention, key: str, x: dict, level: str) -> str:
        named = {k: [o for o, kk in cues.frame.mentions if kk == k] for k in (cues.frame.subject, key)}
        prop = self.pairs.prop(cues.text, cues.frame.sentence.start, m, named[cues.frame.subject], cues.pairs, level,
                               named[key])
        if prop in ("cooperatesWith", "benchmarksAgainst") and named_after(cues.frame.subject, key, self.lex.regions):
            return ""  # the park two partners built together, named after them, is neither's partner
        if prop == "hasSubPark":
            x["subpark"] = 1.0
            # 名单：A、B…: the items of a roll (only a sub-park candidate needs the search)
            x["roll"] = 1.0 if self.ties.opens_before(ROLL, cues.masked, m.start - cues.frame.sentence.start) else 0.0
            x["tie"] = 1.0 if cues.pairs.sub_cue or self._tied(cues, prop, m, parts_of_names=True) else 0.0
        elif prop:
            x.update({"benchmark" if prop == "benchmarksAgainst" else "park_pair": 1.0, "tie": 1.0})
        return prop
