"""Decoding a text file's bytes: UTF-8, UTF-16/32, GB18030/GBK, Big5 and what charset-normalizer knows.

>>> decode_bytes("园区".encode("utf-16"), "a.txt")
'园区'
"""
from __future__ import annotations

from functools import lru_cache

from kg.errors import InputError
from kg.text.clean import is_cjk


MAX_TEXT_BYTES = 10 * 1024 * 1024
"""The most text one file may hold (10 MiB); larger files are refused with a message to split them.

Measured on news text (one document, one core): the pipeline takes about 3 s and
60 MB of memory per MB of text and grows faster than linearly (4 MB: 14 s,
420 MB; 8 MB: 39 s, 570 MB), so a 100 MB file would take many minutes and
gigabytes. Refusing it at once, before decoding, is the honest answer.
"""

# Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_SAMPLE = 20000  # characters judged when choosing an encoding
_MAX_NUL_SHARE = 0.01  # NUL bytes in the first 8 KB beyond which a file is binary (UTF-16 aside)
_MIN_COMMON = 0.6  # share of common characters a legacy decoding needs to be believed


def decode_bytes(data: bytes, source: str) -> str:
    """Decode a text file's bytes, or raise an `InputError` that names `source` and says what to do.

    Reads UTF-8 (with or without BOM; a few damaged bytes become U+FFFD),
    UTF-16/32 with a BOM or plainly UTF-16 without one, GB18030/GBK/GB2312 and
    Big5. GB18030 decodes almost any byte string, and charset-normalizer cannot
    tell GBK from Big5 on short texts (高新区 in GBK comes back as Big5), so both
    legacy decodings are tried strictly and the one with more common characters
    (those of GB2312 and of Big5 level 1) wins; ties go to GB18030, since most
    sources are mainland. charset-normalizer judges what is left (Shift-JIS,
    Latin-1, ...).

    >>> decode_bytes("苏州高新区聚焦集成电路。".encode("gbk"), "a.txt")
    '苏州高新区聚焦集成电路。'
    >>> decode_bytes("臺北內湖科技園區發展資訊產業。".encode("big5"), "b.txt")
    '臺北內湖科技園區發展資訊產業。'
    >>> decode_bytes(b"\\xef\\xbb\\xbf\\xe5\\x9b\\xad\\xe5\\x8c\\xba", "c.txt")
    '园区'
    >>> decode_bytes(b"  \\n", "d.txt")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: d.txt: the file is empty; remove it or give it text
    """
    text = _decode(data, source)
    if not text.strip():  # only spacing and separators Python counts as space (\x1c-\x1f, \x85)
        raise InputError(f"{source}: the file is empty; remove it or give it text")
    return text


def _decode(data: bytes, source: str) -> str:
    if len(data) > MAX_TEXT_BYTES:
        raise text_too_large(source, len(data))
    _refuse_empty(data, source)
    text = _with_bom(data, source)
    if text is not None:
        return text
    if b"\x00" in data[:8192]:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
    if b"\x00" in data:
        data = _drop_stray_nuls(data, source)
    for decoder in (_utf8, _legacy, _guessed):
        text = decoder(data)
        if text is not None:
            return text
    raise InputError(f"{source}: could not tell the text encoding (not UTF-8, and as GB18030 or Big5 it reads as "
                     "unlikely characters); convert the file to UTF-8, e.g. iconv -f GBK -t UTF-8")


def _refuse_empty(data: bytes, source: str) -> None:
    if not data.strip():
        raise InputError(f"{source}: the file is empty; remove it or give it text")


