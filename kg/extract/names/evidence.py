"""Tests a grammar asks of a piece of a name: is it name-like, a trade name, a place, a phrase?

Pure functions of the text and the cue index.
"""
from __future__ import annotations

from kg.extract.names.cues import (COMMON_NOUN, LATIN, MAX_NAME_DIGITS, MUNICIPALITY_CODES, NAME_POS, NUMBER, PUNCT, RARE_WORD,
                                   STOP_POS, CueIndex)
from kg.extract.segment import UNKNOWN, Token


def has_name_evidence(cues: CueIndex, prefix: str, level: str, firm: bool = False) -> bool:
    """A park name needs a proper-name part: a place, an unknown word, Latin or digits,
    or (for parks inside zones) an industry name: 生命健康产业园."""
    if not prefix:
        return False
    if level == "subpark" and cues.is_industry_name(prefix):
        return True
    tokens = cues.tokens(prefix)
    for tok in tokens:
        if describes(cues, tok.word) or (tok.word.isascii() and tok.word in cues.lex.industry_labels):
            continue  # 城市, 创科, 开放式: a generic modifier names nothing, whatever the tagger or the gazetteer says;
            # AI, 5G: a field's Latin abbreviation names the field, not a body
        if tok.pos in NAME_POS or LATIN.match(tok.word) or NUMBER.match(tok.word) or cues.is_place(tok.word):
            return True
        if firm and len(tok.word) >= 2 and cues.seg.frequency(tok.word) < RARE_WORD:
            return True  # a rare word (小驴) is a likely name part of a firm or platform
    if tokens and describes(cues, tokens[0].word):
        return False  # 中国式|现代化: the place opens an attribute (中国式), which names nothing
    return any(cues.is_place(prefix[:k]) and not cues.only_modifiers(prefix[:k]) for k in range(2, min(5, len(prefix)) + 1))


def describes(cues: CueIndex, word: str) -> bool:
    """A generic modifier (城市, 一流) or an attribute of three characters or more (开放式, 园林式)."""
    return cues.only_modifiers(word) or (len(word) >= 3 and word.endswith(cues.words["attributive_endings"]))


def name_like(cues: CueIndex, tok: Token, inner_ok: bool = False) -> bool:
    """A token that can stand inside a name."""
    if inner_ok and tok.word in cues.lex.name_parts:
        return True
    w = tok.word
    if not w or not PUNCT.isdisjoint(w):
        return False
    if w in cues.stop_words or w in cues.words["time_words"]:
        return False
    if NUMBER.match(w):
        return len(w) <= MAX_NAME_DIGITS  # 798艺术区 is a name; 85571000贵安新区 ends a phone number
    if LATIN.match(w) or tok.pos == UNKNOWN or w in cues.words["name_time_or_position_words"]:
        return True  # 未来 is a time word, 南方 a position word, and each a name's word (北京未来科学城, 南方科技大学)
    return tok.pos not in STOP_POS


def all_name_like(cues: CueIndex, name: str) -> bool:
    """Every word of `name` is a proper-name word (nz, nr, ns, x?): 健适医疗 is not, 华瑞 is."""
    toks = cues.tokens(name)
    return bool(toks) and sum(t.pos in NAME_POS for t in toks) * 2 >= len(toks)


def has_verb(cues: CueIndex, name: str) -> bool:
    """区领导调研爱心暑托班: a phrase with a verb is no company name."""
    return any(t.pos in ("v", "vd", "vg") and len(t.word) >= 2 and t.word not in cues.lex.name_parts
               for t in cues.tokens(name))


def has_boundary(cues: CueIndex, name: str) -> bool:
    """An item with punctuation, a boundary word or a lone function character is no name."""
    cut_chars = cues.words["cut_chars"]
    return not PUNCT.isdisjoint(name) or any(
        (len(tok.word) >= 2 and tok.word in cues.stop_words) or (len(tok.word) == 1 and tok.word in cut_chars)
        or tok.pos in ("p", "c", "uj")
        for tok in cues.tokens(name))


def has_strong_evidence(cues: CueIndex, name: str) -> bool:
    toks = cues.tokens(name)
    return any(t.pos in ("nz", "eng") for t in toks) and not any(cues.is_place(t.word) for t in toks)


def only_places(cues: CueIndex, name: str) -> bool:
    """Every word of `name` is a place (盐城滨海, 江苏南京)."""
    toks = cues.tokens(name)
    return bool(toks) and all(cues.is_place(t.word) for t in toks)


def _trade_part_is_name(cues: CueIndex, part: str, goods: bool) -> bool:
    lex = cues.lex
    if (part in lex.industry_labels or part in lex.industry_heads or part in lex.modifiers
            or part in cues.stop_words or cues.is_industry_name(part) or part in lex.words("quality-modifier")):
        return False  # 量子科技, 高性能新材料: an industry or a quality, not a firm's name part
    toks = cues.tokens(part)
    if any(part.endswith(t) for t in lex.platform_types) or any(t.pos in STOP_POS for t in toks):
        return False  # 四川大学生物(治疗…实验室): a university's field, not a firm; or a phrase
    # a rare word is a name's (小驴); with `goods` a common noun (not one character: 衡|橡) names goods (速冻|食品)
    return all(t.pos in NAME_POS or cues.seg.frequency(t.word) < (
        COMMON_NOUN if goods and len(t.word) >= 2 and t.pos in ("n", "vn") else 500) for t in toks)


