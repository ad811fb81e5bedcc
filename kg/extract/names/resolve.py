"""Turn a sentence's candidates into one mention per span.

Longer names win over names they contain (南京大学苏州校区 over 南京大学); on equal
length the stage's rank in `rules.RULES` decides (a name found by a type word wins
over the same span from a list); an industry word inside another name is not an
industry of its own (零碳科技产业园 gives no 零碳科技).
"""
from __future__ import annotations

import re
from dataclasses import replace

from kg.extract.names import subsidiaries, units
from kg.extract.names.cues import TITLE, CueIndex
from kg.extract.names.descriptors import kind_of_firm
from kg.extract.names.dotted import join_dotted
from kg.extract.names.evidence import describes_a_kind
from kg.extract.names.industry_lead import after_clause_words
from kg.extract.names.leads import leading_context_verb
from kg.extract.names.parts import join_parts
from kg.extract.names.rules import Candidate, rank
from kg.extract.names.taxonomy import names_kind_of_firms
from kg.types import Mention, Sentence

LEADING_DASHES = "-—–·.、"
LEADING_YEAR = re.compile(r"(?:19|20)[0-9]{2}年?(?=[\u4e00-\u9fff])")

JOINS = (units.apply, subsidiaries.join, subsidiaries.join_branches, join_dotted, join_parts)
"""The passes that join one name across a boundary the grammars stop at, run by `tidy` on each sentence's
candidates, in this order: (1) a university's or an academy's units joined to it (`units`: platforms only);
(2) a group's subsidiary or a bank's branch written right after it joined to it (`subsidiaries.join`);
(3) a found branch (…分公司) joined to the firm before it (`subsidiaries.join_branches`), after (2) so that it
meets the parent at its joined end; (4) a park before a middle dot extended over its part (`dotted`: parks
only, which the passes before leave alone); (5) a park run straight on into its part's proper name extended over
it (`parts`: 某新区某某新城). A new pass goes into this sequence. One more runs later, on the
whole document: the linker's `kg.extract.glued_firms.join_park_openings` (a park glued before a firm's
registered name), which needs to know that neither is named anywhere else in the document."""


def clean_industry(cues: CueIndex, c: Candidate, sent: Sentence) -> Candidate | None:
    """Drop leading modifiers (国家级先进制造业 -> 先进制造业) and words that only look like
    industries (未来产业 -> 未来, 赋能产业 -> 赋能)."""
    lex = cues.lex
    text = sent.text[c.start - sent.start:c.end - sent.start]
    start = c.start
    for word in cues.level_modifiers:
        rest = text[len(word):]
        if text.startswith(word) and len(rest) >= 2 and cues.is_industry_name(rest):
            start += len(word)
            text = rest
            break
    lead = after_clause_words(cues, text)  # 侧重于|汽车, 高端峰会|文化旅游: the clause's words, the event's name
    lead += _leading_function_words(cues, text[lead:]) or _leading_place(cues, text[lead:])
    verb = leading_context_verb(cues, text[lead:])
    if text[lead:lead + verb] not in lex.role_triggers and text[lead:lead + verb] not in lex.modifiers:
        lead += verb  # 特色农业 keeps its role word
    if lead:  # 等大健康, 首支氢能: a particle or a count opens no industry's name; 某市发展|大健康: nor a verb
        start += lead
        text = text[lead:]
    core = cues.strip_industry_suffix(text)
    if (core in lex.role_triggers or core in lex.modifiers or core in lex.industry_context
            or core in cues.stop_words or core in lex.generic or core in lex.words("chain-stage")):
        return None  # …, 精深加工, 加工制造: a stage of any chain, no industry without what it processes
    toks = cues.tokens(core)
    if len(toks) == 1 and toks[0].pos in ("v", "vd", "vn", "a", "ad") and core not in lex.industry_labels:
        return None
    if _an_activity(cues, core, toks):
        return None
    return c if start == c.start else replace(c, start=start)


def _an_activity(cues: CueIndex, core: str, toks) -> bool:
    """社会治理, 某某化创新: words and the verb they end in name an activity, no industry; an industry head
    (先进制造) or words that open an industry's label (工业|互联, as in 工业互联网) make one."""
    lex = cues.lex
    if len(toks) < 2 or toks[-1].pos != "v" or toks[-1].word in lex.industry_heads or core in lex.industry_labels:
        return False
    noun = core[:-len(toks[-1].word)]
    return not any(label.startswith(noun) for label in lex.industry_labels)


LEADING_FUNCTION_POS = ("u", "uj", "ul", "p", "c", "m", "q", "mq")


def _leading_function_words(cues: CueIndex, text: str) -> int:
    """Length of the particles, prepositions and counts (等, 以, 首支) that open `text`, when what
    follows is an industry name of two characters or more; else 0."""
    size = 0
    for tok in cues.tokens(text):
        if tok.pos not in LEADING_FUNCTION_POS:
            break
        size += len(tok.word)
    rest = text[size:]
    return size if size and len(rest) >= 2 and cues.is_industry_name(cues.strip_industry_suffix(rest)) else 0


