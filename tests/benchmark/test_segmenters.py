"""Comparing the segmenters' mentions: a difference is reported on the side that found it."""
from __future__ import annotations

from kg.benchmark.segmenters import MentionDiff, SegmenterComparison, compare_segmenters
from kg.text.readers import RawDocument


def test_engines_find_the_same_mentions_on_number_ranges_and_latin_names(lexicon):
    docs = [RawDocument("d1", "2023-2025年，苏州高新区聚焦集成电路产业，电话0512-6321727。", "d1"),
            RawDocument("d2", "RISC-V中国峰会在无锡经开区举行。", "d2")]
    comparison = compare_segmenters(docs, lexicon)
    assert comparison.documents == 2 and comparison.differing == []
    assert comparison.mentions["rjieba"] == comparison.mentions["jieba"] > 0


def test_a_difference_is_listed_under_the_engine_that_found_it():
    comparison = SegmenterComparison(("rjieba", "jieba"), 1, {"rjieba": 2, "jieba": 1},
                                     [MentionDiff("d1", {"rjieba": ((0, 4, "苏州高新", "Park", "grammar"),),
                                                         "jieba": ()})])
    assert list(comparison.lines()) == ["d1\trjieba only\t0-4\t苏州高新\tPark\tgrammar"]
    assert comparison.summary()["only"] == {"rjieba": 1, "jieba": 0}
