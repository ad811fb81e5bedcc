"""Read quantified goals: 力争“十四五”末，生命健康总产值超300亿元 -> 300 亿元 by 2025.

A sentence states goals when it has a target trigger (力争, 目标, 到2025年, N年内);
each number with a unit in it is one target, unless a forecast or past cue
(预计, 去年, 同比) stands in its clause. Where a goal cue governs a number, and its
deadline year, are `kg.extract.targets_goals`'s to say.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.target_metric import MetricWords
from kg.extract.targets_goals import GOAL_COLON, NUMERAL, YEAR_MARK, GoalCues, clause_at
from kg.extract.wordforms import chars, either, frame
from kg.ontology import Lexicon
from kg.types import Evidence, Sentence, Target

CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "十": 10, "百": 100, "千": 1000, "万": 10000}
ROUND_NUMBER = "(百|千|十|五十|二十)"  # the numbers of a ranking (进入百强)


def chinese_number(s: str) -> float | None:
    """Parse 300, 1.5, 三, 十二, 一百 into a number.

    >>> chinese_number("十二"), chinese_number("3.5"), chinese_number("两")
    (12.0, 3.5, 2.0)
    """
    s = s.strip()
    try:
        return float(s)
    except ValueError:
        pass
    total, current = 0, 0
    for ch in s:
        if ch not in CN_DIGITS:
            return None
        v = CN_DIGITS[ch]
        if v >= 10:
            total += (current or 1) * v
            current = 0
        else:
            current = v
    return float(total + current)


@dataclass(frozen=True)
class TargetWords:
    """The word lists of the target grammar (pk:GrammarWord, by cue kind) and the patterns built from them."""

    count_units: frozenset  # 个, 家: a Chinese numeral counts items only
    qualifiers: tuple  # 超过, 力争: dropped from a metric's end
    time_units: frozenset  # 年, 月: no amount
    bare_scale_units: tuple  # 万亿: stands for one of it after 超
    bare_scale_qualifiers: frozenset
    scale_suffixes: frozenset  # 千亿级: a scale word, no count
    scale_class: re.Pattern  # 千亿级…园区: a class the park is to reach
    aspiration: re.Pattern  # 打造千亿级…
    multiples: tuple  # (pattern, unit): 翻两番
    rankings: tuple  # (pattern, unit): 进入百强
    rank_prefixes: re.Pattern  # 前, 第: dropped before a rank
    rank_units: frozenset  # 位
    metric_trim: str  # characters trimmed from a metric's ends
    shared_value: tuple  # 均: metrics sharing one value
    measure: re.Pattern  # the measure word metrics of a list share (占比)
    enumerator: re.Pattern | None = None  # 二是, 其一: opens an item of a list of measures, no part of the metric

    @classmethod
    def of(cls, lexicon: Lexicon) -> "TargetWords":
        w = lexicon.words
        rank_unit = w("rank-unit")[0]
        ranking_opens: dict = {}
        for opening, closing in map(frame, w("ranking-frame")):
            ranking_opens.setdefault(closing, []).append(opening)
        scope = either(w("ranking-scope"))
        multiples = tuple((re.compile(re.escape(a) + "(" + NUMERAL.replace("0-9", "") + ")" + re.escape(b)), b)
                          for a, b in map(frame, w("multiple-frame")))
        rankings = tuple((re.compile(either(opens) + scope + "?" + ROUND_NUMBER + re.escape(closing)), rank_unit)
                         for closing, opens in sorted(ranking_opens.items()))
        return cls(
            count_units=frozenset(w("count-unit")), qualifiers=w("target-qualifier"),
            time_units=frozenset(w("time-unit")), bare_scale_units=w("bare-scale-unit"),
            bare_scale_qualifiers=frozenset(w("bare-scale-qualifier")), scale_suffixes=frozenset(w("scale-suffix")),
            scale_class=re.compile("[^，。；、]{0,6}?(" + either(w("scale-class-head")) + ")"),
            aspiration=re.compile(either(w("aspiration-verb")) + "$"), multiples=multiples, rankings=rankings,
            rank_prefixes=re.compile("^" + either(w("rank-prefix")) + "$"), rank_units=frozenset(w("rank-unit")),
            metric_trim="，、 " + "".join(w("metric-end-trim")), shared_value=w("shared-value-word"),
            measure=re.compile("^[^" + chars(w("measure-character")) + "]*"),
            enumerator=re.compile("^(?:" + either(w("enumerator-opening")) + ")"))


NOT_IN_METRIC = ("《", "：")  # a title's marks: what a number after them counts is no park's goal
LIST_ITEM_END = ("；", ";")  # a sentence that ends so is one item of a list the next sentence goes on with
CLAUSE_MARK = "，"  # joins a carried goal head to the sentence it governs
ITEM_MARK = ("、",)  # ends one item of a list inside a clause
SLOGAN_COUNT = 10  # counts in words below this, with no scale after them, are slogans' (四个平台)


class TargetExtractor:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        self.metric_words = MetricWords(lexicon)
        units = sorted(lexicon.units, key=len, reverse=True)
        unit_re = "|".join(re.escape(u) for u in units)
        magnitude = either(lexicon.words("unit-magnitude"))  # 300万辆: the magnitude is the unit's
        self._quantity = re.compile(
            r"(?P<num>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千]+)?\s*(?P<unit>(?:" + magnitude + ")?(?:"
            + unit_re + r"))")
        scales = sorted(lexicon.scales, key=len, reverse=True)
        self._scale = re.compile("|".join(re.escape(s) for s in scales)) if scales else None
        self.goals = GoalCues(lexicon)
        self.words = TargetWords.of(lexicon)
        self._wider = sorted(w for w, kind in lexicon.non_tying_cues.items() if kind == "wider")
        self._others = lexicon.words("other-subject")  # 该公司…: numbers of another subject

    def document_targets(self, frames, evidence_for) -> list[Target]:
        """The goals of every sentence's subject park (`targets`). A goal list runs over sentences that
        end in a semicolon (到2025年，A达300万辆；B突破150万辆；…): the goal head of the sentence that opens
        it (到2025年) governs the numbers of the sentences that go on with the same park."""
        out, head, park = [], "", None
        for f in frames:
            carried = head if f.subject == park else ""
            found = self.targets(f.sentence, f.subject, evidence_for(f.sentence), f.subject_explicit, carried)
            out.extend(found)
            ends_a_list_item = f.sentence.text.rstrip().endswith(LIST_ITEM_END)
            head = (self.goals.goal_head(f.sentence.text) or carried) if found and ends_a_list_item else ""
            park = f.subject
        return out

    def targets(self, s: Sentence, park: str, evidence: Evidence, explicit: bool = True,
                carried: str = "") -> list[Target]:
        """The goals of `park` in sentence `s`. When the sentence does not name the park
        (`explicit` false), a goal of a whole province or city (全省…) is not the park's. `carried` is
        the goal head of the list the sentence goes on with, when it has none of its own."""
        if not park or s.is_heading:
            return []
        text = s.text
        if carried and not self.goals.has_goal_cue(text):
            text = carried + CLAUSE_MARK + text
        if not explicit and (any(w in text for w in self._wider) or any(w in text for w in self._others)
                             or not self.goals.has_goal_cue(text)):
            return []  # a sentence that does not name the park states its goal only with a goal word
        out, spans = self._quantity_targets(text, park, evidence)
        out.extend(self._scale_targets(text, spans, park, evidence))
        if self.goals.has_goal_cue(text):
            out = self._multiple_targets(text, out, spans, park, evidence)
        return [t for t in out if t is not None]

    def _quantity_targets(self, text: str, park: str, evidence: Evidence) -> tuple[list, list]:
        """(targets, their number spans) of every governed number with a unit (None where blocked)."""
        out, spans = [], []
        for m in self._quantity.finditer(text):
            value = self._quantity_value(text, m)
            if value is None:
                continue
            made = self._make(text, m.start(), m.end(), value, m.group("unit"), park, evidence,
                              part_of_goal=any(t is not None for t in out))
            for t in self._shared(made):
                out.append(t)
                spans.append((m.start(), m.end()))
        return out, spans

    def _quantity_value(self, text: str, m: re.Match) -> float | None:
        """The value of the quantity `m` when it is a goal's, else None."""
        unit = m.group("unit")
        num = m.group("num")
        before = text[max(0, m.start() - 1):m.start()]
        after = text[m.end():m.end() + 1]
        if unit in self.words.time_units:
            return None
        if not self.goals.governs(text, m.start()):
            return None
        if num is None:
            # 超万亿元: a bare scaled unit means one of it
            if unit.startswith(self.words.bare_scale_units) and before in self.words.bare_scale_qualifiers:
                return 1.0
            return None
        value = chinese_number(num)
        if value is None:
            return None
        if not re.match(r"[0-9]", num) and (after in self.words.scale_suffixes or unit not in self.words.count_units):
            return None  # 千亿级 (a scale word) or 三台满族乡 (a place): Chinese numerals count items only
        if not re.match(r"[0-9]", num) and value < SLOGAN_COUNT and not self._scale_after(text, m.end()):
            return None  # 四个平台, 一个中心: a small count in words is a slogan's, unless a scale follows (两个千亿级集群)
        if re.match(r"[0-9]", num) and after == YEAR_MARK:
            return None
        return value

    def _scale_after(self, text: str, end: int) -> bool:
        return self._scale is not None and self._scale.search(text[end:end + 6]) is not None

    def _scale_targets(self, text: str, spans: list, park: str, evidence: Evidence) -> list:
        """千亿级园区: a scale class the park is to reach (a scale before counted items is the metric's)."""
        if self._scale is None:
            return []
        out = []
        for m in self._scale.finditer(text):
            if any(a <= m.start() < b for a, b in spans):
                continue
            value, unit = self.lex.scales[m.group()]
            tail_match = self.words.scale_class.match(text[m.end():m.end() + 8])
            if not tail_match:
                continue  # a scale that qualifies counted items belongs to the metric
            tail = tail_match.group()
            if not (self.goals.governs(text, m.start()) or self.words.aspiration.search(text[:m.start()])):
                continue
            out.append(self._make(text, m.start(), m.end(), value, unit, park, evidence,
                                  metric_end=m.end() + len(tail)))
        return out

    def _multiple_targets(self, text: str, out: list, spans: list, park: str, evidence: Evidence) -> list:
        """翻两番 (a multiple, replacing the number inside it) and 进入百强 (a rank) in a goal sentence."""
        for pattern, unit in self.words.multiples:
            for m in pattern.finditer(text):
                out = [t for t, sp in zip(out, spans) if not (sp[0] < m.end() and m.start() < sp[1])] \
                    if len(out) == len(spans) else out
                spans = spans[: len(out)]
                out.append(self._make(text, m.start(), m.end(), chinese_number(m.group(1)), unit, park, evidence))
        for pattern, unit in self.words.rankings:
            for m in pattern.finditer(text):
                out.append(self._make(text, m.start(), m.end(), chinese_number(m.group(1)), unit, park, evidence))
        return out

    def _make(self, text, a, b, value, unit, park, evidence, metric_end=None, part_of_goal=False):
        left, right = clause_at(text, a, b)
        clause = text[left:right]
        if self.goals.blocked(clause, text[left:a], part_of_goal) or self.goals.forecast_governs(text, a):
            return None
        if unit == "%" or unit == "％":
            unit = "%"
        metric = self._clause_metric(text[left:a])
        if metric_end is not None:
            metric = (metric + text[b:metric_end]).strip()
        else:
            metric += self.metric_words.counted(text, b, unit)  # 建成6个生态清洁小流域
        if self.words.rank_prefixes.match(metric[-1:] or "") and unit in self.words.rank_units:
            metric = metric[:-1]
        if any(mark in metric for mark in NOT_IN_METRIC):
            return None  # a run of headings (X高新区：…Y高新区：…) or a document's title (《…》15条): no goal's words
        return Target(park, metric or text[a:b], float(value), unit, self.goals.year_of(text, a), evidence,
                      "grammar:target", 0.7)

    def _clause_metric(self, words: str) -> str:
        """What the clause's words before the number say the goal measures: goal and time words, qualifiers,
        quotes, an enumerator, the park and lead words dropped (`MetricWords.tidy`)."""
        colon = words.rfind(GOAL_COLON)
        if colon >= 0 and self.goals.opens_goal_list(words[:colon + 1]):
            words = words[colon + 1:]  # 目标是：招引项目30个 -> 招引项目
        metric = self._own_item(words)
        for word in sorted(self.lex.target_triggers, key=len, reverse=True):
            metric = metric.replace(word, "")
        for q in self.words.qualifiers:
            if metric.endswith(q):
                metric = metric[: -len(q)]
        metric = re.sub(r"[“”\"]", "", metric)
        metric = self.goals.year_re.sub("", self.goals.base_year_re.sub("", metric))
        for w in self.goals.year_words:
            metric = metric.replace(w, "")
        metric = self.goals.relative_re.sub("", metric).strip(self.words.metric_trim)
        metric = self.words.enumerator.sub("", metric) if self.words.enumerator else metric
        metric = self.metric_words.tidy(metric)
        return next((metric[len(w):] for w in self.goals.part_of_count if metric.startswith(w)), metric)

    def _own_item(self, metric: str) -> str:
        """The words of the number's own item where a list runs in one clause (千亿级企业不少于1家、百亿级企业
        不少于10家): what follows the last quantity that a list mark ends."""
        ends = [m.end() + 1 for m in self._quantity.finditer(metric)
                if m.group("num") and metric[m.end():m.end() + 1] in ITEM_MARK]
        return metric[ends[-1]:] if ends else metric

    def _shared(self, target):
        """工业、民营占比均超过70% -> one target per metric sharing the value."""
        if target is None or not target.metric.endswith(self.words.shared_value) or "、" not in target.metric:
            return [target]
        word = next(w for w in self.words.shared_value if target.metric.endswith(w))
        parts = target.metric[:-len(word)].split("、")
        head = parts[-1]
        tail = self.words.measure.sub("", head)  # the measure word shared by all parts: 占比
        names = [p + tail if p != head and tail and not p.endswith(tail) else p for p in parts]
        return [Target(target.park, n, target.value, target.unit, target.year, target.evidence,
                       target.stage, target.confidence) for n in names]
