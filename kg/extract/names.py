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
            "q", "f", "y", "e", "o", "zg", "ad", "t", "tg", "df", "ng", "mq", "vg", "dg"}
PUNCT = set("，。、；：！？,.;:!?“”\"'‘’《》<>「」『』【】[]—…·/\\|~～　 \n\t()（）")
LIST_SEPARATORS = "、"
OPEN_BRACKETS = "（("
CLOSE_BRACKETS = "）)"
_NUMBER = re.compile(r"^[0-9０-９.]+$")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9+\-]*$")
MAX_NAME = {"Park": 16, "Platform": 22, "Enterprise": 14}


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

    # ------------------------------------------------------------ helpers
    def _name_like(self, tok: Token) -> bool:
        w = tok.word
        if not w or any(ch in PUNCT for ch in w):
            return False
        if w in self.lex.boundaries:
            return False
        if _NUMBER.match(w) or _LATIN.match(w):
            return True
        if tok.pos == UNKNOWN:
            return True
        return tok.pos not in STOP_POS

    def _walk_back(self, tokens: list[Token], text: str, base: int, start: int, limit: int,
                   floor: int) -> int:
        """Leftmost offset of the name that ends with the type word at `start`."""
        i = len(tokens) - 1
        while i >= 0 and tokens[i].start >= start:
            i -= 1
        left = start
        if i >= 0 and tokens[i].end > start:
            # a token straddles the type word: its left part belongs to the name
            part = text[tokens[i].start - base:start - base]
            if part and not any(ch in PUNCT for ch in part) and part not in self.lex.boundaries:
                left = tokens[i].start
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
            if not self._name_like(tok):
                break
            if start - tok.start > limit:
                break
            left = tok.start
            i -= 1
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
        for m in self._type_re.finditer(text):
            cls, sub, level = self._type_words[m.group()]
            t_start, t_end = base + m.start(), base + m.end()
            # a type word followed by more name characters is not the end of a name
            name_start = self._walk_back(tokens, text, base, t_start, MAX_NAME[cls], base)
            name_start = self._strip_left_boundaries(name_start, t_start, text, base)
            prefix = text[name_start - base:t_start - base]
            generic = self._only_modifiers(prefix)
            if generic and cls != "Park":
                continue
            if cls == "Enterprise" and len(prefix) < 2:
                continue
            out.append(Candidate(name_start, t_end, cls, sub, "grammar:type-word", level,
                                 0.85 if not generic else 0.5, generic))
        return out

    def _list_candidates(self, sent: Sentence, tokens: list[Token]) -> list[Candidate]:
        """Items of enumerations closed by 等 + a list cue (or by the cue directly)."""
        out = []
        text, base = sent.text, sent.start
        if self._cue_re is None:
            return out
        for m in re.finditer(r"等", text):
            after = text[m.end():m.end() + 14]
            cue = re.match(r"(?:一批|一大批|众多|多家|[0-9一二三四五六七八九十两百几多余]+[个家大项类批所])?[“”\"]?"
                           r"(?:[^，。；、]{0,6}?)(" + self._cue_re.pattern + ")", after)
            if not cue:
                continue
            cls = self.lex.list_cues[cue.group(1)]
            out.extend(self._enumeration_items(text, base, m.start(), cls, tokens))
        return out

    def _enumeration_items(self, text: str, base: int, end: int, cls: str,
                           tokens: list[Token]) -> list[Candidate]:
        """Split the enumeration that ends at `end` into items."""
        clause_start = max(text.rfind(ch, 0, end) for ch in "，。；：,;:！？") + 1
        segment = text[clause_start:end]
        parts = []
        pos = clause_start
        for piece in re.split(r"(、)", segment):
            if piece == "、":
                pos += 1
                continue
            parts.append((pos, pos + len(piece)))
            pos += len(piece)
        if len(parts) < 2 and cls != "Industry":
            # a single item before 等 is too weak a cue for names
            pass
        items = []
        for idx, (s, e) in enumerate(parts):
            if idx == 0:
                s = self._walk_back(tokens, text, base, base + e, 30, base + s) - base
                s = self._strip_left_boundaries(base + s, base + e, text, base) - base
            items.append((s, e))
        spans = []
        for s, e in items:
            item = text[s:e].strip("“”\"' ")
            if not item:
                continue
            lead = text[s:e].find(item)
            spans.extend(self._split_conjunction(s + lead, s + lead + len(item), text))
        return self._classify_items(spans, text, base, cls)

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

    def _classify_items(self, spans, text, base, cue_cls) -> list[Candidate]:
        names = [text[s:e] for s, e in spans]
        industries = [self.is_industry_name(n) for n in names]
        mostly_industry = sum(industries) * 2 > len(names)
        out = []
        for (s, e), name, is_ind in zip(spans, names, industries):
            core = self.strip_industry_suffix(name)
            if cue_cls == "Industry" or (is_ind and (mostly_industry or core in self.lex.industry_labels)):
                if 2 <= len(core) <= 12 and not self._has_boundary(name):
                    out.append(Candidate(base + s, base + e, "Industry", "Industry", "grammar:list", "", 0.75))
                continue
            limit = {"Enterprise": 10, "Platform": 20, "Park": 16}.get(cue_cls, 10)
            if 2 <= len(name) <= limit and not self._has_boundary(name) and name not in self.lex.generic:
                out.append(Candidate(base + s, base + e, cue_cls, cue_cls, "grammar:list", "", 0.7))
        return out

    def _has_boundary(self, name: str) -> bool:
        return any(ch in PUNCT for ch in name) or any(
            tok.word in self.lex.boundaries or tok.pos in ("v", "p", "c", "uj", "d")
            for tok in self.seg.tokens(name))

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
            out.append(Candidate(base + m.start(), base + m.end(), "Industry", "Industry",
                                 "gazetteer:taxonomy", "", 0.9))
        return out

    # ------------------------------------------------------------ public
    def sentence_candidates(self, sent: Sentence) -> list[Candidate]:
        tokens = self.seg.tokens(sent.text, sent.start)
        cands = self._type_word_candidates(sent, tokens)
        cands += self._list_candidates(sent, tokens)
        cands += self._industry_gazetteer(sent)
        return cands

    def mentions(self, doc_id: str, text: str, sentences: list[Sentence]) -> list[Mention]:
        from kg.extract.classify import resolve_candidates

        out = []
        for sent in sentences:
            cands = self.sentence_candidates(sent)
            out.extend(resolve_candidates(doc_id, text, cands, self.lex))
        return out
