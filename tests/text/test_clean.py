from hypothesis import given, settings
from hypothesis import strategies as st

from kg.text.clean import clean_text


def test_joins_lines_broken_mid_word_in_a_column():
    raw = ("苏州高新区围绕国家高新技术产业开发区高质量发\n"
           "展的若干意见的文件精神，牢牢把握高和新发展定\n"
           "位，以创新驱动发展为根本路径。\n")
    cleaned, _ = clean_text(raw)
    assert "高质量发展的若干意见" in cleaned
    assert "发展定位" in cleaned


def test_joins_across_blank_lines_between_column_lines():
    raw = "一年多来，苏州高新区围绕国务院关于促进国\n\n家高新技术产业开发区高质量发展的若干意见\n\n的文件精神。"
    cleaned, _ = clean_text(raw)
    assert "促进国家高新技术产业开发区" in cleaned


def test_collapses_pdf_spaced_characters():
    cleaned, _ = clean_text("推 动 绿 色 发 展 。 燕 郊 高 新 区 编 制 了 方 案 。")
    assert "燕郊高新区编制了方案。" in cleaned


def test_keeps_space_between_latin_words():
    cleaned, _ = clean_text("Suzhou Industrial Park 苏州工业园区")
    assert cleaned.startswith("Suzhou Industrial Park苏州")


def test_short_heading_stays_on_its_own_line():
    raw = "江阴临港经济开发区是全省省级开发区中的排头兵。\n\n对标先进\n\n无锡经开区党工委书记表示，要学习苏州工业园区。"
    cleaned, _ = clean_text(raw)
    assert "\n对标先进\n" in cleaned


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("园区高新开发 \n\t。，ab1") + ["\u3000"]), max_size=200))
def test_offsets_map_back_to_the_raw_text(raw):
    cleaned, offsets = clean_text(raw)
    assert len(offsets) == len(cleaned) + 1
    for i, ch in enumerate(cleaned):
        if ch not in "\n ":
            assert raw[offsets[i]] == ch
    assert list(offsets[:-1]) == sorted(offsets[:-1])


def test_web_and_word_lines_are_never_joined():
    raw = "苏州工业园区年度发展报告\n园区聚焦生物医药产业发展。"
    joined, _ = clean_text(raw)
    kept, _ = clean_text(raw, join_lines=False)
    assert "\n" not in joined  # a newspaper line as long as the next one is joined
    assert kept == raw  # a web page or Word paragraph is not


def test_offsets_past_the_cached_run_are_made_one_by_one(monkeypatch):
    from kg.text import clean

    raw = "苏州 高新区\n聚焦集成电路。\n" * 20
    expected, expected_offsets = clean_text(raw)
    monkeypatch.setattr(clean, "_IOTA", clean._Offsets())
    monkeypatch.setattr(clean._Offsets, "limit", 16)  # the text is longer than the cached offsets
    cleaned, offsets = clean_text(raw)
    assert cleaned == expected and offsets == expected_offsets
    assert len(clean._IOTA.values) == 16
