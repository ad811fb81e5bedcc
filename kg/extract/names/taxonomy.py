"""Grammar `gazetteer:taxonomy` (v1): the industry taxonomy is a gazetteer: its labels are industries
where an industry context stands by them (…产业, 聚焦…, an enumeration the clause calls industries)."""
from __future__ import annotations

import re

from kg.extract.names import evidence as ev
from kg.extract.names.cues import FUNCTION_POS, CueIndex
from kg.extract.names.rules import Candidate, candidate
from kg.extract.segment import UNKNOWN
from kg.types import Sentence

NAME, VERSION = "gazetteer:taxonomy", 1
_CLAUSE_END = re.compile(r"[，。；：！？]")
_ITEM_EDGES = "、，。；：！？（）()“”"
_ITEM_TAIL = re.compile("[^" + _ITEM_EDGES + "等]*")
KIND_MODIFIER_REACH = 3  # characters between 类 and the noun for firms it classes (类科创型企业; 文创类互联网平台企业
# names a longer kind than 文创)
NAME_TAIL_REACH = 6  # characters of a name between 产业 and the type word or head that closes it (产业创新生态|联盟)
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")


def industry_context(cues: CueIndex, text: str, start: int, end: int) -> bool:
    """A taxonomy word names an industry when 产业/行业/集群 follows it or a development
    verb (打造, 培育, 聚焦) stands right before it."""
    if inside_a_name(cues, text, end) or text.startswith(cues.lex.words("worker-noun") + cues.lex.words("manner-noun"), end):
        return False  # 快递小哥, 医药人才, 智能制造新模式: the label says what the people do or what the way is
    after = text[end:end + 4]
    if after.startswith(tuple(cues.lex.industry_suffixes)) or after.startswith(cues.words["taxonomy_followers"]):
        return True
    before = text[max(0, start - 4):start]
    if before.endswith(tuple(cues.lex.industry_context)) or _kind_of_firms(cues, text, end):
        return True
    # an item of an enumeration that the clause goes on to call industries (…、生物医药、…“2+4”产业格局)
    if text[end:end + 1] == "、" or text[end:end + 1] in cues.words["industry_conjunctions"] or text[start - 1:start] == "、":
        rest = _CLAUSE_END.split(text[end:], maxsplit=1)[0][:40]
        called = any(w in rest for w in cues.words["clause_industry_words"]) or _next_item_kind_of_firms(cues, text, end)
        return called and _whole_item(cues, text, start, end)
    return False


def inside_a_name(cues: CueIndex, text: str, end: int) -> bool:
    """元宇宙产业创新园, 环保产业投资集团有限公司, 大健康产业创新生态联盟: after the label and 产业, more words of
    a name run on to a park's, a platform's or a firm's type word or a park's one-character head; the label is
    a word inside that name, which names no industry of its own (the annotation guide). Right after 产业
    (生物医药产业园) the type word makes a kind of park that the clause develops, so the label stays."""
    suffix = next((w for w in cues.lex.industry_suffixes if text.startswith(w, end)), "")  # longest first
    at = end + len(suffix)
    run = _HAN_RUN.match(text, at)
    if not suffix or run is None or text.startswith(cues.type_forms, at):
        return False
    tail = run.group()[:NAME_TAIL_REACH + 4]
    heads = {s for s, _e, _w in cues.type_gaz.find(tail) if 1 <= s <= NAME_TAIL_REACH}
    at_word = 0
    for tok in cues.tokens(tail):
        if at_word in heads or (2 <= at_word <= NAME_TAIL_REACH and tok.word in cues.open_heads):
            return True  # 创新|园: a one-character head the segmenter leaves on its own (as `open_head` reads it)
        if tok.pos in FUNCTION_POS or cues.is_place_token(tok) or tok.word[-1] in cues.words["cut_chars"]:
            return False  # 产业也纳入党建联盟, 产业龙头和创新平台, 产业仍为某地开发区的…: a clause goes on, no name
        at_word += len(tok.word)
    return False


def _kind_of_firms(cues: CueIndex, text: str, at: int) -> bool:
    """A kind marker at `at` with a noun for firms after it in its clause (生物医药类企业, 合成生物类初创企业,
    现代农业类项目): the label before it names the firms' industry; not before products or facilities
    (家电类产品, 体育类设施), nor where more nouns stand before the firms (文创类互联网平台企业: a longer kind)."""
    marker = next((w for w in cues.lex.words("kind-marker") if text.startswith(w, at)), "")
    if not marker:
        return False
    clause = _CLAUSE_END.split(text[at + len(marker):], maxsplit=1)[0]
    return any(0 <= clause.find(h) <= KIND_MODIFIER_REACH for h in cues.words["firm_heads"])


