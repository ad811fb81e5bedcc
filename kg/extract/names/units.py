"""Platforms made of a parent body and its unit, and platform phrases that describe rather than name.

A research unit named right after its academy (某科学院化学与物理研究所, 某科学院某某所) is one platform,
the academy's unit, named by both: the walk back from its type word stops at the conjunction between
two fields (与, 和), and a short head (所) is no type word of its own, so each grammar alone finds the
academy and loses the unit. After a university the unit is a teaching unit (某大学经济与管理学院), and
the university stays the platform (`type_word`): the cut unit (管理学院) goes. A platform named by two
fields (人工智能与数字经济某省实验室) starts with the first, where the walk stopped at the conjunction.

A platform whose head also describes a role (平台) names nothing where a goal verb builds it
(建成某某公益创新平台, 打造“某某”某某服务平台, 建设以某为代表的某某平台), where a count opens it
(20家海洋创新平台), or where it counts a firm's centres (单研发中心, 双研发中心); a type word alone
before a dash opens a chain of stages (概念验证中心-孵化器), not a name.

>>> from kg.ontology import load_lexicon
>>> from kg.extract.names import Recognizer
>>> from kg.types import Sentence
>>> rec = Recognizer(load_lexicon())
>>> text = "企业与青禾科学院化学与物理研究所开展合作。"
>>> [m.surface for m in rec.mentions("d", text, [Sentence("d", 0, len(text), text, 0)]) if m.cls == "Platform"]
['青禾科学院化学与物理研究所']
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg.extract.names import descriptors as ds, evidence as ev
from kg.extract.names.cues import NUMERALS, CueIndex
from kg.extract.names.rules import Candidate, candidate
from kg.extract.segment import UNKNOWN
from kg.types import Sentence

UNIT_REACH = 12  # characters of a unit's name after its parent's
FIELD_REACH = 8  # characters of the first field before the conjunction
GOAL_REACH = 30  # how far before a described platform a goal verb builds it
_ORDINALS = NUMERALS.replace("0-9", "")  # 三分院: branches numbered, not named
CLAUSE_ENDS = "，。；：！？,;:!?\n"
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_PROPER_POS = frozenset({"nz", "nr", "nrt", "nrfg", "x?", "eng"})  # a proper name's words (a field's abbreviation, j, is none)


def apply(cues: CueIndex, sent: Sentence, cands: list[Candidate]) -> list[Candidate]:
    """`cands` with academies' and universities' units joined to them, and described platforms gone."""
    if not any(c.cls == "Platform" for c in cands):
        return cands
    cands = [_bracketed_campus(cues, sent, _joined_fields(cues, sent, _college_of_faculty(cues, sent, c)))
             for c in _join_branches(cues, sent, cands)]
    cands = [c for c in cands if not (c.cls == "Platform" and describes(cues, sent.text, c.start - sent.start,
                                                                       c.end - sent.start))]
    return join_units(cues, sent, cands)


def _college_of_faculty(cues: CueIndex, sent: Sentence, c: Candidate) -> Candidate:
    """某某理工学院|计算机学院: a college's teaching unit is the college's, as a university's is the
    university's (`type_word`); a unit of technology (某学院未来技术学院) is a research carrier of its own."""
    name = sent.text[c.start - sent.start:c.end - sent.start]
    head = max((h for h in cues.lex.subunit_heads if name.endswith(h)), key=len, default="") if c.cls == "Platform" else ""
    college = max((name.rfind(f, 0, len(name) - len(head)) + len(f) for f in cues.lex.subunit_heads
                   if cues.type_words.get(f, ("", ""))[1] == "University"), default=-1) if head else -1
    if college < 4 or len(name) - len(head) - college < 2 or ev.technical(cues, name[college:], fields=False):
        return c
    return replace(c, end=c.start + college, subclass="University")


def _joined_fields(cues: CueIndex, sent: Sentence, c: Candidate) -> Candidate:
    """人工智能与数字经济某省实验室, 生物药开发评价与中试服务平台: a platform named by two fields joined by a
    conjunction starts with the first field; the walk back stopped at the conjunction. Only where what
    follows it opens with no proper name (某某与青禾研究院合作: two parties) and the words before it, back
    to a verb or a stop, hold a field and end in no generic or type word (人工智能企业与某中心: a party)."""
    text, a = sent.text, c.start - sent.start
    if c.cls != "Platform" or c.generic or c.subclass == "University" or a < 3 \
            or text[a - 1] not in cues.lex.words("unit-conjunction"):
        return c
    first = cues.tokens(text[a:c.end - sent.start])[:1]
    if not first or first[0].pos in _PROPER_POS or cues.is_place(first[0].word):
        return c
    before = cues.tokens(text[max(text.rfind(ch, 0, a - 1) for ch in CLAUSE_ENDS) + 1:a - 1])
    k = len(before)
    while k > 0 and ev.name_like(cues, before[k - 1], inner_ok=True) and before[k - 1].word not in cues.lex.boundaries:
        k -= 1
    field = "".join(t.word for t in before[k:])
    if not 2 <= len(field) <= UNIT_REACH or not ev.names_a_field(cues, field) \
            or field.endswith((*cues.type_forms, *cues.lex.generic)):
        return c
    return replace(c, start=c.start - 1 - len(field))


