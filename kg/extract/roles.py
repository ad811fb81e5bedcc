"""The role an industry plays for its park (leading, emerging, future), from the words next to its list.

The trigger must close the enumeration the industry stands in (…、集成电路等未来产业)
or open it (主导产业为…); other industries and list punctuation between them do not
count as distance, so 以物联网、集成电路为主导的…集群和低空经济等未来产业 gives each
list its own role.
"""
from __future__ import annotations

import re

from kg.types import Mention, Sentence

CLAUSE = re.compile(r"[，。；：,;:！？]")
ROLE_AFTER = 14  # characters (other than list items) between an enumeration and its role word
ROLE_BEFORE = 6
ROLE_PRIORITY = {"hasFutureIndustry": 3, "hasEmergingIndustry": 2, "hasLeadingIndustry": 1}
# Frames inside enumerations that do not separate an item from its role word.
_ROLE_FILLER = re.compile(r"以[^、，。；]{1,12}?为代表的|[0-9一二三四五六七八九十两]+[个大项]|[百千万]亿级")
_FILLER = set("、和及与等“”\"")
QUOTES = "“”\""


def _covered(text: str, s: Sentence, industries: list) -> set:
    """Positions that are list items or enumeration frames: they are no distance."""
    covered = set()
    for other in industries:
        covered.update(range(other.start - s.start, other.end - s.start))
    for frame in _ROLE_FILLER.finditer(text):
        covered.update(range(frame.start(), frame.end()))
    return covered


def _better(prop: str, d: int, best: str, best_gap) -> bool:
    return best_gap is None or d < best_gap or (d == best_gap and ROLE_PRIORITY.get(prop, 0) > ROLE_PRIORITY.get(best, 0))


def industry_role(s: Sentence, m: Mention, industries: list, role_triggers: dict) -> str:
    """The industry role the words next to `m`'s enumeration give, or '' for plain hasIndustry."""
    text = s.text
    a, b = m.start - s.start, m.end - s.start
    left = max((x.end() for x in CLAUSE.finditer(text, 0, a)), default=0)
    right_match = CLAUSE.search(text, b)
    right = right_match.start() if right_match else len(text)
    covered = _covered(text, s, industries)

    def gap(lo: int, hi: int) -> int:
        return sum(1 for i in range(lo, hi) if i not in covered and text[i] not in _FILLER)

    # match role words across quotes: 五大“特”色服务业集群
    kept = [i for i, ch in enumerate(text) if ch not in QUOTES]
    plain = "".join(text[i] for i in kept)
    best, best_gap = "", None
    for word, prop in role_triggers.items():
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
            if ok and _better(prop, d, best, best_gap):
                best, best_gap = prop, d
    return best
