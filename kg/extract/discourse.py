"""Sentence frames: which park each sentence speaks of (the discourse stage before relations).

A sentence's subject park is the park it names near its start (or a generic
word such as 园区/该区 there), else the park the passage is about (the topic,
the last zone named as a subject). A park that names an office or the venue of
an event (两江新区公安分局, 在漕河泾开发区举行) governs nothing; a sentence that
opens with another region (胡埭镇坚持…) ends the topic.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass

from kg.extract.anaphora import HeadAnaphora
from kg.extract.park_position import ParkPosition
from kg.extract.passage_turns import PassageTurns
from kg.extract.wordforms import either
from kg.ontology import Lexicon
from kg.types import Mention, Sentence

CLAUSE = re.compile(r"[，。；：,;:！？]")
ANCHOR_SENTENCES = 3  # a park named in this many sentences is what the passage is about
LEAD_IN = 6  # characters of a clause that only leads in (他表示，) before the sentence's subject
LEAD_SENTENCES = 2  # the first sentences of a section: what they make their subject, the passage is about


@dataclass
class SentenceFrame:
    """What a sentence is about: its subject park and the entities in it."""

    sentence: Sentence
    subject: str  # park key or ""
    subject_explicit: bool
    mentions: list  # (Mention, key)
    region_lead: int = 0  # characters at the start that a region speaks for (建邺区以…为主导产业，…建邺高新区…)


def _bracketed_pairs(f: SentenceFrame):
    """{a, b} for each park b written in brackets right after park a (A（B）, A(B))."""
    parks = [(m, k) for m, k in f.mentions if k and m.cls == "Park" and not m.generic]
    text, base = f.sentence.text, f.sentence.start
    for (a, ka), (b, kb) in zip(parks, parks[1:]):
        if ka != kb and text[a.end - base:b.start - base] in ("（", "(") and text[b.end - base:b.end - base + 1] in ("）", ")"):
            yield frozenset((ka, kb))


def find_all(text: str, words) -> list[tuple[int, str]]:
    """Every (position, word) at which one of `words` stands in `text`.

    >>> find_all("对标甲，对标乙", ["对标"])
    [(0, '对标'), (4, '对标')]
    """
    hits = []
    for w in words:
        start = text.find(w)
        while start >= 0:
            hits.append((start, w))
            start = text.find(w, start + 1)
    return hits


@dataclass(frozen=True)
class DocumentContext:
    """Where each park is named in the document: the sentences that name it, and how many parks."""

    named_in: dict  # park key -> sorted sentence indexes naming it
    lead: frozenset  # park keys named in a heading or the first two sentences
    names: dict  # park key -> the names it is written with
    sentences_of: dict = None  # entity key -> how many sentences name it
    bracketed: frozenset = frozenset()  # {a, b}: park b written in brackets after a (天衢新区（德州经开区）): one park

    def same_park(self, a: str, b: str) -> bool:
        """The document writes one of the two parks in brackets right after the other: two names of one park."""
        return frozenset((a, b)) in self.bracketed

    def owns(self, subject: str, name: str) -> bool:
        """`name` begins with a name of the park: X高新区集成电路产业园 is X高新区's."""
        return any(len(name) > len(n) and name.startswith(n) for n in self.names.get(subject, ()))

    @classmethod
    def of(cls, frames) -> "DocumentContext":
        named: dict = {}
        names: dict = {}
        sentences_of: dict = {}
        lead = set()
        section_start: dict = {}
        for f in frames:
            section_start.setdefault(f.sentence.section, f.sentence.index)
        for f in frames:
            position = f.sentence.index - section_start[f.sentence.section]
            for k in {k for m, k in f.mentions if k and not m.generic}:
                sentences_of[k] = sentences_of.get(k, 0) + 1
            for m, k in f.mentions:
                if k and m.cls == "Park" and not m.generic:
                    named.setdefault(k, []).append(f.sentence.index)
                    # a bare name (漕河泾 for 上海漕河泾开发区) is no full name: 漕河泾园区 is not owned by it
                    part = k.split(":", 1)[-1].split("|", 1)[0]
                    names.setdefault(k, set()).update(n for n in (m.surface, m.key_name) if n not in part)
                    if position < 2 or f.sentence.is_heading:
                        lead.add(k)
        return cls({k: sorted(set(v)) for k, v in named.items()}, frozenset(lead),
                   {k: frozenset(v) for k, v in names.items()}, sentences_of,
                   frozenset(p for f in frames for p in _bracketed_pairs(f)))

    def features(self, subject: str, index: int, explicit: bool) -> dict:
        named_in = self.named_in.get(subject, ())
        before = [i for i in named_in if i <= index]
        gap = index - before[-1] if before else 10
        return {"bias": 1.0, "explicit": 1.0 if explicit else 0.0,
                "sentence_gap": math.log1p(min(gap, 10)),
                "subject_sentences": math.log1p(len(named_in)),
                "subject_in_lead": 1.0 if subject in self.lead else 0.0,
                "anchored": 1.0 if subject in self.lead or len(named_in) >= ANCHOR_SENTENCES else 0.0,
                "parks_in_document": math.log1p(len(self.named_in))}


