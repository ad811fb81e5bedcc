"""Where the name before a type word starts (the `grammar:type-word` grammar, `kg.extract.names.type_word`).

The walk back over the sentence's words (`edges.walk_back`) finds the widest prefix; the cuts
(`cuts`) and the leads (`leads`: a date, a quantity, an address, a department, a province) then move
its start right; a firm's or platform's prefix also loses a park word or a park before its own name.
"""
from __future__ import annotations

import re

from kg.extract.names import leads
from kg.extract.names.cues import FUNCTION_POS, CueIndex
from kg.extract.names.cuts import cut_point, strip_left_boundaries
from kg.extract.names.edges import Walk, walk_back
from kg.extract.names.firm_start import firm_name_start
from kg.extract.names.rules import CAPS

_HAN = re.compile(r"[\u4e00-\u9fff]+")


def name_start_before(cues: CueIndex, tokens, text: str, base: int, t_start: int, cls: str,
                level: str = "", t_end: int | None = None) -> int | None:
    """Where the name ending at the type word starts (sentence offsets + base); None for no park name."""
    if cls != "Park" and t_end is not None and text[t_end - base:t_end - base + 1] == "”":
        quoted = _quoted_start(text, base, t_start, CAPS[cls].list_item + CAPS[cls].type_word_prefix)
        if quoted is not None:
            return quoted
    walk = Walk(CAPS[cls].type_word_prefix, base, park=cls == "Park", inner_ok=cls != "Park",
                firm=cls == "Enterprise", through_zone=level == "subpark")
    # 中欧先进制造产业园: an industry name before a sub-park's type word is part of its name, verb or not
    industry = _industry_before(cues, tokens, text, base, t_start) if level == "subpark" else 0
    name_start = walk_back(cues, tokens, text, base, t_start - industry, walk) if industry else t_start
    if industry and name_start == t_start - industry and not _place_before(cues, tokens, name_start):
        name_start = t_start  # no place before the industry: walk as before (发展先进制造产业园 stays generic)
    if name_start == t_start:
        name_start = walk_back(cues, tokens, text, base, t_start, walk)
    name_start = strip_left_boundaries(cues, name_start, t_start, text, base)
    name_start += leads.date_unit_before(cues, text, name_start - base, t_start - base)
    name_start += cut_point(cues, text[name_start - base:t_start - base], enterprise=cls == "Enterprise")
    quantity = leads.leading_quantity(cues, text[name_start - base:t_start - base])
    if quantity and cues.common_words(text[name_start + quantity - base:t_start - base]):
        return None  # 建设10万平方米左右研发创新中心: a size and a kind of centre, no name
    name_start += quantity
    address = leads.street_address(cues, text[name_start - base:t_start - base])
    if address:
        name_start = strip_left_boundaries(cues, name_start + address, t_start, text, base)
    name_start = firm_name_start(cues, tokens, text, base, name_start, t_start, t_end) if cls == "Enterprise" else name_start
    if cls != "Park":
        return name_start + _non_park_lead(cues, text, base, name_start, t_start, t_end, cls)
    prefix = text[name_start - base:t_start - base]
    department = leads.after_department(cues, prefix)
    if department == len(prefix) and prefix:
        return None  # 商务厅开发区处, 商务部自贸区: an office or the business of a department
    if department:  # 青岛海警局及西海岸新区: the park's name starts after the department
        name_start = strip_left_boundaries(cues, name_start + department, t_start, text, base)
    name_start += leads.leading_province(cues, text[name_start - base:t_start - base])
    name_start += leads.leading_service_verb(cues, text[name_start - base:t_start - base])
    name_start += leads.address_before_name(cues, text[name_start - base:t_start - base])
    return name_start


def _non_park_lead(cues: CueIndex, text: str, base: int, name_start: int, t_start: int, t_end: int | None,
                   cls: str) -> int:
    """Length of what opens a firm's or platform's prefix and is no part of its name: a park word
    (高新区寒武纪…有限公司), a park before a short name (连云港高新区|如年实业), a person or a team
    before a university (某某|西安交通大学)."""
    lead = _leading_park_word(cues, text[name_start - base:t_start - base])
    if cls == "Enterprise" and t_end is not None and not text[:t_end - base].endswith(cues.words["company_suffixes"]):
        lead += leads.leading_park_name(cues, text[name_start + lead - base:t_start - base])
    form = text[t_start - base:t_end - base] if t_end is not None else ""
    if cls == "Platform" and cues.type_words.get(form, ("", ""))[1] == "University":
        lead += leads.words_before_place(cues, text[name_start + lead - base:t_start - base])
    return lead + leads.address_before_name(cues, text[name_start + lead - base:t_start - base])  # 三明市|三明学院


def _quoted_start(text: str, base: int, t_start: int, reach: int) -> int | None:
    """“粤港澳中医药政策与技术研究中心”: a platform's or firm's name set in quotes ends at its type
    word and starts after the opening quote, whatever words it holds (与, 中); None when it is not
    quoted, or the quotes hold a chain (众创空间—孵化器—加速器) rather than a name."""
    end = t_start - base
    opening = text.rfind("“", max(0, end - reach), end)
    if opening < 0 or opening + 1 >= end or any(ch in text[opening + 1:end] for ch in "“”，。；：、！？—-+"):
        return None
    return opening + 1 + base


def _industry_before(cues: CueIndex, tokens, text: str, base: int, t_start: int) -> int:
    """Length of the longest industry name of whole words that ends right before the type word and
    opens with no place (中欧|先进制造|产业园 -> 4), or 0."""
    end = t_start - base
    starts = {t.start - base for t in tokens}
    for size in range(min(8, end), 1, -1):
        name = text[end - size:end]
        if (end - size in starts and _HAN.fullmatch(name) and cues.is_industry_name(name)
                and all(t.word not in cues.lex.boundaries and t.pos not in FUNCTION_POS
                        for t in tokens if end - size <= t.start - base < end)
                and not any(cues.is_place(name[:k]) for k in range(2, min(4, size) + 1))):
            return size
    return 0


def _place_before(cues: CueIndex, tokens, start: int) -> bool:
    return any(t.end == start and cues.is_place(t.word) for t in tokens)


def _leading_park_word(cues: CueIndex, prefix: str) -> int:
    """Length of a generic park word (高新区, 开发区) that opens a firm's or platform's prefix, else 0."""
    if not prefix.startswith(cues.type_forms):
        return 0
    for form in cues.type_forms:
        if prefix.startswith(form) and len(prefix) - len(form) >= 3 and cues.type_words[form][0] == "Park" \
                and form in cues.lex.generic:
            return len(form)
    return 0
