"""Single words that end or extend the walk back from a type word (`kg.extract.names.edges.walk_back`):
the minutes of a time, a lone region word, a foreign name the segmenter split in two, a space between
two Latin words, a partner-country prefix, a post verb glued to a person before a firm."""
from __future__ import annotations

from kg.extract.names.brackets import bracket_start
from kg.extract.names.cues import CLOSE_BRACKETS, LATIN, NUMBER, CueIndex
from kg.extract.names.evidence import name_like
from kg.extract.segment import UNKNOWN, Token


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


def between_latin_words(tokens: list[Token], i: int, left: int) -> bool:
    """Token `i` is a single space between two Latin words, the one after it opening what the walk took
    (PT Senopati|Fujitrans物流公司: one foreign name, whose words a space parts)."""
    return (tokens[i].word == " " and i > 0 and i + 1 < len(tokens) and tokens[i + 1].start == left
            and LATIN.match(tokens[i + 1].word) is not None and LATIN.match(tokens[i - 1].word) is not None
            and tokens[i - 1].end == tokens[i].start)


def enclosed_by(cues: CueIndex, tokens: list[Token], i: int, left: int) -> tuple[bool, int | None]:
    """(token `i` is one the walk takes with what it encloses, the index of the first token taken): a closing
    bracket (苏州（相城）; None where the bracket holds no part of a name), a space between two Latin words."""
    if between_latin_words(tokens, i, left):
        return True, i - 1
    if tokens[i].word in CLOSE_BRACKETS:
        return True, bracket_start(cues, tokens, i, left)
    return False, None


def partner_prefix(cues: CueIndex, tokens: list[Token], text: str, base: int, left: int) -> int:
    """中德（沈阳）…产业园, 中新广州知识城: a partner-country prefix (中 + a country's abbreviation)
    right before the name, or split by the walk (中|德), opens the name; never the end of a
    longer word (滇中, 华中)."""
    at = left - base
    for prefix in cues.words["partner_prefixes"]:
        for inside in range(len(prefix) - 1, -1, -1):  # characters of the prefix already in the name
            head = at - (len(prefix) - inside)
            if head < 0 or text[head:head + len(prefix)] != prefix:
                continue
            opening = next((t for t in tokens if t.start <= head + base < t.end), None)
            if opening is not None and opening.start < head + base:
                continue  # 滇中新区: the 中 ends a word that began before it
            return head + base
    return left


def brand_before_place(cues: CueIndex, tokens: list[Token], i: int, seen_place: bool) -> bool:
    """的|益海|嘉里（周口）现代食品产业园, 走进|中车|松原…产业基地: a word the segmenter does not know, right before the
    place that opens a park's name and right after a word that cannot stand in a name, is the brand of the firm
    the park is named after, and opens the name (a place is otherwise the park name's left edge)."""
    tok = tokens[i]
    if not (seen_place and tok.pos == UNKNOWN and 2 <= len(tok.word) <= 4 and not cues.is_place(tok.word)
            and not NUMBER.match(tok.word)):  # 2023|浦东新区: a year, no brand
        return False
    before = tokens[i - 1] if i > 0 else None
    function = cues.words["cut_chars"] | cues.words["end_cut_chars"]  # 以, 任, 为: a phrase, no brand
    return (not any(ch in function for ch in tok.word) and tok.word[0] not in cues.words["place_directions"]
            and not tok.word.startswith(tuple(cues.lex.boundaries)) and before is not None and before.pos.startswith(("v", "uj")))


def post_before_place(cues: CueIndex, tok: Token, rest: str) -> bool:
    """某某明任|深圳市某集团: a post verb glued to the person before it, then the place that opens the firm's
    name; 国任|财产保险 keeps its 任."""
    after = rest[tok.end:]
    return tok.word[-1] in cues.words["post_chars"] and any(cues.is_place(after[:k]) for k in range(2, 5))


def ends_a_name(cues: CueIndex, part: str) -> bool:
    """市|和雄安, 院|在湾谷: what stands before a conjunction inside an unknown word ends a name (a region's or a
    body's type word), so a name starts after the conjunction; 中和|岚川 keeps its 和."""
    return part[-1] in cues.words["region_endings"] or any(w.endswith(part[-1]) for w in cues.type_words)
