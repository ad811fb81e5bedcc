"""Grammar `grammar:list` (v1): enumerations name their items' class.

迈为、博众等一批企业 -> enterprises; 新能源、集成电路等领域 -> industries;
…规上服务7个百亿级…产业集群 (a count and a cue); 以A、B为主导 (a frame);
A、B入选… (a predicate: `grammar:predicate`); and, as `find_bare`, an
enumeration with no 等 that the clause calls industries (…、民生消费品“2+4”产业格局).
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.names.cues import PUNCT, CueIndex
from kg.extract.names.evidence import is_trade_name
from kg.extract.names.items import enumeration_items
from kg.extract.names.rules import Candidate, Mode
from kg.types import Sentence

NAME, VERSION = "grammar:list", 1
_DENG = re.compile(r"等")
_COUNT = re.compile(r"(?<![0-9、，。；等])[0-9一二三四五六七八九十两]+(?:个|大)[“”\"]?")
_CLAUSE = re.compile(r"[^，。；：！？]+")
_TAIL = re.compile(r"[^、]*")
_HEAD_END = re.compile(r"[、，。；]|[一二三四五六七八九十两0-9]|$")
HEAD_REACH = 10  # characters after a predicate's 的 searched for the head noun its items belong to
PRODUCT_REACH = 8  # characters after a list cue searched for the product word it modifies


@lru_cache(maxsize=8)
def _cue_patterns(cue_pattern: str, quantifier: str) -> tuple[re.Pattern, re.Pattern]:
    """(after 等, after a count) patterns ending in a list cue (group 1)."""
    cue = "(" + cue_pattern + ")"
    # 等一批科技含量高、实力强的企业: a modifier ending in 的 may itself be a list
    after_deng = re.compile(quantifier + r"?[“”\"]?(?:[^，。；、]{0,10}?|[^，。；]{0,14}?的)" + cue)
    after_count = re.compile(r"[^，。；]{0,16}?" + cue)
    return after_deng, after_count


def _closed_by_cue(cues: CueIndex, text: str, base: int, tokens, after_deng) -> list[Candidate]:
    out = []
    for m in _DENG.finditer(text):
        if text.startswith(cues.lex.words("person-list-head"), m.end()):
            continue  # 王宏伟、冯云平、赵川等人: a list of people, whatever noun comes after
        cue = after_deng.match(text[m.end():m.end() + 24])
        if cue and _inside_longer_word(cues, text, m.end() + cue.start(1), m.end() + cue.end()):
            continue  # 等侵害企业家权益: the cue's characters open a longer word (企业家, people), no cue
        if cue and any(w in cue.group(0) for w in cues.words["kind_quantifiers"]):
            continue  # 粮油、肉类等各类生产制造企业: the items are kinds of firms
        if cue and any(ch in cues.lex.words("phrase-break-character") for ch in cue.group(0)[:cue.start(1)]):
            continue  # 日常管理等各层面都能为企业…: the cue heads another phrase
        if cue and _products_after(cues, text, m.end() + cue.end()):
            continue  # A、B等园区企业科技成果展品: the cue modifies the items' head, exhibits, not firms
        if cue:
            weak = cue.group(1) in cues.words["weak_firm_cues"]
            between = cues.tokens(cue.group(0)[:cue.start(1)])
            if between and between[-1].pos in ("v", "vn") and (weak or _modifies_object(cues, text, m.end() + cue.end())):
                continue  # 等训练项目: an activity's projects are no firms (等一批高科技项目 are); 等侵害企业合法权益:
                # the cue modifies a verb's object (等创新企业, 等入驻企业 still list firms)
            mode = Mode.from_cue(cues.lex.list_cues[cue.group(1)])
            out.extend(enumeration_items(cues, text, base, m.start(), mode, tokens, weak_cue=weak))
    return out


def _inside_longer_word(cues: CueIndex, text: str, start: int, end: int) -> bool:
    """The segmenter reads the cue at ``text[start:end]`` as the start of a longer word that is no cue
    and no type word either (企业|家: people; 产业|园区 still ends a list of parks)."""
    after = cues.tokens(text[start:end + PRODUCT_REACH])
    return bool(after) and len(after[0].word) > end - start and after[0].word not in cues.type_words


def _modifies_object(cues: CueIndex, text: str, at: int) -> bool:
    """The cue that ends at `at`, after a verb, runs into a noun of the same phrase (等侵害企业|合法权益的…):
    it modifies the verb's object, the head of the items is further on."""
    rest = _CLAUSE.match(text, at)
    after = cues.tokens(rest.group()[:PRODUCT_REACH]) if rest else []
    return bool(after) and after[0].pos == "n"


