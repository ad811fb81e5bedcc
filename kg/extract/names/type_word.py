"""Grammar `grammar:type-word` (v1): type words end names: <name> + 高新区 / 研究院 / 有限公司.

The left edge of the name is found by walking back over the sentence's words
(`type_word_start`, with `edges.walk_back`); a prefix of modifiers alone (国家级高新区) is a generic
mention; a named park followed by a modifier (苏州BioBAY先进园区) is an apposition.
"""
from __future__ import annotations

from operator import itemgetter

from kg.extract.names import descriptors as ds, evidence as ev
from kg.extract.names.cues import CueIndex
from kg.extract.names.items import enumeration_items
from kg.extract.names.leads import leading_place_or_scale
from kg.extract.names.rules import Candidate, Mode, candidate
from kg.extract.names.type_word_start import name_start_before
from kg.types import Sentence

NAME, VERSION = "grammar:type-word", 1
OPENING_QUOTES = frozenset("“\"「『‘")


def _is_generic(cues: CueIndex, prefix: str, cls: str, form: str = "") -> bool:
    """国家级, 千亿级, 江苏省国家, 三个, 市属大型(集团; not a legal form, 有限公司): the prefix names no one thing."""
    return (cues.only_modifiers(prefix) or prefix in cues.lex.generic or ev.starts_with_scale(cues, prefix)
            or ds.opens_with_determiner(cues, prefix)  # 这座年轻园区, 多座能源生态园, 国内各大化工园区
            or (cls == "Park" and ds.parks_of_a_kind(cues, prefix, form))
            or bool(cues.patterns["counted_park_prefix" if cls == "Park" else "counted_prefix"].search(prefix))
            or "+" in prefix or (cls == "Enterprise" and ds.describes_firms(cues, prefix, form)))


def _no_firm_or_platform(cues: CueIndex, name: str, prefix: str, cls: str, set_out: bool = False) -> bool:
    """True when a firm or platform name lacks a proper-name part or names a class of them; a
    platform named by its field alone (氢能研究中心) only where the text sets it out as one
    (`set_out`: quoted, or listed beside named ones), else it describes (外贸综合服务平台)."""
    if name in cues.lex.generic or ds.generic_kind(cues, name, prefix) or not (
            ev.has_name_evidence(cues, prefix, "", firm=cls == "Enterprise")
            or (cls == "Platform" and ev.names_a_field(cues, prefix) and set_out)):
        return True
    if cls == "Enterprise" and name.endswith(cues.words["company_suffixes"]) and ds.only_places(cues, prefix):
        return True  # 成都有限公司: a place alone names no company (临港集团, a group, keeps its place name)
    if cls == "Platform" and ds.positioning(cues, name):
        return True  # 上海科技创新中心, 北京国际科技创新中心: what a city means to become, not a body
    if cls == "Enterprise" and ev.describes_a_kind(cues, prefix):
        return True  # 外资资管公司, 公用事业公司, 文旅公司: a kind of firm, not a firm
    if _abbreviated_place_and_modifiers(cues, prefix):
        return True  # (在)沪国家级创新平台: a place's one-character abbreviation and a level name a class
    rest = prefix[leading_place_or_scale(cues, prefix):] if len(prefix) > 2 else prefix  # 河北省级创新平台: a class
    if rest == prefix or not rest:
        return False
    for word in cues.words["level_adjectives"]:
        rest = rest.replace(word, "")
    return cues.only_modifiers(rest)


ABBREVIATION_POS = frozenset({"j", "ns"})  # the tagger's abbreviation (沪, 京) or place


def _abbreviated_place_and_modifiers(cues: CueIndex, prefix: str) -> bool:
    """沪|国家级: a one-character abbreviation of a place, then modifiers alone."""
    first = cues.tokens(prefix)[:1]
    return bool(first) and len(first[0].word) == 1 and first[0].pos in ABBREVIATION_POS and len(prefix) > 1 \
        and cues.only_modifiers(prefix[1:])


def _rejected(cues: CueIndex, name: str, prefix: str, cls: str, sub: str, generic: bool, set_out: bool = False) -> bool:
    if generic and cls != "Park":
        return True
    if any(w in prefix for w in cues.words["withheld"]):
        return True  # 某电商公司, 某园区: a name withheld (court and police news), not a name
    if cls == "Enterprise" and (len(prefix) < 2 or ds.cut_before_bracket(cues, prefix)):
        return True
    if cls != "Park" and _no_firm_or_platform(cues, name, prefix, cls, set_out):
        return True
    if cls == "Park" and (ds.no_development_zone(cues, name, len(prefix)) or ds.trade_agreement(cues, name, prefix)):
        return True  # a nature reserve, a garden, a firm's own campus, an agreement between states
    if cls == "Park" and not generic and ev.is_region_name(cues, name):
        return True  # 浦东新区, 滨海新区: a district of the regions gazetteer
    return sub == "IndustryAlliance" and not ev.technical(cues, prefix)  # 阿卡贝拉联盟: not a technical alliance


