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
from kg.extract.wordforms import either
from kg.types import Sentence

NAME, VERSION = "grammar:list", 1
_DENG = re.compile(r"等")
_COUNT = re.compile(r"(?<![0-9、，。；等])[0-9一二三四五六七八九十两]+(?:个|大)[“”\"]?")
_CLAUSE = re.compile(r"[^，。；：！？]+")
_TAIL = re.compile(r"[^、]*")
_ITEM_OPENINGS = "、，；：“”\"（("  # characters after which a list's item opens whole
_OWN_LIST_ENDS = "等()（）"  # a list closed by 等, or one in brackets, ends before a bare enumeration
_HEAD_END = re.compile(r"[、，。；]|[一二三四五六七八九十两0-9]|$")
HEAD_REACH = 10  # characters after a predicate's 的 searched for the head noun its items belong to
ATTRIBUTE_REACH = 22  # characters of an attribute ending in 的 between 等 and its cue (等支撑…产业的老牌企业)
SECTOR_HEAD_REACH = 8  # characters after a sector cue searched for a noun for firms it modifies
PRODUCT_REACH = 8  # characters after a list cue searched for the product word it modifies


@lru_cache(maxsize=8)
def _cue_patterns(cue_pattern: str, quantifier: str) -> tuple[re.Pattern, re.Pattern]:
    """(after 等, after a count) patterns ending in a list cue (group 1)."""
    cue = "(" + cue_pattern + ")"
    # 等一批科技含量高、实力强的企业: a modifier ending in 的 may itself be a list
    after_deng = re.compile(quantifier + r"?[“”\"]?(?:[^，。；、]{0,10}?|[^，。；]{0,%d}?的[^，。；、的]{0,4}?)" % ATTRIBUTE_REACH + cue)
    after_count = re.compile(r"[^，。；]{0,16}?" + cue)
    return after_deng, after_count


def _closed_by_cue(cues: CueIndex, text: str, base: int, tokens, after_deng) -> list[Candidate]:
    out = []
    for m in _DENG.finditer(text):
        if _people_after(cues, text, m.end()):
            continue  # 王宏伟、冯云平、赵川等人, 某某等包保干部: a list of people, whatever noun comes after
        cue = after_deng.match(text[m.end():m.end() + ATTRIBUTE_REACH + 14])
        if cue is None or _no_list_cue(cues, text, m.end(), cue):
            continue
        weak = cue.group(1) in cues.words["weak_firm_cues"]
        cls = _head_class(cues, cue.group(1), text[m.end() + cue.end():])
        weak = weak or cls != cues.lex.list_cues[cue.group(1)]  # 等行业领军企业: each item needs a name's evidence
        sector = _sector_cue(cues, cue.group(0)[:cue.start(1)], cue.group(1), text[m.end() + cue.end():])
        items = enumeration_items(cues, text, base, m.start(), Mode.from_cue(cls), tokens, weak_cue=weak, sector_cue=sector)
        if _project_cue(cues, cue.group(1), text[m.end() + cue.end():]):
            items = [c for c in items if c.cls != "Industry" or _standing_alone(cues, text, base, c, tokens)]
        if weak and items and _launched(cues, text[:min(c.start for c in items) - base]):
            items = [c for c in items if c.cls != "Enterprise"]  # 推出A、B等项目: programmes a body runs, no firms
        if cls != cues.lex.list_cues[cue.group(1)] and sum(c.cls == "Industry" for c in items) * 2 >= len(items):
            # 5G通信、人工智能、高精地图等领域优势企业: fields of firms, the items industries all
            items = enumeration_items(cues, text, base, m.start(), Mode.INDUSTRY, tokens)
        out.extend(items)
    return out


def _project_cue(cues: CueIndex, cue: str, after: str) -> bool:
    """等9个项目, 等重大产业项目: the list's cue, or the noun its industry cue modifies, is 项目 or 品牌."""
    weak = tuple(cues.words["weak_firm_cues"])
    return cue in weak or (cues.lex.list_cues[cue] == "Industry" and after.startswith(weak))


