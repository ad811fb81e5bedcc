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
_YEAR = re.compile(r"(?:到|至|在|于|力争|争取|确保)?\s*(20[2-5][0-9])\s*年(?!以来|至今|上半年|前三季度|1-)(?:底|末|前|左右)?")
# 到2025年, 至2030年, 2027年底前 (but not 2021年前10个月, a year-to-date figure)
_DEADLINE = re.compile(r"(?:到|至)20[2-5][0-9]年(?![0-9]+月)|20[2-5][0-9]年底?前(?![0-9一二三四五六七八九十两]+个?[月季])")
_RELATIVE = re.compile(r"[0-9一二三四五六七八九十两]+年(?:内|时间|左右)")
COUNT_UNITS = ("个", "家", "项", "位", "番", "倍", "名", "座", "所", "条", "批")
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
        self._forecasts = sorted(w for w, kind in lexicon.non_target_cues.items() if kind == "forecast")
        self._wider = sorted(w for w, kind in lexicon.non_tying_cues.items() if kind == "wider")

    def has_goal_cue(self, text: str) -> bool:
        """A target trigger, a deadline (到2025年, 十四五末) or a relative horizon (5年内)."""
        plain = text.replace("“", "").replace("”", "")
        if any(t in plain for t in self.lex.target_triggers):
            return True
        if any(w in plain for w in self.lex.year_expressions):
            return True
        return bool(_RELATIVE.search(plain) or _DEADLINE.search(plain))

    def governs(self, text: str, a: int) -> bool:
        """Does a goal cue govern the number at `a`? One in its own clause does; one in the
        sentence's first clause (力争“十四五”末，A超300亿元，B超万亿元) governs the clauses after it."""
        left = max((x.end() for x in _CLAUSE.finditer(text, 0, a)), default=0)
        right_m = _CLAUSE.search(text, a)
        clause = text[left:right_m.start() if right_m else len(text)]
        if self.has_goal_cue(clause):
            return True
        # a short goal head with a time (力争“十四五”末，/ 力争通过5年时间，) governs the next clauses
        bounds = [0] + [x.end() for x in _CLAUSE.finditer(text, 0, left)]
        for lo, hi in list(zip(bounds, bounds[1:]))[-3:]:
            head = text[lo:hi - 1].replace("“", "").replace("”", "")
            if len(head) <= 30 and self.has_goal_cue(head) and (
                    _YEAR.search(head) or _RELATIVE.search(head) or any(w in head for w in self.lex.year_expressions)):
                return True
        # （…）的目标: a cue right after the bracket governs what is inside it
        open_at = text.rfind("（", 0, a)
        close_at = text.find("）", a)
        if open_at >= 0 and close_at > a and text.rfind("）", 0, a) < open_at:
            return self.has_goal_cue(text[close_at + 1:close_at + 6])
        return False

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

    def forecast_governs(self, text: str, a: int) -> bool:
        """A forecast (预计) stated before the number, with no goal word after it, governs it:
        预计到2025年，产值将达300亿元 is no goal, however many clauses it runs over."""
        head = text[:a]
        last_forecast = max((head.rfind(w) for w in self._forecasts), default=-1)
        last_goal = max((head.rfind(w) for w in self.lex.target_triggers), default=-1)
        return last_forecast >= 0 and last_forecast > last_goal

    def targets(self, s: Sentence, park: str, evidence: Evidence, explicit: bool = True) -> list[Target]:
        """The goals of `park` in sentence `s`. When the sentence does not name the park
        (`explicit` false), a goal of a whole province or city (全省…) is not the park's."""
        if not park or s.is_heading:
            return []
        if not explicit and any(w in s.text for w in self._wider):
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
            if not self.governs(text, m.start()):
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
                if not re.match(r"[0-9]", num) and (after == "级" or unit not in COUNT_UNITS):
                    continue  # 千亿级 (a scale word) or 三台满族乡 (a place): Chinese numerals count items only
                if re.match(r"[0-9]", num) and after == "年":
                    continue
            for t in self._shared(self._make(text, m.start(), m.end(), value, unit, park, evidence)):
                out.append(t)
                spans.append((m.start(), m.end()))
        if self._scale is not None:
            for m in self._scale.finditer(text):
                if any(a <= m.start() < b for a, b in spans):
                    continue
                value, unit = self.lex.scales[m.group()]
                tail_match = re.match(r"[^，。；、]{0,6}?(园区|产业园|开发区|高新区|基地|园|城)", text[m.end():m.end() + 8])
                if not tail_match:
                    continue  # a scale that qualifies counted items belongs to the metric
                tail = tail_match.group()
                if not (self.governs(text, m.start()) or re.search(r"(打造|建成|建设|迈向|跻身)$", text[:m.start()])):
                    continue
                out.append(self._make(text, m.start(), m.end(), value, unit, park, evidence,
                                      metric_end=m.end() + len(tail)))
        if not self.has_goal_cue(text):
            return [t for t in out if t is not None]
        for m in re.finditer(r"翻([一二两三四五六七八九十])番", text):
            out = [t for t, sp in zip(out, spans) if not (sp[0] < m.end() and m.start() < sp[1])] \
                if len(out) == len(spans) else out
            spans = spans[: len(out)]
            out.append(self._make(text, m.start(), m.end(), chinese_number(m.group(1)), "番", park, evidence))
        for m in re.finditer(r"进(?:入)?(?:全国|全省|全球)?(百|千|十|五十|二十)强", text):
            out.append(self._make(text, m.start(), m.end(), chinese_number(m.group(1)), "位", park, evidence))
        return [t for t in out if t is not None]

    def _make(self, text, a, b, value, unit, park, evidence, metric_end=None):
        left = max((x.end() for x in _CLAUSE.finditer(text, 0, a)), default=0)
        right_m = _CLAUSE.search(text, b)
        clause = text[left:right_m.start() if right_m else len(text)]
        if self._blocked(clause) or self.forecast_governs(text, a):
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

    def _shared(self, target):
        """工业、民营占比均超过70% -> one target per metric sharing the value."""
        if target is None or not target.metric.endswith("均") or "、" not in target.metric:
            return [target]
        parts = target.metric[:-1].split("、")
        head = parts[-1]
        tail = re.sub(r"^[^占比率额量数]*", "", head)  # the measure word shared by all parts: 占比
        names = [p + tail if p != head and tail and not p.endswith(tail) else p for p in parts]
        return [Target(target.park, n, target.value, target.unit, target.year, target.evidence,
                       target.stage, target.confidence) for n in names]


def target_features(result, target: Target) -> dict:
    """What the text shows of a target, for the confidence model (`kg.extract.confidence`):
    is its park named in its sentence, does a goal word stand in its clause, does it have a
    deadline year, is its unit a count."""
    ev = target.evidence
    named_here = any(m.start >= ev.start and m.end <= ev.end and m.cls == "Park" and not m.generic
                     for m in result.mentions)
    first = min((m.start for m in result.mentions if m.cls == "Park" and not m.generic and m.name
                 and m.key_name in target.park), default=None)
    lead_end = result.sentences[1].end if len(result.sentences) > 1 else len(result.document.text)
    return {"bias": 1.0, "explicit": 1.0 if named_here else 0.0,
            "goal_in_clause": 1.0 if target.qualifier or any(w in ev.text for w in ("目标", "力争", "确保", "争取")) else 0.0,
            "deadline_year": 1.0 if target.year else 0.0,
            "subject_in_lead": 1.0 if first is not None and first < lead_end else 0.0,
            "count_unit": 1.0 if target.unit in COUNT_UNITS else 0.0}
