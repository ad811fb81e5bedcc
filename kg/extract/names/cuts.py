"""Where a name really starts inside a walked-back prefix: after the boundary words and the function
characters the segmenter glued to its front (做强中科院 -> 中科院, 出迈为 -> 迈为).

Pure functions of the text and the cue index, run after the walk (`kg.extract.names.edges`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.names.cues import CueIndex
from kg.extract.names.walk_stops import ends_a_name, post_before_place
from kg.extract.segment import UNKNOWN


def strip_left_boundaries(cues: CueIndex, name_start: int, type_start: int, text: str, base: int) -> int:
    """Drop boundary words jieba glued to the front of a name (做强中科院 -> 中科院), never the
    first characters of a longer word (日照经济技术开发区 keeps its 日)."""
    changed = True
    while changed:
        changed = False
        prefix = text[name_start - base:type_start - base]
        first = cues.tokens(prefix)[0] if prefix else None
        # a known longer word keeps its first characters: 日 is a time word, but 日照 is a place;
        # a word the segmenter did not know (由瑞伯) is a boundary glued to a name
        whole = first is not None and first.pos != UNKNOWN and len(first.word) > 1
        for size in range(min(4, len(prefix)), 0, -1):
            if prefix[:size] in cues.lex.boundaries and len(prefix) > size and not (whole and len(first.word) > size):
                name_start += size
                changed = True
                break
    return name_start


def _cut_once(cues: CueIndex, rest: str, enterprise: bool) -> int:
    cut = 0
    cut_chars, end_cut_chars = cues.words["cut_chars"], cues.words["end_cut_chars"]
    for tok in cues.tokens(rest):
        if len(tok.word) == 1 and tok.word in cut_chars:
            cut = tok.end
        elif tok.pos == UNKNOWN and len(tok.word) > 1:
            # 出迈为 -> 迈为 (a function character glued in front); 位是 -> nothing left
            if tok.word[0] in cut_chars:
                cut = max(cut, tok.start + 1)
            elif tok.word[-1] in end_cut_chars or post_before_place(cues, tok, rest):
                cut = max(cut, tok.end)
            # 市和雄安 -> 雄安: a conjunction inside a word the segmenter did not know joins two names
            inner = max((i for i, ch in enumerate(tok.word[1:-1], 1) if ch in cues.words["inner_conjunctions"]
                         and ends_a_name(cues, tok.word[:i])), default=0)
            if inner:
                cut = max(cut, tok.start + inner + 1)
    # the furthest end of a boundary word that leaves something of the name (for firms: one at the start)
    pattern = cues.long_boundary_re
    if pattern is not None and enterprise:
        found = pattern.match(rest, 0, len(rest) - 1)
        cut = max(cut, found.end()) if found else cut
    elif pattern is not None:  # the longest boundary word at every position, in one scan
        for found in _at_every_position(pattern).finditer(rest, 0, len(rest) - 1):
            cut = max(cut, found.end(1))
    return cut


@lru_cache(maxsize=8)
def _at_every_position(pattern: re.Pattern) -> re.Pattern:
    """`pattern` looked ahead for (and captured) at each position: what ``pattern.match(text, k)`` finds for every k."""
    return re.compile("(?=(" + pattern.pattern + "))")


def cut_point(cues: CueIndex, prefix: str, enterprise: bool = False) -> int:
    """Where a name really starts inside a walked-back prefix: after the last single-character
    function word (是, 的, 出) standing alone or glued into a word jieba did not know (位是),
    and after the last boundary word hidden inside another token (做优做强中科院 -> 中科院; for
    firms only one at the start). Known words keep their characters: 华为 is not cut at 为."""
    total = 0
    while True:
        rest = prefix[total:]
        cut = _cut_once(cues, rest, enterprise)
        if cut == 0:
            return total
        if cut >= len(rest):
            return total + len(rest)  # nothing of a name is left: 先进位是 -> ''
        total += cut
