"""What opens a name's prefix and is no part of the name: a province, a department, an address, a quantity,
a date, a verb, a place or a scale before an industry. Each returns how many characters to skip.

Pure functions of the text and the cue index, called once the walk (`kg.extract.names.edges`) has found
the prefix and the cuts (`kg.extract.names.cuts`) have dropped the function words glued to it.
"""
from __future__ import annotations

from kg.extract.names.cues import MUNICIPALITY_CODES, CueIndex
from kg.extract.names.evidence import has_name_evidence


def after_department(cues: CueIndex, prefix: str) -> int:
    """The offset in `prefix` just after the last government department in it (商务厅, 海警局), else 0.

    Departments (the lexicon's agency words ending in 厅, 局, 部 or 委) are never
    part of a park's name; words like 街道 or 社区 can be, so they do not count.
    """
    return max((prefix.rfind(w) + len(w) for w in cues.departments if w in prefix), default=0)


def leading_province(cues: CueIndex, prefix: str) -> int:
    """Length of a province that opens `prefix` before another place (浙江省|金华市金磐, 湖北|武汉东湖),
    else 0: an address's province is no part of a park's name (陕西西咸 keeps 陕西: 西咸 is no place)."""
    for size in range(min(4, len(prefix) - 2), 1, -1):
        iri = cues.lex.regions.get(prefix[:size])
        if iri and iri.endswith("0000") and not iri.endswith(MUNICIPALITY_CODES):
            rest = prefix[size:]
            if any(cues.is_place(rest[:k]) for k in range(2, min(6, len(rest)) + 1)):
                return size
            return 0
    return 0


def address_before_name(cues: CueIndex, prefix: str) -> int:
    """Length of an address that a park's own name repeats (苏州市相城区|相城高新区: the district
    相城区, then the name opening with 相城), or of a named road or line (three characters or more) before more
    name words (东渡路|禾丰工业园区, 某地铁某某线|某某开发区;
    东渡路开发区 keeps its road: no name word follows it), else 0."""
    for i in range(len(prefix) - 2, 2, -1):
        rest = prefix[i:]
        for size in range(2, min(6, i) + 1):
            region = prefix[i - size:i]
            if region in cues.lex.regions and region[-1] in cues.words["region_endings"] and size >= 3 \
                    and rest.startswith(region[:-1]):
                return i
    toks = cues.tokens(prefix)
    roads = [t.end for t in toks if len(t.word) >= 3 and t.word.endswith(cues.words["road_endings"])]
    # 凌云|街东塔|工业园区: the segmenter glued the road's 街 to the name after the place that opens the road
    roads += [b.start + 1 for a, b in zip(toks, toks[1:]) if cues.is_place_token(a) and len(a.word) >= 2
              and b.word[:1] in cues.words["road_endings"] and len(b.word) >= 3 and not cues.is_place_token(b)]
    return next((k for k in sorted(roads, reverse=True) if has_name_evidence(cues, prefix[k:], "")), 0)


def street_address(cues: CueIndex, prefix: str) -> int:
    """Length of a street address or bus line opening a name's prefix (建设路88号|青禾产业园,
    308路|由…), else 0; the name needs two characters after it."""
    end = max((m.end() for m in cues.patterns["street_address"].finditer(prefix)), default=0)
    return end if len(prefix) - end >= 2 else 0


def leading_quantity(cues: CueIndex, prefix: str) -> int:
    """Length of a quantity opening a name's prefix (10万平方米左右的|研发创新中心), else 0."""
    found = cues.patterns["quantity_opening"].match(prefix)
    return found.end() if found else 0


def date_unit_before(cues: CueIndex, text: str, start: int, end: int) -> int:
    """Length of a date's end that opens the name (2022年|3月洋山…: the segmenter glued 月 to the
    name that follows; or 月 alone after the number), else 0."""
    k = start
    while k < end and text[k].isdigit():
        k += 1
    if k < end - 2 and text[k] in cues.words["date_units"] and (k > start or (start > 0 and text[start - 1].isdigit())):
        return k + 1 - start
    return 0


def leading_service_verb(cues: CueIndex, prefix: str) -> int:
    """Length of a verb that opens a park's prefix (服务|雄安, 助力|临港), else 0."""
    if any(start == 0 for start, _, _ in cues.industry_gaz.find(prefix)):
        return 0  # 服务外包产业园: the verb opens an industry's name, which the park bears
    for verb in cues.words["service_verbs"]:
        if prefix.startswith(verb) and len(prefix) - len(verb) >= 2:
            return len(verb)
    return 0


def words_before_place(cues: CueIndex, prefix: str, reach: int = 4) -> int:
    """Length of a few words glued before the region a university's name opens with (a person, a
    count, a team: 别某某|西安交通大学, 教师团队|四川工程职业技术学院), else 0.
    Words that hold a platform or an industry word are part of the name (清华大学深圳国际研究生院)."""
    if not prefix or any(cues.is_place(prefix[:k]) for k in range(2, 5)):
        return 0
    for p in range(1, min(reach, len(prefix) - 2) + 1):
        head, rest = prefix[:p], prefix[p:]
        if any(rest[:k] in cues.lex.regions for k in range(2, min(4, len(rest)) + 1)):
            if any(t in head for t in cues.lex.platform_types) or cues.industry_gaz.find(head):
                return 0
            return p
    return 0


def leading_park_name(cues: CueIndex, prefix: str) -> int:
    """Length of a park's name (a place and a park type word) that opens a firm's short name
    (连云港高新区|如年实业: where the firm is, not its name; a legal name keeps it), else 0."""
    for form in cues.type_forms:
        k = prefix.find(form)
        if k >= 2 and cues.type_words[form][0] == "Park" and len(prefix) - k - len(form) >= 2 \
                and any(cues.is_place(prefix[:j]) for j in range(2, min(k, 6) + 1)):
            return k + len(form)
    return 0


def leading_context_verb(cues: CueIndex, item: str) -> int:
    """发展新一代信息技术 -> skip 发展 when the rest is an industry name."""
    if not item.startswith(cues.context_verbs):
        return 0
    for verb in cues.context_verbs:
        if len(verb) >= 2 and item.startswith(verb) and cues.is_industry_name(item[len(verb):]):
            return len(verb)
    return 0


def leading_place_or_scale(cues: CueIndex, name: str) -> int:
    """河北省安全应急 -> 安全应急; 千亿级电子信息 -> 电子信息; 东盟国家应急 -> 应急."""
    for word in cues.scales:
        if name.startswith(word):
            return len(word)
    bloc = _leading_bloc(cues, name)
    if bloc:
        return bloc
    for size in range(min(6, len(name) - 2), 1, -1):
        if cues.opens_as_place(name[:size]):
            return size
    return 0


def _leading_bloc(cues: CueIndex, name: str) -> int:
    """东盟|应急, 东盟国家|应急: a group of states, with a scope word after it, is the region whose industry it is."""
    bloc = next((w for w in cues.lex.words("trade-bloc") if name.startswith(w)), "")
    if not bloc:
        return 0
    level = next((w for w in cues.level_modifiers if name.startswith(w, len(bloc))), "")
    return len(bloc) + len(level) if len(name) - len(bloc) - len(level) >= 2 else 0
