"""Segmentation: two engines, one user dictionary, the same tokens."""
from __future__ import annotations

import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import ParkKGError
from kg.extract import segment
from kg.extract.segment import Entry, Segmenter, default_engine, dictionary_total, user_dictionary
from kg.ontology import Lexicon

# runs of characters where the engines' HMMs part ways (non-Han runs with - . %), names and news words
WORDS = ["2023-2025年", "1-7月", "RISC-V", "002966.SZ", "163.com", "0471-6321727", "10.02%", "A334",
         "同里", "农文旅", "融合发展区", "苏州高新区", "集成电路", "聚焦", "有限公司", "迈为", "博众", "小驴",
         "鼓楼区", "贾警官", "\u3400", "\u9fd6", "\uf900", "\U00020000", "\u3000", "、", "，", "。", " ", "\r\n", "\t", "-", ".", "_", "&", "#", "+", "%", "a", "Park"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(st.characters(exclude_categories=("Cs",)), max_size=3)),
                 max_size=25).map("".join)


@pytest.fixture(scope="module")
def reference(lexicon):
    return Segmenter(lexicon, engine="jieba")


@pytest.fixture(scope="module")
def rust(lexicon):
    pytest.importorskip("rjieba")
    return Segmenter(lexicon, engine="rjieba")


@settings(max_examples=300, deadline=None)
@given(texts)
def test_both_engines_give_the_same_tokens(reference, rust, text):
    assert rust.tokens(text, offset=5) == reference.tokens(text, offset=5)


def test_a_non_han_run_is_cut_as_jieba_cuts_it(reference, rust):
    # jieba-rs's HMM keeps 2023-2025 and RISC-V whole; jieba splits them at - and .
    for text in ("2023-2025年度有限合伙人榜单", "2023年RISC-V中国峰会", "贾警官0471-6321727", "002966.SZ"):
        assert rust.words(text) == reference.words(text) == reference.engine.lcut(text)
    assert "2023-2025" not in rust.words("2023-2025年度有限合伙人榜单")


@settings(max_examples=200, deadline=None)
@given(st.lists(texts, min_size=1, max_size=4))
def test_jieba_engine_cuts_as_jieba_does_whatever_it_has_cut_before(reference, parts):
    # runs of Han text are cut once and remembered: a run met again, in another text, must cut the same
    for text in parts + ["，".join(parts), "".join(reversed(parts))]:
        assert [t.word for t in reference.tokens(text, offset=3)] == reference.engine.lcut(text)


def test_rjieba_embeds_jiebas_dictionary(rust):
    import rjieba

    plain = rjieba.Jieba()
    words = sorted(segment.base_dictionary())[::97]
    assert all(plain.has_word(w) for w in words)


def test_pos_and_frequency_come_from_jiebas_dictionary_whatever_the_engine(reference, rust):
    for word in ("聚焦", "苏州", "公司", "集成电路", "贾警官"):
        assert rust.pos(word) == reference.pos(word)
        assert rust.frequency(word) == reference.frequency(word)
    assert rust.pos("贾警官") == segment.UNKNOWN


def test_user_dictionary_raises_terms_and_adds_missing_places():
    lex = Lexicon()
    lex.industry_labels = {"集成电路": "i1", "稀土": "i2"}
    lex.regions = {"甲乙镇": "r1", "中国": "r2", "稀土": "r3"}
    base = {"中国": 95000, "集成电路": 2000, "稀土": 300}
    entries = user_dictionary(lex, base)
    # 集成电路 keeps its higher frequency (no entry); 稀土 is raised; 中国 is known; 甲乙镇 is a rare word
    assert entries == (Entry("稀土", 1000), Entry("甲乙镇", 50))
    assert dictionary_total(base, entries) == 95000 + 2000 + 1000 + 50


def test_jieba_engine_total_is_the_sum_of_frequencies(reference):
    base = segment.base_dictionary()
    entries = user_dictionary(reference_lexicon(), base)
    assert reference.engine.tokenizer.total == dictionary_total(base, entries)


def reference_lexicon():
    from kg.ontology import load_lexicon

    return load_lexicon()


def test_the_environment_picks_the_engine(monkeypatch):
    monkeypatch.setenv("KG_SEGMENTER", "jieba")
    assert default_engine() == "jieba"
    monkeypatch.setenv("KG_SEGMENTER", "thulac")
    with pytest.raises(ParkKGError, match="unknown segmenter engine 'thulac'.*rjieba, jieba"):
        default_engine()


def test_without_rjieba_the_default_is_jieba(monkeypatch):
    monkeypatch.delenv("KG_SEGMENTER", raising=False)
    monkeypatch.setitem(sys.modules, "rjieba", None)  # import rjieba now raises ImportError
    assert default_engine() == "jieba"
    with pytest.raises(ParkKGError, match="pip install rjieba"):
        segment.RjiebaEngine((), {})


def test_segmenters_on_one_lexicon_share_their_engine(lexicon, reference):
    again = Segmenter(lexicon, engine="jieba")
    assert again.engine is reference.engine  # loaded once per process
    assert again.tokens("苏州高新区聚焦集成电路") == reference.tokens("苏州高新区聚焦集成电路")
