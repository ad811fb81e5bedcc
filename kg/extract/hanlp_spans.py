"""Mapping a NER model's spans onto the ontology's classes, and the text a model sees.

Pure functions over the lexicon (no HanLP needed): `classify_span` classes a span
by the lexicon's type words, and by the model's tag only where no type word
speaks; `windows` and `model_chars` cut and mask a sentence for the model.
"""
from __future__ import annotations

import re
from functools import lru_cache

from kg.ontology import Lexicon
from kg.types import ENTITY_CLASSES

MAX_CHARS = 250  # longer sentences are tagged in windows of this size
# Tag sets of general HanLP models, mapped to a coarse kind.
ORG_TAGS = {"ORG", "NT", "ORGANIZATION", "ORGANIZATION_NAME", "NOR"}
LOC_TAGS = {"LOC", "NS", "GPE", "LOCATION", "FAC"}


@lru_cache(maxsize=4)
def _counted_pattern(counters: tuple) -> re.Pattern:
    return re.compile("^[0-9０-９一二三四五六七八九十百千万两几多数]+(?:" + "|".join(map(re.escape, counters)) + ")")


def _counted(lex: Lexicon) -> re.Pattern:
    """13家上市公司, 100个平台: a number and a classifier (the lexicon's ner-counter words) count things."""
    return _counted_pattern(lex.words("ner-counter"))


def _longest_suffix(name: str, words) -> str:
    best = ""
    for w in words:
        if len(w) > len(best) and name.endswith(w) and len(w) < len(name):
            best = w
    return best


def _only_modifiers(prefix: str, lex: Lexicon) -> bool:
    """True when `prefix` is made of generic modifiers alone (国家级, 该, 全省), maybe after a province
    (河北省级创新平台: a class of platforms in a province; province region IRIs end in 0000).

    >>> from kg.ontology import load_lexicon
    >>> lex = load_lexicon()
    >>> _only_modifiers("河北省级", lex), _only_modifiers("苏州国家", lex)
    (True, False)
    """
    if lex.only_modifiers(prefix):
        return True
    regions = getattr(lex, "regions", {})
    return any(str(regions.get(prefix[:k], "")).endswith("0000") and lex.only_modifiers(prefix[k:])
               for k in range(2, min(9, len(prefix))))


def _no_name(name: str, lex: Lexicon) -> bool:
    if len(name) < 2 or name in lex.generic or _counted(lex).match(name):
        return True  # 园区; 13家上市公司, 100个平台: counted things, not names
    # 2020年: a date or a number, not a name
    return sum(1 for ch in name if "\u4e00" <= ch <= "\u9fff") < 2 and not re.search(r"[A-Za-z]{2}", name)


def _by_type_word(park: str, platform: str, suffix: str, own, lex: Lexicon):
    """The class the longest type word gives, where the model's own class (if any) agrees; else None."""
    type_word = max((park, platform, suffix), key=len)
    if park and len(park) == len(type_word) and own in (None, "Park"):
        pt = lex.park_types[park]
        return ("Park", pt.cls, pt.level)
    if platform and len(platform) == len(type_word) and own in (None, "Platform"):
        return ("Platform", lex.platform_types[platform], "")
    if suffix and own in (None, "Enterprise"):
        return ("Enterprise", "Enterprise", "")
    return None


def classify_span(surface: str, tag: str, lex: Lexicon):
    """``(class, subclass, park level)`` for a model span, or None when it names no ontology thing.

    >>> from kg.ontology import load_lexicon
    >>> lex = load_lexicon()
    >>> classify_span("太湖实验室", "Platform", lex)
    ('Platform', 'Laboratory', '')
    >>> classify_span("高新区", "NS", lex) is None  # a type word alone is generic
    True
    """
    name = surface.strip()
    if _no_name(name, lex):
        return None
    own = tag if tag in ENTITY_CLASSES else {c.upper(): c for c in ENTITY_CLASSES}.get(tag.upper())
    tag = tag.upper().split("-")[-1]
    park = _longest_suffix(name, lex.park_types)
    platform = _longest_suffix(name, lex.platform_types)
    suffix = _longest_suffix(name, lex.enterprise_legal_suffixes | lex.enterprise_trade_suffixes)
    type_word = max((park, platform, suffix), key=len)
    if type_word and _only_modifiers(name[: -len(type_word)], lex):
        return None  # 国家级高新区, 该园区: generic
    if own == "Industry":
        return ("Industry", "Industry", "")
    if own is None and tag not in ORG_TAGS and tag not in LOC_TAGS:
        return None  # people, times, numbers
    typed = _by_type_word(park, platform, suffix, own, lex)
    if typed is not None:
        return typed
    if own is not None:
        return (own, own, "zone" if own == "Park" else "")
    if tag in ORG_TAGS and not any(name.endswith(b) for b in lex.boundaries if len(b) >= 2):
        return ("Enterprise", "Enterprise", "")  # an organisation with no type word: 华为, 重塑科技
    return None  # a bare place or an office (管委会)


def windows(text: str, size: int = MAX_CHARS):
    """(offset, piece) windows of at most `size` characters, cut after punctuation where possible.

    >>> [len(p) for _, p in windows("甲，" * 150, 100)]
    [100, 100, 100]
    """
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = max(text.rfind(ch, start + size // 2, end) for ch in "，；、,;")
            if cut > start:
                end = cut + 1
        yield start, text[start:end]
        start = end


def model_chars(text: str) -> list[str]:
    """The characters a model sees: whitespace becomes one placeholder, offsets unchanged.

    >>> model_chars("A 股")
    ['A', '_', '股']
    """
    return ["_" if ch.isspace() else ch for ch in text]