def _leading_place(cues: CueIndex, text: str) -> int:
    """Length of a place, or a lone administrative ending, that opens an industry's name
    (横琴|中医药大健康, 区|中医药 from 大湾区中医药), when an industry name of two characters or more
    follows; else 0."""
    sizes = [k for k in range(2, min(4, len(text) - 2) + 1) if cues.opens_as_place(text[:k])]
    if text[:1] in cues.words["region_endings"]:
        sizes.append(1)
    for size in sorted(sizes, reverse=True):
        rest = text[size:]
        if len(rest) >= 2 and cues.is_industry_name(cues.strip_industry_suffix(rest)):
            return size
    return 0


ORGANISATION_REACH = 3  # words after an industry searched for the organisation it names (教育和体育局)


def in_organisation_name(cues: CueIndex, after: str, reach: int = ORGANISATION_REACH) -> bool:
    """教育和体育局, 网络安全和信息化委员会, 旅游行业协会: the industry word (or a firm's short name:
    X区科技|创新局) opens an office's or an association's name, within `reach` nouns, verbs and
    conjunctions after it."""
    endings, exceptions = cues.words["organisation_endings"], cues.words["not_organisations"]
    window = after[:12]
    if not any(e in window for e in endings):
        return False  # most industries: no organisation word near, no segmenting
    for tok in cues.tokens(window)[:reach]:
        if tok.word.endswith(endings) and tok.word not in exceptions:
            return True
        if tok.pos not in ("n", "c", "vn", "v"):
            return False  # 高技术产业开发中心: a verb of the name (开发) may stand before its ending
    return False


def _without_firm_suffix(cues: CueIndex, name: str) -> str:
    suffixes = cues.trade_suffixes + cues.type_forms
    if not name.endswith(suffixes):
        return name
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)]
    return name


def _closed_spans(cues: CueIndex, sent: Sentence, cands: list[Candidate]) -> list[tuple[int, int]]:
    """Spans no name stands inside: titles 《…》, a Party body's name, a branch named after a park."""
    spans = [(sent.start + m.start(), sent.start + m.end()) for m in TITLE.finditer(sent.text)]
    # 某行业党建联盟: a Party body, no platform, and no industry or firm inside its name either
    spans += [(c.start, c.end) for c in cands if c.cls == "Platform"
              and any(w in sent.text[c.start - sent.start:c.end - sent.start] for w in cues.lex.words("party-word"))]
    # 某电信开发区分公司: a branch named after a park is none of the four, and the park glued to the firm's
    # short form before it (某电信开发区) no park's name
    spans += [(c.start, c.end) for c in cands if c.cls == "Enterprise"
              and subsidiaries.named_after_a_park(cues, sent.text[c.start - sent.start:c.end - sent.start])]
    return spans


def tidy(cues: CueIndex, sent: Sentence, cands: list[Candidate]) -> list[Candidate]:
    """Clean industries, drop what stands inside a title 《…》 and what names a kind, trim leading dashes and
    years, keep two characters or more."""
    titles = _closed_spans(cues, sent, cands)
    out = []
    for c in cands:
        if c.cls == "Industry":
            c = clean_industry(cues, c, sent)
            # 生物医药类科创型企业: a noun for firms closes the phrase, so 类科 is no office (科) after all
            if c is None or (in_organisation_name(cues, sent.text[c.end - sent.start:])
                             and not names_kind_of_firms(cues, sent.text, c.end - sent.start)):
                continue
        if any(a <= c.start and c.end <= b for a, b in titles):
            continue  # inside 《…》 (a title of a document, game or show) or a Party body's name: not a name
        name = sent.text[c.start - sent.start:c.end - sent.start]
        firm_end = _after_a_firm(cues, name) if c.cls == "Park" else 0
        if _names_a_kind(cues, c, name, firm_end) or _trade_word_runs_on(cues, sent, c, name):
            continue
        c = replace(c, start=c.start + _leading_junk(cues, name, firm_end))
        if c.end - c.start >= 2:
            out.append(c)
    for join in JOINS:
        out = join(cues, sent, out)
    return out


def _names_a_kind(cues: CueIndex, c: Candidate, name: str, firm_end: int) -> bool:
    """A firm or a park that names a kind of thing, whatever grammar found it (`firm_end`: `_after_a_firm`)."""
    if c.cls == "Enterprise":
        core = _without_firm_suffix(cues, name)
        # 首家外商独资保险控股公司, 外资资管公司, 行业领军企业; 置业公司: a trade, no name
        return describes_a_kind(cues, core) or kind_of_firm(cues, name) or \
            core in cues.lex.enterprise_trade_suffixes or _one_character_left(name, core)
    if c.cls != "Park":
        return False
    # 某奥林匹克园区, 某湿地公园: a venue or a leisure park; 某银行股份有限公司开发区(支行): a firm's name and a type word
    return any(w in name for w in cues.lex.non_park_words) or (firm_end > 0 and _bare_type(cues, name[firm_end:]))


