"""The cue index: everything the grammars look up, built once from the lexicon and frozen.

Grammars never read the `Lexicon` directly: the index holds its word sets, the
regular expressions over them, and the lookups every grammar shares (is this a
place, an industry name, a list of modifiers, a typed item).

>>> from kg.ontology import Lexicon, ParkType, load_lexicon
>>> lex = Lexicon(park_types={"高新区": ParkType("高新区", "高新区", "HighTechZone", "zone")},
...               industry_labels={"生物医药": "i1"}, industry_suffixes=("产业",), regions={"苏州": "r1"},
...               grammar_words=load_lexicon().grammar_words)
>>> cues = CueIndex.build(lex)
>>> cues.type_words["高新区"], cues.is_industry_name("生物医药产业"), cues.is_place("苏州")
(('Park', 'HighTechZone', 'zone'), True, True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.gazetteer import RegexEngine
from kg.extract.segment import UNKNOWN, Segmenter
from kg.ontology import Lexicon

# POS tags (jieba's) that never belong inside a name.
STOP_POS = frozenset({"v", "vd", "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "rr", "rz",
                      "q", "f", "y", "e", "o", "ad", "t", "tg", "df", "mq", "vg", "dg", "l"})
# POS tags of function words, numerals and time words: never a part of a name, even where verbs may be
# (a descriptor 知识 is tagged v; an industry 先进制造 holds one).
FUNCTION_POS = (STOP_POS - {"v", "vd", "vg", "ad", "df", "dg", "l"}) | {"m"}
# POS tags that are evidence of a proper name (places, organisations, unknown words).
NAME_POS = frozenset({"ns", "nz", "nt", "nr", "nrt", "nrfg", "j", "eng", "x?", "i"})
PERSON_POS = frozenset({"nr", "nrfg", "nrt"})
RARE_WORD = 100  # jieba dictionary frequency below which a word is treated as a name part
COMMON_NOUN = 30  # and at or above which a noun of two characters or more is a common one (速冻, 保税), no name part
PUNCT = frozenset("，。、；：！？,.;:!?“”\"'‘’《》<>「」『』【】[]—…·/\\|~～　 \n\t()（）×●■◆★○◎□▪◇☆")
OPEN_BRACKETS = "（("
CLOSE_BRACKETS = "）)"
NUMBER = re.compile(r"^[0-9０-９.]+$")
LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9+\-]*$")
TITLE = re.compile(r"《[^《》]{0,40}》")
PHASE = re.compile(r"[一二三四五六七八九十0-9]+期$")
MAX_NAME_DIGITS = 4  # longer digit strings before a type word are phone numbers, codes or amounts

MUNICIPALITY_CODES = ("110000", "120000", "310000", "500000")  # region codes of 北京 天津 上海 重庆: cities
NUMERALS = "0-9一二三四五六七八九十两"  # a character class, like punctuation
COUNT_DIGITS = "两二三四五六七八九十"  # a character class: a Chinese count of two or more (南、北两|片区)


def _any(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _patterns(lex: Lexicon) -> dict:
    """The grammars' regular expressions, their words read from the lexicon's grammar words."""
    w = lex.words
    counted_parks = f"[{NUMERALS}百千几多]+(?:{_any(w('approximate'))})?(?:{_any(w('park-counter'))})"
    return {
        "counted": re.compile(f"[0-9一二三四五六七八九十两百千万]+(?:{_any(w('approximate'))})?(?:{_any(w('item-counter'))})"),
        "counted_prefix": re.compile(counted_parks),
        # 南、北两|片区: a Chinese count right before a park word counts parks too (新华三集团 is a firm's name)
        "counted_park_prefix": re.compile(f"{counted_parks}|(?<![{NUMERALS}百千])[{COUNT_DIGITS}]$"),
        "list_quantifier": f"(?:{_any(w('list-quantifier'))}|近?[{NUMERALS}百几多余]+(?:{_any(w('list-counter'))}))",
        "list_counter": f"(?:{_any(w('list-counter'))})",
        "industry_frame": re.compile(f"为(?:{_any(w('industry-frame'))})"),
        "bare_head": re.compile(f"[\u4e00-\u9fff]{{2,10}}?(?=[“”\"0-9+]|{_any(w('bare-list-head'))})"),
        "bare_cue": re.compile(_any(w("bare-list-cue"))),
        "represented": re.compile(f"(?:{_any(w('represented-frame'))})([^、，。；：{NUMERALS}]{{2,10}}?)"
                                  f"(?=[、，。；]|[{NUMERALS}]+大|等|产业)"),
        "cluster": re.compile(f"(?:{_any(w('cluster-head'))})[（(]([^（）()，。、]{{2,16}})[）)]"),
        # 建设路88号|青禾产业园, 308路|由…: a street number or a bus line ends an address, not a name
        "street_address": re.compile(f"[0-9]+(?:{_any(w('street-number-end'))})|^[0-9]+(?:{_any(w('bus-route-word'))})"),
        "capacity": re.compile(f"[0-9.]+(?:{_any(w('capacity-unit'))})"),
        "quantity_opening": re.compile(f"(?:{_any(w('approximate-before'))})?(?:[0-9.]+|[{NUMERALS}百千]+)"
                                       f"(?:{_any(w('measure-unit'))})(?:{_any(w('quantity-after'))})?的?"),
        "statistic": re.compile(f"(?:{_any(w('statistic-head'))})业(?={_any(w('statistic-word'))})"),
    }


def _words(lex: Lexicon) -> dict:
    w = lex.words
    return dict(
        cut_chars=frozenset(w("cut-character")), end_cut_chars=frozenset(w("end-cut-character")),
        # what a part's own name after its zone never holds (`parts`): function words, a compass area
        part_name_function=frozenset({*w("coordinator"), *w("possessive"), *w("list-closer")}),
        compass_parts=tuple(x for x in w("compass-area-part") if len(x) >= 2),
        park_forms=tuple(f for f in lex.park_types if len(f) >= 2),  # the park type words a name can end in
        # a clause's verbs and event words (pk:NonTyingCue of kind event), glued before an industry (`industry_lead`)
        clause_words=tuple(sorted({*w("clause-verb"), *(f for f, k in lex.non_tying_cues.items() if k == "event")},
                                  key=len, reverse=True)),
        post_chars=frozenset(w("post-character")), goods_trade_words=frozenset(w("goods-trade-word")),
        firm_facilities=frozenset(w("firm-facility-word")),
        time_words=frozenset(w("time-word")), weak_firm_cues=frozenset(w("weak-firm-cue")),
        slogan_verbs=w("slogan-verb"), glued_conjunctions=frozenset(w("glued-conjunction")), trailing_conjunctions=tuple(w("trailing-conjunction")),
        country_words=frozenset(w("country-word")), positioning_heads=w("positioning-head"),
        scope_modifiers=w("scope-modifier"),
        photo_credit=w("photo-credit"), withheld=w("withheld"), technical=w("technical"),
        level_adjectives=w("level-adjective"), taxonomy_followers=w("taxonomy-follower"),
        clause_industry_words=w("clause-industry-word"), short_name_neighbours=w("short-name-neighbour"),
        short_name_followers=w("short-name-follower"), company_suffixes=w("key-legal-suffix"),
        inner_conjunctions=frozenset(w("inner-conjunction")),
        partner_prefixes=frozenset(w("partner-country-prefix")),
        build_verbs=w("build-verb"), school_or_degree_after=w("affiliated-school-opening") + w("education-level-after"), byline_roles=frozenset(w("byline-role")), title_park_heads=frozenset(w("title-park-head")), branch_heads=w("branch-head"), committee_words=w("committee-word"),
        list_closers=w("list-closer"), attributive_endings=w("attributive-ending"), road_endings=w("road-ending"), industry_conjunctions=w("industry-conjunction"),
        name_time_or_position_words=frozenset(w("name-time-word")) | frozenset(w("name-position-word")), campus_heads=frozenset(w("campus-head")),
        service_verbs=w("service-verb"), region_endings=frozenset(w("region-ending")),
        place_directions=frozenset(w("place-direction")), domain_nouns=frozenset(w("domain-noun")),
        non_research_bodies=w("non-research-body"), association_endings=tuple(w("association-ending")), platform_town_heads=frozenset(w("platform-town-head")), station_research_words=w("station-research-word"),
        firm_kinds=tuple(g for g, cls in lex.generic.items() if cls == "Enterprise" and len(g) >= 3),  # 龙头企业
        station_heads=frozenset(w("station-head")), area_zones=frozenset(w("area-zone")), area_heads=w("area-head"),
        date_units=frozenset(w("date-unit")), kind_quantifiers=w("kind-quantifier"), relative_firm_heads=w("relative-firm-head"),
        # 等行业的企业, 等行业头部企业: nouns for firms after a sector cue (list cues of firms, generic firm words)
        firm_heads=tuple(c for c, cls in lex.list_cues.items() if cls == "Enterprise")
        + tuple(sorted(g for g, cls in lex.generic.items() if cls == "Enterprise" and len(g) >= 2)),
        # 大学, 学院: the university type words, to tell a university's campus from a school's
        university_forms=tuple(f for f, sub in sorted(lex.platform_types.items())
                               if sub == "University" and f not in w("campus-head")), branch_park_heads=w("branch-park-head"), organisation_endings=w("organisation-ending"), firm_campuses=w("firm-campus"), dateline_endings=w("dateline-ending"), commerce_fields=w("commerce-field"), service_platform_heads=w("service-platform-head"), not_organisations=frozenset(w("not-organisation")),
    )


def _matcher(words) -> RegexEngine:
    """The gazetteer's dictionary matcher over `words`, each labelled with itself."""
    return RegexEngine({w: w for w in words if w})


