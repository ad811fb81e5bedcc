"""Enumerations: split the list that ends at an offset into items, then class each item.

An item is classed by itself where it can be (a trade name, a type word, an
industry name) and by the list's cue otherwise (迈为、博众等一批企业 -> firms).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.names import descriptors as ds
from kg.extract.names import evidence as ev
from kg.extract.names.cues import CLOSE_BRACKETS, OPEN_BRACKETS, PHASE, CueIndex
from kg.extract.names.cuts import cut_point, strip_left_boundaries
from kg.extract.names.edges import Walk, walk_back
from kg.extract.names.leads import leading_context_verb
from kg.extract.names.rules import (FIRST_ITEM_REACH, INDUSTRY_ITEM, PREDICATE_ITEM, Candidate, Mode, candidate,
                                    list_item_cap)
from kg.extract.segment import UNKNOWN, Token

CLAUSE_ENDS = "，。；：,;:！？"
_ITEM_SEPARATOR = re.compile(r"(、|以及)")  # …核心区以及姑苏实验室: 以及 separates items too
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&\-]*(?: [A-Za-z0-9&\-]+)*")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&\-]+")
# Zentrix Labs: one name, the space no boundary (not in a weak cue's list: brands and projects, 某Latin名咖啡)
_LATIN_SPACE = re.compile(r"(?<=[A-Za-z0-9]) (?=[A-Za-z0-9])")


def _parts(text: str, clause_start: int, end: int) -> list[tuple[int, int]]:
    parts, pos = [], clause_start
    for piece in _ITEM_SEPARATOR.split(text[clause_start:end]):
        if piece not in ("、", "以及"):
            parts.append((pos, pos + len(piece)))
        pos += len(piece)
    return parts


def _first_item_start(cues: CueIndex, tokens: list[Token], text: str, base: int, s: int, e: int,
                      firms: bool = True) -> int:
    """The first item has no separator before it: its start is found like a name's."""
    s = walk_back(cues, tokens, text, base, base + e, Walk(FIRST_ITEM_REACH, base + s, stop_generic=True)) - base
    s = strip_left_boundaries(cues, base + s, base + e, text, base) - base
    s += cut_point(cues, text[s:e])
    s += _verb_before_place(cues, text[s:e]) if firms else 0
    return s + leading_context_verb(cues, text[s:e])


def _verb_before_place(cues: CueIndex, item: str) -> int:
    """主营产品供应|宁德…, 服务|中国…: a verbal noun the walk took before the place that opens the first item is the
    clause's; the item starts at the place (a verb proper, 打响|某地水蜜桃, leaves the item a phrase, no name).
    Returns how far the item's start moves."""
    toks = cues.tokens(item)
    cuts = [b.start for a, b in zip(toks, toks[1:]) if a.pos == "vn" and cues.is_place_token(b)
            and len(item) - b.start >= 3]
    return cuts[-1] if cuts else 0


def item_spans(cues: CueIndex, text: str, base: int, end: int, tokens: list[Token],
               after_yi: bool = False, firms: bool = True) -> list[tuple[int, int]]:
    """The spans (sentence offsets) of the items of the list that ends at `end`."""
    clause_start = max(text.rfind(ch, 0, end) for ch in CLAUSE_ENDS) + 1
    framed = False
    if after_yi:
        yi = text.rfind("以", clause_start, end)
        if yi >= 0:
            clause_start, framed = yi + 1, True
    spans = []
    for idx, (s, e) in enumerate(_parts(text, clause_start, end)):
        if idx == 0 and e > s and not framed:
            s = _first_item_start(cues, tokens, text, base, s, e, firms)
        item = text[s:e].strip("“”\"' ")
        if not item:
            continue
        lead = text[s:e].find(item)
        for a, b in ev.split_conjunction(cues, s + lead, s + lead + len(item), text):
            spans.extend(_split_after_type_word(cues, a, b, text))
    return spans


