"""Where the name before a type word starts (`kg.extract.names.type_word_start`)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def start(pipeline):
    from kg.extract.names.type_word_start import name_start_before

    cues = pipeline.recognizer.cues  # the cue index of the whole lexicon

    def run(text: str, form: str, cls: str) -> str:
        t = text.index(form)
        s = name_start_before(cues, cues.seg.tokens(text, 0), text, 0, t, cls, "", t + len(form))
        return text[s:t + len(form)]

    return run


def test_a_quoted_platform_name_starts_after_the_quote_whatever_it_holds(start):
    assert start("由“青禾与禾丰联合研究中心”牵头", "研究中心", "Platform") == "青禾与禾丰联合研究中心"


def test_the_walk_stops_at_a_verb_before_a_firms_name(start):
    assert start("记者走进青禾微纳科技有限公司", "有限公司", "Enterprise") == "青禾微纳科技有限公司"
    assert start("苏州禾丰高新区发布", "高新区", "Park") == "苏州禾丰高新区"
