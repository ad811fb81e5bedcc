"""One node per park: names that differ only in the places before them are one park.

南京市江北新区, 江苏南京江北新区 and 江北新区 name one zone: the same name part (江北) and
type (新区), with place prefixes that agree (each one's places are among the
other's). Parks whose place prefixes disagree (南京江北新区, 重庆江北新区) stay apart,
and so does a bare name (江北新区) that could be either of them. The fullest key
(most places, then the longest name) stands for the group, as within a document.

>>> regions = {"江苏": "r:32", "南京": "r:3201", "南京市": "r:3201", "重庆": "r:50"}
>>> keys = [EntityKey.of("Park", n) for n in ("南京市江北|新区", "江苏南京江北|新区", "江北|新区")]
>>> merges = canonical_parks(keys, regions)
>>> sorted(set(merges.values()))
['Park:江苏南京江北|新区']
>>> canonical_parks(keys + [EntityKey.of("Park", "重庆江北|新区")], regions)["Park:江北|新区"]
Traceback (most recent call last):
...
KeyError: 'Park:江北|新区'
"""
from __future__ import annotations

from collections import defaultdict

from kg.types import EntityKey

MIN_CORE = 2  # characters a name part keeps after its places (苏州|高新区 keeps its place: it is the name)
MAX_PLACE = 6


def city_or_province(name: str, regions: dict) -> bool:
    """A prefecture-level city or a province (its division code ends in 00): 苏州 is the city, never
    the bare name of a park in it, where 临港 or 江北 may be.

    >>> city_or_province("苏州", {"苏州": "r/320500"}), city_or_province("江北", {"江北": "r/330205"})
    (True, False)
    """
    return regions.get(name, "").endswith("00")


def leading_places(name: str, regions: dict) -> tuple[frozenset, str]:
    """(region IRIs of the places that open `name`, the rest): 江苏南京江北 -> ({江苏, 南京}, 江北)."""
    places = set()
    rest = name
    while True:
        for size in range(min(MAX_PLACE, len(rest) - MIN_CORE), 1, -1):
            if rest[:size] in regions:
                places.add(regions[rest[:size]])
                rest = rest[size:]
                break
        else:
            return frozenset(places), rest


def name_core(part: str, regions: dict) -> tuple[frozenset, str]:
    """`leading_places`, with a core that is a place written with its administrative ending read
    without it: 湛江市|经开区 and 湛江|经开区 are one park.

    >>> name_core("湛江市", {"湛江": "r:4408", "湛江市": "r:4408"})
    (frozenset(), '湛江')
    """
    places, core = leading_places(part, regions)
    short = core[:-1]
    if len(short) >= MIN_CORE and core in regions and regions.get(short) == regions[core]:
        core = short
    return places, core


def one_park_by_name(a: str, b: str, regions: dict, any_kind: frozenset = frozenset()) -> bool:
    """Two park keys of one document that name one park: one type, places that agree, and after
    the places one name part begins the other (上海漕河泾|开发区 and 漕河泾新兴技术|开发区).

    >>> one_park_by_name("Park:上海漕河泾|开发区", "Park:漕河泾新兴技术|开发区", {"上海": "r:31"})
    True
    >>> one_park_by_name("Park:延吉|高新区", "Park:延吉高新区生命健康|产业园", {"延吉": "r:2224"})
    False
    >>> one_park_by_name("Park:苏州|工业园区", "Park:苏州|高新区", {"苏州": "r:3205"})
    False

    A kind in `any_kind` (the one 园区 reads as) may refer to a park of any type: 漕河泾园区 is
    上海漕河泾开发区 where both are named.

    >>> one_park_by_name("Park:上海漕河泾|开发区", "Park:漕河泾|片区", {"上海": "r:31"}, frozenset({"片区"}))
    True
    """
    a, b = EntityKey(a), EntityKey(b)
    if a.cls != "Park" or b.cls != "Park" or "|" not in a.name or "|" not in b.name:
        return False
    (part_a, kind_a), (part_b, kind_b) = a.name.rsplit("|", 1), b.name.rsplit("|", 1)
    (places_a, core_a), (places_b, core_b) = name_core(part_a, regions), name_core(part_b, regions)
    loose = kind_a in any_kind or kind_b in any_kind
    if (kind_a != kind_b and not loose) or not _agree(places_a, places_b):
        return False  # 攀枝花钒钛高新区 and 盐边县钒钛产业开发区: other places, other types
    short, long_ = sorted((core_a, core_b), key=len)
    # a core that is only a place (苏州|工业园区, 苏州|高新区) names no park by itself
    return len(short) >= MIN_CORE and short not in regions and long_.startswith(short)


