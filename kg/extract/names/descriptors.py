"""What the words before a type word say when they name nothing: a determiner or a count (这座, 多座,
各大), a code (3333, sisp-china), places alone, a city's positioning (上海科技创新中心), or, for a park
named by descriptors alone, whether the text builds it; and what shares a park's type word but is no
development zone."""
from __future__ import annotations

import re

from kg.extract.names import evidence as ev
from kg.extract.names.cues import MUNICIPALITY_CODES, CueIndex
from kg.extract.segment import UNKNOWN

YEAR_BEFORE = re.compile(r"\d{4}年度?$")  # 申报|2023年|某市中试基地: the year of the call for applications

LIST_ITEM_CHARS = 16  # characters of one item of an enumeration, at most
COUNT_REACH = 8  # characters before a name searched for the count that ends there
ITEM_ENDS = tuple("、，。；：")  # what ends an enumeration's item


def list_opening(text: str, at: int) -> int:
    """Where the enumeration that the item starting at `at` closes begins (建设了甲、乙 -> the offset of 甲),
    or `at` when no 、 stands before it."""
    while at > 0 and text[at - 1] == "、":
        previous = max(text.rfind(p, 0, at - 1) for p in "，。；：、") + 1
        if at - 1 - previous > LIST_ITEM_CHARS:
            break
        at = previous
    return at


def built(cues: CueIndex, text: str, at: int) -> bool:
    """A build verb stands right before the name at `at` (加快建设大数据产业园) or in its list (`list_built`)."""
    return any(text[:at].endswith(w) for w in cues.words["build_verbs"]) or list_built(cues, text, at)


def built_unqualified(cues: CueIndex, text: str, at: int, prefix: str) -> bool:
    """The text builds the park at `at` (`built`) and no generic modifier stands among the words before its
    type word: 加快建设大数据产业园 names the park it builds, 建设世界一流科学城 says what kind is to be built."""
    return built(cues, text, at) and not any(ev.describes(cues, t.word) for t in cues.tokens(prefix))


def generic_kind(cues: CueIndex, name: str, prefix: str) -> bool:
    """The words before the type word are a generic word (园区|研究院), or the name ends with a generic firm
    word longer than its type word (优质|上市公司, 科技型|龙头企业) and nothing before that word names a firm."""
    if prefix in cues.lex.generic:
        return True
    heads = [g for g, cls in cues.lex.generic.items() if cls == "Enterprise" and len(name) - len(prefix) < len(g) < len(name)
             and name.endswith(g)]
    return bool(heads) and not ev.has_name_evidence(cues, name[:len(name) - max(map(len, heads))], "", firm=True)


def cut_before_bracket(cues: CueIndex, prefix: str) -> bool:
    """精密工业(威海)有限公司, 技术实业(集团): the words before a firm's bracket (its place or 集团) are common
    words or nothing, so its trade name stands further left and the walk cut it off: no name as found."""
    at = min((prefix.find(b) for b in "(（" if b in prefix), default=-1)
    return at >= 0 and not ev.has_name_evidence(cues, prefix[:at], "", firm=True)


def list_built(cues: CueIndex, text: str, at: int) -> bool:
    """建设了深河金地创谷、创智产业园: a build verb in the first item of the list the name at `at` ends,
    with the item's object after it (建设、管理园区 lists verbs: nothing is built)."""
    opening = list_opening(text, at)
    if opening == at:
        return False
    first = text[opening:text.find("、", opening)]
    return any(w in first and not first.endswith(w) for w in cues.words["build_verbs"])


def level_title(cues: CueIndex, prefix: str) -> int:
    """Length of the name before a title that a level word opens (某某|市级特色园区, 某某|省级示范园区): the
    words after the level are modifiers alone, so the title says what rank the named park holds; else 0.
    Places alone before the title (某某区|国家级高新区) name a region's zone, not a park: 0. Only a rank (the
    lexicon's level adjectives) opens a title: 国家 opens names (某某国家自主创新示范区, 某大学国家大学科技园)."""
    for level in cues.words["level_adjectives"]:
        at = prefix.rfind(level)
        rest = prefix[at + len(level):]
        if at >= 2 and (not rest or cues.only_modifiers(rest)) and ev.has_name_evidence(cues, prefix[:at], "zone") \
                and not only_places(cues, prefix[:at]):
            return at
    return 0


def brand_before_place(cues: CueIndex, prefix: str) -> int:
    """Length of a firm's brand, a word the segmenter does not know, that opens a park's name before its place
    (某车|松原新能源装备|产业基地: `walk_stops.brand_before_place` took it in), else 0: the place after it still
    says the base is the city's, not a title a province confers."""
    tokens = cues.tokens(prefix)
    if len(tokens) > 1 and tokens[0].pos == UNKNOWN and cues.is_place(tokens[1].word):
        return len(tokens[0].word)
    return 0


