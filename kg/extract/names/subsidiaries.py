"""A group's subsidiary and a firm's branch named right after it: one firm, named by both.

A subsidiary is written after its group with no break (某某集团投资有限公司, 某某局集团城轨公司, 某某局集团西安
建设有限公司): the walk back from the subsidiary's suffix stops at the group's type word, so the group and
a cut remainder (投资有限公司, 城轨公司) come out as two firms, neither the one named. A bank's branch
after its parent (某银行股份有限公司温州乐清支行) has places and a branch head the grammars do not end a name
with. Both are joined to the firm before them (`join`); `join_branches` then joins a found branch
(…有限公司中南分公司) to the longer parent. A branch named after a park (某银行股份有限公司开发区支行) is an
organisation named after the park, none of the four classes: the firm before it is no name of its own there.

>>> from kg.ontology import load_lexicon
>>> from kg.extract.names import Recognizer
>>> from kg.types import Sentence
>>> rec = Recognizer(load_lexicon())
>>> text = "该电站由青禾能源建设集团投资有限公司中南分公司投资建设。"
>>> [m.surface for m in rec.mentions("d", text, [Sentence("d", 0, len(text), text, 0)]) if m.cls == "Enterprise"]
['青禾能源建设集团投资有限公司中南分公司']
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.names.cues import CueIndex
from kg.extract.names.rules import Candidate
from kg.types import Sentence

SUBSIDIARY_REACH = 12  # characters of a subsidiary's name after its group's
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def join(cues: CueIndex, sent: Sentence, cands: list[Candidate]) -> list[Candidate]:
    """`cands` with each firm extended over the subsidiary or the branch named right after it."""
    text, base = sent.text, sent.start
    out = list(cands)
    for firm in cands:
        if firm.cls != "Enterprise" or firm.generic or firm not in out:
            continue
        if _park_branch(cues, text, firm.end - base):
            out.remove(firm)
            continue
        name = text[firm.start - base:firm.end - base]
        end = 0
        if name.endswith(cues.lex.words("group-head")):
            end = _subsidiary_end(cues, text, firm.end - base)
        if not end:
            end = _branch_end(cues, text, firm.end - base)
        if end:
            out = [c for c in out if not (c.cls == "Enterprise" and c is not firm and firm.end <= c.start < base + end)]
            out[out.index(firm)] = replace(firm, end=base + end)
    return out


def _subsidiary_end(cues: CueIndex, text: str, b: int) -> int:
    """End of a firm's suffix (有限公司, 公司) that ends a word within reach after the group ending at `b`,
    with only name words between (no boundary, verb or function word); 0 for none."""
    run = _HAN.match(text, b)
    if not run:
        return 0
    tokens = cues.tokens(text[b:min(run.end(), b + SUBSIDIARY_REACH)])
    for i, tok in enumerate(tokens):
        if (tok.word in cues.lex.generic and tok.word not in cues.lex.enterprise_legal_suffixes) or \
                tok.word in cues.words["relative_firm_heads"] or tok.word in cues.lex.words("group-relation"):
            return 0  # 某集团全资子公司: described by its group, not named
        form = max((f for f in cues.lex.enterprise_legal_suffixes if tok.word.endswith(f)), key=len, default="")
        if form:
            return b + tok.end if tok.end > len(form) else 0
        last = i + 1 < len(tokens) and tokens[i + 1].word.endswith(tuple(cues.lex.enterprise_legal_suffixes))
        if (tok.word in cues.lex.boundaries and not last) or tok.pos == "v" or \
                tok.pos.startswith(("p", "c", "u", "r", "d", "m", "q")):
            return 0  # 某集团旗下|某公司, 某集团投资|某某公司: a relation, not a name (投资|有限公司 is one)
    return 0


def _branch_end(cues: CueIndex, text: str, b: int) -> int:
    """End of a branch (places, then 支行/分行/分公司) right after the firm ending at `b`; 0 for none."""
    run = _HAN.match(text, b)
    if not run:
        return 0
    seen_place = False
    for tok in cues.tokens(text[b:min(run.end(), b + SUBSIDIARY_REACH)]):
        if tok.word in cues.words["branch_heads"]:
            return b + tok.end if seen_place else 0
        if not (cues.is_place_token(tok) or tok.pos == "ns"):
            return 0
        seen_place = True
    return 0


def named_after_a_park(cues: CueIndex, name: str) -> bool:
    """某电信开发区分公司, 某网某某新区供电公司: a branch named after a park, an organisation of the park
    (none of the four classes) whose firm the name only abbreviates."""
    head = next((h for h in cues.words["branch_heads"] if name.endswith(h)), "")
    return bool(head) and _ends_with_park_word(cues, name[:-len(head)])


def _ends_with_park_word(cues: CueIndex, words: str) -> bool:
    return words.endswith(cues.words["park_forms"])


def _park_branch(cues: CueIndex, text: str, b: int) -> bool:
    """A branch named after a park right after the firm ending at `b` (…股份有限公司开发区支行,
    …银行某某高新区分行): the words before the branch head end with a park's type word."""
    run = _HAN.match(text, b)
    if not run:
        return False
    words = text[b:min(run.end(), b + SUBSIDIARY_REACH)]
    head = next((i for i in range(2, len(words)) if words.startswith(cues.words["branch_heads"], i)), 0)
    return bool(head) and _ends_with_park_word(cues, words[:head])


def join_branches(cues: CueIndex, sent: Sentence, cands: list[Candidate]) -> list[Candidate]:
    """中国信达资产管理股份有限公司广东省分公司: a branch (…分公司, …支行, …供电公司) right after
    its parent firm is one firm, named by both."""
    heads, bare = cues.words["branch_heads"], cues.lex.words("bare-branch-head")
    firms = {c.end: c for c in cands if c.cls == "Enterprise" and not c.generic}
    joined = []
    for c in cands:
        parent = firms.get(c.start)
        name = sent.text[c.start - sent.start:c.end - sent.start]
        if c.cls == "Enterprise" and parent is not None and parent is not c and name.endswith(heads):
            joined.append(replace(c, start=parent.start))
        elif not (c.cls == "Enterprise" and name.endswith(bare) and _only_regions(cues, _without_branch(name, bare))):
            joined.append(c)  # (太原分公司, 山东分公司: a branch named by its place alone names no firm)
    return joined


def _without_branch(name: str, heads: tuple) -> str:
    head = next(h for h in heads if name.endswith(h))
    return name[:-len(head)]


def _only_regions(cues: CueIndex, prefix: str) -> bool:
    """The prefix is made of regions of the gazetteer alone (山西, 河北省涿州): not of the words the tagger
    only guesses are places (银联, 中建: firms' short names)."""
    rest = prefix
    while rest:
        size = next((k for k in range(min(6, len(rest)), 1, -1) if rest[:k] in cues.lex.regions), 0)
        if not size:
            return False
        rest = rest[size:]
    return bool(prefix)