def _with_bom(data: bytes, source: str) -> str | None:
    """The text after a byte-order mark, None when there is none; a mark on what is not text is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, errors="replace")
            if not text.strip():
                raise InputError(f"{source}: the file is empty; remove it or give it text")
            if _mostly_text(text):
                return text
            raise InputError(f"{source}: starts with a {encoding} byte-order mark but is not {encoding} text; "
                             "convert the file to UTF-8")
    return None


def _drop_stray_nuls(data: bytes, source: str) -> bytes:
    """The bytes without NULs, when only a few stray ones (a damaged download) are there; else a binary file.

    No NUL byte is part of a character in UTF-8, GB18030 or Big5, so they are dropped wherever they are.
    """
    head = data[:8192]
    if head.count(b"\x00") > _MAX_NUL_SHARE * len(head):
        raise InputError(f"{source}: this looks like a binary file, not text; "
                         "give parkkg .txt, .html, .pdf or .docx files")
    data = data.replace(b"\x00", b"")
    _refuse_empty(data, source)
    return data


def _utf8(data: bytes) -> str | None:
    """UTF-8, or UTF-8 with a few damaged bytes (a truncated download) turned into U+FFFD; else None."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    if sum(1 for ch in text[:_SAMPLE * 5] if ord(ch) > 0x7F) >= 100 * damaged and _mostly_text(text):
        return text
    return None


def _legacy(data: bytes) -> str | None:
    """GB18030 or Big5, whichever reads as more common characters (ties: GB18030), if common enough."""
    candidates = []
    for encoding in ("gb18030", "big5"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_text(text):
            candidates.append((_commonness(text), encoding == "gb18030", text))
    if candidates:
        score, _, text = max(candidates, key=lambda c: c[:2])
        if score >= _MIN_COMMON:
            return text
    return None


def _guessed(data: bytes) -> str | None:
    """What charset-normalizer reads (Shift-JIS, Latin-1 ...), when it is text and no GB/Big5 guess."""
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is not None and best.encoding not in ("gb18030", "big5", "big5hkscs") and _mostly_text(str(best)):
            return str(best)
    except ImportError:  # pragma: no cover - a dependency, but the GB/Big5 path works without it
        pass
    return None


def text_too_large(source: str, size: int) -> InputError:
    """The error for a text over `MAX_TEXT_BYTES`.

    >>> str(text_too_large("big.txt", 100 * 2 ** 20))
    'big.txt: 100 MB of text is more than parkkg reads as one document (10 MB); split it into smaller files'
    """
    return InputError(f"{source}: {size / 2 ** 20:.0f} MB of text is more than parkkg reads as one document "
                      f"({MAX_TEXT_BYTES // 2 ** 20} MB); split it into smaller files")


def _mostly_text(text: str, tolerance: float = 0.01) -> bool:
    """True when at most `tolerance` of the first characters are replacement, control or private-use ones.

    >>> _mostly_text("园区\\n"), _mostly_text("\\x01\\x02园"), _mostly_text("")
    (True, False, False)
    """
    if not text:
        return False
    sample = text[:_SAMPLE]
    bad = sum(1 for ch in sample
              if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\r\n\t\f") or "\ue000" <= ch <= "\uf8ff")
    return bad <= tolerance * len(sample)


def _commonness(text: str) -> float:
    """The share of non-ASCII characters that are common Chinese characters or punctuation.

    A wrong legacy decoding yields rare characters, symbols and kana; a right
    one yields mostly common ones, in simplified or traditional script.

    >>> _commonness("苏州高新区"), _commonness("臺北園區"), _commonness("ｱｲｳ")
    (1.0, 1.0, 0.0)
    """
    sample = [ch for ch in text[:_SAMPLE] if ord(ch) > 0x7F]
    if not sample:
        return 1.0
    return sum(1 for ch in sample if _is_common(ch)) / len(sample)


@lru_cache(maxsize=65536)
def _is_common(ch: str) -> bool:
    """In GB2312's hanzi (rows B0-F7) or punctuation (rows A1-A3), or in Big5's level-1 hanzi or punctuation."""
    try:
        lead = ch.encode("gb2312")[0]
        if lead >= 0xB0 or 0xA1 <= lead <= 0xA3:
            return True
    except UnicodeEncodeError:
        pass
    try:
        lead = ch.encode("big5")[0]
    except UnicodeEncodeError:
        return False
    return 0xA1 <= lead <= 0xC6 and lead != 0xA3


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte-order mark (Windows tools do), or None.

    >>> _utf16_without_bom("园区 park".encode("utf-16-le")), _utf16_without_bom(bytes(64))
    ('园区 park', None)
    """
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:_SAMPLE]
        plain = sum(1 for ch in sample if is_cjk(ch) or (ch.isascii() and (ch.isprintable() or ch in "\r\n\t")))
        if sample.strip() and plain >= 0.95 * len(sample):
            return text
    return None


