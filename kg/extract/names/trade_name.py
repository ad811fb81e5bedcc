"""Grammar `grammar:trade-name` (v1): company short names outside lists: a rare or proper-name word +
a trade word that opens a clause or stands by a conjunction (重塑科技和金龙客车联合研发, 华进半导体获…)."""
from __future__ import annotations

import re

from kg.extract.names import evidence as ev
from kg.extract.names.cues import CueIndex
from kg.extract.names.edges import Walk, walk_back
from kg.extract.names.resolve import in_organisation_name
from kg.extract.names.rules import TRADE_NAME_REACH, Candidate, candidate
from kg.types import Sentence

NAME, VERSION = "grammar:trade-name", 1
OFFICE_REACH = 5  # words after a short name searched for the office it opens (X区科技|创新和经济服务局)
OPEN_PUNCT = "，。；：、（(“\""  # punctuation that may stand before a short name
CLOSE_PUNCT = "，。；：、）)”\""  # and after it
ITEM_BREAK = "[，。；：、“”（）()等]"  # what ends a neighbouring item of a list


def _stands_alone(cues: CueIndex, text: str, start: int, end_in_text: int, next_tok, base: int = 0) -> bool:
    """A short name opens a clause or stands by a conjunction, and a verb, a digit or a follower (获, 等) comes next."""
    before = text[max(0, start - 1):start]
    after = text[end_in_text:end_in_text + 1]
    neighbours = cues.words["short_name_neighbours"]
    if not (start == 0 or before in OPEN_PUNCT or before in neighbours or before == ""):
        return False
    closers = neighbours + cues.words["short_name_followers"]
    if next_tok is not None and next_tok.pos in ("v", "vn") and text[next_tok.end - base:next_tok.end - base + 1] == "、":
        return False  # 某某生物防制、公共场所管理: an activity ends the list item; the words before it are its object
    return not (after and after not in CLOSE_PUNCT and after not in closers and not after.isdigit()
                and not (next_tok is not None and next_tok.pos in ("v", "vd", "p")))


def _item_of_kinds(cues: CueIndex, text: str, start: int, stop: int) -> bool:
    """温泉康养、柞蚕食品、…等13方面项目: an item of a list its closing words call kinds or aspects."""
    if "、" not in text[max(0, start - 1):stop + 1]:
        return False
    clause_end = min((i for i in (text.find(p, stop) for p in "，。；：") if i >= 0), default=len(text))
    deng = text.find("等", stop, clause_end)
    return deng >= 0 and any(w in text[deng:deng + 12] for w in cues.words["kind_quantifiers"])


def _beside_industries(cues: CueIndex, text: str, start: int, stop: int) -> bool:
    """新能源汽车、锂离子蓄电池、太阳能电池: an item joined by 、 to an industry's name is a product or an
    industry like its neighbour, not a firm (like is listed with like)."""
    items = []
    if text[start - 1:start] == "、":
        items.append(re.split(ITEM_BREAK, text[:start - 1])[-1])
    if text[stop:stop + 1] == "、":
        items.append(re.split(ITEM_BREAK, text[stop + 1:])[0])
    return any(cues.strip_industry_suffix(item) in cues.lex.industry_labels for item in items)


def _national(cues: CueIndex, part: str) -> bool:
    """中国|汽车, 中国|机器人, 中国-东盟|科技: a country (or two, joined by a dash) and a trade word standing alone
    name the country's industry, no firm (a list of firms may still hold one: 中国电子、华为技术等)."""
    country = next((c for c in cues.words["country_words"] if part.startswith(c)), "")
    return bool(country) and (part == country or part[len(country):len(country) + 1] in ("-", "—", "–"))


def _after_a_park(cues: CueIndex, part: str) -> bool:
    """某经开区|汽车产能, 某高新区|食品: a park's name and a trade word name what the park makes, no firm."""
    return len(part) > 2 and part.endswith(cues.words["park_forms"])


def find(sent: Sentence, tokens, cues: CueIndex) -> list[Candidate]:
    out = []
    text, base = sent.text, sent.start
    found = cues.trade_gaz.find(text)
    token_ends = {t.end for t in tokens} if found else ()
    for begin, stop, word in found:
        end = base + stop
        if end not in token_ends and stop < len(text):
            continue
        walk = Walk(TRADE_NAME_REACH, base, inner_ok=True, stop_generic=True)
        start = walk_back(cues, tokens, text, base, base + begin, walk) - base
        name = text[start:stop]
        if len(name) <= len(word) or not ev.is_trade_name(cues, name, goods=True) or _national(cues, name[:-len(word)]) \
                or _after_a_park(cues, name[:-len(word)]) \
                or name.startswith(cues.lex.words("list-predicate-verb")):  # 大力发展|新材料: a predicate, no name
            continue
        next_tok = next((t for t in tokens if t.start == end), None)
        if _stands_alone(cues, text, start, stop, next_tok, base) and not _item_of_kinds(cues, text, start, stop) \
                and not _beside_industries(cues, text, start, stop) \
                and not in_organisation_name(cues, text[stop:], OFFICE_REACH):
            out.append(candidate("trade-name", base + start, end, "Enterprise"))
    return out
