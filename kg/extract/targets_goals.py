"""When a number is a goal: goal cues (力争, 目标, 到2025年, 5年内), their scope, and the deadline year.

A goal cue in a number's own clause governs it, and so does a short goal head with a
time in one of the clauses before (力争“十四五”末，A超300亿元，B超万亿元); a forecast
(预计) before the number with no goal word after it governs it instead, and then it is
no goal. Years come from 到/至 20XX年, 20XX年前 and the plan periods of the lexicon
(十四五末 -> 2025); a relative time (5年内) after them leaves the year open.
"""
from __future__ import annotations

import re

from kg.extract.wordforms import either
from kg.ontology import Lexicon

CLAUSE = re.compile(r"[，。；,;！？]")
PLAN_YEAR = "20[2-5][0-9]"
NUMERAL = "[0-9一二三四五六七八九十两]"
YEAR_MARK, MONTH_MARK = "年", "月"  # date marks, like numerals: 2025年, 10月
GOAL_COLON = "："  # 目标是：A，B
# a goal head's clause is a time and little else (到2025年, 力争“十四五”末): no goal of its own in it
HEAD_ONLY = re.compile(r"[^0-9]{0,4}" + PLAN_YEAR + YEAR_MARK + r"[^0-9]{0,3}|[^0-9]{0,10}")


def clause_at(text: str, a: int, b: int) -> tuple[int, int]:
    """The clause around ``text[a:b]``: (its start, its end)."""
    left = max((x.end() for x in CLAUSE.finditer(text, 0, a)), default=0)
    right_m = CLAUSE.search(text, b)
    return left, right_m.start() if right_m else len(text)


