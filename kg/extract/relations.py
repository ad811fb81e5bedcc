"""Read relations from sentences: who develops which industry, hosts which firm, and so on.

A sentence's subject park is the park it names near its start (or a generic
word such as 园区/该区 there), else the park the passage is about (the topic,
the last zone named as a subject). Relations go from the subject to the
entities in the sentence; the property comes from the object's class, and for
park-to-park pairs from trigger words (对标, 协同发展) or the sub-park's type.
"""
from __future__ import annotations

import re
import math
from dataclasses import dataclass, replace

from kg.extract.confidence import relation_model

from kg.extract.ties import TieIndex, mask_spans
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


WEAK_BLOCKERS = ("award", "wider")  # contexts that tie nothing unless the passage is about the park
ANCHOR_SENTENCES = 3
LEAD_SENTENCES = 2  # the first sentences of a section: what they make their subject, the passage is about  # a park named in this many sentences is what the passage is about


def admissible(features: dict) -> bool:
    """A candidate is a relation only where the text ties it: never in a context that ties
    nothing (organiser list, résumé, award list, court report, a plan to settle), and, when
    the sentence does not name its park, only with a tie word or the park's own name."""
    anchored = bool(features.get("anchored"))
    if features.get("blocked") and not (features.get("blocked_weak") and anchored):
        return False
    return not features.get("topic_only_no_tie") or anchored