def _standing_alone(cues: CueIndex, text: str, base: int, item: Candidate, tokens) -> bool:
    """某某医药等9个项目, 某某硅业异质结基体材料等重大项目: a project is named by its firm and its product, so an
    industry item of a 项目/品牌 list names the park's industry only where it is a taxonomy label written whole
    after a separator or a verb of two characters or more (引进生物医药、新材料等项目), not the tail of a name."""
    at = item.start - base
    if cues.strip_industry_suffix(text[at:item.end - base]) not in cues.lex.industry_labels:
        return False
    if at == 0 or text[at - 1] in _ITEM_OPENINGS:
        return True
    return any(t.end - base == at and t.pos.startswith("v") and t.end - t.start >= 2 for t in tokens)


def _people_after(cues: CueIndex, text: str, at: int) -> bool:
    """The words right after 等 at `at` name people (人, 人员), or a duty before them (包保干部, 驻企专员):
    a word for people of two characters or more ends the first word or the second."""
    heads = cues.lex.words("person-list-head")
    if text.startswith(heads, at):
        return True
    tokens = cues.tokens(text[at:at + 8])
    return len(tokens) > 1 and tokens[0].pos not in ("m", "q") and tokens[1].word in heads and len(tokens[1].word) > 1


def _no_list_cue(cues: CueIndex, text: str, at: int, cue) -> bool:
    """The cue matched after the 等 at `at` closes no list of names of its class."""
    start, end = at + cue.start(1), at + cue.end()
    if _inside_longer_word(cues, text, start, end):
        return True  # 等侵害企业家权益: the cue's characters open a longer word (企业家, people), no cue
    if any(w in cue.group(0) for w in cues.words["kind_quantifiers"]):
        return True  # 粮油、肉类等各类生产制造企业: the items are kinds of firms
    if any(ch in cues.lex.words("phrase-break-character") for ch in cue.group(0)[:cue.start(1)]):
        return True  # 日常管理等各层面都能为企业…: the cue heads another phrase
    if _products_after(cues, text, end):
        return True  # A、B等园区企业科技成果展品: the cue modifies the items' head, exhibits, not firms
    weak = cue.group(1) in cues.words["weak_firm_cues"]
    between = cues.tokens(cue.group(0)[:cue.start(1)])
    # 等训练项目: an activity's projects are no firms (等一批高科技项目 are); 等侵害企业合法权益: the cue
    # modifies a verb's object (等创新企业, 等入驻企业 still list firms)
    return bool(between) and between[-1].pos in ("v", "vn") and (weak or _modifies_object(cues, text, end))


def _launched(cues: CueIndex, before: str) -> bool:
    """The list's first item follows a verb of launching or running (推出, 开展了): its projects are programmes."""
    before = before[:-1] if before.endswith("了") else before
    return before.endswith(cues.lex.words("programme-verb"))


def _head_class(cues: CueIndex, cue: str, after: str) -> str:
    """The class of the noun the list's cue is part of: a firm's cue right after an industry cue heads
    the phrase (等行业领军企业, 等领域优势企业: firms), the industry cue modifies it."""
    cls = cues.lex.list_cues[cue]
    head = _CLAUSE.match(after)
    if cls != "Industry" or head is None or cues.cue_re is None:
        return cls
    phrase = head.group()[:SECTOR_HEAD_REACH].split("的")[0]
    heads = [f for f in cues.cue_re.findall(phrase) if f not in cues.words["weak_firm_cues"]]
    return "Enterprise" if any(cues.lex.list_cues[f] == "Enterprise" for f in heads) else cls


def _sector_cue(cues: CueIndex, between: str, cue: str, after: str) -> bool:
    """等(多个)行业: a sector word right after 等 and at most a count calls its items sectors, plain
    nouns included (玉器、住宿等多个行业); after a modifier (等细分领域, 等服务的行业) or a count of firms
    (等40家行业…), or before 的 or a noun for firms (等行业的企业, 等行业头部企业) it does not: the list
    is of what that noun is or does."""
    if cue not in cues.lex.words("sector-list-cue") or any(w in between for w in cues.lex.words("firm-counter")):
        return False
    head = _CLAUSE.match(after)
    if after.startswith("的") or (head and any(w in head.group()[:SECTOR_HEAD_REACH] for w in cues.words["firm_heads"])):
        return False
    return re.fullmatch(cues.patterns["list_quantifier"] + "?[“”\"]?", between) is not None


