"""Find mentions of parks, industries, enterprises and platforms.

Three grammars, all driven by the ontology's lexicon:

* type words end names: <name> + 高新区 / 研究院 / 有限公司. The left edge of the
  name is found by walking back over jieba tokens while they look like parts of a
  name (nouns, places, unknown words, numbers, bracketed places), stopping at
  verbs, function words and the lexicon's boundary words;
* enumerations name their items' class: 迈为、博众等一批企业 -> enterprises;
  新能源、集成电路等领域 -> industries;
* the industry taxonomy is a gazetteer: its labels are industries wherever they
  stand, unless inside another name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.segment import UNKNOWN, Segmenter, Token
from kg.ontology import Lexicon
from kg.types import Mention, Sentence

# POS tags (jieba's) that never belong inside a name.
STOP_POS = {"v", "vd", "p", "c", "u", "uj", "ul", "uz", "ud", "ug", "uv", "d", "r", "rr", "rz",
            "q", "f", "y", "e", "o", "ad", "t", "tg", "df", "mq", "vg", "dg", "l"}
# POS tags that are evidence of a proper name (places, organisations, unknown words).
NAME_POS = {"ns", "nz", "nt", "nr", "nrt", "nrfg", "j", "eng", "x?", "i"}
# Single characters that never stand inside a park name; jieba's HMM sometimes glues
# them to a neighbour (位是, 含迤资), so the name is cut after the last of them.
CUT_CHARS = set("的是在将把被对从向以于含为即出了及")
MUNICIPALITY_CODES = ("110000", "120000", "310000", "500000")  # 北京 天津 上海 重庆 are cities
WEAK_FIRM_CUES = ("项目", "品牌")  # lists of these hold products and works as often as firms
PERSON_POS = {"nr", "nrfg", "nrt"}
RARE_WORD = 100  # jieba dictionary frequency below which a word is treated as a name part
SLOGAN_VERBS = ("打造", "建成", "建设成为", "成为", "争创", "创建", "建设")
END_CUT_CHARS = set("是的了在将把被对从向")  # never the last character of a name (为 is: 华为, 迈为)
TIME_WORDS = {"年", "日", "年底", "年初", "年度", "季度"}  # 月 alone may be part of a name (净月)
PUNCT = set("，。、；：！？,.;:!?“”\"'‘’《》<>「」『』【】[]—…·/\\|~～　 \n\t()（）")
OPEN_BRACKETS = "（("
CLOSE_BRACKETS = "）)"
_NUMBER = re.compile(r"^[0-9０-９.]+$")
MAX_NAME_DIGITS = 4  # longer digit strings before a type word are phone numbers, codes or amounts
GLUED_CONJUNCTIONS = "与及"  # glued by jieba to the next name (与子牛亦东); 和 starts names too (和利时), so not it
PHOTO_CREDIT = "摄"  # 王丽摄: a caption's photographer, glued by jieba into one unknown word
WITHHELD = "某"  # 某公司, 王某: a name withheld by court and police news
_TITLE = re.compile(r"《[^《》]{0,40}》")
_PHASE = re.compile(r"[一二三四五六七八九十0-9]+期$")
_COUNTED = re.compile(r"[0-9一二三四五六七八九十两百千万]+[个家项人名位件座次批]")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9+\-]*$")
MAX_NAME = {"Park": 10, "Platform": 22, "Enterprise": 14}


def _alternation(words) -> re.Pattern | None:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in words))


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    cls: str
    subclass: str
    stage: str
    level: str = ""
    score: float = 0.8
    generic: bool = False


class Recognizer:
    """Ontology-driven recogniser: `mentions(text, sentences)` returns `Mention`s."""

    def __init__(self, lexicon: Lexicon, segmenter: Segmenter | None = None):
        self.lex = lexicon
        self.seg = segmenter or Segmenter(lexicon)
        self._type_words = {}
        for form, pt in lexicon.park_types.items():
            self._type_words[form] = ("Park", pt.cls, pt.level)
        for form, cls in lexicon.platform_types.items():
            self._type_words.setdefault(form, ("Platform", cls, ""))
        for form in lexicon.enterprise_legal_suffixes:
            self._type_words.setdefault(form, ("Enterprise", "Enterprise", ""))
        self._type_re = _alternation(self._type_words)
        self._industry_re = _alternation(w for w in lexicon.industry_labels if len(w) >= 2)
        self._cue_re = _alternation(lexicon.list_cues)
        self._trade_re = _alternation(lexicon.enterprise_trade_suffixes)
        self._predicate_re = _alternation(lexicon.enterprise_predicates)
        self._firm_generics = tuple(sorted(w for w, c in lexicon.generic.items()
                                           if c == "Enterprise" and len(w) >= 2))
        self._departments = sorted(w for w in lexicon.agency_words if len(w) >= 2 and w[-1] in "厅局部委")
        self._agency_endings = tuple(sorted(lexicon.agency_words))
        self._suffix_re = _alternation(lexicon.industry_suffixes)
        cue_words = (set(self._type_words) | set(lexicon.enterprise_trade_suffixes) | set(lexicon.industry_suffixes)
                     | set(lexicon.enterprise_predicates) | {"等", "为", "（", "("})
        self._grammar_cue_re = _alternation(cue_words)
        self._long_boundaries = sorted((w for w in lexicon.boundaries if len(w) >= 2 and w not in lexicon.regions),
                                       key=len, reverse=True)
        # words that a name never contains: boundaries and every trigger word
        self._stop_words = set(lexicon.boundaries) | set(lexicon.relation_triggers) | set(lexicon.target_triggers)
        self._stop_words |= set(lexicon.non_target_cues) | set(lexicon.year_expressions)
        self._stop_words -= set(lexicon.park_types) | set(lexicon.platform_types)

    def is_place(self, word: str) -> bool:
        """A region of the gazetteer (苏州, 常熟) or a place name jieba knows."""
        return word in self.lex.regions or self.seg.pos(word) == "ns"

    def _has_name_evidence(self, prefix: str, level: str, firm: bool = False) -> bool:
        """A park name needs a proper-name part: a place, an unknown word, Latin or digits,
        or (for parks inside zones) an industry name: 生命健康产业园."""
        if not prefix:
            return False
        if level == "subpark" and self.is_industry_name(prefix):
            return True
        for tok in self.seg.tokens(prefix):
            if tok.pos in NAME_POS or _LATIN.match(tok.word) or _NUMBER.match(tok.word) or self.is_place(tok.word):
                return True
            if firm and len(tok.word) >= 2 and self.seg.frequency(tok.word) < RARE_WORD:
                return True  # a rare word (小驴) is a likely name part of a firm or platform
        return any(self.is_place(prefix[:k]) for k in range(2, min(5, len(prefix)) + 1))

    # ------------------------------------------------------------ helpers
    def _name_like(self, tok: Token, inner_ok: bool = False) -> bool:
        if inner_ok and tok.word in self.lex.name_parts:
            return True
        w = tok.word
        if not w or any(ch in PUNCT for ch in w):
            return False
        if w in self._stop_words or w in TIME_WORDS:
            return False
        if _NUMBER.match(w):
            return len(w) <= MAX_NAME_DIGITS  # 798艺术区 is a name; 85571000贵安新区 ends a phone number
        if _LATIN.match(w):
            return True
        if tok.pos == UNKNOWN:
            return True
        return tok.pos not in STOP_POS

    def _walk_back(self, tokens: list[Token], text: str, base: int, start: int, limit: int,
                   floor: int, park: bool = False, inner_ok: bool = False, stop_generic: bool = False,
                   firm: bool = False) -> int:
        """Leftmost offset of the name that ends with the type word at `start`.

        For parks a place name is the left edge: once the walk has taken a place
        (苏州, 宜春丰城), it stops at the first word that is not one; and it never
        crosses another park type word (…产业园区燕郊高新区).
        """
        seen_place = False
        i = len(tokens) - 1
        while i >= 0 and tokens[i].start >= start:
            i -= 1
        left = start
        if i >= 0 and tokens[i].end > start:
            # a token straddles the type word: its left part belongs to the name
            part = text[tokens[i].start - base:start - base]
            if part and not any(ch in PUNCT for ch in part) and part not in self.lex.boundaries:
                left = tokens[i].start
                seen_place = any(self.is_place(part[:k]) for k in range(2, min(6, len(part)) + 1))
            i -= 1
            if left == start:
                return start
        while i >= 0:
            tok = tokens[i]
            if tok.start < floor:
                break
            if tok.word in CLOSE_BRACKETS:
                j = i - 1
                while j >= 0 and tokens[j].word not in OPEN_BRACKETS and left - tokens[j].start <= 8:
                    j -= 1
                if j >= 0 and tokens[j].word in OPEN_BRACKETS and j - 1 >= 0 and self._name_like(tokens[j - 1]):
                    left = tokens[j].start
                    i = j - 1
                    continue
                break
            if not self._name_like(tok, inner_ok):
                break
            if tok.pos == UNKNOWN and len(tok.word) >= 2 and tok.word[0] in GLUED_CONJUNCTIONS and tok.end <= start:
                left = tok.start + 1  # 高新区与子牛亦东科技: jieba glued the conjunction to the name
                break
            if tok.pos == UNKNOWN and tok.word.endswith(PHOTO_CREDIT):
                break  # 王丽摄高新区…: a photo credit (name + 摄) ends the caption before the next sentence
            if tok.word == "月" and i > 0 and (_NUMBER.match(tokens[i - 1].word) or tokens[i - 1].pos == "m"):
                break  # 6月 is a date; 净月 is a name
            if start - tok.start > limit:
                break
            if stop_generic and tok.end < start and (tok.word in self.lex.generic or tok.word in self.lex.park_types):
                break
            if inner_ok and not park and left < start and (
                    self.lex.generic.get(tok.word) in ("Enterprise", "Platform")
                    or (firm and tok.word.endswith(self._firm_generics))):
                break  # 重点企业博迅医疗…有限公司: the generic word (or one ending in a firm's) is not part of the name
            if park:
                if tok.pos in PERSON_POS:
                    break  # 张国华代表雄安新区: a person never opens a park name
                place = self.is_place(tok.word)
                if seen_place and not place:
                    break
                if tok.word in self.lex.park_types or tok.word in self.lex.generic:
                    break
                seen_place = seen_place or place
            left = tok.start
            i -= 1
        if inner_ok:
            # a name never starts with a name-internal verb: 建设创新研究院 is not a name
            for tok in tokens:
                if tok.start == left and tok.end <= start and tok.word in self.lex.name_parts:
                    left = tok.end
        return left

    def _only_modifiers(self, prefix: str) -> bool:
        """True when `prefix` is made of generic modifiers alone (国家级, 该, 全省)."""
        if not prefix:
            return True
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

    def _strip_left_boundaries(self, name_start: int, type_start: int, text: str, base: int) -> int:
        """Drop boundary words jieba glued to the front of a name (做强中科院 -> 中科院)."""
        changed = True
        while changed:
            changed = False
            prefix = text[name_start - base:type_start - base]
            for size in range(min(4, len(prefix)), 0, -1):
                if prefix[:size] in self.lex.boundaries and len(prefix) > size:
                    name_start += size
                    changed = True
                    break
        return name_start

    # ------------------------------------------------------- the grammars
    def _type_word_candidates(self, sent: Sentence, tokens: list[Token]) -> list[Candidate]:
        out = []
        text, base = sent.text, sent.start
        if self._type_re is None:
            return out
        token_ends = {t.end for t in tokens}
        for m in self._type_re.finditer(text):
            cls, sub, level = self._type_words[m.group()]
            t_start, t_end = base + m.start(), base + m.end()
            if t_end not in token_ends and m.end() < len(text):
                continue  # 大学生, 大学城: the type word is inside a longer word
            # a type word followed by more name characters is not the end of a name
            name_start = self._walk_back(tokens, text, base, t_start, MAX_NAME[cls], base, park=cls == "Park",
                                         inner_ok=cls != "Park", firm=cls == "Enterprise")
            name_start = self._strip_left_boundaries(name_start, t_start, text, base)
            prefix = text[name_start - base:t_start - base]
            cut = self._cut_point(prefix, cls)
            if cut:
                name_start += cut
                prefix = prefix[cut:]
            if cls == "Park":
                department = self._after_department(prefix)
                if department == len(prefix) and prefix:
                    continue  # 商务厅开发区处, 商务部自贸区: an office or the business of a department
                if department:  # 青岛海警局及西海岸新区: the park's name starts after the department
                    name_start = self._strip_left_boundaries(name_start + department, t_start, text, base)
                    prefix = text[name_start - base:t_start - base]
            generic = (self._only_modifiers(prefix) or self._starts_with_scale(prefix)
                       or (cls == "Park" and self._province_and_modifiers(prefix))
                       or bool(re.search(r"[0-9一二三四五六七八九十两百千几]+(?:多|来|余)?[个大家所座处]", prefix))
                       or "+" in prefix)
            if generic and cls != "Park":
                continue
            if WITHHELD in prefix:
                continue  # 某电商公司, 某园区: a name withheld (court and police news), not a name
            if cls == "Enterprise" and len(prefix) < 2:
                continue
            if cls != "Park":
                name = text[name_start - base:t_end - base]
                if name in self.lex.generic or prefix in self.lex.generic or not (
                        self._has_name_evidence(prefix, "", firm=cls == "Enterprise")
                        or (cls == "Platform" and self._names_a_field(prefix))):
                    continue
                rest = prefix[self._leading_place_or_scale(prefix):] if len(prefix) > 2 else prefix
                if rest != prefix and rest and self._only_modifiers(rest.replace("省级", "").replace("市级", "")):
                    continue  # 河北省级创新平台: a class of platforms in a province
            if cls == "Park" and any(w in prefix for w in self.lex.non_park_words):
                continue  # 三江源国家公园澜沧江源园区: a nature reserve, not a zone
            if cls == "Park" and not generic and self._is_region_name(text[name_start - base:t_end - base]):
                continue  # 浦东新区, 滨海新区: a district of the regions gazetteer
            if sub == "IndustryAlliance" and not self._technical(prefix):
                continue  # 阿卡贝拉联盟: not an industry or technology alliance
            if cls == "Park" and not generic:
                split = self._trailing_modifier(prefix)
                if split:
                    # 苏州BioBAY先进园区: a named park, then a generic apposition
                    name_end = name_start + split
                    out.append(Candidate(name_start, name_end, "Park", "Park", "grammar:apposition", level, 0.7))
                    out.extend(self._enumeration_items(text, base, name_start - base, "Park", tokens,
                                                       require_list=True))
                    continue
                if not self._has_name_evidence(prefix, level):
                    generic = True
                elif self._is_slogan(text, name_start - base, sub):
                    continue
            out.append(Candidate(name_start, t_end, cls, sub, "grammar:type-word", level,
                                 0.85 if not generic else 0.5, generic))
        return out

    def _after_department(self, prefix: str) -> int:
        """The offset in `prefix` just after the last government department in it (商务厅, 海警局), else 0.

        Departments (the lexicon's agency words ending in 厅, 局, 部 or 委) are never
        part of a park's name; words like 街道 or 社区 can be, so they do not count.
        """
        ends = [prefix.rfind(w) + len(w) for w in self._departments if w in prefix]
        return max(ends, default=0)

    def _cut_point(self, prefix: str, cls: str) -> int:
        """Where a name really starts inside a walked-back prefix: after the last single-character
        function word (是, 的, 出) standing alone or glued into a word jieba did not know (位是),
        and, for parks and platforms, after the last boundary word hidden inside another token
        (做优做强中科院 -> 中科院). Known words keep their characters: 华为 is not cut at 为."""
        total = 0
        while True:
            rest = prefix[total:]
            cut = 0
            for tok in self.seg.tokens(rest):
                if len(tok.word) == 1 and tok.word in CUT_CHARS and not (cls == "Platform" and tok.word in "与和"):
                    cut = tok.end
                elif tok.pos == UNKNOWN and len(tok.word) > 1:
                    # 出迈为 -> 迈为 (a function character glued in front); 位是 -> nothing left
                    if tok.word[0] in CUT_CHARS:
                        cut = max(cut, tok.start + 1)
                    elif tok.word[-1] in END_CUT_CHARS:
                        cut = max(cut, tok.end)
            for word in self._long_boundaries:
                k = rest.rfind(word)
                if k >= 0 and k + len(word) < len(rest) and (cls != "Enterprise" or k == 0):
                    cut = max(cut, k + len(word))
            if cut == 0:
                return total
            if cut >= len(rest):
                return total + len(rest)  # nothing of a name is left: 先进位是 -> ''
            total += cut

    def _only_places(self, name: str) -> bool:
        """Every word of `name` is a place (盐城滨海, 江苏南京)."""
        toks = self.seg.tokens(name)
        return bool(toks) and all(self.is_place(t.word) for t in toks)

    def _is_region_name(self, name: str) -> bool:
        """The whole name (or the name after its city) is a district: 天津市滨海新区."""
        if name in self.lex.regions:
            return True
        for size in range(2, min(5, len(name) - 2) + 1):
            if self.is_place(name[:size]) and name[size:] in self.lex.regions:
                return True
        return False

    def _names_a_field(self, prefix: str) -> bool:
        """氢能研究中心: a platform named by the industry it serves (a taxonomy word, not 产业/技术)."""
        m = self._industry_re.search(prefix) if self._industry_re is not None else None
        return m is not None and len(m.group()) >= 2 and m.group() not in self.lex.modifiers

    def _technical(self, prefix: str) -> bool:
        """An industry or technology word in an alliance's name (氢燃料电池协同创新联盟)."""
        if self._industry_re is not None and self._industry_re.search(prefix):
            return True
        return any(w in prefix for w in ("产业", "技术", "创新", "科技", "研发", "标准", "工业", "制造", "数字", "智能"))

    def _province_and_modifiers(self, prefix: str) -> bool:
        """江苏省国家高新区: the national zones of a province, not one zone."""
        for size in range(min(8, len(prefix)), 1, -1):
            iri = self.lex.regions.get(prefix[:size])
            if iri and iri.endswith("0000") and not iri.endswith(MUNICIPALITY_CODES):
                return self._only_modifiers(prefix[size:])
        return False

    def _starts_with_scale(self, prefix: str) -> bool:
        """千亿级钒钛产业园区: a park to be built to a scale is a goal, not a name."""
        return any(prefix.startswith(w) for w in self.lex.scales)

    def _trailing_modifier(self, prefix: str) -> int:
        """Length of the name before a trailing generic modifier (苏州BioBAY|先进), or 0."""
        for size in range(min(4, len(prefix) - 2), 1, -1):
            if prefix[-size:] in self.lex.apposition_modifiers and self._has_name_evidence(prefix[:-size], "zone"):
                return len(prefix) - size
        return 0

    def _is_slogan(self, text: str, start: int, subclass: str) -> bool:
        """打造开放发展样板区: a positioning slogan, not a named area."""
        before = text[max(0, start - 4):start]
        return subclass in ("FunctionalArea", "Park") and any(before.endswith(w) for w in SLOGAN_VERBS)

    def _list_candidates(self, sent: Sentence, tokens: list[Token]) -> list[Candidate]:
        """Items of enumerations: closed by 等 + a list cue, by a count + a cue
        (…规上服务7个百亿级…产业集群), or framed as 以A、B为主导/为核心."""
        out = []
        text, base = sent.text, sent.start
        if self._cue_re is None:
            return out
        cue_pattern = "(" + self._cue_re.pattern + ")"
        for m in re.finditer(r"等", text):
            after = text[m.end():m.end() + 16]
            cue = re.match(r"(?:一批|一大批|众多|多家|近?[0-9一二三四五六七八九十两百几多余]+[个家大项类批所])?[“”\"]?"
                           r"(?:[^，。；、]{0,10}?)" + cue_pattern, after)
            if not cue:
                continue
            cls = self.lex.list_cues[cue.group(1)]
            out.extend(self._enumeration_items(text, base, m.start(), cls, tokens,
                                               weak_cue=cue.group(1) in WEAK_FIRM_CUES))
        for m in re.finditer(r"(?<![0-9、，。；等])[0-9一二三四五六七八九十两]+(?:个|大)[“”\"]?", text):
            after = text[m.end():m.end() + 22]
            cue = re.match(r"[^，。；]{0,16}?" + cue_pattern, after)
            if not cue or self.lex.list_cues[cue.group(1)] != "Industry":
                continue
            if "、" not in text[max(0, m.start() - 40):m.start()]:
                continue
            out.extend(self._enumeration_items(text, base, m.start(), "IndustryStrict", tokens))
        if self._predicate_re is not None:
            for m in self._predicate_re.finditer(text):
                if m.start() == 0 or text[m.start() - 1] in PUNCT:
                    continue
                out.extend(self._enumeration_items(text, base, m.start(), "EnterpriseStrict", tokens, after_yi=True))
        for m in re.finditer(r"为(?:核心|主导|支撑|引领|重点|龙头|主体|主攻方向|特色|首位|基础|补充)", text):
            out.extend(self._enumeration_items(text, base, m.start(), "IndustryStrict", tokens, after_yi=True))
        return out

    def _enumeration_items(self, text: str, base: int, end: int, cls: str,
                           tokens: list[Token], require_list: bool = False,
                           after_yi: bool = False, weak_cue: bool = False) -> list[Candidate]:
        """Split the enumeration that ends at `end` into items."""
        if require_list and not text[:end].endswith("、"):
            return []
        clause_start = max(text.rfind(ch, 0, end) for ch in "，。；：,;:！？") + 1
        framed = False
        if after_yi:
            yi = text.rfind("以", clause_start, end)
            if yi >= 0:
                clause_start, framed = yi + 1, True
        segment = text[clause_start:end]
        parts = []
        pos = clause_start
        for piece in re.split(r"(、|以及)", segment):  # …核心区以及姑苏实验室: 以及 separates items too
            if piece in ("、", "以及"):
                pos += len(piece)
                continue
            parts.append((pos, pos + len(piece)))
            pos += len(piece)
        items = []
        for idx, (s, e) in enumerate(parts):
            if idx == 0 and e > s and not framed:
                s = self._walk_back(tokens, text, base, base + e, 30, base + s, stop_generic=True) - base
                s = self._strip_left_boundaries(base + s, base + e, text, base) - base
                s += self._cut_point(text[s:e], "List")
                s += self._leading_context_verb(text[s:e])
            items.append((s, e))
        spans = []
        for s, e in items:
            item = text[s:e].strip("“”\"' ")
            if not item:
                continue
            lead = text[s:e].find(item)
            spans.extend(self._split_conjunction(s + lead, s + lead + len(item), text))
        return self._classify_items(spans, text, base, cls, weak_cue)

    def _leading_context_verb(self, item: str) -> int:
        """发展新一代信息技术 -> skip 发展 when the rest is an industry name."""
        for verb in sorted(self.lex.industry_context, key=len, reverse=True):
            if len(verb) >= 2 and item.startswith(verb) and self.is_industry_name(item[len(verb):]):
                return len(verb)
        return 0

    def is_trade_name(self, name: str) -> bool:
        """A company short name: a name-like part + a trade word (小牛科技, 春光新材料), where
        the part is not itself an industry or a generic word (量子科技 is an industry)."""
        if self.strip_industry_suffix(name) in self.lex.industry_labels or name in self.lex.generic:
            return False
        for suffix in sorted(self.lex.enterprise_trade_suffixes, key=len, reverse=True):
            if name.endswith(suffix) and 2 <= len(name) - len(suffix) <= 5:
                part = name[: -len(suffix)]
                if (part in self.lex.industry_labels or part in self.lex.industry_heads or part in self.lex.modifiers
                        or part in self._stop_words or self.is_industry_name(part)):
                    return False
                if any(part.endswith(t) for t in self.lex.platform_types):
                    return False  # 四川大学生物(治疗…实验室): a university's field, not a firm
                toks = self.seg.tokens(part)
                if any(t.pos in STOP_POS for t in toks):
                    return False
                return all(t.pos in NAME_POS or self.seg.frequency(t.word) < 500 for t in toks)
        return False

    def is_industry_name(self, name: str) -> bool:
        """A taxonomy label, or a name ending in an industry head word (钒钛机械制造)."""
        core = self.strip_industry_suffix(name)
        if core in self.lex.industry_labels:
            return True
        return any(core.endswith(h) and len(core) > len(h) for h in self.lex.industry_heads)

    def strip_industry_suffix(self, name: str) -> str:
        """生物医药产业 -> 生物医药 (never below two characters)."""
        for suffix in self.lex.industry_suffixes:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                return name[: -len(suffix)]
        return name

    def _split_conjunction(self, s: int, e: int, text: str) -> list[tuple[int, int]]:
        """大数据和云计算 -> two items when each side is a complete industry name."""
        item = text[s:e]
        for conj in ("和", "及"):
            k = item.find(conj)
            if 0 < k < len(item) - 1:
                left, right = item[:k], item[k + 1:]
                if self.is_industry_name(left) and self.is_industry_name(right):
                    return [(s, s + k), (s + k + 1, e)]
        return [(s, e)]

    def _classify_items(self, spans, text, base, cue_cls, weak_cue: bool = False) -> list[Candidate]:
        names = [text[s:e] for s, e in spans]
        industries = [self.is_industry_name(n) and not self.is_trade_name(n) for n in names]
        mostly_industry = sum(industries) * 2 > len(names)
        out = []
        strict = cue_cls == "IndustryStrict"
        evidenced = [self._has_name_evidence(n, "", firm=True) for n in names]
        list_evidence = sum(evidenced) * 2 >= len(names) and len(names) >= 2
        for (s, e), name, is_ind in zip(spans, names, industries):
            core = self.strip_industry_suffix(name)
            if _PHASE.fullmatch(name) or name in self.lex.list_cues or _COUNTED.search(name):
                continue
            if cue_cls in ("Enterprise", "EnterpriseStrict") and self.is_trade_name(name):
                out.append(Candidate(base + s, base + e, "Enterprise", "Enterprise", "grammar:list", "", 0.75))
                continue
            if cue_cls == "EnterpriseStrict":
                if (2 <= len(name) <= 8 and not is_ind and name not in self.lex.generic
                        and self._typed_item(name) is None  # 河南自贸试验区挂牌: the type word classes it
                        and not self._only_places(name)  # (工作站)在盐城滨海挂牌: a place, not a firm
                        and not name.endswith(self._agency_endings)  # 渝北社区入选: a community
                        and not self._has_boundary(name) and self._has_name_evidence(name, "", firm=True)
                        and not self._has_verb(name)):
                    out.append(Candidate(base + s, base + e, "Enterprise", "Enterprise", "grammar:predicate", "", 0.6))
                continue
            if strict:  # 以钒钛新材料为主导: the frame says industry, even where the name could be a firm's
                if self.is_industry_name(name) and 2 <= len(core) <= 12 and not self._has_boundary(name):
                    out.append(Candidate(base + s, base + e, "Industry", "Industry", "grammar:list", "", 0.7))
                continue
            typed = self._typed_item(name)
            if typed is not None:
                cls, sub, level = typed
                out.append(Candidate(base + s, base + e, cls, sub, "grammar:list", level, 0.75))
                continue
            if (cue_cls == "Industry" and (is_ind or mostly_industry)) or (
                    cue_cls != "Industry" and is_ind and (mostly_industry or core in self.lex.industry_labels)):
                if 2 <= len(core) <= 12 and not self._has_boundary(name):
                    out.append(Candidate(base + s, base + e, "Industry", "Industry", "grammar:list", "", 0.75))
                continue
            if cue_cls == "Industry":
                continue
            limit = {"Enterprise": 10, "Platform": 20, "Park": 16}.get(cue_cls, 10)
            if cue_cls == "Enterprise" and (self._has_verb(name) or not (
                    list_evidence or self._has_name_evidence(name, "", firm=True))):
                continue
            if cue_cls == "Enterprise" and any(name.endswith(w) for w in self.lex.facility_words):
                continue
            if cue_cls == "Enterprise" and name.endswith(self._agency_endings):
                continue  # 政府中小企业服务部门: a department, not a firm
            if cue_cls in ("Enterprise", "Platform") and self._only_places(name):
                continue  # 来自汕尾、惠州、增城等地: places
            if cue_cls == "Platform" and not self._has_name_evidence(name, "", firm=True):
                continue  # 依托教学、科研、生产等资源载体: activities, not platforms
            if cue_cls == "Enterprise" and weak_cue and not (self.is_trade_name(name) or self._has_strong_evidence(name)
                                                             or list_evidence and self._all_name_like(name)):
                continue  # 煤制烯烃等项目: products and works, not firms
            if (2 <= len(name) <= limit and not self._has_boundary(name) and name not in self.lex.generic
                    and name not in self._type_words and not _COUNTED.search(name)):
                out.append(Candidate(base + s, base + e, cue_cls, cue_cls, "grammar:list", "", 0.7))
        return out

    def _all_name_like(self, name: str) -> bool:
        """Every word of `name` is a proper-name word (nz, nr, ns, x?): 健适医疗 is not, 华瑞 is."""
        toks = self.seg.tokens(name)
        return bool(toks) and sum(t.pos in NAME_POS for t in toks) * 2 >= len(toks)

    def _has_verb(self, name: str) -> bool:
        """区领导调研爱心暑托班: a phrase with a verb is no company name."""
        return any(t.pos in ("v", "vd", "vg") and len(t.word) >= 2 and t.word not in self.lex.name_parts
                   for t in self.seg.tokens(name))

    def _typed_item(self, name: str):
        """A list item that ends with a type word is classed by it (生命科学园二期 -> Park)."""
        core = _PHASE.sub("", name)
        for form in sorted(self._type_words, key=len, reverse=True):
            if core.endswith(form) and len(core) > len(form):
                prefix = core[: -len(form)]
                if self._only_modifiers(prefix):
                    return None
                return self._type_words[form]
        return None

    def _has_boundary(self, name: str) -> bool:
        """An item with punctuation, a boundary word or a lone function character is no name."""
        return any(ch in PUNCT for ch in name) or any(
            (len(tok.word) >= 2 and tok.word in self._stop_words) or (len(tok.word) == 1 and tok.word in CUT_CHARS)
            or tok.pos in ("p", "c", "uj")
            for tok in self.seg.tokens(name))

    def _trade_name_candidates(self, sent: Sentence, tokens: list[Token]) -> list[Candidate]:
        """Company short names outside lists: a rare or proper-name word + a trade word that
        opens a clause or stands by a conjunction (重塑科技和金龙客车联合研发, 华进半导体获…)."""
        out = []
        if self._trade_re is None:
            return out
        text, base = sent.text, sent.start
        token_ends = {t.end for t in tokens}
        for m in self._trade_re.finditer(text):
            end = base + m.end()
            if end not in token_ends and m.end() < len(text):
                continue
            start = self._walk_back(tokens, text, base, base + m.start(), 5, base, inner_ok=True,
                                    stop_generic=True) - base
            name = text[start:m.end()]
            if len(name) <= len(m.group()) or not self.is_trade_name(name):
                continue
            before = text[max(0, start - 1):start]
            after = text[m.end():m.end() + 1]
            if not (start == 0 or before in "，。；：、（(“\"和与及" or before == ""):
                continue
            next_tok = next((t for t in tokens if t.start == end), None)
            if (after and after not in "，。；：、）)”\"和与及等获跨在将于的" and not after.isdigit()
                    and not (next_tok is not None and next_tok.pos in ("v", "vd", "p"))):
                continue
            out.append(Candidate(base + start, end, "Enterprise", "Enterprise", "grammar:trade-name", "", 0.6))
        return out

    def _industry_phrases(self, sent: Sentence, tokens: list[Token]) -> list[Candidate]:
        """Industries named by their frame rather than a list: 以伊利乳业为代表的食品饮料,
        产业集群（电子元器件及设备制造）, 钒钛产业 (a name-like phrase before 产业)."""
        out = []
        text, base = sent.text, sent.start
        for m in re.finditer(r"为代表的([^、，。；：0-9一二三四五六七八九十两]{2,10}?)(?=[、，。；]|[0-9一二三四五六七八九十两]+大|等|产业)", text):
            out.append(Candidate(base + m.start(1), base + m.end(1), "Industry", "Industry", "grammar:frame", "", 0.7))
        for m in re.finditer(r"(?:产业集群|产业|集群|领域)[（(]([^（）()，。、]{2,16})[）)]", text):
            name = m.group(1)
            if self.is_industry_name(name) or self._has_name_evidence(name, "subpark"):
                out.append(Candidate(base + m.start(1), base + m.end(1), "Industry", "Industry", "grammar:frame", "", 0.7))
        out.extend(self._bare_industry_lists(text, base, tokens))
        for m in re.finditer(r"(?:制造|服务)业(?=规模|产值|增加值|企业|总产值|营收|收入|占|实现|保持|达)", text):
            # 机械制造业规模以上工业总产值…: an industry named by its statistics
            start = self._walk_back(tokens, text, base, base + m.start(), 6, base, stop_generic=True) - base
            name = text[start:m.end()]
            if start < m.start() and self.is_industry_name(name) and not self._has_boundary(name) \
                    and not self._only_modifiers(text[start:m.start()]):
                out.append(Candidate(base + start, base + m.end(), "Industry", "Industry", "grammar:industry-suffix", "", 0.6))
        for m in self._suffix_re.finditer(text):
            end = m.start()
            if end < 2:
                continue
            start = self._walk_back(tokens, text, base, base + end, 8, base, stop_generic=True,
                                    inner_ok=True) - base
            start += self._cut_point(text[start:end], "List")
            start += self._leading_context_verb(text[start:end])
            start += self._leading_place_or_scale(text[start:end])
            name = text[start:end]
            if start > 0 and text[start - 1] in "”\"'":
                continue  # “特”色服务业: a quoted character, not a name start
            if not re.fullmatch(r"[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]*", name):
                continue
            if (len(name) < 2 or self._only_modifiers(name) or name in self.lex.role_triggers or name in self.lex.generic
                    or name in self.lex.list_cues or re.search(r"[0-9一二三四五六七八九十两]", name)
                    or self._has_boundary(name) or name in self._stop_words):
                continue
            if self.is_industry_name(name) or self._has_strong_evidence(name):
                out.append(Candidate(base + start, base + end, "Industry", "Industry", "grammar:industry-suffix", "", 0.65))
        return out

    def _clean_industry(self, c: Candidate, sent: Sentence):
        """Drop leading modifiers (国家级先进制造业 -> 先进制造业) and words that only look like
        industries (未来产业 -> 未来, 赋能产业 -> 赋能)."""
        text = sent.text[c.start - sent.start:c.end - sent.start]
        start = c.start
        for word in sorted(self.lex.level_modifiers, key=len, reverse=True):
            rest = text[len(word):]
            if text.startswith(word) and len(rest) >= 2 and self.is_industry_name(rest):
                start += len(word)
                text = rest
                break
        core = self.strip_industry_suffix(text)
        if (core in self.lex.role_triggers or core in self.lex.modifiers or core in self.lex.industry_context
                or core in self._stop_words or core in self.lex.generic):
            return None
        toks = self.seg.tokens(core)
        if len(toks) == 1 and toks[0].pos in ("v", "vd", "vn", "a", "ad") and core not in self.lex.industry_labels:
            return None
        return Candidate(start, c.end, c.cls, c.subclass, c.stage, c.level, c.score, c.generic)

    def _leading_place_or_scale(self, name: str) -> int:
        """河北省安全应急 -> 安全应急; 千亿级电子信息 -> 电子信息."""
        for word in sorted(self.lex.scales, key=len, reverse=True):
            if name.startswith(word):
                return len(word)
        for size in range(min(6, len(name) - 2), 1, -1):
            if self.is_place(name[:size]):
                return size
        return 0

    def _bare_industry_lists(self, text: str, base: int, tokens) -> list[Candidate]:
        """电子信息、装备制造、…、民生消费品“2+4”产业发展格局: an enumeration with no 等 that the
        clause calls industries; its items that look like industries are industries."""
        out = []
        for clause in re.finditer(r"[^，。；：！？]+", text):
            body = clause.group()
            if body.count("、") < 2:
                continue
            last = body.rfind("、")
            tail = re.search(r"[^、]*", body[last + 1:]).group()
            head = re.match(r"[\u4e00-\u9fff]{2,10}?(?=[“”\"0-9+]|等|两大|三大|四大|五大|产业|集群|领域)", tail)
            if not head or not re.search(r"产业|集群|领域|格局|体系", tail):
                continue
            end = clause.start() + last + 1 + head.end()
            out.extend(c for c in self._enumeration_items(text, base, end, "IndustryStrict", tokens)
                       if c.cls == "Industry")
        return out

    def _has_strong_evidence(self, name: str) -> bool:
        toks = self.seg.tokens(name)
        return any(t.pos in ("nz", "eng") for t in toks) and not any(self.is_place(t.word) for t in toks)

    def _industry_gazetteer(self, sent: Sentence) -> list[Candidate]:
        out = []
        if self._industry_re is None:
            return out
        text, base = sent.text, sent.start
        for m in self._industry_re.finditer(text):
            word = m.group()
            if word.isascii():
                left = text[m.start() - 1:m.start()]
                right = text[m.end():m.end() + 1]
                if (left and left.isascii() and left.isalnum()) or (right and right.isascii() and right.isalnum()):
                    continue
            if not self._industry_context(text, m.start(), m.end()):
                continue
            for a, b in self._split_conjunction(m.start(), m.end(), text):
                out.append(Candidate(base + a, base + b, "Industry", "Industry", "gazetteer:taxonomy", "", 0.9))
        return out

    def _industry_context(self, text: str, start: int, end: int) -> bool:
        """A taxonomy word names an industry when 产业/行业/集群 follows it or a development
        verb (打造, 培育, 聚焦) stands right before it."""
        after = text[end:end + 4]
        if after.startswith(tuple(self.lex.industry_suffixes)) or after.startswith(("领域", "赛道", "等产业", "等新兴", "等未来", "等领域", "等行业", "等主导")):
            return True
        before = text[max(0, start - 4):start]
        if any(before.endswith(v) for v in self.lex.industry_context):
            return True
        # an item of an enumeration that the clause goes on to call industries (…、生物医药、…“2+4”产业格局)
        if text[end:end + 1] in ("、", "和", "及") or text[start - 1:start] == "、":
            rest = re.split(r"[，。；：！？]", text[end:], maxsplit=1)[0][:40]
            return any(w in rest for w in ("产业", "集群", "领域", "行业", "赛道"))
        return False

    # ------------------------------------------------------------ public
    def sentence_candidates(self, sent: Sentence) -> list[Candidate]:
        cands = self._industry_gazetteer(sent)
        if self._grammar_cue_re.search(sent.text):
            # segmenting is most of the cost: only sentences a name grammar can fire on pay it
            tokens = self.seg.tokens(sent.text, sent.start)
            cands += self._type_word_candidates(sent, tokens)
            cands += self._list_candidates(sent, tokens)
            cands += self._industry_phrases(sent, tokens)
            cands += self._trade_name_candidates(sent, tokens)
        titles = [(sent.start + m.start(), sent.start + m.end()) for m in _TITLE.finditer(sent.text)]
        out = []
        for c in cands:
            if c.cls == "Industry":
                c = self._clean_industry(c, sent)
                if c is None:
                    continue
            if any(a <= c.start and c.end <= b for a, b in titles):
                continue  # inside 《…》: a title of a document, game or show, not a name
            lead = sent.text[c.start - sent.start:c.end - sent.start]
            trimmed = len(lead) - len(lead.lstrip("-—–·.、"))
            if trimmed:
                c = Candidate(c.start + trimmed, c.end, c.cls, c.subclass, c.stage, c.level, c.score, c.generic)
            if c.end - c.start >= 2:
                out.append(c)
        return out

    def mentions(self, doc_id: str, text: str, sentences: list[Sentence]) -> list[Mention]:
        from kg.extract.classify import resolve_candidates

        out = []
        for sent in sentences:
            cands = self.sentence_candidates(sent)
            out.extend(resolve_candidates(doc_id, text, cands, self.lex))
        return out