def _named_class_member(cues: CueIndex, text: str, base: int, start: int, t_end: int) -> bool:
    """A park named by its field alone (零碳科技产业园, 化工园区) describes a kind of park unless the
    text sets it out as one (`_set_out`), names its 管委会, or builds it (加快建设大数据产业园, 建设了X、创智产业园)."""
    a, b = start - base, t_end - base
    if _set_out(cues, text, a, b, "Park") or text.startswith(cues.words["committee_words"], b):
        return True
    return ds.built(cues, text, a)


def _set_out(cues: CueIndex, text: str, a: int, b: int, cls: str) -> bool:
    """The name at ``text[a:b]`` is quoted, or listed beside names of its class that have a
    proper part of their own (零碳科技产业园、3985电子材料产业园; 氢能研究中心、中欧绿氢创新中心)."""
    if text[a - 1:a] in OPENING_QUOTES:
        return True
    return any(_named_item(cues, item, cls) for item in _list_neighbours(text, a, b, cues.words["list_closers"]))


def _list_neighbours(text: str, a: int, b: int, closers: tuple = ()) -> list[str]:
    """The enumeration items right before and after ``text[a:b]`` (separated by 、, the last closed by
    a list closer: A、B等)."""
    items = []
    if text[a - 1:a] == "、":
        lo = max(text.rfind(ch, 0, a - 1) for ch in "、，。；：（(")
        items.append(text[lo + 1:a - 1])
    if text[b:b + 1] == "、":
        ends = [k for k in (text.find(ch, b + 1) for ch in ("、", "，", "。", "；", "：", "（", "(", *closers)) if k >= 0]
        items.append(text[b + 1:min(ends) if ends else len(text)])
    return items


def _named_item(cues: CueIndex, item: str, cls: str) -> bool:
    """The item opens with a name of class `cls` that has a proper part (3985电子材料产业园相继开园)."""
    found = [(item.find(f), f) for f in cues.type_forms if cues.type_words[f][0] == cls and f in item]
    if not found:
        return False
    at, _ = min(found, key=lambda x: (x[0], -len(x[1])))
    return ev.has_name_evidence(cues, item[:at], "")


def _park(cues: CueIndex, sent: Sentence, tokens, name_start: int, t_start: int, t_end: int, sub: str,
          level: str, generic: bool) -> list[Candidate]:
    text, base = sent.text, sent.start
    prefix = text[name_start - base:t_start - base]
    if not generic:
        split = ev.trailing_modifier(cues, prefix) or ds.level_title(cues, prefix)
        if split:  # 苏州BioBAY先进园区: a named park, then a generic apposition
            out = [candidate("apposition", name_start, name_start + split, "Park", "Park", level)]
            return out + enumeration_items(cues, text, base, name_start - base, Mode.PARK, tokens, require_list=True)
        if not ev.has_name_evidence(cues, prefix, level) and not ds.built_unqualified(cues, text, name_start - base, prefix):
            generic = True
        elif ev.is_slogan(cues, text, name_start - base, sub):
            return []
        elif not ev.has_name_evidence(cues, prefix, "") and not _named_class_member(cues, text, base, name_start, t_end):
            generic = True  # 化工园区, 农业产业园: a field and a park word describe a kind of park
    return [candidate("type-word-generic" if generic else "type-word", name_start, t_end, "Park", sub, level, generic)]


def find(sent: Sentence, tokens, cues: CueIndex) -> list[Candidate]:
    out = []
    text, base = sent.text, sent.start
    found = cues.type_gaz.find(text)
    token_ends = set(map(itemgetter(1), tokens)) if found else ()  # Token.end
    for begin, end, form in found:
        cls, sub, level = cues.type_words[form]
        t_start, t_end = base + begin, base + end
        if (t_end not in token_ends and end < len(text)) or ds.district_of_place(cues, tokens, t_start, form):
            continue  # 大学生, 大学城: the type word is inside a longer word; 桃园|区: a place's district
        if text[:begin].endswith(form) or (cls == "Platform" and _head_of_longer_name(cues, tokens, text, end, t_end)):
            continue  # 某某集团|集团党委书记: the second 集团 opens another phrase, it ends no name
        if cls == "Enterprise" and any(t.end == t_end and t.word in cues.words["relative_firm_heads"] for t in tokens):
            continue  # 某集团全资子公司 (子公司 a word, unlike 电子|公司): described by its parent, not named
        name_start = name_start_before(cues, tokens, text, base, t_start, cls, level, t_end)
        if name_start is None:
            continue
        prefix = text[name_start - base:t_start - base]
        generic = _is_generic(cues, prefix, cls, form)
        if _no_name_here(cues, text, base, name_start, t_start, t_end, form, generic):
            continue
        if cls == "Park":
            out.extend(_park(cues, sent, tokens, name_start, t_start, t_end, sub, level, generic))
        elif (cls == "Platform" and form in cues.lex.subunit_heads and _university_end(cues, prefix)
              and _teaching_unit(cues, prefix[_university_end(cues, prefix):])):
            # 华南理工大学工商管理学院: a teaching unit; the university is the platform (a unit of
            # technology, 未来技术学院, is a research carrier of its own)
            out.append(candidate("type-word", name_start, name_start + _university_end(cues, prefix), cls, "University"))
        else:
            out.append(candidate("type-word", name_start, t_end, cls, sub, level))
    return out


