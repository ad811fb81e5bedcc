"""Where a firm's name starts when the walk back from its type word meets a place: what stands
before the place (a function word, a park) is the sentence's or the firm's address, not its name."""
from __future__ import annotations

from kg.extract.firm_identity import COMMON_WORD
from kg.extract.names.cues import NAME_POS, CueIndex
from kg.extract.park_identity import leading_places
from kg.extract.segment import Token


def before_firm_place(cues: CueIndex, tokens: list[Token], i: int, start: int) -> bool:
    """法定代表人为|上海宝华企业集团有限公司: a word ending in a function character (人为, 即为) right before
    the place that opens a firm's own name (more than the place before the type word) is the sentence's."""
    tok, place = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
    if place is None or start - place.end < 2 or not cues.is_place_token(place) or cues.is_place_token(tok):
        return False
    return tok.pos not in NAME_POS and tok.word[-1] in cues.words["cut_chars"] and len(tok.word) > 1


def park_before_own_firm(cues: CueIndex, tok: Token, text: str, base: int, start: int) -> bool:
    """葛店开发区|湖北容百锂电材料有限公司: a park's type word before a firm's own name (a place, or a rare
    word, opens what follows) is where the firm is, not its name; 黄冈高新区招商服务公司 keeps its park."""
    if tok.word not in cues.lex.park_types:
        return False
    rest = text[tok.end - base:start - base]
    places, own = leading_places(rest, cues.lex.regions)
    if places:
        return len(own) >= 2
    return len(rest) >= 4 and cues.seg.frequency(rest[:2]) < COMMON_WORD and not rest.startswith(
        cues.lex.words("firm-kind-word"))