class GoalCues:
    """The goal, forecast and year words of the lexicon, and where they govern a number."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon
        w = lexicon.words
        # 到2025年底, 力争2030年 (not 2021年以来: a past span); group 1 is the year
        self.year_re = re.compile(either(w("year-preposition")) + r"?\s*(" + PLAN_YEAR + r")\s*" + YEAR_MARK
                                  + "(?!" + either(w("year-span-follower")) + "|1-)" + either(w("year-end-word")) + "?")
        # 到2025年, 至2030年, 2027年底前 (but not 2021年前10个月, a year-to-date figure)
        self.deadline_re = re.compile(
            either(w("deadline-preposition")) + PLAN_YEAR + YEAR_MARK + "(?![0-9]+" + MONTH_MARK + ")|"
            + PLAN_YEAR + YEAR_MARK + either(w("deadline-postposition")) + "(?!" + NUMERAL + "+"
            + either(w("period-unit")) + ")")
        # 5年内, 未来三年: a horizon, no year
        self.relative_re = re.compile(NUMERAL + "+" + either(w("relative-horizon")) + "|"
                                      + either(w("horizon-opening")) + NUMERAL + "+" + YEAR_MARK)
        self.year_words = sorted(lexicon.year_expressions, key=len, reverse=True)
        # a plan period is a deadline only at its end: 十四五末, not 十四五期间
        self.deadline_words = tuple(y for y in self.year_words if y.endswith(w("period-end")))
        self.perfective = w("perfective")
        self.not_perfective = w("perfective-exception")
        self.part_of_count = w("part-of-count")
        self.forecasts = sorted(w for w, kind in lexicon.non_target_cues.items() if kind == "forecast")
        self.commitments = w("commitment-word")  # 力争, 确保: a goal word a forecast does not outweigh
        self.as_of = w("as-of-word")  # 截至2023年，…: what the sentence counts is where things stand
        self.comparison_bases = w("comparison-base")  # 较2020年: a base year, no deadline
        self.base_year_re = re.compile(either(self.comparison_bases) + PLAN_YEAR + YEAR_MARK)
        self.growth_rates = w("growth-rate-word")  # 年均增长: a goal's rate
        self.goal_copulas = w("goal-copula")  # 目标是：
        self.committed_growth = frozenset(w("committed-growth"))  # 力争…增长10%

    def has_goal_cue(self, text: str) -> bool:
        """A target trigger, a deadline (到2025年, 十四五末) or a relative horizon (5年内)."""
        plain = text.replace("“", "").replace("”", "")
        if any(t in plain for t in self.lex.target_triggers):
            return True
        if any(w in plain for w in self.deadline_words):
            return True
        return bool(self.relative_re.search(plain) or self.deadline_re.search(plain))

    def governs(self, text: str, a: int) -> bool:
        """Does a goal cue govern the number at `a`? One in its own clause does; one in the
        sentence's first clause (力争“十四五”末，A超300亿元，B超万亿元) governs the clauses after it."""
        left, right = clause_at(text, a, a)
        clause = text[left:right]
        if self.has_goal_cue(clause):
            return True
        # a short goal head with a time (力争“十四五”末，/ 力争通过5年时间，) governs the next clauses
        bounds = [0] + [x.end() for x in CLAUSE.finditer(text, 0, left)]
        for lo, hi in list(zip(bounds, bounds[1:]))[-3:]:
            head = text[lo:hi - 1].replace("“", "").replace("”", "")
            if len(head) <= 30 and self.has_goal_cue(head) and (
                    self.year_re.search(head) or self.relative_re.search(head) or any(w in head for w in self.lex.year_expressions)):
                return True
        if self.opens_goal_list(text[:left]):
            return True  # 目标是：A，B: the goals follow the colon
        # （…）的目标: a cue right after the bracket governs what is inside it
        open_at = text.rfind("（", 0, a)
        close_at = text.find("）", a)
        if open_at >= 0 and close_at > a and text.rfind("）", 0, a) < open_at:
            return self.has_goal_cue(text[close_at + 1:close_at + 6])
        return False

    def goal_head(self, text: str) -> str:
        """The sentence's opening up to the end of its first clause with a deadline or a relative horizon
        (方案提出，到2025年，… -> 方案提出，到2025年), or "" where none opens it."""
        for m in CLAUSE.finditer(text):
            head = text[:m.start()]
            plain = head.replace("“", "").replace("”", "")
            if self.deadline_re.search(plain) or self.relative_re.search(plain) or any(w in plain for w in self.deadline_words):
                return head if HEAD_ONLY.fullmatch(CLAUSE.split(head)[-1]) else ""
        return ""

    def opens_goal_list(self, text: str) -> bool:
        """Does a goal word, with or without a copula, end `text` at a colon (今年的目标是：)?"""
        colon = text.rfind(GOAL_COLON)
        if colon < 0:
            return False
        head = text[:colon].rstrip()
        head = next((head[:-len(c)] for c in self.goal_copulas if head.endswith(c)), head)
        return head.endswith(tuple(self.lex.target_triggers))

    def year_of(self, text: str, upto: int) -> int | None:
        """The deadline year stated before position `upto`, or None."""
        plain = text[:upto].replace("“", "").replace("”", "")
        best = None
        for w in self.year_words:
            k = plain.rfind(w)
            if k >= 0 and (best is None or k > best[0]):
                best = (k, self.lex.year_expressions[w])
        for m in self.year_re.finditer(plain):
            if plain[:m.start(1)].endswith(self.comparison_bases):
                continue  # 较2020年: the base a goal is compared with
            if best is None or m.start() > best[0]:
                best = (m.start(), int(m.group(1)))
        if best is None:
            return None
        rel = [m.start() for m in self.relative_re.finditer(plain)]
        if rel and max(rel) > best[0]:
            return None
        return best[1]

    def blocked(self, clause: str, before: str = "", part_of_goal: bool = False) -> bool:
        """A past or forecast cue in the clause; a perfective marker before the number (聘请了一个);
        a clause counting part of a number said before (其中36个), unless that number is a goal of the
        same sentence (产能达到300万辆，其中新能源汽车产能达到150万辆: a part of a goal is a goal)."""
        committed = any(w in before for w in self.commitments)  # 力争实现产值增长10%: the growth is a goal
        if any(cue in self._without_rates(clause) and not (committed and cue in self.committed_growth)
               for cue in self.lex.non_target_cues):
            return True
        if clause.startswith(self.part_of_count) and not part_of_goal:
            return True
        if any(t in clause for t in self.lex.target_triggers):
            return False  # 明确了…的任务目标: the goal word says it is a goal all the same
        plain = before
        for word in self.not_perfective:
            plain = plain.replace(word, "")
        return any(p in plain for p in self.perfective)

    def _without_rates(self, clause: str) -> str:
        """The clause without the growth a goal sets (年均增长15%): that 增长 reports nothing past."""
        for word in self.growth_rates:
            clause = clause.replace(word, "")
        return clause

    def forecast_governs(self, text: str, a: int) -> bool:
        """A forecast (预计) or an as-of date (截至2023年) stated before the number, with no word of
        commitment after it, governs it: 预计到2025年，产值将达300亿元, 截至2023年，…7家企业扎根 are no
        goals, however many clauses they run over; 预计…，力争… is one."""
        head = text[:a]
        last_forecast = max((head.rfind(w) for w in (*self.forecasts, *self.as_of)), default=-1)
        last_goal = max((head.rfind(w) for w in self.commitments), default=-1)
        return last_forecast >= 0 and last_forecast > last_goal