def _head_of_longer_name(cues: CueIndex, tokens, text: str, end: int, t_end: int) -> bool:
    """某促进中心|协会, 某大学|城: the platform's type word is followed by a head that names another kind of
    thing (an association, a university town), so no platform ends there."""
    if text.startswith(cues.words["association_endings"], end):
        return True
    return any(t.start == t_end and t.word in cues.words["platform_town_heads"] for t in tokens)


def _no_name_here(cues: CueIndex, text: str, base: int, name_start: int, t_start: int, t_end: int, form: str,
                  generic: bool) -> bool:
    """The words before the type word name nothing of its class: a withheld name, a title, a kind, a
    school's or a firm's unit (`_rejected`)."""
    (cls, sub, _), prefix, before = cues.type_words[form], text[name_start - base:t_start - base], text[:name_start - base]
    if before.endswith(cues.words["withheld"]) or ds.code_only(prefix, before, cues) or ds.area_of(cues, before, cls) or ds.counted_kind(cues, before, text[t_end - base:], cls, form):  # noqa: E501
        return True  # 某|信息咨询服务有限公司, 三江源国家公园|澜沧江源园区, 10家|某某特色园区: withheld, an area, a count
    if cls == "Platform" and (text.startswith(cues.words["school_or_degree_after"], t_end - base)
                              or (sub == "University" and before.endswith(cues.words["university_forms"]))):
        return True  # X大学附属小学, 中央党校大学学历, X科技学院|法贸学院: a school, a degree, a faculty
    if _kind_or_designation(cues, before, cls):
        return True
    if form in cues.words["title_park_heads"] and (prefix in cues.lex.role_triggers
                                                    or not ev.placed_below_province(cues, prefix[ds.brand_before_place(cues, prefix):])):
        return True  # 河北省安全应急产业基地, 重大新兴产业基地: a title or a kind of base, not one park
    set_out = cls == "Platform" and _set_out(cues, text, name_start - base, t_end - base, cls)
    if _rejected(cues, text[name_start - base:t_end - base], prefix, cls, sub, generic, set_out):
        return True
    return cls == "Platform" and (_school_or_firm_unit(cues, prefix, form) or _no_research_body(cues, prefix, form))


def _kind_or_designation(cues: CueIndex, before: str, cls: str) -> bool:
    """甲公司和乙公司等|医药商贸主渠道公司: right after a list the words name the kind its items are;
    申报2023年|某市中试基地: a designation applied for."""
    if cls in ("Enterprise", "Platform") and before.endswith(cues.words["list_closers"]) and len(before) > 1:
        return True
    return cls == "Platform" and ds.applied_for(cues, before)


def _school_or_firm_unit(cues: CueIndex, prefix: str, form: str) -> bool:
    """A campus or branch school of no university (某辅读学校陆家嘴校区, 某远大分校) is a school, and a
    firm's own college (某科技有限公司商学院) the firm's unit: neither is a platform."""
    if form in cues.words["campus_heads"] and not any(u in prefix for u in cues.words["university_forms"]):
        return True
    return any(suffix in prefix for suffix in cues.lex.enterprise_legal_suffixes)


def _no_research_body(cues: CueIndex, prefix: str, form: str) -> bool:
    """某医院分院, 某协会维权工作站: a unit of a hospital, an association or a community; and a
    工作站 whose name says no research (河长工作站, but 院士工作站 is a platform)."""
    if any(w in prefix + form for w in cues.words["non_research_bodies"]) or ds.commerce_service(cues, prefix + form):
        return True  # (the words may run into the type word: 投资|促进中心); 某省跨境电商公共服务平台
    return form in cues.words["station_heads"] and not any(w in prefix for w in cues.words["station_research_words"])


def _teaching_unit(cues: CueIndex, unit: str) -> bool:
    """The words of a university's unit name a field it teaches (工商管理, 保险): no technology word (未来技术学院
    is a research unit) and no place (某邮电大学玛丽女王海南学院, 某科技大学格拉斯哥海南学院: a joint college
    in a place, an institution of its own)."""
    return not ev.technical(cues, unit, fields=False) and not any(cues.is_place_token(t) for t in cues.tokens(unit))


def _university_end(cues: CueIndex, prefix: str) -> int:
    """End of a university's name inside a sub-unit's prefix (华南理工大学|工商管理), or 0."""
    for form, (cls, sub, _) in cues.type_words.items():
        if cls == "Platform" and sub == "University" and form not in cues.lex.subunit_heads:
            k = prefix.rfind(form)
            if k > 0 and not cues.is_place(prefix[k + len(form):]):
                return k + len(form)
    return 0
