"""New areas that are regions: a 新区 the text does not treat as a development area is no park.

The contract: a state-level new area (国家级新区, in the official catalogue) is a park
wherever the text names it; another 新区 (and 新城, 科创城, 创新城) is a park only where
the text treats it as a development area: its 管委会, its industries, its firms. 镇江新区心湖广场
or 郑东新区分局 name a district. A 片区 names a block of a plan or a town as often as a zone's area,
so outside a free-trade zone it needs two development words. The type words that need the test and
the words that show a development area are lexicon data (``ontology/open-heads.ttl``). A name the text
writes once right after a nature reserve (某国家公园某某园区) is that reserve's area wherever it stands.

>>> from kg.ontology import Lexicon
>>> lex = Lexicon(grammar_words={"area-test-type": ("新区",), "development-area-word": ("管委会", "企业"),
...                              "zone-area-ending": ("新片区",), "urban-area-ending": ("街",),
...                              "compass-area-part": ("西南",), "catalogue-only-type": ("度假区",),
...                              "zone-administration": ("管委会",), "committee-word": ("管委会",),
...                              "weak-area-type": ("片区",), "free-trade-word": ("自贸",)})
>>> test = AreaTest.from_lexicon(lex)
>>> test.developed("青松新区管委会发布通知。", [(0, 4)]), test.developed("青松新区心湖广场开放。", [(0, 4)])
(True, False)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from kg.extract.park_identity import leading_places
from kg.extract.wordforms import chars, either
from kg.types import EntityKey

SENTENCE_END = re.compile(r"[。！？!?\n]")
CLAUSE_EDGE = re.compile(r"[，。；：！？!?,;:\n]")
BRACKETED = re.compile(r"[（(]([^（）()，。、]{2,8})[）)]")  # what brackets right after a name hold
NAME_RUN = "[^，。；、（）()“”\\s]"  # characters of one name (no punctuation)


def _bureau_patterns(lexicon) -> tuple:
    """(a bureau right after a name, a bureau's whole name) from the lexicon's bureau endings."""
    endings, possessive = lexicon.grammar_words.get("bureau-ending", ()), lexicon.grammar_words.get("possessive", ())
    if not endings:
        return None, None
    ending = "(?:" + "|".join(re.escape(w) for w in endings) + ")"
    not_in_name = "".join(re.escape(w) for w in possessive if len(w) == 1)
    return (re.compile(NAME_RUN + "{0,10}?" + ending),
            re.compile(NAME_RUN[:-1] + not_in_name + "]{1,10}?" + ending))


def _station_pattern(lexicon) -> re.Pattern | None:
    """A development word that a station's name ends in (开发区站, 高新区西站: a stop of a road or a line)."""
    stations = lexicon.grammar_words.get("station-ending", ())
    if not stations:
        return None
    compass = chars(lexicon.grammar_words.get("compass-area-part", ()))
    return re.compile(either(lexicon.words("development-area-word")) + (f"[{compass}]?" if compass else "") + either(stations))


def free_trade_area(lexicon, name: str) -> bool:
    """某自贸区某某新片区, 某自贸片区: the area of a free-trade zone, the one kind of 片区 that is a zone's part
    and no block of a town (read by the part-name join and by sub-parks by address)."""
    return name.endswith(lexicon.words("zone-area-ending")) or any(w in name for w in lexicon.words("free-trade-word"))


@dataclass(frozen=True)
class AreaTest:
    types: frozenset  # canonical park types that name regions as often as parks (新区)
    words: tuple  # words showing a development area
    state_level: frozenset = frozenset()  # name cores of the catalogue's 国家级新区 (西咸, 江北)
    regions: dict = field(default_factory=dict)  # the lexicon's regions, to strip places off a name
    zone_endings: tuple = ()  # 新片区: an area of a free-trade zone, never a district
    urban_endings: tuple = ()  # 太平街片区: a block of a town, never a development area
    compass_parts: frozenset = frozenset()  # 西南片区: a part of somewhere
    catalogue_only: frozenset = frozenset()  # 度假区: a park only as a zone of the official catalogue
    administrations: tuple = ()  # 管委会, 管理局: right after the name, what runs a development area
    committees: tuple = ()  # 管委会: anywhere in the text (党工委管委会), what runs a development area
    bureau: re.Pattern | None = None  # 大鹏新区|科技创新和经济服务局: a district government's body after the name
    bureau_name: re.Pattern | None = None  # 科技创新和经济服务局: its 经济 shows no development
    weak_types: frozenset = frozenset()  # 片区: an area of a plan or a town as often as of a zone, so two words are needed
    free_trade: tuple = ()  # 自贸: a free-trade zone's area (某自贸片区) is a park as a 新片区 is
    non_park: tuple = ()  # 国家公园, 湿地公园: a nature reserve or a garden, whose areas are no parks
    said_of_any: tuple = ()  # 企业家, 经济发展: words holding a development word that are said of any district
    stations: re.Pattern | None = None  # 开发区站, 高新区西站: a station's name, whose development word shows no area

    @classmethod
    def from_lexicon(cls, lexicon) -> "AreaTest":
        types = frozenset(lexicon.words("area-test-type"))
        cores = set()
        for zone in lexicon.zones:
            if zone.cls == "StateLevelNewArea":
                name = next((zone.name[:-len(t)] for t in types if zone.name.endswith(t)), zone.name)
                cores.add(leading_places(name, lexicon.regions)[1])
        return cls(types, tuple(lexicon.words("development-area-word")), frozenset(cores), lexicon.regions,
                   tuple(lexicon.words("zone-area-ending")), tuple(lexicon.words("urban-area-ending")),
                   frozenset(lexicon.words("compass-area-part")), frozenset(lexicon.words("catalogue-only-type")),
                   tuple(lexicon.words("zone-administration")), tuple(lexicon.words("committee-word")),
                   *_bureau_patterns(lexicon), frozenset(lexicon.words("weak-area-type")),
                   tuple(lexicon.words("free-trade-word")), tuple(lexicon.non_park_words),
                   tuple(lexicon.grammar_words.get("said-of-any-district", ())), _station_pattern(lexicon))

    def leisure(self, key: str, zone: str) -> bool:
        """A resort (度假区) that is no zone of the official catalogue: a leisure site, none of the four."""
        k = EntityKey(key)
        return not zone and k.cls == "Park" and "|" in k.name and k.name.rsplit("|", 1)[1] in self.catalogue_only

    def urban(self, key: str) -> bool:
        """The name part (its places left out) ends in a street, a square or a village, or is a compass point."""
        part = leading_places(EntityKey(key).name.rsplit("|", 1)[0], self.regions)[1]
        return part in self.compass_parts or (bool(self.urban_endings) and part.endswith(self.urban_endings))

    def needs_test(self, key: str, zone: str) -> bool:
        """A park of a tested type that is no zone of the catalogue, nor a 国家级新区 by its name
        (西咸新区 for 陕西西咸新区, 南京市江北新区 for 南京江北新区)."""
        k = EntityKey(key)
        if zone or k.cls != "Park" or "|" not in k.name:
            return False
        part, kind = k.name.rsplit("|", 1)
        return kind in self.types and leading_places(part, self.regions)[1] not in self.state_level

    def written_as_type(self, text: str, key: str, spans) -> bool:
        """Every mention ends with the tested type word itself: 花山片区 is tested, while 赵巷园区,
        whose type reads as 片区 only once normalised, and 临港新片区, a free-trade zone's area, are not."""
        kind = EntityKey(key).name.rsplit("|", 1)[-1]
        return all(text[a:b].endswith(kind) and not text[a:b].endswith(self.zone_endings) for a, b in spans)

    def least(self, key: str) -> int:
        """How many development words the area's sentences need: two for a weak type (某某片区), unless a
        free-trade zone's area is named (某自贸片区, 自贸区某某片区)."""
        name = EntityKey(key).name
        weak = name.rsplit("|", 1)[-1] in self.weak_types and not any(w in name for w in self.free_trade)
        return 2 if weak else 1

    def developed(self, text: str, spans, least: int = 1) -> bool:
        """Sentences naming the area (the name itself, bureaus' names, words said of any district (企业家, 经济发展) and
        stations' names such as 开发区站 left out) have at least `least` development-area words."""
        found = set()
        for a, b in spans:
            lo = max((m.end() for m in SENTENCE_END.finditer(text, 0, a)), default=0)
            end = SENTENCE_END.search(text, b)
            sentence = text[lo:a] + text[b:end.start() if end else len(text)]
            sentence = self.bureau_name.sub("", sentence) if self.bureau_name else sentence
            for words in self.said_of_any:  # 企业家代表, 推动某区经济发展: said of any district
                sentence = sentence.replace(words, "")
            sentence = self.stations.sub("", sentence) if self.stations else sentence
            found.update(w for w in self.words if w in sentence)
        return len(found) >= least

    def district_in_brackets(self, text: str, spans) -> bool:
        """金义新区（金东区）: the brackets give the district the area is, so the text names a region."""
        return any((found := BRACKETED.match(text, b)) is not None and found.group(1) in self.regions
                   for _, b in spans)

    def governed_as_district(self, text: str, spans) -> bool:
        """大鹏新区科技创新和经济服务局, X新区Y街道办事处, with no 管理局 after the name, no 管委会 in the text
        and at most one development word beside the area (试点企业): a district government's bureaus run
        the area, so the text names a district, not a development area."""
        if self.bureau is None:
            return False
        bureaus = [found.group() for _, b in spans if (found := self.bureau.match(text, b))]
        return any(not b.endswith(self.administrations) for b in bureaus) and not any(
            text.startswith(self.administrations, b) for _, b in spans) and not any(
            w in text for w in self.committees) and not self.developed(text, spans, least=2)

    def listed_among_regions(self, text: str, spans) -> bool:
        """云溪区、青禾县、禾丰新区、某某市: every mention is an item of an enumeration whose other items are mostly
        districts, counties and cities (three at least), so the text lists the area as one of them."""
        def among(a: int, b: int) -> bool:
            lo = max((m.end() for m in CLAUSE_EDGE.finditer(text, 0, a)), default=0)
            end = CLAUSE_EDGE.search(text, b)
            items = [x for x in text[lo:end.start() if end else len(text)].split("、") if x != text[a:b]]
            places = sum(x in self.regions for x in items)
            return places >= 3 and places * 2 > len(items)
        return bool(spans) and all(among(a, b) for a, b in spans)

    def reserve_areas(self, text: str, entities, spans: dict) -> set:
        """三江源国家公园澜沧江源园区 … 澜沧江源园区: the parks whose name the text writes right after a nature reserve's
        or a garden's (a mention the grammars read as the reserve's area); their other mentions name that area too."""
        return {k for k in entities if EntityKey(k).cls == "Park" and any(
            w + name in text for name in {text[a:b] for a, b in spans.get(k, ())} for w in self.non_park)}

    def drop_regions(self, text: str, linked):
        """`linked` (kg.extract.link.DocumentEntities) without the new areas the text treats as regions."""
        spans: dict = {}
        for span, k in linked.mention_keys.items():
            spans.setdefault(k, []).append(span)
        regions = {k for k, e in linked.entities.items()
                   if self.leisure(k, e.zone) or (self.needs_test(k, e.zone) and self.written_as_type(text, k, spans.get(k, ()))
                   and (self.urban(k) or self.district_in_brackets(text, spans.get(k, ()))
                        or self.governed_as_district(text, spans.get(k, ()))
                        or self.listed_among_regions(text, spans.get(k, ()))
                        or not self.developed(text, sorted(spans.get(k, ())), self.least(k))))}
        regions |= self.reserve_areas(text, linked.entities, spans)
        if not regions:
            return linked
        return replace(linked,
                       entities={k: e for k, e in linked.entities.items() if k not in regions},
                       mention_keys={s: k for s, k in linked.mention_keys.items() if k not in regions},
                       short_names={n: k for n, k in linked.short_names.items() if k not in regions})
