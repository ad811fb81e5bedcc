"""A ten-word lexicon for testing one grammar at a time, built here rather than read from ontology/."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def tiny_cues():
    from kg.extract.names.cues import CueIndex
    from kg.ontology import Lexicon, ParkType, load_lexicon

    lex = Lexicon(
        park_types={"高新区": ParkType("高新区", "高新区", "HighTechZone", "zone"),
                    "产业园": ParkType("产业园", "产业园", "IndustrialPark", "subpark")},
        platform_types={"研究院": "ResearchInstitute"},
        enterprise_legal_suffixes={"有限公司"},
        enterprise_trade_suffixes={"科技"},
        industry_labels={"生物医药": "i:bio", "集成电路": "i:ic"},
        industry_suffixes=("产业",),
        list_cues={"企业": "Enterprise", "领域": "Industry"},
        modifiers={"国家级"},
        enterprise_predicates={"入选"},
        regions={"苏州": "r:320500"},
        grammar_words=load_lexicon().grammar_words,  # the grammars' closed word lists (的, 是…), not names
    )
    return CueIndex.build(lex)


@pytest.fixture(scope="session")
def find(tiny_cues):
    """Run one grammar on one sentence: [(surface, class, stage, generic)]."""
    from kg.types import Sentence

    def run(grammar, text: str):
        sent = Sentence("t", 0, len(text), text, 0)
        tokens = tiny_cues.seg.tokens(text, 0)
        return [(text[c.start:c.end], c.cls, c.stage, c.generic) for c in grammar(sent, tokens, tiny_cues)]

    return run