def names_kind_of_firms(cues: CueIndex, text: str, end: int) -> bool:
    """The label ending at `end` names the industry of the firms a kind marker classes, itself or as the item
    before another such label (智能制造和生物医药类企业)."""
    return _kind_of_firms(cues, text, end) or (
        text[end:end + 1] in ("、", *cues.words["industry_conjunctions"]) and _next_item_kind_of_firms(cues, text, end))


def _next_item_kind_of_firms(cues: CueIndex, text: str, end: int) -> bool:
    """智能制造和生物医药类企业: the item after the separator at `end` is a taxonomy label before a kind
    marker and a noun for firms, so the kind covers both items."""
    at = end + 1
    nxt = next(((s, e) for s, e, _w in cues.industry_gaz.find(text[at:at + 12]) if s == 0), None)
    return nxt is not None and _kind_of_firms(cues, text, at + nxt[1])


def _whole_item(cues: CueIndex, text: str, start: int, end: int) -> bool:
    """Where only the enumeration calls it an industry, the word is an item of its own, not a piece of a
    longer one (本草|日化、中药|植物提取物、空天|利用): words other than modifiers before it inside its item,
    or any but a conjunction or a boundary word after it, make the item another name."""
    opening = max(text.rfind(ch, 0, start) for ch in _ITEM_EDGES)
    if opening >= 0 and text[opening] == "、" and not cues.only_modifiers(text[opening + 1:start]) \
            and opening + 1 < start:
        return False
    after = text[end:end + 1]
    if _glued_tail(cues, text, end):
        return False  # 量子点、激光显示等: the item runs on past the label to its separator
    return not after or after in _ITEM_EDGES or text.startswith(
        cues.words["industry_conjunctions"] + cues.words["list_closers"] + tuple(cues.lex.boundaries), end)


def _glued_tail(cues: CueIndex, text: str, end: int) -> bool:
    """激光|显示等: one word of two characters or more (no role or industry word) between the label and the
    item's separator or 等 is part of the item, whatever the word (显示 is also a boundary word)."""
    tail_end = _ITEM_TAIL.match(text, end).end()
    tail = text[end:tail_end]
    if not tail or text[tail_end:tail_end + 1] not in ("、", "等"):
        return False
    words = cues.tokens(tail)
    return len(words) == 1 and len(tail) >= 2 and tail not in cues.lex.role_triggers \
        and tail not in cues.lex.industry_suffixes and tail not in cues.lex.industry_context


def _glued_to_latin(text: str, start: int, end: int) -> bool:
    left, right = text[start - 1:start], text[end:end + 1]
    return bool((left and left.isascii() and left.isalnum()) or (right and right.isascii() and right.isalnum()))


def _called_industry(cues: CueIndex, text: str, end: int) -> bool:
    """产业, 行业, 领域 … right after a span: the text calls the whole span an industry."""
    return text.startswith(tuple(cues.lex.industry_suffixes) + cues.words["taxonomy_followers"], end)


def _joined(cues: CueIndex, text: str, end: int, start: int) -> bool:
    """Nothing, or only a kind marker (文创类互联网平台产业: the kind the second label is), between two labels."""
    return end == start or any(end + len(w) == start and text.startswith(w, end) for w in cues.lex.words("kind-marker"))


def _chained(cues: CueIndex, text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """Labels written one after another with nothing between them, that the text then calls an industry
    (新能源光伏产业, 中医药大健康产业), or joined by a kind marker (文创类互联网平台产业), name one industry: the annotation guide splits a list only at a
    conjunction or a separator, so neither label alone is the name. Elsewhere (现代种业种源企业) each
    label stands alone."""
    spans: list[tuple[int, int]] = []
    for start, end, _word in sorted(found):
        if spans and _joined(cues, text, spans[-1][1], start) and _called_industry(cues, text, end):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def find(sent: Sentence, tokens, cues: CueIndex) -> list[Candidate]:
    out = []
    text, base = sent.text, sent.start
    found = cues.industry_gaz.find(text)
    starts = {t.start - base for t in tokens} if found else set()
    inside_known = {k for t in tokens if t.pos != UNKNOWN for k in range(t.start - base + 1, t.end - base)} if found else set()
    kept, cut_ends = [], set()
    for start, end, word in found:
        if word.isascii() and _glued_to_latin(text, start, end):
            continue
        if end < len(text) and end not in starts:
            continue  # 数字|人民币: the word ends inside the next word, it is no name of its own
        if start in inside_known:
            cut_ends.add(end)
            continue  # 民用航空领域: the word ends a longer word the dictionary knows, it names no industry alone
        if start in cut_ends:
            continue  # 集中|医药大健康: the label goes on a name begun by one read into a longer word, no name alone
        kept.append((start, end, word))
    for start, end in _chained(cues, text, kept):
        if not industry_context(cues, text, start, end):
            continue
        for a, b in ev.split_conjunction(cues, start, end, text):
            out.append(candidate("taxonomy", base + a, base + b, "Industry"))
    return out
