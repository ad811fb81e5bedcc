"""What a goal measures: the words of a target's metric, tidied.

The clause before a goal's number often opens with the park and a modal verb (X高新区计划建成6个…),
a relative clause (…确定的五年…) or an aside left open (按照“7755”（…工业占比); what the goal
measures is the last phrase before the number, and for counted items the noun after the
count too (建成6个生态清洁小流域 measures 建成生态清洁小流域). All words are lexicon data.
"""
from __future__ import annotations

import re

from kg.ontology import Lexicon

COUNTED_REACH = 12  # characters after a count searched for the noun it counts
OPENING_REACH = 6  # characters of a clause's opening (a time word, a short subject) before its modal word
OPENINGS, CLOSINGS = "（(", "）)"


class MetricWords:
    """The lexicon's words that bound a metric: park types, lead words, possessives, counts, scales."""

    def __init__(self, lexicon: Lexicon):
        w = lexicon.words
        self.park_forms = tuple(sorted((f for f in lexicon.park_types if len(f) >= 2), key=len, reverse=True))
        self.leads = tuple(sorted(w("metric-lead"), key=len, reverse=True))
        self.possessives = tuple(w("possessive"))
        self.count_units = frozenset(w("count-unit")) - frozenset(w("rank-unit"))  # 进百强 counts no items
        self.scales = tuple(lexicon.scales)
        stops = "".join(re.escape(ch) for ch in "，。；、：:“”\"" + OPENINGS) + "0-9"
        self.counted_stop = re.compile("[" + stops + "]|" + "|".join(map(re.escape, self.possessives or ("\0",))))

    def tidy(self, metric: str) -> str:
        """The last phrase of `metric`: after an aside left open, the park that opens the clause,
        a relative clause's 的, and lead words (将, 计划)."""
        metric = _after_open_aside(metric)
        metric = self._after_park(metric)
        for word in self.possessives:
            cut = metric.rfind(word)
            if cut >= 0 and len(metric) - cut - len(word) >= 2:
                metric = metric[cut + len(word):]
        metric = self._after_opening(metric)
        changed = True
        while changed:
            changed = False
            for word in self.leads:
                if metric.startswith(word) and len(metric) > len(word):
                    metric, changed = metric[len(word):], True
                    break
        return metric

    def _after_opening(self, metric: str) -> str:
        """未来浦东将投入 -> 将投入: a short opening (a time word, a region named short) before the clause's
        modal word is who and when, not what the goal measures."""
        at = min((i for i in (metric.find(w, 1) for w in self.leads) if 0 < i <= OPENING_REACH), default=-1)
        return metric[at:] if at > 0 and len(metric) - at >= 3 else metric

    def counted(self, text: str, end: int, unit: str) -> str:
        """The noun a count names right after it (6个|生态清洁小流域), or '' (no count, no noun, or a
        scale that qualifies the items: 7个百亿级…集群 is measured by its own words)."""
        if unit not in self.count_units:
            return ""
        stop = self.counted_stop.search(text, end)
        tail = text[end:min(stop.start() if stop else len(text), end + COUNTED_REACH)]
        return tail if len(tail) >= 2 and not tail.startswith(self.scales) else ""

    def _after_park(self, metric: str) -> str:
        """X高新区计划建成 -> 计划建成: the park that opens the clause is no part of what it measures."""
        for at in range(2, len(metric)):
            form = next((f for f in self.park_forms if metric.startswith(f, at)), "")
            if form and len(metric) - at - len(form) >= 2:
                return metric[at + len(form):]
        return metric


def _after_open_aside(metric: str) -> str:
    """按照7755（招商引资协议投资中工业占比 -> 招商引资协议投资中工业占比: an aside still open at the number."""
    opening = max(metric.rfind(ch) for ch in OPENINGS)
    closing = max(metric.rfind(ch) for ch in CLOSINGS)
    return metric[opening + 1:] if opening > closing and len(metric) - opening > 2 else metric