def alternation(words) -> re.Pattern | None:
    """One regular expression matching any of `words`, longest first (None for no words); shaped as
    the words' trie (`kg.extract.gazetteer.trie_pattern`), which matches the same and runs faster."""
    from kg.extract.gazetteer import trie_pattern

    return trie_pattern(words)


@dataclass(frozen=True)
class CueIndex:
    lex: Lexicon
    seg: Segmenter
    type_words: dict  # form -> (contract class, subclass, level)
    type_forms: tuple  # type word forms, longest first
    kind_heads: tuple  # list cues and type words, longest first: what a kind of thing ends in (优秀企业, 园区孵化器)
    # dictionary matchers (kg.extract.gazetteer: (begin, end, form), longest at each position)
    type_gaz: RegexEngine
    industry_gaz: RegexEngine
    trade_gaz: RegexEngine
    predicate_gaz: RegexEngine
    suffix_gaz: RegexEngine
    cue_re: re.Pattern | None  # list cues, as a pattern the list grammar composes into longer ones
    grammar_cue_re: re.Pattern | None  # a sentence without any of these gives no name grammar work
    firm_generics: tuple
    departments: tuple
    agency_endings: tuple
    stop_words: frozenset  # words a name never contains: boundaries and every trigger word
    trade_suffixes: tuple  # longest first
    level_modifiers: tuple  # longest first
    scales: tuple  # longest first
    context_verbs: tuple  # longest first
    words: dict = field(default_factory=dict)  # kind -> grammar words (see _words)
    patterns: dict = field(default_factory=dict)  # name -> regular expression (see _patterns)
    open_heads: frozenset = frozenset()  # one-character park heads (城, 港, 园): `open_head` grammar
    park_heads: tuple = ()  # the open heads, then the park type words: what a park's name ends in (`dotted`)
    cluster_heads: tuple = ()  # the park heads, then the generic words: what a cluster's name before a dot ends in
    part_heads: tuple = ()  # what a part's name after its zone ends in, longest first (`parts`)
    part_head_re: re.Pattern | None = None  # the part heads as one pattern, longest first
    long_stop_re: re.Pattern | None = None  # the stop words of two characters or more, as one pattern
    development_re: re.Pattern | None = None  # words that show a development area
    sector_re: re.Pattern | None = None  # 加工业, 工业: sector suffixes kept in an industry's name
    long_boundary_re: re.Pattern | None = None  # the long boundary words, as one trie-shaped pattern

    @classmethod
    def build(cls, lex: Lexicon, seg: Segmenter | None = None) -> "CueIndex":
        seg = seg or Segmenter(lex)
        type_words = {}
        for form, pt in lex.park_types.items():
            type_words[form] = ("Park", pt.cls, pt.level)
        for form, sub in lex.platform_types.items():
            type_words.setdefault(form, ("Platform", sub, ""))
        for form in lex.enterprise_legal_suffixes:
            type_words.setdefault(form, ("Enterprise", "Enterprise", ""))
        cue_words = (set(type_words) | set(lex.enterprise_trade_suffixes) | set(lex.industry_suffixes)
                     | set(lex.enterprise_predicates) | {"等", "为", "（", "("})
        stop = set(lex.boundaries) | set(lex.relation_triggers) | set(lex.target_triggers)
        stop |= set(lex.non_target_cues) | set(lex.year_expressions)
        stop -= set(lex.park_types) | set(lex.platform_types)
        longest = lambda words: tuple(sorted(words, key=len, reverse=True))  # noqa: E731
        open_heads = frozenset(lex.open_heads)
        park_heads = (*open_heads, *lex.park_types)
        return cls(
            lex=lex, seg=seg, type_words=type_words, type_forms=longest(type_words),
            kind_heads=longest(set(lex.list_cues) | set(type_words)),
            type_gaz=_matcher(type_words), industry_gaz=_matcher(w for w in lex.industry_labels if len(w) >= 2),
            trade_gaz=_matcher(lex.enterprise_trade_suffixes), predicate_gaz=_matcher(lex.enterprise_predicates),
            suffix_gaz=_matcher(lex.industry_suffixes), cue_re=alternation(lex.list_cues),
            grammar_cue_re=alternation(cue_words),
            firm_generics=tuple(sorted(w for w, c in lex.generic.items() if c == "Enterprise" and len(w) >= 2)),
            departments=tuple(sorted(w for w in lex.agency_words
                                     if len(w) >= 2 and w[-1] in lex.words("department-ending"))),
            agency_endings=tuple(sorted(lex.agency_words)),
            long_boundary_re=alternation(w for w in lex.boundaries if len(w) >= 2 and w not in lex.regions),
            stop_words=frozenset(stop), long_stop_re=alternation(w for w in stop if len(w) >= 2),
            trade_suffixes=longest(lex.enterprise_trade_suffixes),
            level_modifiers=longest(lex.level_modifiers), scales=longest(lex.scales),
            context_verbs=longest(lex.industry_context),
            words=_words(lex), patterns=_patterns(lex),
            open_heads=open_heads, park_heads=park_heads, cluster_heads=(*park_heads, *lex.generic),
            part_heads=_part_heads(lex), part_head_re=re.compile("|".join(map(re.escape, _part_heads(lex)))),
            development_re=alternation(lex.development_context),
            sector_re=alternation(lex.sector_suffixes),
        )

    # ------------------------------------------------------------ lookups
    def is_place(self, word: str) -> bool:
        """A region of the gazetteer (苏州, 常熟) or a place name jieba knows."""
        return word in self.lex.regions or self.seg.pos(word) == "ns"

    def opens_as_place(self, word: str) -> bool:
        """A place before an industry's name, not part of it: 苏州|生物医药, but 海洋生物技术 keeps its domain."""
        return self.is_place(word) and word not in self.words["domain_nouns"]

    def is_place_token(self, tok) -> bool:
        """A token that stands for a place here: a region the segmenter reads as a common noun
        (新兴, 合作: counties, and everyday words) is the word, not the place."""
        return tok.pos != "n" and self.is_place(tok.word)

    def strip_industry_suffix(self, name: str) -> str:
        """生物医药产业 -> 生物医药 (never below two characters)."""
        for suffix in self.lex.industry_suffixes:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                return name[: -len(suffix)]
        return name

    def is_industry_name(self, name: str) -> bool:
        """A taxonomy label, or a name ending in an industry head word (钒钛机械制造)."""
        core = self.strip_industry_suffix(name)
        if core in self.lex.industry_labels:
            return True
        heads = self.lex.industry_heads
        if core.endswith(tuple(heads)) and any(core.endswith(h) and len(core) > len(h) for h in heads):
            return True
        # 民用|航空, 智能|物联网: everyday words (容百|锂电 is a firm's name part) before a taxonomy label
        return any(core[i:] in self.lex.industry_labels and self.common_words(core[:i], modifier=True)
                   for i in range(1, min(4, len(core) - 1)))

    def common_words(self, prefix: str, modifier: bool = False) -> bool:
        """Every word of `prefix` is an everyday word (研发, 创新): no place, no rare or unknown word. As a
        `modifier` (民用, 智能, 酒店 before an industry) also no piece of a longer word (液化石|油气), no verb,
        no role word and no generic modifier (特色, 国际)."""
        if modifier and (prefix in self.lex.modifiers or prefix in self.lex.role_triggers or self.only_modifiers(prefix)):
            return False
        return all(t.pos != UNKNOWN and self.seg.frequency(t.word) >= RARE_WORD and not self.is_place(t.word)
                   and not (modifier and (len(t.word) < 2 or t.pos in NAME_POS or t.pos in STOP_POS))
                   for t in self.tokens(prefix))

    def only_modifiers(self, prefix: str) -> bool:
        """True when `prefix` is made of generic modifiers alone (国家级, 该, 全省)."""
        return self.lex.only_modifiers(prefix)

    def typed_item(self, name: str):
        """(class, subclass, level) of a name that ends with a type word (生命科学园二期 -> Park), else None."""
        core = PHASE.sub("", name)
        for form in self.type_forms:
            if core.endswith(form) and len(core) > len(form):
                if self.only_modifiers(core[: -len(form)]) or core[: -len(form)] in self.lex.generic:
                    return None  # 国家级孵化器, 园区孵化器: a kind, not a name
                return self.type_words[form]
        return None

    def tokens(self, text: str):
        return self.seg.tokens(text)


def _part_heads(lex: Lexicon) -> tuple:
    """What a part's name ends in, longest first: sub-park type words, part nouns, area words (新城)."""
    heads = {w for w, t in lex.park_types.items() if t.level == "subpark"}
    heads |= set(lex.words("part-noun")) | set(lex.words("area-test-type"))
    return tuple(sorted(heads, key=len, reverse=True))
