"""Open heads: a place, a descriptor that is no place and a one-character head, in a development context."""
import pytest

from kg.extract.names import open_head


@pytest.fixture(scope="module")
def head_cues():
    from kg.extract.names.cues import CueIndex
    from kg.ontology import Lexicon, load_lexicon

    lex = Lexicon(open_heads={"城": "Park", "岛": "Park"}, development_context={"产业", "管委会", "企业"},
                  regions={"苏州": "r:320500", "昆山": "r:320583"}, non_park_words={"公园"},
                  grammar_words=load_lexicon().grammar_words)  # the grammars' closed word lists (的, 是…)
    return CueIndex.build(lex)


def _find(cues, text):
    from kg.types import Sentence

    sent = Sentence("t", 0, len(text), text, 0)
    return [(text[c.start:c.end], c.cls, c.stage) for c in open_head.find(sent, None, cues)]


def test_place_descriptor_and_head_in_a_development_context(head_cues):
    assert _find(head_cues, "昆山医疗器械城集聚了一批企业。") == [("昆山医疗器械城", "Park", "grammar:open-head")]


def test_a_place_and_a_head_alone_is_the_city(head_cues):
    assert _find(head_cues, "苏州城集聚了一批企业。") == []


def test_without_a_development_context_nothing_is_proposed(head_cues):
    assert _find(head_cues, "昆山医疗器械城的夜景很美。") == []


def test_management_committee_right_after_is_context(head_cues):
    assert _find(head_cues, "昆山医疗器械城管委会发布通知。")[0][0] == "昆山医疗器械城"


def test_a_descriptor_without_a_place_is_no_name(head_cues):
    assert _find(head_cues, "医疗器械城集聚了一批企业。") == []


def test_a_partner_country_prefix_opens_an_open_head_name(head_cues):
    assert _find(head_cues, "中新苏州知识城引进企业。") == [("中新苏州知识城", "Park", "grammar:open-head")]


def test_a_one_character_head_after_a_wetland_or_a_garden_names_no_park(run_text):
    """苏州湿地生态农业园是集观光休闲于一体的园区: a non-park word anywhere before the head (湿地) makes a
    scenic site, as for type words; without it (苏州生态农业园) the open head still proposes a park."""
    def parks(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic]

    assert parks("苏州湿地生态农业园是集观光休闲于一体的园区。") == []
    assert parks("苏州生态农业园是集观光休闲于一体的园区。") == ["苏州生态农业园"]


def test_a_one_character_verb_or_a_lone_lake_word_opens_no_open_head_name(run_text):
    """串联起|荷花港 (起, a verb of the sentence, between a place and the head), 南青松|湖|创新谷 (湖 alone, a word of a
    longer place): neither gives a park's name."""
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park"}

    assert parks("该路线串联起荷花港休闲林地，带动文旅产业发展。") == set()
    assert "湖创新谷" not in parks("公司位于经开区南青松湖创新谷，是首批工业互联网企业。")


def test_a_public_welfare_park_for_social_groups_is_no_development_zone(run_text):
    """苏州高新区公益园: a home for charities and social groups, none of the four; the zone stays a park."""
    found = run_text("苏州高新区公益园开园，孵化社会组织56家。").mentions
    assert [m.surface for m in found if m.cls == "Park" and not m.generic] == ["苏州高新区"]