def is_trade_name(cues: CueIndex, name: str, goods: bool = False) -> bool:
    """A company short name: a name-like part + a trade word (小牛科技, 春光新材料), where
    the part is not itself an industry or a generic word (量子科技 is an industry); with `goods` (where a firm is
    made), common nouns before a trade word for goods name a kind of goods (速冻食品, 保税物流; 重塑科技 is a firm)."""
    if cues.strip_industry_suffix(name) in cues.lex.industry_labels or name in cues.lex.generic:
        return False
    for word in cues.trade_suffixes:
        if name.endswith(word) and 2 <= len(name) - len(word) <= 5:
            return _trade_part_is_name(cues, name[: -len(word)], goods and word in cues.words["goods_trade_words"])
    return False


def is_region_name(cues: CueIndex, name: str) -> bool:
    """The whole name (or the name after its city) is a district: 天津市滨海新区."""
    if name in cues.lex.regions:
        return True
    return any(cues.is_place(name[:size]) and name[size:] in cues.lex.regions
               for size in range(2, min(5, len(name) - 2) + 1))


def names_a_field(cues: CueIndex, prefix: str) -> bool:
    """氢能研究中心: a platform named by the industry it serves (a taxonomy word, not 产业/技术)."""
    first = cues.industry_gaz.find(prefix)[:1]
    return bool(first) and len(first[0][2]) >= 2 and first[0][2] not in cues.lex.modifiers


def technical(cues: CueIndex, prefix: str, fields: bool = True) -> bool:
    """An industry or technology word in an alliance's name (氢燃料电池协同创新联盟); with `fields` False,
    a technology word only (a university's 未来技术学院 is a research unit, its 保险学院 a teaching school)."""
    if fields and cues.industry_gaz.find(prefix):
        return True
    return any(w in prefix for w in cues.words["technical"])


def province_and_modifiers(cues: CueIndex, prefix: str) -> bool:
    """江苏省国家高新区, 湖北化工园区: the national zones or the parks of one field of a province (or
    of the country), not one zone; 缅甸园区, 印度产业园: the parks of a foreign country."""
    for size in range(min(8, len(prefix)), 1, -1):
        iri = cues.lex.regions.get(prefix[:size])
        country = prefix[:size] in cues.words["country_words"] or prefix[:size] in cues.lex.words("foreign-country")
        if country or (iri and iri.endswith("0000") and not iri.endswith(MUNICIPALITY_CODES)):
            rest = prefix[size:]
            return cues.only_modifiers(rest) or rest in cues.lex.industry_labels
    return False


def placed_below_province(cues: CueIndex, prefix: str) -> bool:
    """合肥新型显示(产业基地), G60生物医药: a city, a county or a code opens the name; 河北省安全应急 or
    新兴 (产业基地) is a title a province confers or a kind, not one base."""
    if LATIN.search(prefix) or NUMBER.search(prefix):
        return True
    for size in range(min(8, len(prefix)), 1, -1):
        iri = cues.lex.regions.get(prefix[:size])
        if iri:
            return not iri.endswith("0000") or iri.endswith(MUNICIPALITY_CODES) or \
                placed_below_province(cues, prefix[size:])
    return False


def describes_a_kind(cues: CueIndex, prefix: str) -> bool:
    """The prefix of a firm's name is made of modifiers (首家, 外资), industry names and words for
    what firms do (资管, 公用事业) alone: 首家外商独资保险控股公司 describes a kind of firm."""
    rest = prefix
    words = cues.lex.words("firm-kind-word")
    while rest:
        size = next((k for k in range(min(6, len(rest)), 1, -1)
                     if rest[:k] in cues.lex.modifiers or rest[:k] in words or rest[:k] in cues.lex.industry_labels), 0)
        if not size:
            return False
        rest = rest[size:]
    return bool(prefix)


def starts_with_scale(cues: CueIndex, prefix: str) -> bool:
    """千亿级钒钛产业园区: a park to be built to a scale is a goal, not a name."""
    return any(prefix.startswith(w) for w in cues.lex.scales)


def trailing_modifier(cues: CueIndex, prefix: str) -> int:
    """Length of the name before a trailing generic modifier (苏州BioBAY|先进), or 0."""
    for size in range(min(4, len(prefix) - 2), 1, -1):
        if prefix[-size:] in cues.lex.apposition_modifiers and has_name_evidence(cues, prefix[:-size], "zone"):
            return len(prefix) - size
    return 0


def is_slogan(cues: CueIndex, text: str, start: int, subclass: str) -> bool:
    """打造开放发展样板区: a positioning slogan, not a named area."""
    before = text[max(0, start - 4):start]
    return subclass in ("FunctionalArea", "Park") and any(before.endswith(w) for w in cues.words["slogan_verbs"])


def split_conjunction(cues: CueIndex, s: int, e: int, text: str) -> list[tuple[int, int]]:
    """大数据和云计算 -> two items when each side is a complete industry name."""
    item = text[s:e]
    for conj in cues.words["industry_conjunctions"]:
        k = item.find(conj)
        if 0 < k < len(item) - 1 and cues.is_industry_name(item[:k]) and cues.is_industry_name(item[k + 1:]):
            return [(s, s + k), (s + k + 1, e)]
    return [(s, e)]
