"""Goal cues alone: which numbers a goal word governs, and the deadline year."""
from __future__ import annotations

import pytest

from kg.extract.targets_goals import GoalCues, clause_at


@pytest.fixture(scope="module")
def goals(lexicon):
    return GoalCues(lexicon)


def test_clause_at_is_the_span_between_clause_marks():
    assert clause_at("甲，乙丙，丁", 2, 3) == (2, 4)


def test_a_goal_word_in_the_clause_governs_its_number(goals):
    text = "力争产值超300亿元"
    assert goals.governs(text, text.index("300"))


def test_a_short_goal_head_governs_the_clauses_after_it(goals):
    text = "力争到2025年，产值超300亿元，税收超10亿元。"
    assert goals.governs(text, text.index("10"))


def test_a_number_without_a_goal_is_not_governed(goals):
    text = "去年产值300亿元。"
    assert not goals.governs(text, text.index("300"))


def test_the_deadline_year_is_the_last_one_stated_before(goals):
    text = "到2025年，产值超300亿元。"
    assert goals.year_of(text, text.index("300")) == 2025
    text = "到2025年，力争5年内产值超300亿元。"
    assert goals.year_of(text, text.index("300")) is None


def test_a_forecast_before_the_number_governs_it(goals):
    text = "预计到2025年，产值将达300亿元。"
    assert goals.forecast_governs(text, text.index("300"))
