"""Grammar `grammar:open-head` (v1): parks whose head the type words lack: 广州知识城, 昌平医疗器械城.

Park heads are productive; a list of type words is never complete. A one-character
head (`CueIndex.open_heads`: 城, 谷, 岛, 园) that the segmenter leaves on its own is
proposed as the end of a park name when a place opens the name and a descriptor
that is no place stands between them (广州 + 知识 + 城). A place and a head alone
(北京城) is the city, never proposed. The sentence must treat the name as a
development area: a development-context word (产业, 企业, 入驻 …) outside the name,
or 管委会 right after it.
"""
from __future__ import annotations

from kg.extract.names import descriptors as ds
from kg.extract.names.cues import FUNCTION_POS, PUNCT, CueIndex
from kg.extract.names.edges import Walk, walk_back
from kg.extract.names.rules import Candidate, candidate
from kg.extract.names.walk_stops import partner_prefix
from kg.types import Sentence

NAME, VERSION = "grammar:open-head", 2
MAX_DESCRIPTOR = 6  # characters between the place and the head (医疗器械)
MAX_PLACE = 6  # characters of the opening place (宁波杭州湾)
BRANCH_REACH = 16  # characters of the park's name before a branch (中关村科技园区|昌平园)


def _part_of_name(cues: CueIndex, tok) -> bool:
    w = tok.word
    return bool(w) and not any(ch in PUNCT for ch in w) and w not in cues.stop_words and tok.pos not in FUNCTION_POS


def _name_start(cues: CueIndex, tokens, i: int, text: str, base: int) -> int | None:
    """Start of <place><descriptor> before the head token `i`, or None when there is none."""
    j = i - 1
    descriptor = 0
    while j >= 0 and _part_of_name(cues, tokens[j]) and not cues.is_place(tokens[j].word):
        if tokens[j].pos == "v" and len(tokens[j].word) == 1:
            return None  # 串联起|百花港: a one-character verb of the sentence is no descriptor
        descriptor += len(tokens[j].word)
        j -= 1
    if descriptor == 0:
        return _branch_start(cues, tokens, i, text, base)
    if descriptor > MAX_DESCRIPTOR:
        return None
    place = 0
    while j >= 0 and cues.is_place(tokens[j].word) and place + len(tokens[j].word) <= MAX_PLACE:
        place += len(tokens[j].word)
        j -= 1
    if place == 0 or (place == 1 and tokens[j + 1].word not in cues.words["place_directions"]):
        return None  # 太子|湖|创新谷: a lone 湖 or 山 is a word of a longer place, which names the park (南 may open one)
    return tokens[j + 1].start


def _branch_start(cues: CueIndex, tokens, i: int, text: str, base: int) -> int | None:
    """中关村科技园区昌平园: a place and a branch head (园) right after a park's full name name the
    park's branch; the name starts where the park's does."""
    if i < 2 or tokens[i].word not in cues.words["branch_park_heads"] or not cues.is_place(tokens[i - 1].word):
        return None
    park = tokens[i - 2]
    form = next((f for f in cues.type_forms if park.word.endswith(f) and cues.type_words[f][0] == "Park"), None)
    if form is None:
        return None
    type_start = park.end - len(form)
    start = walk_back(cues, tokens, text, base, type_start, Walk(BRANCH_REACH, base, park=True))
    return start if start < type_start else None


def _is_head(cues: CueIndex, word: str) -> bool:
    """城, or 城在: the segmenter's HMM glues a function character to a lone head."""
    return word in cues.open_heads or (len(word) == 2 and word[0] in cues.open_heads
                                       and word[1] in cues.words["cut_chars"])


def _development_area(cues: CueIndex, text: str, start: int, end: int) -> bool:
    if text.startswith(cues.words["committee_words"], end):
        return True
    if cues.development_re is None:
        return False
    outside = text[:start] + "\u25a1" * (end - start) + text[end:]
    return cues.development_re.search(outside) is not None


def find(sent: Sentence, tokens, cues: CueIndex) -> list[Candidate]:
    if not cues.open_heads or not any(h in sent.text for h in cues.open_heads):
        return []
    text, base = sent.text, sent.start
    tokens = cues.seg.tokens(text, base) if tokens is None else tokens
    out = []
    firsts = {h[:1] for h in cues.open_heads}  # a head's first character opens every word _is_head accepts
    for i, tok in enumerate(tokens):
        if i == 0 or tok.word[:1] not in firsts or not _is_head(cues, tok.word):
            continue
        start = _name_start(cues, tokens, i, text, base)
        if start is None:
            continue
        end = tok.start + 1
        start = partner_prefix(cues, tokens, text, base, start)  # 中新广州知识城
        name = text[start - base:end - base]
        if ds.no_development_zone(cues, name, len(name) - 1) or name in cues.lex.generic:  # 某湿地生态农业园
            continue
        if cues.is_place(name) or not _development_area(cues, text, start - base, end - base):
            continue
        out.append(candidate("open-head", start, end, "Park", "Park", "zone"))
    return out
