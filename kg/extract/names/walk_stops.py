"""Single words that end or extend the walk back from a type word (`kg.extract.names.edges.walk_back`):
the minutes of a time, a lone region word, a foreign name the segmenter split in two."""
from __future__ import annotations

from kg.extract.names.cues import NUMBER, CueIndex
from kg.extract.names.evidence import name_like
from kg.extract.segment import Token


def time_or_scope(cues: CueIndex, tokens: list[Token], i: int, park: bool) -> bool:
    """16:10|数字广告产业园区: the minutes of a time; 曾任|市|张江高新区, ，|区|先进制造业园区: a lone region word
    after a word that cannot stand in a name says whose park it is, and names no place."""
    tok = tokens[i]
    if NUMBER.match(tok.word) and i > 0 and tokens[i - 1].word in (":", "\uff1a"):
        return True
    return park and tok.word in cues.words["region_endings"] and (i == 0 or not name_like(cues, tokens[i - 1]))


def at_type_word(tokens: list[Token], i: int, start: int) -> bool:
    """Token `i` ends at the type word, or is the first half of a foreign name split in two that does
    (莫罗|瓦利|工业园区: two transliterated pieces)."""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    return tokens[i].end == start or (tokens[i].pos == "nrt" and after is not None and after.pos == "nrt"
                                      and after.start == tokens[i].end and after.end == start)
