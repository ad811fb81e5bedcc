"""The gazetteer engines: HanLP's triple shape, longest match, and agreement between engines."""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import OptionalDependencyError, ParkKGError
from kg.extract.gazetteer import ENGINES, Gazetteer, RegexEngine, compare_engines

TERMS = {"生物医药": "biomed", "医药": "pharma", "医疗器械": "devices", "新能源": "ne",
         "新能源汽车": "nev", "集成电路": "ic", "AI": "ai", "人工智能": "ai-zh", "能源": "energy"}

try:
    import hanlp_trie  # noqa: F401

    AVAILABLE = ENGINES
except ImportError:  # the hanlp extra is not installed: test the standard-library engine alone
    AVAILABLE = ("regex",)


@pytest.mark.parametrize("engine", AVAILABLE)
def test_longest_match_non_overlapping(engine):
    g = Gazetteer(TERMS, engine=engine)
    text = "园区发展新能源汽车、生物医药和医药，布局新能源。"
    assert g.find(text) == [(4, 9, "nev"), (10, 14, "biomed"), (15, 17, "pharma"), (20, 23, "ne")]


@pytest.mark.parametrize("engine", AVAILABLE)
def test_empty_dictionary_and_text(engine):
    assert Gazetteer({}, engine=engine).find("生物医药") == []
    assert Gazetteer(TERMS, engine=engine).find("") == []


@given(st.lists(st.sampled_from(sorted(TERMS) + ["和", "园区", "A", "医", "新", "，"]), max_size=30))
@settings(max_examples=150, deadline=None)
def test_engines_agree_and_offsets_hold(pieces):
    text = "".join(pieces)
    results = [Gazetteer(TERMS, engine=e).find(text) for e in AVAILABLE]
    for found in results:
        last_end = 0
        for b, e, label in found:
            assert text[b:e] in TERMS and TERMS[text[b:e]] == label
            assert b >= last_end  # never overlapping, left to right
            last_end = e
    assert all(r == results[0] for r in results)


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(ParkKGError, match="regex, trie"):
        Gazetteer(TERMS, engine="aho")


def test_trie_engine_without_the_extra_names_the_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "hanlp_trie", None)  # import hanlp_trie now raises ImportError
    with pytest.raises(OptionalDependencyError, match=r"pip install 'parkkg\[hanlp\]'"):
        Gazetteer(TERMS, engine="trie")
    assert RegexEngine(TERMS).find("医药") == [(0, 2, "pharma")]


def test_compare_engines_reports_each_engine():
    texts = ["聚焦生物医药和集成电路", "发展新能源汽车", "无"]
    c = compare_engines(texts, TERMS, engines=AVAILABLE, repeat=1)
    assert [r.engine for r in c.runs] == list(AVAILABLE)
    assert all(r.matches == 3 and r.chars == sum(map(len, texts)) for r in c.runs)
    assert c.agreement == 1.0 and c.differing == ()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text("生物医药集成电路ab-.", min_size=1, max_size=5), max_size=12),
       st.text("生物医药集成电路ab-.和、", max_size=40))
def test_trie_pattern_finds_what_the_longest_first_alternation_finds(words, text):
    from kg.extract.gazetteer import trie_pattern

    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    alternation = re.compile("|".join(re.escape(w) for w in ordered)) if ordered else None
    trie = trie_pattern(words)
    expected = [m.span() for m in alternation.finditer(text)] if alternation else []
    assert ([m.span() for m in trie.finditer(text)] if trie else []) == expected