def _trade_word_runs_on(cues: CueIndex, sent: Sentence, c: Candidate, name: str) -> bool:
    """某某科技|创新基地: the firm's trade word opens a phrase (科技创新) that runs on past the name's end into
    the noun it modifies (基地, 成果, 的…), so the name was cut out of the phrase, not written; before a verb
    (某某科技|创新推出) the phrase's end is the firm's verb."""
    if c.cls != "Enterprise":
        return False
    at = c.end - sent.start
    rest = next((p[k:] for p in cues.lex.words("trade-word-phrase") for k in range(2, len(p))
                 if name.endswith(p[:k]) and sent.text.startswith(p[k:], at)), "")
    after = cues.tokens(sent.text[at + len(rest):at + len(rest) + 6]) if rest else []
    return bool(after) and not after[0].pos.startswith("v")


def _one_character_left(name: str, core: str) -> bool:
    """One Han character before the trade word (青|禾药业, 青|禾光电): the segmenter cut the trade name
    at its first characters (a firm's trade name has two or more); the cut is no firm's name."""
    return len(core) == 1 and name != core and "\u4e00" <= core <= "\u9fff"


def _bare_type(cues: CueIndex, name: str) -> bool:
    """A type word or a generic word alone (开发区, 文创园): no name of its own."""
    return name in cues.type_words or name in cues.lex.generic


def _after_a_firm(cues: CueIndex, name: str) -> int:
    """Where a park's name goes on after a firm's legal name inside it (某银行股份有限公司|开发区), else 0."""
    ends = [name.rfind(w) + len(w) for w in cues.lex.words("key-legal-suffix")
            if len(w) > 2 and 0 <= name.rfind(w) < len(name) - len(w)]  # 有限公司; a bare 公司 may open a campus's name
    return max(ends, default=0)


def _leading_junk(cues: CueIndex, name: str, firm_end: int) -> int:
    """Characters before the name proper: dashes, a firm's legal name (`firm_end`) and a year (2023某某会展联盟:
    the event's; 1905文创园 keeps its number, the rest alone being a type word)."""
    trimmed = max(len(name) - len(name.lstrip(LEADING_DASHES)), firm_end)
    year = LEADING_YEAR.match(name, trimmed)
    if year and not _bare_type(cues, name[year.end():]):
        trimmed = year.end()
    return trimmed


def _clashes(c: Candidate, k: Candidate) -> bool:
    """Whether candidate `c` yields to the kept, longer or higher-ranked `k`."""
    if not (c.start < k.end and k.start < c.end):
        return False
    inside = c.start >= k.start and c.end <= k.end
    if inside and (c.cls == k.cls == "Industry") and c.stage != k.stage:
        return True  # same industry found twice
    if inside and not k.generic:
        return True  # inside a longer name
    if inside and c.cls == "Industry" and k.cls == "Park" and c.end < k.end:
        return True  # 化工园区, 零碳科技产业园 as a kind of park: the field describes the park word
    if not (k.generic or c.generic):
        return True  # crossing spans: keep the first (longer) one
    return not (k.generic and not c.generic)


def resolve_candidates(doc_id: str, text: str, cands, cues: CueIndex) -> list[Mention]:
    # named spans first, longest first; generic park words take part but yield no name
    ordered = sorted(cands, key=lambda c: (-(c.end - c.start), -rank(c.stage), c.start))
    kept: list[Candidate] = []
    for c in ordered:
        if not any(_clashes(c, k) for k in kept):
            kept.append(c)
    # drop generic parks that a named mention now covers
    named = [k for k in kept if not k.generic]
    final = _written_together([k for k in kept if not (k.generic and any(n.start <= k.start and k.end <= n.end for n in named))])
    out = []
    for c in sorted(final, key=lambda c: (c.start, c.end)):
        surface = text[c.start:c.end]
        name = cues.strip_industry_suffix(surface) if c.cls == "Industry" else surface
        out.append(Mention(doc_id, c.start, c.end, surface, c.cls, c.stage, c.score, name,
                           c.subclass, c.generic, c.level))
    return out


def _written_together(cands: list[Candidate]) -> list[Candidate]:
    """遥感通信, 新能源光伏: industries written one right after the other, with nothing between, are
    one industry named as written (the contract keeps compounds whole)."""
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (c.start, c.end)):
        last = out[-1] if out else None
        if last is not None and c.cls == last.cls == "Industry" and last.end == c.start \
                and not (c.generic or last.generic):
            out[-1] = replace(last, end=c.end)
        else:
            out.append(c)
    return out
