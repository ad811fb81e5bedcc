"""Grammar `grammar:industry-suffix` (v1): a name-like phrase before 产业 (钒钛产业), or an industry
named by its statistics (机械制造业规模以上工业总产值…)."""
from __future__ import annotations

import re

from kg.extract.names import evidence as ev
from kg.extract.names.cues import PERSON_POS, CueIndex
from kg.extract.names.cuts import cut_point
from kg.extract.names.edges import Walk, walk_back
from kg.extract.names.leads import leading_context_verb, leading_place_or_scale
from kg.extract.names.rules import STATISTIC_REACH, SUFFIX_REACH, Candidate, candidate
from kg.extract.names.taxonomy import inside_a_name
from kg.types import Sentence

NAME, VERSION = "grammar:industry-suffix", 1
_VERB_POS = frozenset({"v", "vd", "vg", "vn"})
# no noun, no unknown word: the part-of-speech tags of a clause's word before an industry (整个, 重大, 省内外)
_CLAUSE_POS = frozenset({"a", "ad", "b", "c", "d", "f", "m", "p", "q", "r", "s", "t", "u", "z"})
_HAN_NAME = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fffA-Za-z0-9]*")
_DIGIT = re.compile(r"[0-9一二三四五六七八九十两]")


def _statistics(sent: Sentence, tokens, cues: CueIndex) -> list[Candidate]:
    out = []
    text, base = sent.text, sent.start
    for m in cues.patterns["statistic"].finditer(text):
        start = walk_back(cues, tokens, text, base, base + m.start(), Walk(STATISTIC_REACH, base, stop_generic=True))
        start -= base
        name = text[start:m.end()]
        if start < m.start() and cues.is_industry_name(name) and not ev.has_boundary(cues, name) \
                and not cues.only_modifiers(text[start:m.start()]):
            out.append(candidate("industry-statistic", base + start, base + m.end(), "Industry"))
    return out


def _start(sent: Sentence, tokens, cues: CueIndex, end: int) -> int:
    text, base = sent.text, sent.start
    walk = Walk(SUFFIX_REACH, base, stop_generic=True, inner_ok=True)
    start = walk_back(cues, tokens, text, base, base + end, walk) - base
    quality = next((q for q in _as_written(cues) if text[:start].endswith(q)), "")
    start -= len(quality)  # 高端|精细化工新材料: the quality word is part of the industry's name as written
    start += cut_point(cues, text[start:end])
    start += leading_context_verb(cues, text[start:end])
    start += leading_place_or_scale(cues, text[start:end])
    start += _leading_verb_or_modifier(cues, tokens, base + start, text[start:end])
    return start + _leading_stranger(cues, tokens, base + start, text[start:end])


def _holds_a_place(cues: CueIndex, tokens, at: int, name: str) -> bool:
    """云上河州文旅, 某某杰调研绿色能源, 东部地区石墨烯, 医疗展区器械: a phrase with a place or a person inside it
    (a word the segmenter reads as one, or one ending in an administrative ending: 地区, 展区, 某某镇) names a
    project, an event or a region's sector, not an industry; a label in it may still be one (`taxonomy`)."""
    end = at + len(name)
    endings = cues.words["region_endings"]
    return any(at <= t.start and t.end < end and (cues.is_place_token(t) or t.pos in PERSON_POS or (
        len(t.word) >= 2 and t.word[-1] in endings)) for t in tokens)


def _as_written(cues: CueIndex) -> tuple:
    """Modifiers an industry's name keeps as written: quality words (高端) and written modifiers (绿色)."""
    return cues.lex.words("quality-modifier") + cues.lex.words("written-modifier")


def _leading_verb_or_modifier(cues: CueIndex, tokens, at: int, name: str) -> int:
    """升级|智能终端, 国际|新能源汽车: a verb or a modifier that opens the phrase is no part of the
    industry's name when the rest is one."""
    first = next((t for t in tokens if t.start == at), None)
    if first is None or len(first.word) >= len(name) - 1:
        return 0
    quality = first.word in _as_written(cues)  # 高端精细化工新材料, 绿色新能源: the name as written
    opens = first.pos in _VERB_POS or (first.word in cues.lex.modifiers and not quality) or \
        first.word in cues.lex.words("scope-modifier")
    return len(first.word) if opens and cues.is_industry_name(name[len(first.word):]) else 0


