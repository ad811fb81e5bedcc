"""What opens a name's prefix and is no part of the name is skipped (`kg.extract.names.leads`)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def cues(pipeline):
    return pipeline.recognizer.cues  # the cue index of the whole lexicon


def test_a_province_before_another_place_is_an_address(cues):
    from kg.extract.names.leads import leading_province

    assert leading_province(cues, "浙江省金华市青禾") == 3
    assert leading_province(cues, "浙江青禾") == 0  # no place after it: the province opens the name


def test_a_department_street_quantity_or_date_opens_no_name(cues):
    from kg.extract.names import leads

    assert leads.after_department(cues, "商务厅") == 3 and leads.after_department(cues, "青禾街道") == 0
    assert leads.street_address(cues, "青禾路88号禾丰") == 6
    assert leads.leading_quantity(cues, "10万平方米左右的研发") == 9
    assert leads.date_unit_before(cues, "2022年3月青禾湾", 5, 11) == 2


def test_a_verb_before_a_name_is_skipped_unless_it_opens_an_industry(cues):
    from kg.extract.names import leads

    assert leads.leading_service_verb(cues, "服务青禾") == 2
    assert leads.leading_service_verb(cues, "服务外包") == 0
    assert leads.leading_context_verb(cues, "发展新一代信息技术") == 2


def test_a_scale_or_a_park_before_a_name_is_skipped(cues):
    from kg.extract.names import leads

    assert leads.leading_place_or_scale(cues, "千亿级电子信息") == 3
    assert leads.leading_park_name(cues, "苏州高新区如禾实业") == 5


def test_a_group_of_states_before_an_industry_is_no_part_of_its_name(cues):
    """东盟应急, 欧盟国家储能: the bloc, with a scope word after it, is the region whose industry it is."""
    from kg.extract.names import leads

    assert leads.leading_place_or_scale(cues, "东盟应急") == 2
    assert leads.leading_place_or_scale(cues, "欧盟国家储能") == 4
