"""Where an industry's name starts when a clause's words were glued before it.

A name found before 产业 or in a list can carry the predicate of its clause (侧重于|汽车行业,
有效促进|农业产业链, 主要投向|清洁能源) or the name of the event it is the topic of (某地高端峰会|文化旅游
产业发展活动): neither is part of the industry's name, which starts after them.

>>> from kg.extract.names.cues import CueIndex
>>> from kg.ontology import load_lexicon
>>> cues = CueIndex.build(load_lexicon())
>>> text = "有效促进农业"
>>> text[after_clause_words(cues, text):]
'农业'
>>> after_clause_words(cues, "生物医药")
0
"""
from __future__ import annotations

from kg.extract.names.cues import CueIndex


def after_clause_words(cues: CueIndex, text: str) -> int:
    """How many characters of `text` are a clause's words before an industry's name: up to the end of the
    first clause verb or event word after which an industry name of two characters or more follows (0 where
    none does, or where `text` is a taxonomy label itself)."""
    if cues.strip_industry_suffix(text) in cues.lex.industry_labels:
        return 0
    ends = sorted({k + len(w) for w in cues.words["clause_words"] for k in _occurrences(text, w)})
    for end in ends:
        rest = text[end:]
        if len(rest) >= 2 and cues.is_industry_name(cues.strip_industry_suffix(rest)):
            return end
    return 0


def _occurrences(text: str, word: str):
    k = text.find(word)
    while k >= 0:
        yield k
        k = text.find(word, k + 1)