def _split_after_type_word(cues: CueIndex, s: int, e: int, text: str) -> list[tuple[int, int]]:
    """A、B大学和C研究院: a conjunction right after a name that ends in a type word, or after a Latin name,
    joins two items, where a name with a proper-name part follows (南京大学和市农科院 -> 南京大学, 市农科院;
    Zentrix和Kiloma), not a facility's."""
    item = text[s:e]
    for conj in cues.lex.words("coordinator"):
        k = item.find(conj)
        left = item[:k]
        if 2 <= k < len(item) - 2 and (cues.typed_item(left) is not None or _LATIN_NAME.fullmatch(left)) \
                and ev.has_name_evidence(cues, item[k + len(conj):], "", firm=True) \
                and not item.endswith(tuple(cues.lex.facility_words)):  # 某某大学及某某医院: a hospital, no item
            return [(s, s + k), (s + k + len(conj), e)]
    return [(s, e)]


def enumeration_items(cues: CueIndex, text: str, base: int, end: int, mode: Mode, tokens: list[Token],
                      require_list: bool = False, after_yi: bool = False, weak_cue: bool = False,
                      sector_cue: bool = False) -> list[Candidate]:
    """Split the enumeration that ends at `end` into items and class them."""
    if require_list and not text[:end].endswith("、"):
        return []
    spans = item_spans(cues, text, base, end, tokens, after_yi, firms=not weak_cue)  # (品牌, 项目: products too)
    return classify_items(cues, spans, text, base, mode, weak_cue, sector_cue)


@dataclass(frozen=True)
class _List:
    """What the list as a whole says about its items."""

    mode: Mode
    mostly_industry: bool
    list_evidence: bool  # half the items or more have a proper-name part
    weak_cue: bool  # 项目, 品牌: a cue that lists products as often as firms
    plain_sectors: bool = False  # 玉器、住宿等多个行业: a sector cue after a list of industries and plain nouns


def _predicate_item(cues: CueIndex, name: str, is_ind: bool) -> bool:
    """A、B入选: an item the predicate makes a firm."""
    return (PREDICATE_ITEM[0] <= len(name) <= PREDICATE_ITEM[1] and not is_ind and name not in cues.lex.generic
            and cues.typed_item(name) is None  # 河南自贸试验区挂牌: the type word classes it
            and not ev.only_places(cues, name)  # (工作站)在盐城滨海挂牌: a place, not a firm
            and not name.endswith(cues.agency_endings)  # 渝北社区入选: a community
            and not any(name.endswith(w) for w in cues.lex.facility_words)  # 某某项目落户: a project
            and not name.endswith(cues.lex.words("firm-kind-head"))  # 链上企业相继入驻: a kind of firm
            and name[-1] not in cues.open_heads  # 某某创园已入驻…: a park that firms settle in
            and not ev.has_boundary(cues, name) and ev.has_name_evidence(cues, name, "", firm=True)
            and not ev.has_verb(cues, name))


def _industry_item(cues: CueIndex, name: str, core: str) -> bool:
    return INDUSTRY_ITEM[0] <= len(core) <= INDUSTRY_ITEM[1] and not ev.has_boundary(cues, name)


def _not_a_firm(cues: CueIndex, name: str, lst: _List) -> bool:
    """An item of a firm list that is a phrase, a facility, a department or a product."""
    if ev.has_verb(cues, name) or not (lst.list_evidence or ev.has_name_evidence(cues, name, "", firm=True)):
        return True
    if any(name.endswith(w) for w in cues.lex.facility_words):
        return True  # 研发大厦, X信息港, X药港: a building or a place of firms, not a firm
    if cues.patterns["capacity"].search(name):
        return True  # 某地180万吨煤制油: a project of a capacity, not a firm
    if name.endswith(cues.agency_endings) or name.endswith(cues.words["association_endings"]):
        return True  # 政府中小企业服务部门, 中国新加坡商会: a department or an association, not a firm
    if name.endswith(cues.lex.words("firm-kind-head")):
        return True  # 商业连锁企业、农贸市场等: the noun for firms (or for a market) after what they do names a kind
    if ev.only_places(cues, name) or _regional_produce(cues, name):
        return True  # 来自汕尾、惠州、增城等地: places; 烟台苹果, 某地8424西瓜: a place's produce (a regional brand)
    return lst.weak_cue and not (
        ev.is_trade_name(cues, name, goods=True) or ev.has_strong_evidence(cues, name)
        or lst.list_evidence and ev.all_name_like(cues, name))  # 煤制烯烃等项目: products and works, not firms


