"""Encodings: every common Chinese encoding reads back to the same text; what cannot be read is named."""
from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.text.readers import MAX_TEXT_BYTES, decode_bytes, iter_sources


def read_one(path):
    """The one document of `path`, or raise the InputError the reader gives for it."""
    [item] = list(iter_sources([path]))
    if isinstance(item, InputError):
        raise item
    return item

SIMPLIFIED = "苏州高新区聚焦集成电路、生物医药等主导产业，到2025年规上工业总产值超过3000亿元。"
TRADITIONAL = "新竹科學園區是臺灣半導體產業的重鎮，園區內有積體電路、光電與精密機械等產業。"
MIXED = "Suzhou Industrial Park（苏州工业园区）2025年GDP超过4000亿元，BioBAY集聚生物医药企业。"


@pytest.mark.parametrize("text", [SIMPLIFIED, TRADITIONAL, MIXED], ids=["simplified", "traditional", "mixed"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-32"])
def test_unicode_and_gb_encodings_read_back(text, encoding):
    assert decode_bytes(text.encode(encoding), "f.txt") == text


@pytest.mark.parametrize("text", [TRADITIONAL, "臺北內湖科技園區發展資訊產業與軟體服務。", "園區發展"])
def test_big5_reads_back_and_is_not_taken_for_gb18030(text):
    # GB18030 decodes these bytes too, into rare characters; the reader must prefer Big5
    assert decode_bytes(text.encode("big5"), "tw.txt") == text


@pytest.mark.parametrize("text", ["高新区", "园区", "苏州工业园区", "经开区"])
def test_short_gbk_texts_stay_gbk(text):
    # charset-normalizer alone calls 高新区 in GBK Big5; ties go to GB18030
    assert decode_bytes(text.encode("gbk"), "short.txt") == text


def test_utf8_bom_is_dropped():
    assert decode_bytes(b"\xef\xbb\xbf" + "园区".encode(), "bom.txt") == "园区"


def test_utf8_with_one_damaged_byte_stays_utf8():
    data = (SIMPLIFIED * 5).encode("utf-8")
    cut = data[:-1]  # a truncated download: the last character loses a byte
    text = decode_bytes(cut, "cut.txt")
    assert text.startswith(SIMPLIFIED) and text.endswith("\ufffd")


def test_gbk_english_file_with_few_chinese_characters_is_not_read_as_damaged_utf8():
    text = "The park plan names 苏州 once. " + "Plain English text follows. " * 200
    assert decode_bytes(text.encode("gbk"), "en.txt") == text


@pytest.mark.parametrize("data, words", [
    (b"", "empty"),
    (b" \n\t\r\n", "empty"),
    (b"\xef\xbb\xbf", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    (bytes(4096), "binary"),
    (b"\x80\xfe\xff\xa1\x40\x81\x30\x81" * 40, "encoding"),  # no encoding reads this as text
    (bytes(range(0x80, 0x100)) * 20, "encoding"),
], ids=["empty", "whitespace", "bom-only", "png", "zeros", "undecidable", "high-bytes"])
def test_bad_bytes_get_one_line_error_naming_the_file(data, words):
    with pytest.raises(InputError) as info:
        decode_bytes(data, "some/dir/bad.txt")
    message = str(info.value)
    assert message.startswith("some/dir/bad.txt: ")
    assert words in message
    assert "\n" not in message


def test_undecidable_error_says_how_to_fix():
    with pytest.raises(InputError, match="convert the file to UTF-8"):
        decode_bytes(b"\x80\xfe\xff\xa1\x40\x81\x30\x81" * 40, "x.txt")


def test_text_over_the_limit_is_refused_without_decoding():
    with pytest.raises(InputError, match="split it into smaller files"):
        decode_bytes(b"a" * (MAX_TEXT_BYTES + 1), "big.txt")


def test_big_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:  # sparse: costs no disk and no time
        handle.write(SIMPLIFIED.encode("utf-8"))
        handle.truncate(100 * 2 ** 20)
    read = []
    monkeypatch.setattr(type(big), "read_bytes", lambda self: read.append(self) or b"")
    with pytest.raises(InputError) as info:
        read_one(big)
    assert str(info.value) == (f"{big}: 100 MB of text is more than parkkg reads as one document "
                               f"({MAX_TEXT_BYTES // 2 ** 20} MB); split it into smaller files")
    assert read == []


@pytest.mark.parametrize("encoding", ["utf-8", "gbk", "big5"])
def test_read_path_reads_each_encoding_from_disk(tmp_path, encoding):
    path = tmp_path / f"{encoding}.txt"
    text = "天津科技公司研究中心，主要研究工具與材料。"  # written alike in both scripts: no conversion
    path.write_bytes(text.encode(encoding))
    assert read_one(path).text == text