def code_only(prefix: str, before: str = "", cues: CueIndex | None = None) -> bool:
    """024-3117 3333(园区), sisp-china(园区): the end of a number (digits after a digit or a space) or a code
    with a hyphen (a phone number, an account id); 1905文创园 opens with a year-like name. Given the
    cues, also a count or a street number alone (6条|园区供电线路, 桂花路1号|保税区管理局): no name."""
    counted = cues is not None and any(cues.patterns[kind].fullmatch(prefix) for kind in ("counted_prefix", "street_address"))
    return counted or (prefix.isdigit() and before[-1:].isascii() and before[-1:] != "") or (
        "-" in prefix and prefix.replace("-", "").isascii())


def counted_kind(cues: CueIndex, before: str, after: str, cls: str = "Park", form: str = "") -> bool:
    """打造10家|海洋产业特色园区, 建有省级现代农业产业园|1处、: a count right before a park's words, or right after
    them where it ends the item (not 某园区|3个项目), counts parks of a kind, names none; 首家|外资理财公司:
    a quantity word right before a firm's words describes firms, names none, unless they end with a registered legal
    form (创办了一家|某某科技有限公司 names it)."""
    if cls == "Enterprise":
        return before.endswith(cues.lex.words("quantity-opening")) and not registered(cues, form)
    counted, tail = cues.patterns["counted_prefix"], before[-COUNT_REACH:]
    after_count = counted.match(after)  # (漳州开发区6条: a count of the park's lines, no count of parks)
    after_count = after_count if after_count and after_count.group().endswith(cues.lex.words("place-counter")) else None
    return cls == "Park" and (any(m.end() == len(tail) for m in counted.finditer(tail)) or (
        after_count is not None and after[after_count.end():after_count.end() + 1] in ("", *ITEM_ENDS)))


def opens_with_determiner(cues: CueIndex, prefix: str) -> bool:
    """这座年轻(园区), 多座能源生态(园), 国内各大化工(园区): a demonstrative or a quantity opens the words
    before the type word, which then describe parks or count them, and name none."""
    return (len(prefix) > 2 and prefix.startswith(cues.lex.words("demonstrative"))) or \
        prefix.startswith(cues.lex.words("quantity-opening"))


def registered(cues: CueIndex, form: str) -> bool:
    """The type word is a firm's full registered legal form (有限公司): what stands before it is a registered name."""
    return form.endswith(tuple(cues.lex.words("registered-legal-form")))


def describes_firms(cues: CueIndex, prefix: str, form: str = "") -> bool:
    """市属大型国有企业(集团), 第三方安全技术咨询服务(公司), 某某关联(公司): a word of a firm's size, ownership or
    relation, standing as a word of its own before a firm's bare type word, describes firms and names none (a
    registered legal form, 某某高科技有限公司, may hold such a word in its name)."""
    if registered(cues, form):
        return False
    words = cues.lex.words("firm-descriptor")
    return any(t.word in words for t in cues.tokens(prefix))


def only_places(cues: CueIndex, prefix: str) -> bool:
    """The prefix is made of place names alone (成都, 湖北武汉), read off the gazetteer from the left
    (`evidence.only_places` asks the same of each word the segmenter finds, and differs where it
    reads a place into a longer word)."""
    rest = prefix
    while rest:
        size = next((k for k in range(min(6, len(rest)), 1, -1) if cues.is_place(rest[:k])), 0)
        if not size:
            return False
        rest = rest[size:]
    return True


def parks_of_a_kind(cues: CueIndex, prefix: str, form: str) -> bool:
    """江苏省国家高新区 (`ev.province_and_modifiers`); and 某市这一园区, 某市海外园区: places and then a demonstrative or
    a scope alone before the bare park word (园区, lexicon: bare-park-word) point at a park named before, or speak
    of the city's parks abroad, and name none (a field, 某区科创园区, and a type word with a kind, 某市海外产业园,
    still name one)."""
    if ev.province_and_modifiers(cues, prefix):
        return True
    pointers = (*cues.lex.words("demonstrative"), *cues.level_modifiers)
    return form in cues.lex.words("bare-park-word") and (city_and_modifiers(cues, prefix) or any(
        only_places(cues, prefix[:k]) and prefix[k:] in pointers for k in range(2, len(prefix))))