def _regional_produce(cues: CueIndex, name: str) -> bool:
    """A place (and a variety's number) before farm produce names a regional brand, which no firm owns."""
    word = next((w for w in cues.lex.words("produce-word") if name.endswith(w)), "")
    rest = name[:len(name) - len(word)].rstrip("0123456789")
    return bool(word and rest) and ds.only_places(cues, rest)


def _cue_item(cues: CueIndex, name: str, lst: _List) -> bool:
    """An item the list's cue classes (enterprise, platform, park), or False where the item says otherwise."""
    cls = lst.mode.value
    if cls == "Enterprise" and _not_a_firm(cues, name, lst):
        return False
    if cls == "Platform" and (lst.weak_cue or ev.only_places(cues, name) or not ev.has_name_evidence(cues, name, "", firm=True)):
        return False  # 依托教学、科研等资源载体, 中欧班列、西部陆海新通道等平台: no research body without its type word
    size = len(_LATIN_WORD.sub("AA", name))  # a Latin word counts as two characters (Zentrix: a name's word)
    return (2 <= size <= list_item_cap(cls) and not ev.has_boundary(cues, name) and name not in cues.lex.generic
            and name not in cues.type_words and not cues.patterns["counted"].search(name)
            and not _described_kind(cues, name))


PLAIN_NOUN_POS = frozenset({"n", "vn", "nr", "nz", "an"})  # nr: the tagger's reading of some nouns (玉石)


def plain_noun(cues: CueIndex, name: str) -> bool:
    """An item made of nouns the dictionary knows (住宿, 稻米加工): no place, no unknown word, no verb,
    no generic word and no noun for people, a kind of body or products (专家, 龙头企业, 旅游产品)."""
    if not INDUSTRY_ITEM[0] <= len(name) <= 6 or name in cues.lex.generic or ev.has_boundary(cues, name):
        return False
    if name.endswith(cues.kind_heads + cues.lex.words("person-list-head") + cues.lex.words("product-head")):
        return False
    return all(t.pos in PLAIN_NOUN_POS and cues.seg.frequency(t.word) > 0 and not cues.is_place(t.word)
               and t.word not in cues.lex.generic for t in cues.tokens(name))


def _place_bracket(cues: CueIndex, name: str) -> int:
    """Length of a bracketed place closing a firm's name (某某（中国）, 某某(苏州)): the firm's arm in that
    place, part of its name, else 0."""
    if not name.endswith(tuple(CLOSE_BRACKETS)):
        return 0
    k = max(name.rfind(b) for b in OPEN_BRACKETS)
    inner = name[k + 1:-1]
    return len(name) - k if k >= 2 and inner and cues.is_place(inner) and not ev.has_boundary(cues, name[:k]) else 0


def _described_kind(cues: CueIndex, name: str) -> bool:
    """优秀企业, 园区孵化器: modifiers or a generic word before a cue or a type word describe a kind, name nothing."""
    for head in cues.kind_heads:
        if name.endswith(head) and len(name) > len(head):
            rest = name[:-len(head)]
            return cues.only_modifiers(rest) or rest in cues.lex.generic
    return False


def _by_frame(cues: CueIndex, s: int, e: int, name: str, is_ind: bool, mode: Mode) -> Candidate | None:
    """Items of a list whose frame (a predicate, 以…为主导) gives the class."""
    if mode is Mode.ENTERPRISE_STRICT:
        return candidate("predicate", s, e, "Enterprise") if _predicate_item(cues, name, is_ind) else None
    # 以钒钛新材料为主导: the frame says industry, even where the name could be a firm's
    ok = cues.is_industry_name(name) and _industry_item(cues, name, cues.strip_industry_suffix(name))
    return candidate("list", s, e, "Industry") if ok else None


def _no_item(cues: CueIndex, name: str) -> bool:
    """一期, a list's own cue, 3家企业, 首家外资理财公司, 工程技术研究中心: a phase, a cue, a count, a quantity word
    opening the item, or a generic word (a kind of body or park) as the whole item, which describe things and name
    none."""
    return bool(PHASE.fullmatch(name) or name in cues.lex.list_cues or name in cues.lex.generic
                or cues.patterns["counted"].search(name)
                or (name.startswith(cues.lex.words("quantity-opening")) and not ds.registered(cues, name)))


