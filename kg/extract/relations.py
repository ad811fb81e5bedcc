"""Read relations from sentences: who develops which industry, hosts which firm, and so on.

A sentence's subject park is the park it names near its start (or a generic
word such as 园区/该区 there), else the park the passage is about (the topic,
the last zone named as a subject). Relations go from the subject to the
entities in the sentence; the property comes from the object's class, and for
park-to-park pairs from trigger words (对标, 协同发展) or the sub-park's type.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ontology import Lexicon
from kg.types import Mention, Relation, Sentence

_CLAUSE = re.compile(r"[，。；：,;:！？]")
ROLE_AFTER = 14  # characters (other than list items) between an enumeration and its role word
# Frames inside enumerations that do not separate an item from its role word.
_ROLE_FILLER = re.compile(r"以[^、，。；]{1,12}?为代表的|[0-9一二三四五六七八九十两]+[个大项]|[百千万]亿级")
ROLE_BEFORE = 6
ROLE_PRIORITY = {"hasFutureIndustry": 3, "hasEmergingIndustry": 2, "hasLeadingIndustry": 1}
OBJECT_FIRST_TRIGGERS = ("榜样", "标杆")
# After a region, these make it a person's title or an office, not the subject: 滨湖区委副书记
_OFFICE_WORDS = ("委", "市委", "区委", "县委", "政府", "党", "人大", "政协", "副", "书记", "市长", "区长", "县长", "管委会")
# Words that may open a clause before its subject: times and discourse markers.
_LEAD_OK = {"目前", "去年", "今年", "近年来", "同时", "其中", "如今", "作为"}


@dataclass
class SentenceFrame:
    """What a sentence is about: its subject park and the entities in it."""

    sentence: Sentence
    subject: str  # park key or ""
    subject_explicit: bool
    mentions: list  # (Mention, key)


def _find_all(text: str, words) -> list[tuple[int, str]]:
    hits = []
    for w in words:
        start = text.find(w)
        while start >= 0:
            hits.append((start, w))
            start = text.find(w, start + 1)
    return hits


class RelationExtractor:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.benchmark = [w for w, props in lexicon.relation_triggers.items() if "benchmarksAgainst" in props]
        self.cooperate = [w for w, props in lexicon.relation_triggers.items() if "cooperatesWith" in props]
        self.subpark = [w for w, props in lexicon.relation_triggers.items() if "hasSubPark" in props]

    # ------------------------------------------------------------ discourse
    def frames(self, sentences: list[Sentence], mentions: list[Mention], keys: dict,
               levels: dict) -> list[SentenceFrame]:
        """Assign each sentence its subject park; `keys` maps mention spans to entity keys."""
        by_sentence: dict = {s.index: [] for s in sentences}
        starts = [s.start for s in sentences]
        import bisect

        for m in mentions:
            i = bisect.bisect_right(starts, m.start) - 1
            if i >= 0:
                by_sentence[sentences[i].index].append(m)
        topic = ""
        frames = []
        for s in sentences:
            ms = sorted(by_sentence[s.index], key=lambda m: m.start)
            keyed = [(m, keys.get((m.start, m.end), "")) for m in ms]
            subject, explicit = "", False
            bench_hits = _find_all(s.text, self.benchmark)
            benchmark_at = min((p for p, w in bench_hits if w not in OBJECT_FIRST_TRIGGERS), default=len(s.text))
            for m, k in keyed:
                if m.cls != "Park":
                    continue
                offset = m.start - s.start
                if offset > benchmark_at:
                    break
                if not self._in_subject_position(s.text, offset) or self._is_address(s.text, m, s.start):
                    continue
                if m.generic:
                    subject = topic
                    break
                if k:
                    subject, explicit = k, True
                    break
            region = "" if subject else self._region_subject(s.text, keyed, s.start)
            if region and not topic.split(":", 1)[-1].startswith(region):
                topic = ""  # 胡埭镇坚持…: the passage turned to another city or district
            if not subject:
                subject = topic
            if explicit and not s.is_heading and levels.get(subject) == "zone":
                topic = subject
            elif not explicit and not s.is_heading:
                # a zone named mid-sentence, not as the object of 对标/与, becomes the topic
                for m, k in keyed:
                    if (m.cls == "Park" and k and not m.generic and levels.get(k) == "zone"
                            and m.start - s.start < benchmark_at and not self._after_partner_word(s.text, m.start - s.start)
                            and not self._is_address(s.text, m, s.start)):
                        topic = k
                        if not subject:
                            subject = k
                        break
            frames.append(SentenceFrame(s, subject, explicit, keyed))
        return frames

    def _in_subject_position(self, text: str, offset: int) -> bool:
        """A park opens its clause (after at most a short time or discourse phrase)
        rather than standing after a verb: 2019年6月，常熟高新区启动… but not 全力推动药明生命科技园."""
        clause_start = max((m.end() for m in _CLAUSE.finditer(text, 0, offset)), default=0)
        lead = text[clause_start:offset]
        if not lead:
            return True
        if len(lead) > 8:
            return False
        return not any(w in lead for w in self.lex.boundaries if len(w) >= 2 and w not in _LEAD_OK) and \
            not re.search(r"[将把对与和及在向由从]$", lead)

    def _region_subject(self, text: str, keyed, base: int) -> str:
        """The sentence opens with a region as its subject (胡埭镇坚持…, 无锡集成电路产业…), not
        with a park or a park's office (滨湖区委副书记 is a person's title)."""
        parts = _CLAUSE.split(text, maxsplit=1)
        lead = parts[0] if len(parts[0]) > 6 or len(parts) == 1 else parts[1]
        offset = text.find(lead)
        for size in range(min(6, len(lead)), 1, -1):
            head = lead[:size]
            if head in self.lex.regions or (size >= 3 and head[-1] in "镇乡县市区" and head[:-1] in self.lex.regions):
                if lead[size:size + 3].startswith(_OFFICE_WORDS):
                    return ""
                if any(m.cls == "Park" and m.start - base <= offset + size for m, _ in keyed):
                    return ""
                return head
        return ""

    def _is_address(self, text: str, m, base: int) -> bool:
        """The park names an office (两江新区公安分局) or the venue of an event
        (在漕河泾开发区举行): it does not govern the sentence."""
        after = text[m.end - base:m.end - base + 8]
        if any(after.startswith(w) for w in self.lex.agency_words):
            return True
        before = text[max(0, m.start - base - 3):m.start - base]
        if re.search(r"(在|于|来自|位于|地处)$", before):
            clause_end = _CLAUSE.search(text, m.end - base)
            rest = text[m.end - base:clause_end.start() if clause_end else len(text)]
            return any(v in rest for v in self.lex.venue_cues) or before.endswith(("来自", "位于", "地处"))
        return False

    def _after_partner_word(self, text: str, offset: int) -> bool:
        before = text[max(0, offset - 6):offset]
        return bool(re.search(r"(与|和|同|跟|向|对标|学习|借鉴|赴|到)$", before)) or any(
            w in before for w in self.cooperate)

    # ------------------------------------------------------------ relations
    def _role(self, s: Sentence, m: Mention, industries: list) -> str:
        """The industry role the words next to `m`'s enumeration give, or '' for plain hasIndustry.

        The trigger must close the enumeration `m` stands in (…、集成电路等未来产业) or open it
        (主导产业为…); other industries and list punctuation between them do not count as
        distance, so 以物联网、集成电路为主导的…集群和低空经济等未来产业 gives each list its own role.
        """
        text = s.text
        a, b = m.start - s.start, m.end - s.start
        left = max((x.end() for x in _CLAUSE.finditer(text, 0, a)), default=0)
        right_match = _CLAUSE.search(text, b)
        right = right_match.start() if right_match else len(text)
        covered = set()
        for other in industries:
            covered.update(range(other.start - s.start, other.end - s.start))
        for frame in _ROLE_FILLER.finditer(text):
            covered.update(range(frame.start(), frame.end()))
        filler = set("、和及与等“”\"")

        def gap(lo: int, hi: int) -> int:
            return sum(1 for i in range(lo, hi) if i not in covered and text[i] not in filler)

        # match role words across quotes: 五大“特”色服务业集群
        kept = [i for i, ch in enumerate(text) if ch not in "“”\""]
        plain = "".join(text[i] for i in kept)
        best, best_gap = "", None
        for word, prop in self.lex.role_triggers.items():
            p = plain.find(word)
            while p >= 0:
                k = kept[p]
                word_end = kept[p + len(word) - 1] + 1
                p = plain.find(word, p + 1)
                if not (left <= k < right):
                    continue
                if k >= b:
                    d = gap(b, k)
                    ok = d <= ROLE_AFTER
                elif word_end <= a:
                    d = gap(word_end, a)
                    ok = d <= ROLE_BEFORE
                else:
                    ok, d = False, 0
                if ok and (best_gap is None or d < best_gap or (d == best_gap and
                                                                 ROLE_PRIORITY.get(prop, 0) > ROLE_PRIORITY.get(best, 0))):
                    best, best_gap = prop, d
        return best

    def relations(self, frames: list[SentenceFrame], evidence_for, levels: dict) -> list[Relation]:
        out = []
        for f in frames:
            s = f.sentence
            if not f.subject or s.is_heading:
                continue
            ev = evidence_for(s)
            text = s.text
            bench = _find_all(text, self.benchmark)
            coop = _find_all(text, self.cooperate)
            sub_cue = _find_all(text, self.subpark)
            for m, k in f.mentions:
                if not k or k == f.subject or m.generic:
                    continue
                if m.cls == "Industry":
                    prop = self._role(s, m, [x for x, _ in f.mentions if x.cls == "Industry"]) or "hasIndustry"
                    out.append(Relation(f.subject, prop, k, ev, m.stage, round(0.6 + 0.3 * m.score, 3)))
                elif m.cls == "Enterprise":
                    out.append(Relation(f.subject, "hasEnterprise", k, ev, m.stage, round(0.5 + 0.3 * m.score, 3)))
                elif m.cls == "Platform":
                    out.append(Relation(f.subject, "hasPlatform", k, ev, m.stage, round(0.5 + 0.3 * m.score, 3)))
                elif m.cls == "Park":
                    prop = self._park_relation(m, text, s.start, bench, coop, sub_cue, levels.get(k, ""))
                    if prop:
                        out.append(Relation(f.subject, prop, k, ev, "grammar:park-pair", 0.75))
                    holder = self._bracket_holder(f.mentions, m, text, s.start)
                    if holder and holder != k:
                        # 南山循环经济开发区（含迤资园区）: the bracket names a park the other one contains
                        out.append(Relation(holder, "hasSubPark", k, ev, "grammar:bracket", 0.8))
        return out

    @staticmethod
    def _bracket_holder(mentions, m, text: str, base: int) -> str:
        before = text[max(0, m.start - base - 3):m.start - base]
        if not re.search(r"[（(](?:含|包括|下辖)$", before):
            return ""
        opening = m.start - base - len(before) + before.find("（" if "（" in before else "(")
        for other, key in mentions:
            if other.cls == "Park" and key and not other.generic and other.end - base == opening:
                return key
        return ""

    def _park_relation(self, m, text, base, bench, coop, sub_cue, level) -> str:
        pos = m.start - base
        if bench and any(p < pos for p, _ in bench):
            return "benchmarksAgainst"
        if bench and any(w in OBJECT_FIRST_TRIGGERS for _, w in bench):
            return "benchmarksAgainst"
        if coop and any(abs(p - pos) < 30 for p, _ in coop):
            return "cooperatesWith"
        if level == "subpark" or sub_cue:
            return "hasSubPark"
        return ""