def applied_for(cues: CueIndex, before: str) -> bool:
    """组织申报2023年|某市中试基地, 正积极申创|国家级产教联合体: right after a verb that applies for a designation
    (a year may stand between), a platform's words are the title applied for, no body's name."""
    return YEAR_BEFORE.sub("", before).endswith(cues.lex.words("designation-application"))


def city_and_modifiers(cues: CueIndex, prefix: str) -> bool:
    """某市科创园区, 某市绿色园区 (before the bare park word): a prefecture-level city or a municipality and then
    modifiers alone speak of the city's parks of that kind, of which a city has many; a district's or a county's
    (云溪科创园区) names its one park, and a field (苏州工业园区) names one wherever it stands."""
    for size in range(min(6, len(prefix)), 1, -1):
        iri = cues.lex.regions.get(prefix[:size])
        if iri:
            rest = prefix[size:]
            city = iri.endswith("00") and (not iri.endswith("0000") or iri.endswith(MUNICIPALITY_CODES))
            return city and bool(rest) and cues.only_modifiers(rest)
    return False


def positioning(cues: CueIndex, name: str) -> bool:
    """A positioning head (科技创新中心) after places and scope words alone."""
    head = next((h for h in cues.words["positioning_heads"] if name.endswith(h)), "")
    rest = name[:len(name) - len(head)]
    for word in cues.words["scope_modifiers"]:
        rest = rest.replace(word, "")
    return bool(head) and (not rest or only_places(cues, rest))


def no_development_zone(cues: CueIndex, name: str, prefix_len: int) -> bool:
    """A park type word that ends no development zone: a nature reserve's or a garden's area (三江源国家公园
    澜沧江源园区, 雨洪花园区: the non-park word may run into the type word) or one firm's headquarters or R&D
    campus (某公司北京总部园区), which the contract counts as the firm's own facility."""
    return any(w in name[:prefix_len + 1] for w in cues.lex.non_park_words) or name.endswith(
        cues.words["firm_campuses"])


def trade_agreement(cues: CueIndex, name: str, prefix: str) -> bool:
    """中国—东盟自贸区, 中日韩自贸区, 亚太自贸区: a free-trade area whose words name states or world regions and
    no Chinese place (no region of the gazetteer among them, unlike 中国（上海）自贸区) is an agreement
    between states, no zone."""
    regions, parties = cues.lex.regions, (*cues.words["country_words"], *cues.words["partner_prefixes"],
                                          *cues.lex.words("foreign-country"), *cues.lex.words("trade-bloc"))
    return prefix.startswith(parties) and name.endswith(cues.lex.words("agreement-zone-head")) and not any(
        prefix[k:k + size] in regions for k in range(len(prefix)) for size in range(2, 7))  # (苏锡自贸区: two cities)


def commerce_service(cues: CueIndex, name: str) -> bool:
    """某省跨境电商公共服务平台, 某园人才服务平台: a service platform for trade, hiring or lending serves
    business; the contract's platforms are research, innovation and incubation carriers."""
    return name.endswith(cues.words["service_platform_heads"]) and any(w in name for w in cues.words["commerce_fields"])


def area_of(cues: CueIndex, before: str, cls: str) -> bool:
    """三江源国家公园|澜沧江源园区: a park word right after a nature reserve's or a garden's name names one of its
    areas, no development zone (the walk stopped at the reserve's own head word)."""
    return cls == "Park" and before.endswith(tuple(cues.lex.non_park_words))


def district_of_place(cues: CueIndex, tokens, t_start: int, form: str) -> bool:
    """涿州市桃园|区: a place the segmenter reads across the type word's start (桃园 over 园区), with only a
    region ending (区, 县) left of the type word after it, is a district of that place, no park."""
    place = next((t for t in tokens if t.start < t_start < t.end), None)
    return place is not None and cues.is_place_token(place) and form[place.end - t_start:] in cues.words["region_endings"]


def kind_of_firm(cues: CueIndex, name: str) -> bool:
    """行业领军企业, 产业链龙头企业: a generic firm word (龙头企业, 领军企业) after words that name no firm
    (a sector, a chain), whatever grammar found it: a kind of firm, not a firm; and what ends as an area
    or a type does (某某港务区, 空港型)."""
    if name.endswith(cues.lex.words("not-firm-ending")) or any(w in name for w in cues.lex.words("crime-word")):
        return True  # 某某生态区, 空港型: an area or a type of hub, never a firm's name; 电诈公司: a gang
    kinds = cues.words["firm_kinds"]
    if not name.endswith(kinds):
        return False
    heads = [g for g in kinds if name.endswith(g) and len(name) > len(g)]
    return bool(heads) and not ev.has_name_evidence(cues, name[:len(name) - max(map(len, heads))], "", firm=True)