def _classify(cues: CueIndex, s: int, e: int, name: str, is_ind: bool, lst: _List) -> Candidate | None:
    mode, lex = lst.mode, cues.lex
    if _no_item(cues, name):
        return None
    if mode in (Mode.ENTERPRISE, Mode.ENTERPRISE_STRICT) and ev.is_trade_name(cues, name, goods=True):
        return candidate("list-classed", s, e, "Enterprise")
    if mode in (Mode.ENTERPRISE_STRICT, Mode.INDUSTRY_STRICT):
        return _by_frame(cues, s, e, name, is_ind, mode)
    typed = cues.typed_item(name)
    if typed is not None:  # 科技创新|产业园区: a kind of park, which the type-word grammar reads as generic
        return None if _unnamed_park(cues, name, typed) else candidate("list-classed", s, e, *typed)
    core = cues.strip_industry_suffix(name)
    industry_cue = mode is Mode.INDUSTRY
    if (industry_cue and (is_ind or lst.mostly_industry or lst.plain_sectors)) or (
            not industry_cue and is_ind and (lst.mostly_industry or core in lex.industry_labels)):
        return candidate("list-classed", s, e, "Industry") if _industry_item(cues, name, core) else None
    bare = name[:len(name) - _place_bracket(cues, name)]
    if industry_cue or not _cue_item(cues, bare if lst.weak_cue else _LATIN_SPACE.sub("", bare), lst):
        return None
    return candidate("list", s, e, mode.value)


def _unnamed_park(cues: CueIndex, name: str, typed: tuple) -> bool:
    """A park item whose words before its type word have no proper part (科技创新|产业园区, 进口贸易促进|创新示范区):
    listed beside named zones it still names a kind of park, as `ev.has_name_evidence` reads it for the type-word
    grammar (an industry before a sub-park's type word counts: 生命健康|产业园)."""
    cls, _, level = typed
    core = PHASE.sub("", name)
    form = next((f for f in cues.type_forms if core.endswith(f) and len(core) > len(f)), "")
    return cls == "Park" and bool(form) and not ev.has_name_evidence(cues, core[:-len(form)], level)


def _plain_industry(cues: CueIndex, name: str) -> bool:
    """In a firm list an industry is a taxonomy label or has no word that is a place or unknown to the
    dictionary (生物医药, 数字新媒体); 某科成环保, 太极某药 (a place or an unknown word before an industry head)
    are firms."""
    core = cues.strip_industry_suffix(name)
    return core in cues.lex.industry_labels or not any(t.pos in ("ns", UNKNOWN) for t in cues.tokens(core))


def _without_facility(cues: CueIndex, text: str, span: tuple[int, int]) -> tuple[int, int]:
    """某集团全球总部 in a list of firms: the firm's own facility closes the item; the firm is the rest."""
    s, e = span
    word = next((w for w in cues.lex.words("firm-facility") if text.endswith(w, s, e) and e - s - len(w) >= 2), "")
    return s, e - len(word)


def classify_items(cues: CueIndex, spans, text: str, base: int, mode: Mode, weak_cue: bool = False,
                   sector_cue: bool = False) -> list[Candidate]:
    if mode in (Mode.ENTERPRISE, Mode.ENTERPRISE_STRICT):
        spans = [_without_facility(cues, text, span) for span in spans]
    names = [text[s:e] for s, e in spans]
    industries = [cues.is_industry_name(n) and not ev.is_trade_name(cues, n)
                  and (mode is not Mode.ENTERPRISE or _plain_industry(cues, n)) for n in names]
    evidenced = [ev.has_name_evidence(cues, n, "", firm=True) for n in names]
    sectors = sector_cue and len(names) >= 2 and all(i or plain_noun(cues, n) for i, n in zip(industries, names))
    lst = _List(mode, sum(industries) * 2 > len(names), sum(evidenced) * 2 >= len(names) and len(names) >= 2, weak_cue,
                sectors)
    out = []
    for (s, e), name, is_ind in zip(spans, names, industries):
        c = _classify(cues, base + s, base + e, name, is_ind, lst)
        if c is not None:
            out.append(c)
    return out