def closed_as_industries(cues: CueIndex, text: str, end: int) -> bool:
    """The item ending at `end` is one of a list that 等, at most a count and a sector word close
    (玉器、住宿等多个行业): the list names its items as sectors, whoever develops them; not where 的
    or a noun for firms follows (`_sector_cue`)."""
    rest = _CLAUSE.match(text, end)
    body = rest.group() if rest else ""
    k = body.find("等")
    if k < 0 or (k and not body.startswith("、")) or cues.cue_re is None:
        return False
    after_deng, _ = _cue_patterns(cues.cue_re.pattern, cues.patterns["list_quantifier"])
    cue = after_deng.match(body, k + 1)
    return bool(cue) and _sector_cue(cues, body[k + 1:cue.start(1)], cue.group(1), body[cue.end():])


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


def _closed_by_counted_cue(cues: CueIndex, text: str, base: int, tokens) -> list[Candidate]:
    """A、B和C4所科研院所, A、B共两家企业: a count with its classifier right after the last item, and a
    firm's or a platform's cue right after the count, close the list as 等 would, where the last item is
    one (…党委、…党委召集辖区内35家企业: the count ends a phrase, not the list). Not a weak cue's: counted
    projects and brands (四个项目) are works, not firms."""
    out = []
    pattern = _counted_cue_pattern(cues.cue_re.pattern, cues.patterns["list_counter"], either(cues.lex.words("count-adverb")))
    for m in pattern.finditer(text):
        cls = cues.lex.list_cues[m.group(1)]
        clause_start = max(text.rfind(ch, 0, m.start()) for ch in "，。；：")
        if cls not in ("Enterprise", "Platform") or m.group(1) in cues.words["weak_firm_cues"] \
                or "、" not in text[clause_start + 1:m.start()] or m.start() == 0 or text[m.start() - 1] in PUNCT:
            continue
        items = enumeration_items(cues, text, base, m.start(), Mode.from_cue(cls), tokens)
        if any(c.end == base + m.start() for c in items):
            out.extend(items)
    return out


@lru_cache(maxsize=8)
def _counted_cue_pattern(cue_pattern: str, counter: str, adverbs: str) -> re.Pattern:
    return re.compile(r"(?<![0-9、，。；等])" + adverbs + "?[0-9一二三四五六七八九十两]+" + counter + "(" + cue_pattern + ")")


def _before_predicate(cues: CueIndex, text: str, base: int, tokens) -> list[Candidate]:
    out = []
    for begin, _end, _word in cues.predicate_gaz.find(text):
        # 某某正式入驻, A、B成功入选: an adverb between the firms and their predicate ends none of their names
        adverb = next((a for a in cues.lex.words("predicate-adverb") if text.endswith(a, 0, begin)), "")
        begin -= len(adverb)
        if begin == 0 or text[begin - 1] in PUNCT or _heads_no_firms(cues, text, _end):
            continue
        items = enumeration_items(cues, text, base, begin, Mode.ENTERPRISE_STRICT, tokens, after_yi=True)
        settled = bool(adverb) and _word in cues.lex.words("settling-predicate")  # 某某正式入驻: a firm settles
        lone = "、" not in text[max(text.rfind(ch, 0, begin) for ch in "，。；：！？") + 1:begin]
        works = text.endswith(tuple(cues.words["weak_firm_cues"]), 0, begin)  # A、B等项目落户: products and works
        if works or lone and _word not in cues.lex.words("single-firm-predicate") and not settled:
            # 某区成功入选, 新鸡舍投产, 某某产品获评: what a lone item did is done by places, works and things as
            # often as by firms; a firm's short name (某某食品获评) or a frame (以某乳业为代表) still names one
            items = [c for c in items if is_trade_name(cues, text[c.start - base:c.end - base], goods=True)]
        elif settled:  # 60名优秀年轻干部分别入驻: people settle too
            items = [c for c in items if not text[:c.end - base].endswith(cues.lex.words("person-list-head"))]
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
    out += _closed_by_counted_cue(cues, text, base, tokens)
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
        # A、B等…(C、D)…、E产业格局: a 等 or a bracket closes a list of its own; the bare one starts after it
        opening = base + clause.start() + max(body.rfind(ch, 0, last) for ch in _OWN_LIST_ENDS) + 1
        out.extend(c for c in enumeration_items(cues, text, base, end, Mode.INDUSTRY_STRICT, tokens)
                   if c.cls == "Industry" and c.start >= opening and not is_trade_name(cues, text[c.start - base:c.end - base]))
    return out
