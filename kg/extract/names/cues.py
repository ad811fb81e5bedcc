"""The cue index: everything the grammars look up, built once from the lexicon and frozen.

Grammars never read the `Lexicon` directly: the index holds its word sets, the
regular expressions over them, and the lookups every grammar shares (is this a
place, an industry name, a list of modifiers, a typed item).

>>> from kg.ontology import Lexicon, ParkType
>>> lex = Lexicon(park_types={"高新区": ParkType("高新区", "高新区", "HighTechZone", "zone")},
...               industry_labels={"生物医药": "i1"}, industry_suffixes=("产业",), regions={"苏州": "r1"})
>>> cues = CueIndex.build(lex)
>>> cues.type_words["高新区"], cues.is_industry_name("生物医药产业"), cues.is_place("苏州")
(('Park', 'HighTechZone', 'zone'), True, True)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.segment import Segmenter
from kg.ontology import Lexicon

# POS tags (jieba's) that never belong inside a name.
STOP_POS = frozenset({"v", "vd", "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "rr", "rz",
                      "q", "f", "y", "e", "o", "ad", "t", "tg", "df", "mq", "vg", "dg", "l"})
# POS tags that are evidence of a proper name (places, organisations, unknown words).
NAME_POS = frozenset({"ns", "nz", "nt", "nr", "nrt", "nrfg", "j", "eng", "x?", "i"})
PERSON_POS = frozenset({"nr", "nrfg", "nrt"})
RARE_WORD = 100  # jieba dictionary frequency below which a word is treated as a name part
PUNCT = frozenset("，。、；：！？,.;:!?“”\"'‘’《》<>「」『』【】[]—…·/\\|~～　 \n\t()（）")
OPEN_BRACKETS = "（("
CLOSE_BRACKETS = "）)"
NUMBER = re.compile(r"^[0-9０-９.]+$")
LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9+\-]*$")
TITLE = re.compile(r"《[^《》]{0,40}》")
PHASE = re.compile(r"[一二三四五六七八九十0-9]+期$")
COUNTED = re.compile(r"[0-9一二三四五六七八九十两百千万]+[个家项人名位件座次批]")
MAX_NAME_DIGITS = 4  # longer digit strings before a type word are phone numbers, codes or amounts

# Vocabulary still written here (moves to ontology/lexicon.ttl in the next step of issue 12).
_WORDS = dict(
    cut_chars="的是在将把被对从向以于含为即出了及",  # never inside a name; jieba's HMM glues them (位是, 含迤资)
    end_cut_chars="是的了在将把被对从向",  # never the last character of a name (为 is: 华为, 迈为)
    time_words=("年", "日", "年底", "年初", "年度", "季度"),  # 月 alone may be part of a name (净月)
    weak_firm_cues=("项目", "品牌"),  # lists of these hold products and works as often as firms
    slogan_verbs=("打造", "建成", "建设成为", "成为", "争创", "创建", "建设"),
    glued_conjunctions="与及",  # glued by jieba to the next name (与子牛亦东); 和 starts names too (和利时)
    photo_credit="摄",  # 王丽摄: a caption's photographer
    withheld="某",  # 某公司, 王某: a name withheld by court and police news
    technical=("产业", "技术", "创新", "科技", "研发", "标准", "工业", "制造", "数字", "智能"),
    municipality_codes=("110000", "120000", "310000", "500000"),  # 北京 天津 上海 重庆 are cities
)


def alternation(words) -> re.Pattern | None:
    """One regular expression matching any of `words`, longest first (None for no words)."""
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words))


@dataclass(frozen=True)
class CueIndex:
    lex: Lexicon
    seg: Segmenter
    type_words: dict  # form -> (contract class, subclass, level)
    type_forms: tuple  # type word forms, longest first
    type_re: re.Pattern | None
    industry_re: re.Pattern | None
    cue_re: re.Pattern | None
    trade_re: re.Pattern | None
    predicate_re: re.Pattern | None
    suffix_re: re.Pattern | None
    grammar_cue_re: re.Pattern | None  # a sentence without any of these gives no name grammar work
    firm_generics: tuple
    departments: tuple
    agency_endings: tuple
    long_boundaries: tuple
    stop_words: frozenset  # words a name never contains: boundaries and every trigger word
    trade_suffixes: tuple  # longest first
    level_modifiers: tuple  # longest first
    scales: tuple  # longest first
    context_verbs: tuple  # longest first
    words: dict = field(default_factory=dict)
    open_heads: frozenset = frozenset()  # one-character park heads (城, 港, 园): `open_head` grammar
    development_re: re.Pattern | None = None  # words that show a development area
    sector_re: re.Pattern | None = None  # 加工业, 工业: sector suffixes kept in an industry's name

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
        return cls(
            lex=lex, seg=seg, type_words=type_words, type_forms=longest(type_words),
            type_re=alternation(type_words),
            industry_re=alternation(w for w in lex.industry_labels if len(w) >= 2),
            cue_re=alternation(lex.list_cues), trade_re=alternation(lex.enterprise_trade_suffixes),
            predicate_re=alternation(lex.enterprise_predicates), suffix_re=alternation(lex.industry_suffixes),
            grammar_cue_re=alternation(cue_words),
            firm_generics=tuple(sorted(w for w, c in lex.generic.items() if c == "Enterprise" and len(w) >= 2)),
            departments=tuple(sorted(w for w in lex.agency_words if len(w) >= 2 and w[-1] in "厅局部委")),
            agency_endings=tuple(sorted(lex.agency_words)),
            long_boundaries=longest(w for w in lex.boundaries if len(w) >= 2 and w not in lex.regions),
            stop_words=frozenset(stop),
            trade_suffixes=longest(lex.enterprise_trade_suffixes),
            level_modifiers=longest(lex.level_modifiers), scales=longest(lex.scales),
            context_verbs=longest(lex.industry_context),
            words=dict(_WORDS),
            open_heads=frozenset(lex.open_heads), development_re=alternation(lex.development_context),
            sector_re=alternation(lex.sector_suffixes),
        )

    # ------------------------------------------------------------ lookups
    def is_place(self, word: str) -> bool:
        """A region of the gazetteer (苏州, 常熟) or a place name jieba knows."""
        return word in self.lex.regions or self.seg.pos(word) == "ns"

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
        return any(core.endswith(h) and len(core) > len(h) for h in self.lex.industry_heads)

    def only_modifiers(self, prefix: str) -> bool:
        """True when `prefix` is made of generic modifiers alone (国家级, 该, 全省)."""
        i = 0
        mods = self.lex.modifiers
        while i < len(prefix):
            for size in range(min(6, len(prefix) - i), 0, -1):
                if prefix[i:i + size] in mods:
                    i += size
                    break
            else:
                return False
        return True

    def typed_item(self, name: str):
        """(class, subclass, level) of a name that ends with a type word (生命科学园二期 -> Park), else None."""
        core = PHASE.sub("", name)
        for form in self.type_forms:
            if core.endswith(form) and len(core) > len(form):
                if self.only_modifiers(core[: -len(form)]):
                    return None
                return self.type_words[form]
        return None

    def tokens(self, text: str):
        return self.seg.tokens(text)
