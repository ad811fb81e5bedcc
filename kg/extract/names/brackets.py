"""A bracket inside a name: 苏州（相城）禾丰科技有限公司 is one name; a dateline's bracket (7月14日电(记者某某))
holds the reporter, and the name starts after it."""
from __future__ import annotations

from kg.extract.names.cues import OPEN_BRACKETS, CueIndex
from kg.extract.names.evidence import name_like
from kg.extract.names.rules import BRACKET_REACH
from kg.extract.segment import Token


def bracket_start(cues: CueIndex, tokens: list[Token], i: int, left: int):
    """Index of the opening bracket of a bracketed part closing at token `i` (苏州（相城）), else None."""
    j = i - 1
    while j >= 0 and tokens[j].word not in OPEN_BRACKETS and left - tokens[j].start <= BRACKET_REACH:
        j -= 1
    if j >= 0 and tokens[j].word in OPEN_BRACKETS and j - 1 >= 0 and name_like(cues, tokens[j - 1]) \
            and not _byline(cues, tokens[j - 1:i]):
        return j
    return None


def _byline(cues: CueIndex, tokens: list[Token]) -> bool:
    """7月14日电(记者某某), 8日电(某某): a dateline's bracket holds the reporter, no part of the name after it."""
    return tokens[0].word.endswith(cues.words["dateline_endings"]) or any(
        t.word in cues.words["byline_roles"] for t in tokens[1:])