def _bracketed_campus(cues: CueIndex, sent: Sentence, c: Candidate) -> Candidate:
    """某大学（某某校区）: a campus set in brackets right after its university names the campus, as 某大学某某校区
    does; the platform is the campus, brackets and all."""
    text, b = sent.text, c.end - sent.start
    if c.subclass != "University" or text[b:b + 1] not in "（(":
        return c
    close = min((k for k in (text.find("）", b), text.find(")", b)) if k > b), default=-1)
    inside = text[b + 1:close] if close > 0 else ""
    if 2 < len(inside) <= UNIT_REACH and _HAN.fullmatch(inside) and inside.endswith(tuple(cues.words["campus_heads"])):
        return replace(c, end=c.end + len(inside) + 2)
    return c


def _join_branches(cues: CueIndex, sent: Sentence, cands: list[Candidate]) -> list[Candidate]:
    """某研究院|四川分院: a platform's branch right after the platform is one platform, named by both."""
    parents = {c.end: c for c in cands if c.cls == "Platform" and not c.generic}
    heads = cues.lex.words("branch-unit-head")
    out = []
    for c in cands:
        parent = parents.get(c.start)
        if c.cls == "Platform" and parent is not None and sent.text[:c.end - sent.start].endswith(heads):
            c = replace(c, start=parent.start)
        out.append(c)
    return out


def join_units(cues: CueIndex, sent: Sentence, cands: list[Candidate]) -> list[Candidate]:
    text, base = sent.text, sent.start
    out = list(cands)
    for parent in cands:
        if parent.cls != "Platform" or parent.generic or parent.end - base >= len(text):
            continue
        end, teaching = _unit_end(cues, text, parent.start - base, parent.end - base)
        if not end:
            continue
        inside = [c for c in out if c.cls == "Platform" and parent.end < c.end <= base + end and c.start >= parent.end]
        out = [c for c in out if c not in inside]
        if not teaching:  # the faculty of a university is the university's: only the cut unit goes
            out.append(replace(candidate("type-word", parent.start, base + end, "Platform", "ResearchInstitute"),
                               level=parent.level))
    return out


def _unit_end(cues: CueIndex, text: str, a: int, b: int) -> tuple[int, bool]:
    """End of the unit named right after the parent body at ``text[a:b]`` and whether it is a teaching
    unit of a university; (0, False) for none."""
    rest = text[b:b + UNIT_REACH + FIELD_REACH + 1]
    run = _HAN.match(rest)
    if not run:
        return 0, False
    run = run.group()
    academy = text[a:b].endswith(cues.lex.words("academy-form"))
    if not academy and not _university(cues, text[a:b]):
        return 0, False  # only an academy or a university has units named after it
    conjunctions = cues.lex.words("unit-conjunction")
    for conj in conjunctions:
        at = run.find(conj)
        field = run[:at]  # 经济|与: a field; 某某医院|和: another body
        if 0 < at <= FIELD_REACH and not any(w in field for w in conjunctions + cues.words["non_research_bodies"]):
            end = _type_word_end(cues, text, b, b + at + 1, b + len(run))
            if end:
                form = _form_at(cues, text, end)
                teaching = form in cues.lex.subunit_heads and not academy
                return end, teaching
    if academy:
        return _abbreviated_unit(cues, text, b, b + len(run)), False
    return 0, False


def _type_word_end(cues: CueIndex, text: str, b: int, lo: int, hi: int) -> int:
    """End of the first platform type word that ends a word in ``text[lo:hi]``, with no boundary word
    between the parent's end `b` and it; 0 for none."""
    tokens = cues.tokens(text[b:hi])
    for tok in tokens:
        if b + tok.start >= lo and (tok.word in cues.lex.boundaries or cues.is_place_token(tok)):
            return 0  # 某大学某医院和某地医学院: a place opens another body's name, no field of a unit
        end = b + tok.end
        if end <= lo or end - b > UNIT_REACH + FIELD_REACH:
            continue
        form = _form_at(cues, text, end)
        if form and cues.type_words[form][0] == "Platform":
            university = cues.type_words[form][1] == "University" and form not in cues.lex.subunit_heads
            ok = not university and end - len(form) >= lo
            return end if ok else 0  # 某大学教授与某大学: a second university, no unit
    return 0


def _university(cues: CueIndex, name: str) -> bool:
    form = _form_at(cues, name, len(name))
    return bool(form) and cues.type_words[form][1] == "University" and form not in cues.lex.subunit_heads


