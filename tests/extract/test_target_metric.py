"""What a goal measures: the park, lead words and open asides leave a target's metric; a count brings its noun."""
from __future__ import annotations

import pytest

from kg.extract.target_metric import MetricWords


@pytest.fixture(scope="module")
def words(lexicon):
    return MetricWords(lexicon)


def test_the_park_and_a_plan_word_that_open_the_clause_are_no_part_of_the_metric(words):
    assert words.tidy("云溪高新区计划建成") == "建成"
    assert words.tidy("生命健康总产值") == "生命健康总产值"  # nothing to drop
    assert words.tidy("拟新增") == "新增"


def test_a_time_word_and_a_short_subject_before_the_plan_word_are_no_part_of_the_metric(words):
    assert words.tidy("今后三年全区将新增") == "新增"
    assert words.tidy("园区年产值") == "园区年产值"  # no plan word: nothing to drop


def test_an_aside_still_open_and_a_relative_clause_leave_the_last_phrase(words):
    assert words.tidy("按照7755（招商引资协议投资中工业占比") == "招商引资协议投资中工业占比"
    assert words.tidy("设立海外商务中心（离岸创新中心）") == "设立海外商务中心（离岸创新中心）"  # closed: kept
    assert words.tidy("锚定升级后确定的五年满园区") == "五年满园区"


def test_a_count_brings_the_noun_it_counts(words):
    text = "到2025年建成6个生态清洁小流域，新增企业50家。"
    end = text.index("个") + 1
    assert words.counted(text, end, "个") == "生态清洁小流域"
    assert words.counted(text, text.index("家") + 1, "家") == ""  # the clause ends at the count
    scaled = "形成7个百亿级产业集群。"
    assert words.counted(scaled, scaled.index("个") + 1, "个") == ""  # a scale qualifies the items
    assert words.counted(text, end, "亿元") == ""  # an amount counts no items


def test_the_extracted_target_reads_the_whole_metric(run_text):
    result = run_text("云溪高新区计划到2025年建成6个生态清洁小流域。")
    assert [(t.metric, t.value, t.unit) for t in result.targets] == [("建成生态清洁小流域", 6.0, "个")]


def test_the_copula_a_goal_word_leaves_is_no_part_of_the_metric(run_text):
    targets = run_text("青禾产业园目标是到2030年产值突破300亿元。").targets
    assert [(t.metric, t.value) for t in targets] == [("产值", 300.0)]