def named_after(a: str, b: str, regions: dict) -> bool:
    """One park's name holds the other's own name (its core, the places before it left out): the park
    the two built together (上海漕河泾柳东创新创业园 of 上海漕河泾开发区 and 柳东新区) is neither's partner
    nor model. A core that is only a place (苏州|工业园区) names no park by itself.

    >>> named_after("Park:柳州市柳东|新区", "Park:上海漕河泾柳东创新创业|产业园", {"柳州市": "r:4502", "上海": "r:31"})
    True
    >>> named_after("Park:苏州|工业园区", "Park:苏州|高新区", {"苏州": "r:3205"})
    False
    """
    a, b = EntityKey(a), EntityKey(b)
    if a.cls != "Park" or b.cls != "Park" or "|" not in a.name or "|" not in b.name:
        return False
    (part_a, _), (part_b, _) = a.name.rsplit("|", 1), b.name.rsplit("|", 1)
    core_a, core_b = name_core(part_a, regions)[1], name_core(part_b, regions)[1]
    return core_a != core_b and any(len(core) >= MIN_CORE and core not in regions and core in other
                                    for core, other in ((core_a, part_b), (core_b, part_a)))


def zone_left_out(short: str, full: str, zone_types, regions: dict) -> bool:
    """A part's name part written with its place alone (郎溪县|十字) is the one written with its zone after the
    place (郎溪县经济开发区|十字): the same place (西宁市 = 西宁) and the same part's own name after the zone's
    type word.

    >>> zone_left_out("西宁市南川", "西宁经济技术开发区南川", ("经济技术开发区",), {"西宁": "r:6301", "西宁市": "r:6301"})
    True
    >>> zone_left_out("海东南川", "西宁经济技术开发区南川", ("经济技术开发区",), {"西宁": "r:6301", "海东": "r:6302"})
    False
    """
    for zone in zone_types:
        at = full.find(zone)
        own = full[at + len(zone):]
        if at < 2 or len(own) < MIN_CORE or not short.endswith(own) or len(short) == len(own):
            continue
        place, written = full[:at], short[:-len(own)]
        if place in regions and written in regions and regions[place] == regions[written]:
            return True
    return False


def _agree(a: frozenset, b: frozenset) -> bool:
    return a <= b or b <= a


def canonical_parks(keys, regions: dict, descriptive=None, preferred=frozenset()) -> dict:
    """key -> the key of the same park under its fullest name, for park keys that differ only in
    agreeing place prefixes; keys that stand for themselves are left out. A name without a place
    whose rest only describes (`descriptive(core)`: 智能制造产业园, 科创片区) names no one park and
    merges with none. A `preferred` key (an official catalogue zone's) stands for its group."""
    groups: dict = defaultdict(list)
    for k in sorted({EntityKey(k) for k in keys}):  # keys read back from a cache are plain strings
        if k.cls != "Park" or "|" not in k.name:
            continue
        part, kind = k.name.rsplit("|", 1)
        places, core = name_core(part, regions)
        if not places and descriptive is not None and descriptive(core):
            continue
        groups[(core, kind)].append((places, k))
    merges = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        for places, k in members:
            agreeing = [(p, k2) for p, k2 in members if _agree(places, p)]
            # a name agrees with parks that disagree with each other (江北 with 南京… and 重庆…): ambiguous
            if any(not _agree(p1, p2) for p1, _ in agreeing for p2, _ in agreeing):
                continue
            best = max(agreeing, key=lambda pk: (pk[1] in preferred, len(pk[0]), len(pk[1]), pk[1]))[1]
            if best != k:
                merges[k] = best
    return merges


_DESCRIPTIVE: dict = {}  # lexicon fingerprint -> test: the pattern of every industry label is built once


def descriptive_test(lexicon):
    """`descriptive(core)` for `canonical_parks`, from the lexicon: a core naming an industry
    (智能制造, 环保), a generic word or modifier, or a development word (科创) only describes."""
    key = lexicon.fingerprint or id(lexicon)
    if key not in _DESCRIPTIVE:
        _DESCRIPTIVE[key] = _descriptive_test(lexicon)
    return _DESCRIPTIVE[key]


def _descriptive_test(lexicon):
    import re

    words = {w for w in lexicon.industry_labels if len(w) >= 2}
    pattern = re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True)))) if words else None
    plain = set(lexicon.generic) | set(lexicon.modifiers) | set(lexicon.development_context)

    def descriptive(core: str) -> bool:
        return core in plain or (pattern is not None and pattern.search(core) is not None)

    return descriptive


def rekey(key: str, merges: dict) -> EntityKey:
    """The key `key` stands under after `merges` (itself when not merged)."""
    return merges.get(key, key)
