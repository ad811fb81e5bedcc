"""Finding the catalogue's zone names in a text (kg.extract.catalogue_match)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.catalogue_match import EndingMatcher, starts_pattern
from kg.extract.gazetteer import Gazetteer

ENDINGS = ["开发区", "经济开发区", "经济技术开发区", "高新区", "园区", "工业园区", "区", "新区开发区"]
TERMS = {"武汉经开区": "a", "经开区": "b", "武汉东湖高新区": "c", "东湖高新区": "d", "苏州工业园区": "e",
         "北京经济技术开发区": "f", "技术开发区": "g", "浦东新区开发区": "h"}
TERM_ENDINGS = {"经开区", "高新区", "工业园区", "经济技术开发区", "开发区", "新区开发区"}


def _naive_starts(words, text):
    return [i for i in range(len(text)) if any(text.startswith(w, i) for w in words)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("开发区经济技术高新园工业新和")), max_size=40).map("".join))
def test_every_start_of_every_ending_is_found_overlapping_ones_too(text):
    pattern = starts_pattern(ENDINGS)
    assert [m.start() for m in pattern.finditer(text)] == _naive_starts(ENDINGS, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("武汉经开区东湖高新苏州工业园北京济技术发浦新和")), max_size=40).map("".join))
def test_the_ending_matcher_finds_what_the_gazetteer_finds_on_any_text(text):
    assert EndingMatcher(TERMS, TERM_ENDINGS).find(text) == Gazetteer(TERMS).find(text)


def test_no_endings_no_pattern_and_no_matches():
    assert starts_pattern([]) is None
    assert EndingMatcher({}, set()).find("武汉经开区") == []
