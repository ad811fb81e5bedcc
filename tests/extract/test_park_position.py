"""Where a park stands in its sentence (`kg.extract.park_position`)."""
from __future__ import annotations

import pytest

from kg.extract.park_position import ParkPosition
from kg.types import Mention


@pytest.fixture(scope="module")
def position(lexicon):
    cooperate = [w for w, p in lexicon.relation_triggers.items() if "cooperatesWith" in p]
    return ParkPosition(lexicon, cooperate)


def _park(text, surface, start=0):
    at = text.index(surface)
    return Mention("d", start + at, start + at + len(surface), surface, "Park", "test", level="zone")


def test_a_park_opening_its_clause_is_in_subject_position(position):
    text = "2019年6月，常熟高新区启动建设。"
    assert position.in_subject_position(text, text.index("常熟"))


def test_a_park_after_a_verb_or_an_object_marker_is_not(position):
    assert not position.in_subject_position("全力推动药明生命科技园", 4)
    assert not position.in_subject_position("与苏州工业园区", 1)


def test_a_park_introduced_as_a_neighbour_is_not_its_clauses_subject(position):
    """甲中心正式开工，与之相邻的乙产业园也开工: 乙 is named as what lies next to 甲, so the clauses before
    it say nothing of 乙 (甲 is no platform of 乙)."""
    text = "青禾创新中心正式开工，与之相邻的青禾数字港二期也同时开工。"
    assert not position.in_subject_position(text, text.index("青禾数字港"))


def test_an_office_or_venue_is_an_address(position):
    text = "会议在漕河泾开发区举行。"
    assert position.is_address(text, _park(text, "漕河泾开发区"), 0)
    text = "企业来自苏州工业园区。"
    assert position.is_address(text, _park(text, "苏州工业园区"), 0)
    text = "苏州工业园区发布新政。"
    assert not position.is_address(text, _park(text, "苏州工业园区"), 0)


def test_a_park_after_a_partner_word_is_an_object(position):
    text = "无锡经开区对标苏州工业园区"
    assert position.after_partner_word(text, text.index("苏州"))
    assert not position.after_partner_word(text, 0)


def test_a_park_after_a_path_preposition_is_a_place_not_the_subject(position):
    assert not position.in_subject_position("沿着苏州高新区创新大道", 2)


def test_a_sentence_opening_with_the_park_as_its_setting_speaks_of_it(position):
    text = "在青禾智能制造产业园内，将建设万亩示范基地。"
    surface = "青禾智能制造产业园"
    at = text.index(surface)
    assert position.opens_as_setting(text, at, at + len(surface))
    venue = "会议在青禾智能制造产业园举行。"
    at = venue.index(surface)
    assert not position.opens_as_setting(venue, at, at + len(surface))


def test_what_happens_in_the_setting_park_is_its_own(run_text):
    text = "云溪高新区发展数字经济。在青禾智能制造产业园内，将建设万亩示范基地，发展机器人、工业软件等产业。"
    result = run_text(text)
    labels = {e.key: e.label for e in result.entities}
    rels = {(labels[r.subject], labels[r.object]) for r in result.relations}
    assert ("青禾智能制造产业园", "机器人") in rels and ("云溪高新区", "机器人") not in rels


def test_a_community_or_street_office_of_the_park_is_an_address(position):
    """X经开区（Y镇）Z社区, X高新区Z街道: the community speaks, not the park."""
    for text, surface in (("云溪经开区（杨柳镇）仓基社区联合青禾大学开展宣传。", "云溪经开区"),
                          ("云溪高新区柳行街道积极对接各单位。", "云溪高新区")):
        assert position.is_address(text, _park(text, surface), 0), text
    text = "云溪高新区引进青禾科技有限公司。"
    assert not position.is_address(text, _park(text, "云溪高新区"), 0)


def test_a_union_or_league_of_the_park_is_an_address(run_text):
    """X新区总工会与Y大学签署协议: the union signs, not the park; the university is no platform of the park."""
    text = "云溪新区管委会发布新政。青禾大学马克思主义学院与云溪新区总工会签署了战略合作协议。"
    assert not [r for r in run_text(text).relations if r.prop == "hasPlatform"]
