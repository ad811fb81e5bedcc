"""Read quantified goals: 力争“十四五”末，生命健康总产值超300亿元 -> 300 亿元 by 2025.

A sentence states goals when it has a target trigger (力争, 目标, 到2025年, N年内);
each number with a unit in it is one target, unless a forecast or past cue
(预计, 去年, 同比) stands in its clause. Years come from 到/至 20XX年, 20XX年前 and
the plan periods of the lexicon (十四五末 -> 2025); relative times (5年内) give none.
"""
from __future__ import annotations

import re

from kg.ontology import Lexicon
from kg.types import Evidence, Sentence, Target

CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9, "十": 10, "百": 100, "千": 1000, "万": 10000}
_CLAUSE = re.compile(r"[，。；,;！？]")
_YEAR = re.compile(r"(?:到|至|在|于|力争|争取|确保)?\s*(20[2-5][0-9])\s*年(?:底|末|前|左右)?")
_RELATIVE = re.compile(r"[0-9一二三四五六七八九十两]+年(?:内|时间|左右)")
QUALIFIERS = ("超过", "突破", "达到", "力争", "超", "达", "逾", "以上", "不少于", "不低于", "实现", "增至", "提高到", "提升至", "进入")


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


class TargetExtractor:
    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        units = sorted(lexicon.units, key=len, reverse=True)
        unit_re = "|".join(re.escape(u) for u in units)
        self._quantity = re.compile(
            r"(?P<num>[0-9]+(?:\.[0-9]+)?|[一二两三四五六七八九十百千]+)?\s*(?P<unit>" + unit_re + r")")
        scales = sorted(lexicon.scales, key=len, reverse=True)
        self._scale = re.compile("|".join(re.escape(s) for s in scales)) if scales else None
        self._year_words = sorted(lexicon.year_expressions, key=len, reverse=True)

    def is_goal_sentence(self, text: str) -> bool:
        plain = text.replace("“", "").replace("”", "")
        if any(t in plain for t in self.lex.target_triggers):
            return True
        return bool(_RELATIVE.search(plain) or re.search(r"到20[2-5][0-9]年", plain))

    def year_of(self, text: str, upto: int) -> int | None:
        """The deadline year stated before position `upto`, or None."""
        plain = text[:upto].replace("“", "").replace("”", "")
        best = None
        for w in self._year_words:
            k = plain.rfind(w)
            if k >= 0 and (best is None or k > best[0]):
                best = (k, self.lex.year_expressions[w])
        for m in _YEAR.finditer(plain):
            if best is None or m.start() > best[0]:
                best = (m.start(), int(m.group(1)))
        if best is None:
            return None
        rel = [m.start() for m in _RELATIVE.finditer(plain)]
        if rel and max(rel) > best[0]:
            return None
        return best[1]

    def _blocked(self, clause: str) -> bool:
        return any(cue in clause for cue in self.lex.non_target_cues)

    def targets(self, s: Sentence, park: str, evidence: Evidence) -> list[Target]:
        if not park or s.is_heading or not self.is_goal_sentence(s.text):
            return []
        text = s.text
        out = []
        spans = []
        for m in self._quantity.finditer(text):
            unit = m.group("unit")
            num = m.group("num")
            before = text[max(0, m.start() - 1):m.start()]
            after = text[m.end():m.end() + 1]
            if unit in ("年", "月"):
                continue
            if num is None:
                # 超万亿元: a bare scaled unit means one of it
                if unit.startswith(("万亿", "千亿", "百亿", "亿")) and before in ("超", "达", "破", "过"):
                    value = 1.0
                else:
                    continue
            else:
                value = chinese_number(num)
                if value is None:
                    continue
                if re.match(r"[0-9]", num) and after == "年":
                    continue
            out.append(self._make(text, m.start(), m.end(), value, unit, park, evidence))
            spans.append((m.start(), m.end()))
        if self._scale is not None:
            for m in self._scale.finditer(text):
                if any(a <= m.start() < b for a, b in spans):
                    continue
                value, unit = self.lex.scales[m.group()]
                tail = text[m.end():m.end() + 8]
                if not re.match(r"[^，。；、]{0,6}(园区|园|产业园|开发区|高新区|基地|城)", tail):
                    continue  # a scale that qualifies counted items belongs to the metric
                out.append(self._make(text, m.start(), m.end(), value, unit, park, evidence,
                                      metric_end=m.end() + len(tail)))
        for m in re.finditer(r"翻([一二两三四五六七八九十])番", text):
            out.append(self._make(text, m.start(), m.end(), chinese_number(m.group(1)), "番", park, evidence))
        for m in re.finditer(r"进(?:入)?(?:全国|全省|全球)?(百|千|十|五十|二十)强", text):
            out.append(self._make(text, m.start(), m.end(), chinese_number(m.group(1)), "位", park, evidence))
        return [t for t in out if t is not None]

    def _make(self, text, a, b, value, unit, park, evidence, metric_end=None):
        left = max((x.end() for x in _CLAUSE.finditer(text, 0, a)), default=0)
        right_m = _CLAUSE.search(text, b)
        clause = text[left:right_m.start() if right_m else len(text)]
        if self._blocked(clause):
            return None
        if unit == "%" or unit == "％":
            unit = "%"
        metric = text[left:a]
        for word in sorted(self.lex.target_triggers, key=len, reverse=True):
            metric = metric.replace(word, "")
        for q in QUALIFIERS:
            if metric.endswith(q):
                metric = metric[: -len(q)]
        metric = re.sub(r"[“”\"]", "", metric)
        metric = _YEAR.sub("", metric)
        for w in self._year_words:
            metric = metric.replace(w, "")
        metric = _RELATIVE.sub("", metric).strip("，、 末")
        if metric_end is not None:
            metric = (metric + text[b:metric_end]).strip()
        if re.match(r"^(前|第)$", metric[-1:] or "") and unit == "位":
            metric = metric[:-1]
        return Target(park, metric or text[a:b], float(value), unit, self.year_of(text, a), evidence,
                      "grammar:target", 0.7)