def _leading_stranger(cues: CueIndex, tokens, at: int, name: str) -> int:
    """整个|医药, 省内外|纺织服装: a first word of the clause (no noun, no unknown word) that is part of no
    industry's label is no part of the name when the rest is a taxonomy label and the whole is none
    (高效|农业 keeps 高效: labels hold it; 大分子|生物药 keeps its noun)."""
    first = next((t for t in tokens if t.start == at), None)
    labels = cues.lex.industry_labels
    if first is None or first.pos not in _CLAUSE_POS or len(first.word) >= len(name) - 1 or name in labels \
            or name[len(first.word):] not in labels:
        return 0
    return 0 if any(first.word in label for label in labels) else len(first.word)


def _verb_and_head(cues: CueIndex, tokens, at: int, name: str) -> bool:
    """宣传|应急产业, 发展|科技产业: a verb before a bare head word is the clause's action on an industry, no name;
    a verb before an industry's name was cut off already (`_leading_verb_or_modifier`)."""
    first = next((t for t in tokens if t.start == at), None)
    return (first is not None and first.pos in _VERB_POS and 2 <= len(first.word) < len(name) - 1
            and not cues.is_industry_name(name[len(first.word):]))


def _not_a_name(cues: CueIndex, name: str) -> bool:
    lex = cues.lex
    return (len(name) < 2 or cues.only_modifiers(name) or name in lex.role_triggers or name in lex.generic
            or name in lex.list_cues or bool(_DIGIT.search(name)) or ev.has_boundary(cues, name)
            or name in cues.stop_words)


def _sectors(sent: Sentence, tokens, cues: CueIndex) -> list[Candidate]:
    """食品加工业, 汽车工业: an industry name and a sector suffix, kept whole as written."""
    out = []
    text, base = sent.text, sent.start
    for m in cues.sector_re.finditer(text) if cues.sector_re is not None else ():
        if m.start() < 2 or base + m.end() not in {t.end for t in tokens}:
            continue  # the suffix must end a word: 工业园区 is a park's
        start = _start(sent, tokens, cues, m.start())
        core = text[start:m.start()]
        if len(core) >= 2 and _HAN_NAME.fullmatch(core) and not _not_a_name(cues, core) and (
                core in cues.lex.industry_labels or cues.is_industry_name(core)) and _developed(cues, text, start, m.end()):
            out.append(candidate("industry-suffix", base + start, base + m.end(), "Industry"))
    return out


def _developed(cues: CueIndex, text: str, start: int, end: int) -> bool:
    """The clause develops the sector (发展, 培育 … before it) or lists it with others (、)."""
    clause_start = max(text.rfind(p, 0, start) for p in "，。；：,;:") + 1
    if "、" in (text[start - 1:start] + text[end:end + 1]):
        return True
    return any(verb in text[clause_start:start] for verb in cues.context_verbs)


def find(sent: Sentence, tokens, cues: CueIndex) -> list[Candidate]:
    out = _statistics(sent, tokens, cues) + _sectors(sent, tokens, cues)
    text, base = sent.text, sent.start
    starts, ends = {t.start - base for t in tokens}, {t.end - base for t in tokens}
    for end, stop, _suffix in cues.suffix_gaz.find(text):
        if end < 2 or text.startswith(cues.type_forms, end):
            continue  # 产业园区: the suffix opens a park's type word (特色科技产业园区 names no industry)
        if end not in starts and stop not in ends:
            continue  # 银行|业务, 地产|业务: begun inside one word and ended inside the next, it is no suffix
        if inside_a_name(cues, text, end):
            continue  # 环保产业投资集团: the phrase runs on into a firm's, a platform's or a park's name
        start = _start(sent, tokens, cues, end)
        name = text[start:end]
        if start > 0 and text[start - 1] in "”\"'":
            continue  # “特”色服务业: a quoted character, not a name start
        if not _HAN_NAME.fullmatch(name) or _not_a_name(cues, name):
            continue
        if (cues.is_industry_name(name) or ev.has_strong_evidence(cues, name)) and not _verb_and_head(cues, tokens, base + start, name) \
                and not _holds_a_place(cues, tokens, base + start, name):
            out.append(candidate("industry-suffix", base + start, base + end, "Industry"))
    return out
