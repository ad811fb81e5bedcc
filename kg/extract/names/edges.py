"""Where a name starts: walking back from its type word over the words of a sentence.

The left edge of a name is found by walking back over jieba tokens while they
look like parts of a name (nouns, places, unknown words, numbers, bracketed
places), stopping at verbs, function words and the lexicon's boundary words. What the walk takes
and is no part of the name is cut after it (`cuts`, `leads`).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from operator import itemgetter

from kg.extract.names.cues import NUMBER, PERSON_POS, PUNCT, CueIndex
from kg.extract.names.dotted import opening_before_dot
from kg.extract.names.evidence import has_name_evidence, name_like
from kg.extract.names.firm_start import before_firm_place, body_before_own_platform, park_before_own_firm
from kg.extract.names.walk_stops import at_type_word, brand_before_place, enclosed_by, partner_prefix, time_or_scope
from kg.extract.segment import UNKNOWN, Token

_START = itemgetter(0)  # Token.start: tokens are in text order, so their starts can be bisected


@dataclass(frozen=True)
class Walk:
    """How far and over what a walk goes: `limit` characters, never before offset `floor`."""

    limit: int
    floor: int
    park: bool = False  # a place is the left edge; never cross another park word or a person
    inner_ok: bool = False  # name-internal verbs (建设, 创新) may stand inside
    stop_generic: bool = False  # stop at a generic word (园区, 企业)
    firm: bool = False  # stop at a word ending in a generic firm word
    through_zone: bool = False  # a sub-park's name may begin with its zone's name (X高新区生命健康产业园)


def _straddle(cues: CueIndex, tokens: list[Token], text: str, base: int, start: int):
    """(index of the last token before `start`, left edge, a place seen) after a token straddling `start`;
    index None when the walk ends at `start`."""
    i = bisect_left(tokens, start, key=_START) - 1  # the last token that starts before `start`
    if not (i >= 0 and tokens[i].end > start):
        return i, start, False
    # a token straddles the type word: its left part belongs to the name
    part = text[tokens[i].start - base:start - base]
    if part and not any(ch in PUNCT for ch in part) and part not in cues.lex.boundaries:
        seen = any(cues.is_place(part[:k]) for k in range(2, min(6, len(part)) + 1))
        return i - 1, tokens[i].start, seen
    return None, start, False


def _glued_conjunction(cues: CueIndex, tok: Token, start: int) -> bool:
    """高新区与子牛亦东科技: jieba glued the conjunction to the name (or a caption's credit: 张某摄睿泽纺织)."""
    return (tok.pos == UNKNOWN and len(tok.word) >= 2 and tok.end <= start
            and (tok.word[0] in cues.words["glued_conjunctions"] or tok.word.startswith(cues.words["photo_credit"])))


def _glued_before_name(cues: CueIndex, tok: Token) -> bool:
    """王丽摄|高新区…: a photo credit (name + 摄) ends the caption before the next sentence; 某某展暨|某某集团:
    jieba glued the conjunction to the word before the name."""
    return tok.pos == UNKNOWN and (tok.word.endswith(cues.words["photo_credit"]) or (
        len(tok.word) >= 2 and tok.word.endswith(cues.words["trailing_conjunctions"])))


def _stops(cues: CueIndex, tokens: list[Token], i: int, start: int, left: int, walk: Walk) -> bool:
    tok = tokens[i]
    lex = cues.lex
    if _glued_before_name(cues, tok):
        return True
    if tok.word == "月" and i > 0 and (NUMBER.match(tokens[i - 1].word) or tokens[i - 1].pos == "m"):
        return True  # 6月 is a date; 净月 is a name
    if _beyond_reach(cues, tok, start, left, walk) or time_or_scope(cues, tokens, i, walk.park):
        return True
    if walk.stop_generic and tok.end < start and (tok.word in lex.generic or tok.word in lex.park_types):
        return True
    # 重点企业博迅医疗…有限公司: the generic word (or one ending in a firm's) is not part of the name
    return walk.inner_ok and not walk.park and left < start and (
        lex.generic.get(tok.word) in ("Enterprise", "Platform")
        or (walk.firm and tok.word.endswith(cues.firm_generics)))


def _beyond_reach(cues: CueIndex, tok: Token, start: int, left: int, walk: Walk) -> bool:
    """The token starts past the walk's reach; a zone's word right before a sub-park's name is still
    read, for the zone's name may open the sub-park's (北京自由贸易试验区|大兴机场片区: `_zone_prefix`)."""
    return start - tok.start > walk.limit and not (walk.through_zone and tok.end == left
                                                   and tok.word in cues.lex.park_types)


def _opens_after(cues: CueIndex, tokens: list[Token], i: int, start: int, text: str, base: int, walk: Walk) -> bool:
    """The name opens after token `i`: it is a reporter's name after a byline role (记者赵语涵|未来科学城),
    or, for a firm, a word or a park before the place that opens its own name (`kg.extract.names.firm_start`)."""
    tok = tokens[i]
    if i > 0 and tokens[i - 1].word in cues.words["byline_roles"] and (tok.pos in PERSON_POS or tok.pos == UNKNOWN) \
            and len(tok.word) in (2, 3) and tok.word[0] not in cues.words["cut_chars"]:
        return True
    if not walk.firm:  # a platform: a park before the place that opens its name (X产业园荆州（武汉）离岸科创中心)
        return walk.inner_ok and not walk.park and (park_before_own_firm(cues, tok, text, base, start, firm=False)
                                                    or body_before_own_platform(cues, tokens, i, start))
    return before_firm_place(cues, tokens, i, start) or park_before_own_firm(cues, tok, text, base, start)


def _opens_further(cues: CueIndex, tokens: list[Token], i: int, left: int, seen_place: bool) -> bool:
    """合芜|蚌国家自主创新示范区: an unknown word before a one-character place opens an abbreviation of cities; 的益海|嘉里…: a brand (`brand_before_place`)."""
    tok, after = tokens[i], tokens[i + 1] if i + 1 < len(tokens) else None
    return brand_before_place(cues, tokens, i, seen_place) or (
        tok.pos == UNKNOWN and len(tok.word) == 2 and after is not None and len(after.word) == 1 and after.start == left)


def _park_step(cues: CueIndex, tok: Token, seen_place: bool, first: bool = False) -> tuple[bool, bool]:
    """(stop, a place seen) for a park name: a person or a second park word ends it, and so does
    the first word that is no place once a place was taken."""
    if tok.pos in PERSON_POS and not first:
        return True, seen_place  # 张国华代表雄安新区: a person never opens a park name
    # (right before the type word the segmenter's person is a brand it does not know: 比亚迪工业园)
    place = (cues.is_place_token(tok) and (seen_place or tok.word not in cues.lex.words("place-feature"))) or (
        seen_place and tok.word in cues.words["place_directions"])  # 西|太湖; 太子|湖: a lone 湖 ends a longer place
    if (seen_place and not place) or tok.word in cues.lex.park_types or tok.word in cues.lex.generic:
        return True, seen_place
    return False, seen_place or place


def walk_back(cues: CueIndex, tokens: list[Token], text: str, base: int, start: int, walk: Walk) -> int:
    """Leftmost offset of the name that ends with the type word at `start`.

    For parks a place name is the left edge: once the walk has taken a place
    (苏州, 宜春丰城), it stops at the first word that is not one; and it never
    crosses another park type word (…产业园区燕郊高新区).
    """
    i, left, seen_place = _straddle(cues, tokens, text, base, start)
    if i is None:
        return start
    while i >= 0:
        tok = tokens[i]
        if tok.start < walk.floor:
            break
        enclosing, j = enclosed_by(cues, tokens, i, left)
        if enclosing:
            if j is None:
                break
            left, i = tokens[j].start, j - 1
            continue
        if not name_like(cues, tok, walk.inner_ok) and not (walk.park and seen_place and tok.word in cues.words["place_directions"]):
            left = _ring_opening(cues, tok, left, start, walk)
            break
        if _glued_conjunction(cues, tok, start):
            left = tok.start + 1
            break
        if _stops(cues, tokens, i, start, left, walk) or _opens_after(cues, tokens, i, start, text, base, walk):
            break
        if walk.park:
            stop, seen_place = _park_step(cues, tok, seen_place, first=at_type_word(tokens, i, start))
            if stop and not _opens_further(cues, tokens, i, left, seen_place):
                zone_left = _zone_prefix(cues, tokens, text, base, i, left, start, seen_place, walk)
                if zone_left is not None:
                    left = zone_left
                elif tok.pos == UNKNOWN and len(tok.word) > 1 and tok.word[0] in cues.words["cut_chars"]:
                    left = tok.start + 1  # 由西|咸新区: the segmenter glued a function character to the name's start
                break
        left = tok.start
        i -= 1
    return _finish_left(cues, tokens, text, base, left, start, walk)


def _ring_opening(cues: CueIndex, tok: Token, left: int, start: int, walk: Walk) -> int:
    """打造环|某某湖数字经济产业园: a ring word right before the name a park's walk took ('around' the place) opens
    the name; `left` itself otherwise."""
    ring = walk.park and tok.end == left < start and tok.word in cues.lex.words("ring-prefix")
    return tok.start if ring else left


def _finish_left(cues: CueIndex, tokens: list[Token], text: str, base: int, left: int, start: int, walk: Walk) -> int:
    """The walk's left edge, after a partner-country prefix (中德…) or a cluster's name before a middle dot
    (某某智谷·|赵巷园区), and without a leading name-internal verb."""
    if walk.park and left < start:
        def cluster(end: int) -> int:  # a cluster's name before a middle dot (`dotted`) is walked as a park's
            return walk_back(cues, tokens, text, base, end, Walk(walk.limit, walk.floor, park=True))
        left = partner_prefix(cues, tokens, text, base, opening_before_dot(cues, text, base, left, cluster))
    if walk.inner_ok:
        # a name never starts with a name-internal verb: 建设创新研究院 is not a name
        j = bisect_left(tokens, left, key=_START)
        while j < len(tokens) and tokens[j].start == left and tokens[j].end <= start \
                and tokens[j].word in cues.lex.name_parts:
            left = tokens[j].end
            j += 1
    return left


def _zone_prefix(cues: CueIndex, tokens: list[Token], text: str, base: int, i: int, left: int, start: int,
                 seen_place: bool, walk: Walk) -> int | None:
    """Where a sub-park's name starts when it begins with its zone's name: 延吉高新区生命健康产业园
    is one name (the contract's "name that begins with the park's full name"). Only right after
    a zone word (高新区, 经开区), with words of the sub-park's own between it and the type word
    (no place of its own, but for a branch: 中国（北京）人力资源服务产业园朝阳园区), and a zone
    name that has a place (延吉); else None."""
    tok = tokens[i]
    pt = cues.lex.park_types.get(tok.word)
    if not (walk.through_zone and pt is not None and tok.end == left < start):
        return None
    own = text[left - base:start - base]
    area = tok.word in cues.words["area_zones"] and text.startswith(cues.words["area_heads"], start - base)
    if seen_place and not area and not (_opens_with_place(cues, own) and text.startswith(cues.words["branch_park_heads"], start - base)):
        return None  # a place of its own opens a park's name, except a branch's (…产业园朝阳园区) or a
        # free-trade zone's area (北京自由贸易试验区大兴机场片区)
    branch = text.startswith(cues.words["branch_park_heads"], start - base)
    if not seen_place and not area and not branch and pt.level != "zone" and has_name_evidence(cues, own, ""):
        return None  # after a 片区 or 园区, only a name of no proper part of its own (临港新片区大飞机航空产业园),
        # or a branch's (某综合保税区|阳逻港|园区)
    # the zone's own name may be long (中国（北京）人力资源服务产业园): twice a name's usual reach
    zone_start = walk_back(cues, tokens, text, base, tok.start, Walk(2 * walk.limit, walk.floor, park=True))
    prefix = text[zone_start - base:tok.start - base]
    if not prefix or not any(cues.is_place(prefix[:k]) for k in range(2, min(6, len(prefix)) + 1)):
        return tok.start if area else None  # 自贸区长沙片区: a free-trade zone's area is named with its zone, bare or not
    return zone_start


def _opens_with_place(cues: CueIndex, own: str) -> bool:
    """A branch's own words open with its place (朝阳|园区, 和平|中心园区)."""
    return any(cues.is_place(own[:k]) for k in range(len(own), 1, -1))
