"""Traditional Chinese: detect it and convert it to simplified for recognition, offsets unchanged.

The ontology, the gazetteer and jieba's dictionary are simplified, so a Hong Kong
or Taiwan text (蘇州工業園區) is recognised only after conversion (苏州工业园区).
The conversion keeps the length of the text, so every offset into the simplified
text is also an offset into the original, and evidence can be shown as written.

Conversion uses OpenCC's t2s tables (``pip install 'parkkg[formats]'``). Phrase
conversion is tried line by line; a line whose phrase conversion would change its
length is converted character by character instead.

>>> simplify_text("蘇州工業園區聚焦生物醫藥。")
'苏州工业园区聚焦生物医药。'
>>> is_traditional("蘇州工業園區聚焦生物醫藥。"), is_traditional("苏州工业园区聚焦生物医药。")
(True, False)
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from functools import lru_cache

from kg.errors import InputError, missing_extra

# A text is traditional when at least this share of its Han characters (and at
# least MIN_CHARS of them) are traditional-only forms. Simplified texts reach a
# few per mille at most (於, 乾, 著 in names and quotations).
MIN_RATIO = 0.05
MIN_CHARS = 2

# Frequent traditional-only characters (each one t2s changes), so that a missing
# OpenCC can be reported for a traditional text instead of silently missing it.
_COMMON_TRADITIONAL = frozenset(
    "來個們備價儀億優儲內創劃動務勢區協員問單國園團場學實寫將專對導層師幾廠廣強後從愛態應揮擇據擴數時書會"
    "東條業極樣橋機檢權歲歷氣氫測準滬濟熱燒營現環產當療發種積築紀純級組結絡統經綠維網線編縣總織聯聽與興舉"
    "萬藥蘇處號術裝裡製見規親計訊設話該認語說調識議護讀變買費貿資賣質車軟較輛輯辦農這進過達選還邊鄉醫鋰錄"
    "錢鎮鏈鐵長門開關陽隊際險離難雲電項領題顯風體麼點")


_COMMON_TRADITIONAL_RE = re.compile(f"[{''.join(sorted(_COMMON_TRADITIONAL))}]")
_HAN = re.compile("[\u4e00-\u9fff\u3400-\u4dbf\U00020000-\U0002ffff\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _opencc():
    """The t2s converter, or None when OpenCC is not installed."""
    try:
        from opencc import OpenCC
    except ImportError:
        return None
    try:  # opencc-python-reimplemented
        return OpenCC("t2s")
    except Exception:  # the official OpenCC wheels name the config file
        return OpenCC("t2s.json")


def has_converter() -> bool:
    """True when OpenCC is installed."""
    return _opencc() is not None


@lru_cache(maxsize=65536)
def _char(ch: str) -> str:
    """The simplified form of one character; itself when t2s gives none or more than one."""
    cc = _opencc()
    if cc is None:
        return ch
    out = cc.convert(ch)
    return out if len(out) == 1 else ch


def traditional_counts(text: str) -> tuple[int, int]:
    """(traditional-only characters, Han characters) in `text`.

    >>> traditional_counts("蘇州園區 Suzhou")
    (3, 4)
    """
    han_chars = _HAN.findall(text)
    converter = has_converter()
    trad = 0
    for ch, count in Counter(han_chars).items():  # each distinct character once: this runs on every document read
        if (_char(ch) != ch) if converter else (ch in _COMMON_TRADITIONAL):
            trad += count
    return trad, len(han_chars)


def is_traditional(text: str) -> bool:
    """True when `text` is written in traditional characters (see MIN_RATIO).

    Every document read goes through here, so a text with none of the frequent
    traditional-only characters (a simplified one, nearly always) is answered
    by one regex scan, without counting its characters.
    """
    if not _COMMON_TRADITIONAL_RE.search(text):
        return False
    trad, han = traditional_counts(text)
    return trad >= MIN_CHARS and trad >= MIN_RATIO * han


def simplify_text(text: str) -> str:
    """`text` in simplified characters, always of the same length.

    >>> s = simplify_text("後來，台積電在蘇州設廠。\\n文件夾")
    >>> s, len(s) == len("後來，台積電在蘇州設廠。\\n文件夾")
    ('后来，台积电在苏州设厂。\\n文件夹', True)
    """
    cc = _opencc()
    if cc is None:
        raise missing_extra("opencc-python-reimplemented", "formats")
    out = []
    for line in text.splitlines(keepends=True):
        converted = cc.convert(line)
        if len(converted) != len(line):
            converted = "".join(_char(ch) for ch in line)
        out.append(converted)
    result = "".join(out)
    if len(result) != len(text):  # pragma: no cover - guarded per line above
        result = "".join(_char(ch) for ch in text)
    return result


def simplify_document(raw):
    """A `RawDocument` ready for recognition: traditional text converted, the original kept.

    Returns `raw` unchanged when it is simplified (or already converted). Raises
    `InputError` for a traditional text when OpenCC is missing, since recognising it
    unconverted would silently find almost nothing.
    """
    if getattr(raw, "original_text", "") or not is_traditional(raw.text):
        return raw
    if not has_converter():
        raise InputError(f"{raw.source}: the text is in traditional Chinese and converting it for recognition "
                         "needs OpenCC, which is not installed; install it with: pip install 'parkkg[formats]'")
    return dataclasses.replace(raw, text=simplify_text(raw.text), original_text=raw.text)


def map_original(cleaned: str, offsets, raw: str, original: str) -> str:
    """The cleaned text in the original script: `original` mapped through the cleaner's offsets.

    ``offsets[i]`` is the raw index of cleaned character i (as `kg.text.clean.clean_text`
    returns). Characters the cleaner copied take their original form; characters it
    inserted (line joins) stay as they are. The result has the length of `cleaned`.

    >>> from kg.text.clean import clean_text
    >>> raw_original = "蘇州工業園區聚焦生物\\n醫藥產業。\\n\\n台 積 電"
    >>> raw = simplify_text(raw_original)
    >>> cleaned, offsets = clean_text(raw)
    >>> cleaned
    '苏州工业园区聚焦生物医药产业。\\n台积电'
    >>> map_original(cleaned, offsets, raw, raw_original)
    '蘇州工業園區聚焦生物醫藥產業。\\n台積電'
    """
    if not original or len(original) != len(raw):
        return ""
    out = []
    for i, ch in enumerate(cleaned):
        o = offsets[i]
        out.append(original[o] if o < len(raw) and raw[o] == ch else ch)
    return "".join(out)