def mentions_by_sentence(sentences: list[Sentence], mentions: list[Mention]) -> dict:
    """sentence index -> the mentions that start in it, in text order."""
    by_sentence: dict = {s.index: [] for s in sentences}
    starts = [s.start for s in sentences]
    for m in mentions:
        i = bisect.bisect_right(starts, m.start) - 1
        if i >= 0:
            by_sentence[sentences[i].index].append(m)
    return {i: sorted(ms, key=lambda m: m.start) for i, ms in by_sentence.items()}


class FrameReader:
    """Reads each sentence's subject park, carrying the passage topic from sentence to sentence."""

    def __init__(self, lexicon: Lexicon, benchmark, cooperate):
        self.lex = lexicon
        self.benchmark = list(benchmark)
        self._any_benchmark = re.compile(either(self.benchmark)) if self.benchmark and all(self.benchmark) else None
        w = lexicon.words
        self.object_first = frozenset(w("object-first-benchmark"))  # 以…为榜样: the park before is the object
        self.offices = w("office-word")  # 滨湖区委副书记: a title, not a region as subject
        self.region_endings = frozenset(w("region-ending"))
        self.anaphora = HeadAnaphora(lexicon)
        self.position = ParkPosition(lexicon, cooperate)
        self.administrations = tuple(w("zone-administration"))  # X新区管理局 speaks for the park
        # 社区, 街道, 滠口街道: bodies below a district (by their word, or a short name and the word) that open a
        # clause as its subject
        self.local_body = re.compile("[^，。、；：（）()]{0,4}?(?:" + either(w("local-body")) + ")")
        self.lead_ok = self.position.lead_ok
        self.turns = PassageTurns(lexicon)  # 一是…二是…, 作为…产业园: where the carried park does not speak

    def frames(self, sentences: list[Sentence], mentions: list[Mention], keys: dict,
               levels: dict) -> list[SentenceFrame]:
        """Assign each sentence its subject park; `keys` maps mention spans to entity keys."""
        by_sentence = mentions_by_sentence(sentences, mentions)
        topic = ""
        frames = []
        section_start: dict = {}
        named: list = []  # (surface, key) of the parks named so far
        enumeration: tuple = ()  # (section, topic) where a list of measures (一是…) began
        for s in sentences:
            topic, enumeration = self.turns.enumerated(s, topic, enumeration)
            keyed = [(m, keys.get((m.start, m.end), "")) for m in by_sentence[s.index]]
            benchmark_at = self.benchmark_at(s.text)
            subject, explicit = self.named_subject(s, keyed, topic, benchmark_at)
            ante = "" if explicit else self.anaphora.antecedent(self.anaphora.head_opening(self._first_full_clause(s.text)), named)
            topic, subject = (ante, ante) if ante else (topic, subject)  # 据悉，该基地以…: the base named before
            named += [(m.surface, k) for m, k in keyed if m.cls == "Park" and k and not m.generic]
            region = "" if subject else self.region_subject(s.text, keyed, s.start)
            if region and not topic.split(":", 1)[-1].startswith(region):
                topic = ""  # 胡埭镇坚持…: the passage turned to another city or district
            if not subject and not self.turns.speaks_of_a_part(s, keyed, topic, levels):
                subject = topic
            lead = s.index - section_start.setdefault(s.section, s.index) < LEAD_SENTENCES
            topic, subject = self.next_topic(s, keyed, subject, explicit, topic, lead, levels, benchmark_at)
            subject = self.settled_elsewhere(s, keyed, subject, explicit, ante)
            if region and not explicit and not self.settled_subject(s, keyed, subject):
                subject = ""  # 临平区拥有…临平经开区…, 甘肃正围绕…: the region speaks; a park it names is its object
            if not explicit and self.only_its_body(s, keyed, subject):
                subject = ""  # 甲大学与X新区总工会签署协议: the park's union acts, not the park
            frames.append(SentenceFrame(s, subject, explicit, keyed,
                                        self.region_lead(s, keyed, subject) if explicit else 0))
        return frames

    def region_lead(self, s: Sentence, keyed, subject: str) -> int:
        """Where the clause naming the subject park starts, when the sentence opens with a region as the
        subject of the clauses before it (近年来，建邺区以金融为主导产业，…建邺高新区已集聚…); else 0."""
        at = next((m.start - s.start for m, k in keyed if k == subject and not m.generic), None)
        if not at or not self.region_subject(s.text[:at], keyed, s.start):
            return 0
        return max((m.end() for m in CLAUSE.finditer(s.text, 0, at)), default=0)

    def benchmark_at(self, text: str) -> int:
        """Where the first benchmark word (对标) stands: parks after it are its objects."""
        if self._any_benchmark is not None and not self._any_benchmark.search(text):
            return len(text)
        hits = find_all(text, self.benchmark)
        return min((p for p, w in hits if w not in self.object_first), default=len(text))

    def named_subject(self, s: Sentence, keyed, topic: str, benchmark_at: int) -> tuple[str, bool]:
        """(subject, named explicitly) from the first park in subject position; a generic
        park word there (园区) stands for the topic."""
        for i, (m, k) in enumerate(keyed):
            if m.cls != "Park" or self.chained(keyed, i):
                continue
            offset = m.start - s.start
            if offset > benchmark_at:
                break
            setting = self.position.opens_as_setting(s.text, offset, m.end - s.start)  # 在X园区，将建设…
            if not (setting or self.position.in_subject_position(s.text, offset)) or self.position.is_address(s.text, m, s.start):
                continue
            if m.generic:
                return topic, False
            if k:
                return k, True
        return "", False

    @staticmethod
    def chained(keyed, i: int) -> bool:
        """西宁经开区南川工业园区管委会: a zone named right before another park introduces it; the
        park after it, the more specific one, is what the sentence speaks of."""
        m = keyed[i][0]
        return any(o.cls == "Park" and o.start == m.end and not o.generic for o, _ in keyed[i + 1:i + 2])

    def next_topic(self, s: Sentence, keyed, subject: str, explicit: bool, topic: str, lead: bool,
                   levels: dict, benchmark_at: int) -> tuple[str, str]:
        """(topic, subject) after sentence `s`."""
        if s.is_heading:
            return topic, subject
        if explicit:
            if levels.get(subject) == "zone" or (lead and levels.get(subject)):
                return subject, subject  # a sub-park the lead makes its subject is what the article is about
            return topic, subject
        # a zone named mid-sentence, not as the object of 对标/与, is the sentence's park (已入驻X高新区);
        # it becomes the passage topic only as a clause's subject, not as a place (在X高新区里…)
        for m, k in keyed:
            if (m.cls == "Park" and k and not m.generic and levels.get(k) in ("zone", "subpark")
                    and m.start - s.start < benchmark_at and not self.position.after_partner_word(s.text, m.start - s.start)
                    and not self.position.is_address(s.text, m, s.start)):
                if levels.get(k) == "zone" and self.position.in_subject_position(s.text, m.start - s.start):
                    return k, subject or k
                if self.position.settled_in(s.text, m.start - s.start):  # X公司注册在Y产业园: a sub-park too
                    return topic, subject or k
        return topic, subject

    def settled_elsewhere(self, s: Sentence, keyed, subject: str, explicit: bool, ante: str) -> str:
        """The subject, unless it is only carried and the sentence's first park is another one, where its
        firms settle or its building stands (位于X核心园的甲大楼…企业纷纷入驻): then that park."""
        if not subject or explicit or ante:
            return subject
        m, k = next(((m, k) for m, k in keyed if m.cls == "Park"), (None, ""))
        if m is None or m.generic or not k or not self.position.settled_in(s.text, m.start - s.start):
            return subject
        return k

    def only_its_body(self, s: Sentence, keyed, subject: str) -> bool:
        """The sentence names the subject park only inside the name of one of its bodies (X新区总工会,
        X高新区公安分局): the body is what the sentence speaks of."""
        named = [m for m, k in keyed if k == subject and subject and not m.generic]
        if not named or any(m.generic and m.cls == "Park" for m, _ in keyed):
            return False  # …表示，园区正在…发力: the park itself is spoken of too
        return all(self.position.names_a_body(s.text, m, s.start)
                   and not s.text.startswith(self.administrations, m.end - s.start) for m in named)

    def settled_subject(self, s: Sentence, keyed, subject: str) -> bool:
        """The subject park is named after a settle verb (上海芯超等企业入驻X高新区): the firms settle in it,
        whoever the sentence opens with."""
        return any(k == subject and not m.generic and self.position.settled_in(s.text, m.start - s.start)
                   for m, k in keyed)

    def region_subject(self, text: str, keyed, base: int) -> str:
        """The sentence opens with a region as its subject (胡埭镇坚持…, 无锡集成电路产业…), not
        with a park or a park's office (滨湖区委副书记 is a person's title)."""
        lead = self._first_full_clause(text)
        offset = text.find(lead)
        found = self.local_body.match(lead)
        if found:  # 社区也与X大学对接, 滠口街道负责人表示: a community or a street office speaks for itself
            body = found.group()
            if not any(m.cls == "Park" and m.start - base <= offset + len(body) for m, _ in keyed):
                return body
        for size in range(min(6, len(lead)), 1, -1):
            head = lead[:size]
            if head in self.lex.regions or (size >= 3 and head[-1] in self.region_endings and head[:-1] in self.lex.regions):
                if lead[size:size + 3].startswith(self.offices):
                    return ""
                if any(m.cls == "Park" and m.start - base <= offset + size for m, _ in keyed):
                    return ""
                return head
        return ""

    def _first_full_clause(self, text: str) -> str:
        """The first clause that is more than a lead-in: 他表示，当前，新北区正… -> 新北区正…
        (short clauses of at most LEAD_IN characters, and times or discourse words, are skipped)."""
        parts = [p for p in CLAUSE.split(text) if p]
        for part in parts[:-1]:
            if len(part) > LEAD_IN and part not in self.lead_ok:
                return part
        return parts[-1] if parts else text