def _form_at(cues: CueIndex, text: str, end: int) -> str:
    """The longest type word that ends at `end` (a suffix looked up, longest first), or ''."""
    longest = len(cues.type_forms[0]) if cues.type_forms else 0
    return next((text[end - k:end] for k in range(min(longest, end), 0, -1) if text[end - k:end] in cues.type_words), "")


def _abbreviated_unit(cues: CueIndex, text: str, b: int, hi: int) -> int:
    """某科学院|山西煤化所: an institute's short name, its own words then a short head (所) ending a word, with
    no verb or function word among them; the end, or 0."""
    heads = cues.lex.words("unit-abbreviation")
    tokens = cues.tokens(text[b:hi])
    for i, tok in enumerate(tokens):
        if (tok.pos == "v" or tok.pos.startswith(("p", "c", "u", "r", "d", "m", "q"))) and not tok.word.endswith(heads):
            return 0
        if tok.word.endswith(heads) and (i > 0 or len(tok.word) > len(heads[0])):
            size = tok.end
            return b + size if 2 < size <= UNIT_REACH and tok.word not in cues.lex.boundaries else 0
        if tok.end > UNIT_REACH:
            return 0
    return 0


def describes(cues: CueIndex, text: str, a: int, b: int) -> bool:
    """The platform phrase at ``text[a:b]`` describes a goal, a count or a layout, or opens a chain: no name."""
    name = text[a:b]
    if _names_nothing(cues, name):
        return True
    if not name.endswith(cues.lex.words("described-head")) or (a > 0 and text[a - 1] in "“\"「『‘"):
        return "的" in name and name.endswith(cues.lex.words("described-head"))  # “以某某的某平台”为定位
    before = text[max(0, a - GOAL_REACH):a]
    if _counted(cues.lex.words("approximate"), cues.lex.words("park-counter")).search(before):
        return True  # 20家海洋创新平台: a count of a kind
    return _built_as_goal(cues, before)


def _names_nothing(cues: CueIndex, name: str) -> bool:
    """What the platform phrase itself shows: a chain, a layout, a region, a fragment, a firm's centre, a
    branch of no body."""
    dash = min((name.find(d) for d in cues.lex.words("chain-dash") if d in name), default=-1)
    if dash > 0 and any(f.endswith(name[:dash]) for f in cues.type_forms if cues.type_words[f][0] == "Platform"):
        return True  # 中心-孵化器: a type word alone, then the next stage of a chain
    form = _form_at(cues, name, len(name))
    prefix = name[:-len(form)] if form else name
    if prefix.endswith(cues.lex.words("layout-count")) or cues.is_place(name) or _opens_with_fragment(cues, name):
        return True  # 单研发中心: a layout of a firm's centres; 京津冀: a region; 区及实验室: a fragment
    if form in cues.lex.words("firm-facility-head") and any(w in prefix for w in cues.lex.words("firm-scope")):
        return True  # 某公司全球研发中心, 欧亚地区某某研发中心: a firm's own centre for a market
    if form in cues.lex.words("branch-unit-head") and (ds.only_places(cues, prefix) or prefix[-1:] in _ORDINALS):
        return True  # 河北分院: a branch of no body named here (a parent's 某研究院四川分院 is joined); 市检三分院: a numbered branch of a court or an office
    return False


def _opens_with_fragment(cues: CueIndex, name: str) -> bool:
    """区及实验室: the end of a word before, glued to a conjunction (及, 和) into a word the segmenter did not know."""
    toks = cues.tokens(name[:4])
    return bool(toks) and toks[0].pos == UNKNOWN and len(toks[0].word) == 2 and toks[0].word[1] in cues.words["inner_conjunctions"]


def _built_as_goal(cues: CueIndex, before: str) -> bool:
    """A goal verb of the clause builds what follows `before`: right before it, or with a quoted word or a
    modifier between (建成|, 打造“某某”|, 建设以某为代表的|)."""
    clause = before[max(before.rfind(ch) for ch in CLAUSE_ENDS) + 1:]
    at, verb = max((clause.rfind(v), v) for v in cues.lex.words("goal-verb"))
    if at < 0:
        return False
    gap = clause[at + len(verb):]  # nothing, a quoted word (“某某”), or a modifier (以某为代表的)
    return not gap or (gap[:1] == "“" and gap[-1:] == "”") or (len(gap) > 1 and gap[-1:] == "的")


@lru_cache(maxsize=4)
def _counted(approximate: tuple, counters: tuple) -> re.Pattern:
    """A count that ends right before a name (20家, 十余个); one (一家) may open a name's sentence, so it is no count."""
    numerals = NUMERALS.replace("0-9", "").replace(chr(0x4E00), "")
    return re.compile(f"(?:[0-9]+|[{numerals}]+)(?:{'|'.join(approximate)})?(?:{'|'.join(counters)})$")