@dataclass(frozen=True)
class _DocumentContext:
    """Where each park is named in the document: the sentences that name it, and how many parks."""

    named_in: dict  # park key -> sorted sentence indexes naming it
    lead: frozenset  # park keys named in a heading or the first two sentences
    names: dict  # park key -> the names it is written with

    def owns(self, subject: str, name: str) -> bool:
        """`name` begins with a name of the park: X高新区集成电路产业园 is X高新区's."""
        return any(len(name) > len(n) and name.startswith(n) for n in self.names.get(subject, ()))

    @classmethod
    def of(cls, frames) -> "_DocumentContext":
        named: dict = {}
        names: dict = {}
        lead = set()
        section_start: dict = {}
        for f in frames:
            section_start.setdefault(f.sentence.section, f.sentence.index)
        for f in frames:
            position = f.sentence.index - section_start[f.sentence.section]
            for m, k in f.mentions:
                if k and m.cls == "Park" and not m.generic:
                    named.setdefault(k, []).append(f.sentence.index)
                    names.setdefault(k, set()).update((m.surface, m.key_name))
                    if position < 2 or f.sentence.is_heading:
                        lead.add(k)
        return cls({k: sorted(set(v)) for k, v in named.items()}, frozenset(lead),
                   {k: frozenset(v) for k, v in names.items()})

    def features(self, subject: str, index: int, explicit: bool) -> dict:
        before = [i for i in self.named_in.get(subject, ()) if i <= index]
        gap = index - before[-1] if before else 10
        return {"bias": 1.0, "explicit": 1.0 if explicit else 0.0,
                "sentence_gap": math.log1p(min(gap, 10)),
                "subject_sentences": math.log1p(len(self.named_in.get(subject, ()))),
                "subject_in_lead": 1.0 if subject in self.lead else 0.0,
                "anchored": 1.0 if subject in self.lead or len(self.named_in.get(subject, ())) >= ANCHOR_SENTENCES else 0.0,
                "parks_in_document": math.log1p(len(self.named_in))}


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
        self.ties = TieIndex.from_lexicon(lexicon)
        self.model = relation_model()

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
        section_start: dict = {}
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
            lead = s.index - section_start.setdefault(s.section, s.index) < LEAD_SENTENCES
            if explicit and not s.is_heading and (levels.get(subject) == "zone" or (lead and levels.get(subject))):
                topic = subject  # a sub-park the lead makes its subject is what the article is about
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
        """The candidates that words tie (`admissible`), their `confidence` the fitted model's probability."""
        return [replace(r, confidence=round(self.model.probability(x), 3))
                for r, x in self.candidates(frames, evidence_for, levels) if admissible(x)]

    def candidates(self, frames: list[SentenceFrame], evidence_for, levels: dict) -> list[tuple[Relation, dict]]:
        """Relation candidates from each sentence's subject to the entities in it, with the
        features (`kg.extract.confidence.RELATION_FEATURES`) the confidence model reads."""
        context = _DocumentContext.of(frames)
        out = []
        for f in frames:
            s = f.sentence
            if not f.subject or s.is_heading:
                continue
            ev = evidence_for(s)
            text = s.text
            masked = mask_spans(text, [(m.start - s.start, m.end - s.start) for m, _ in f.mentions])
            subject_at = next((m.start - s.start for m, k in f.mentions if k == f.subject and not m.generic), None)
            base = context.features(f.subject, s.index, f.subject_explicit)
            bench = _find_all(text, self.benchmark)
            coop = _find_all(text, self.cooperate)
            sub_cue = _find_all(text, self.subpark)
            for m, k in f.mentions:
                if not k or k == f.subject or m.generic:
                    continue
                a, b = m.start - s.start, m.end - s.start
                x = dict(base)
                blocker = self.ties.blocker(text, a, b)
                x["blocked"] = 1.0 if blocker else 0.0
                # a park's own firm honoured (获评) in a passage about the park is still its firm
                x["blocked_weak"] = 1.0 if blocker in WEAK_BLOCKERS else 0.0
                # a name that begins with the park's own name is the park's (X高新区集成电路产业园)
                x["owned"] = 1.0 if context.owns(f.subject, m.surface) else 0.0
                x["subject_before"] = 1.0 if subject_at is not None and subject_at < a else 0.0
                x["in_list"] = 1.0 if text[max(0, a - 1):a] == "、" or text[b:b + 1] in ("、", "等") else 0.0
                x["gazetteer"] = 1.0 if m.stage.startswith("gazetteer") else 0.0
                if m.cls == "Industry":
                    role = self._role(s, m, [x for x, _ in f.mentions if x.cls == "Industry"])
                    prop = role or "hasIndustry"
                    x.update(industry=1.0, role=1.0 if role else 0.0)
                    x["tie"] = 1.0 if role or self.ties.tie(masked, "hasIndustry", a, b, subject_at) else 0.0
                    stage = m.stage
                elif m.cls in ("Enterprise", "Platform"):
                    prop = "has" + m.cls
                    x[m.cls.lower()] = 1.0
                    x["tie"] = 1.0 if self.ties.tie(masked, prop, a, b, subject_at) else 0.0
                    stage = m.stage
                elif m.cls == "Park":
                    holder = self._bracket_holder(f.mentions, m, text, s.start)
                    if holder and holder != k:
                        # 南山循环经济开发区（含迤资园区）: the bracket names a park the other one contains
                        out.append((Relation(holder, "hasSubPark", k, ev, "grammar:bracket"),
                                    dict(x, subpark=1.0, tie=1.0, owned=1.0)))
                    prop = self._park_relation(m, text, s.start, bench, coop, sub_cue, levels.get(k, ""))
                    if not prop:
                        continue
                    if prop == "hasSubPark":
                        x["subpark"] = 1.0
                        x["tie"] = 1.0 if sub_cue or self.ties.tie(masked, prop, a, b, subject_at) else 0.0
                    else:
                        x.update(park_pair=1.0, tie=1.0)
                    stage = "grammar:park-pair"
                else:
                    continue
                x["topic_only_no_tie"] = 1.0 if not f.subject_explicit and not x["tie"] and not x["owned"] else 0.0
                out.append((Relation(f.subject, prop, k, ev, stage), x))
        return out + self._owned_by_name(frames, context, evidence_for)

    @staticmethod
    def _owned_by_name(frames, context: "_DocumentContext", evidence_for) -> list[tuple[Relation, dict]]:
        """X高新区智能装备产业园, X开发区科技创业中心: a name that begins with the full name of a
        park of the document belongs to that park, whatever the sentence is about."""
        out = []
        props = {"Park": "hasSubPark", "Platform": "hasPlatform", "Enterprise": "hasEnterprise"}
        for f in frames:
            for m, k in f.mentions:
                if not k or m.generic or m.cls not in props:
                    continue
                for park in sorted(context.names):
                    if park != k and context.owns(park, m.surface):
                        features = {"bias": 1.0, "owned": 1.0, "tie": 1.0, "explicit": 1.0,
                                    {"Park": "subpark"}.get(m.cls, m.cls.lower()): 1.0}
                        out.append((Relation(park, props[m.cls], k, evidence_for(f.sentence), "grammar:name-prefix"),
                                    features))
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