def _products_after(cues: CueIndex, text: str, at: int) -> bool:
    """A product word (展品, 产品, 成果) follows the cue within its clause's next few characters."""
    rest = _CLAUSE.match(text, at)
    return bool(rest) and any(w in rest.group()[:PRODUCT_REACH] for w in cues.lex.words("product-head"))


def _closed_by_count(cues: CueIndex, text: str, base: int, tokens, after_count) -> list[Candidate]:
    out = []
    for m in _COUNT.finditer(text):
        cue = after_count.match(text[m.end():m.end() + 22])
        if not cue or cues.lex.list_cues[cue.group(1)] != "Industry":
            continue
        if "、" not in text[max(0, m.start() - 40):m.start()]:
            continue
        out.extend(enumeration_items(cues, text, base, m.start(), Mode.INDUSTRY_STRICT, tokens))
    return out


def _before_predicate(cues: CueIndex, text: str, base: int, tokens) -> list[Candidate]:
    out = []
    for begin, _end, _word in cues.predicate_gaz.find(text):
        if begin == 0 or text[begin - 1] in PUNCT or _heads_no_firms(cues, text, _end):
            continue
        adverb = next((a for a in cues.lex.words("predicate-adverb") if text.endswith(a, 0, begin)), "")
        begin -= len(adverb)  # A、B、C成功|入选: a list of firms; the adverb ends none of their names
        items = enumeration_items(cues, text, base, begin, Mode.ENTERPRISE_STRICT, tokens, after_yi=True)
        if "、" not in _CLAUSE.findall(text[:begin])[-1] and _word not in cues.lex.words("single-firm-predicate"):
            # 某区成功入选, 新鸡舍投产, 某某产品获评: what a lone item did is done by places, works and things as
            # often as by firms; a firm's short name (某某食品获评) or a frame (以某乳业为代表) still names one
            items = [c for c in items if is_trade_name(cues, text[c.start - base:c.end - base])]
        out.extend(items)
    return out


def _heads_no_firms(cues: CueIndex, text: str, end: int) -> bool:
    """以A、B为代表的特色农产品: a predicate that ends an attribute (…的) says what its head noun's members
    are; the items are firms only where that head names firms or the industry they stand for
    (…为代表的头部企业, …为代表的现代家居产业)."""
    if not text.startswith("的", end):
        return False
    head = _CLAUSE.match(text, end + 1)
    if head is None:
        return True
    if any(cls in ("Enterprise", "Industry") and w in head.group()[:HEAD_REACH] for w, cls in cues.lex.list_cues.items()):
        return False
    # 以某乳业为代表的食品饮料、以某医疗为代表的医用纺织…: an industry name that is the whole head
    return not any(cues.is_industry_name(head.group()[:k]) and _HEAD_END.match(text, head.start() + k)
                   for k in range(2, min(HEAD_REACH, len(head.group())) + 1))


def find(sent: Sentence, tokens, cues: CueIndex) -> list[Candidate]:
    """Items of enumerations: closed by 等 + a list cue, by a count + a cue, by a predicate,
    or framed as 以A、B为主导/为核心."""
    text, base = sent.text, sent.start
    if cues.cue_re is None:
        return []
    after_deng, after_count = _cue_patterns(cues.cue_re.pattern, cues.patterns["list_quantifier"])
    out = _closed_by_cue(cues, text, base, tokens, after_deng)
    out += _closed_by_count(cues, text, base, tokens, after_count)
    out += _before_predicate(cues, text, base, tokens)
    for m in cues.patterns["industry_frame"].finditer(text):
        out.extend(enumeration_items(cues, text, base, m.start(), Mode.INDUSTRY_STRICT, tokens, after_yi=True))
    return out


def find_bare(sent: Sentence, tokens, cues: CueIndex) -> list[Candidate]:
    """电子信息、装备制造、…、民生消费品“2+4”产业发展格局: an enumeration with no 等 that the
    clause calls industries; its items that look like industries are industries, never a firm's
    short name (麦杰科技: a rare word and a trade word)."""
    out = []
    text, base = sent.text, sent.start
    for clause in _CLAUSE.finditer(text):
        body = clause.group()
        if body.count("、") < 2:
            continue
        last = body.rfind("、")
        tail = _TAIL.search(body[last + 1:]).group()
        head = cues.patterns["bare_head"].match(tail)
        if not head or not cues.patterns["bare_cue"].search(tail):
            continue
        end = clause.start() + last + 1 + head.end()
        out.extend(c for c in enumeration_items(cues, text, base, end, Mode.INDUSTRY_STRICT, tokens)
                   if c.cls == "Industry" and not is_trade_name(cues, text[c.start - base:c.end - base]))
    return out
