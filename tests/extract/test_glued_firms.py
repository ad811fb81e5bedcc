"""A park that opens a firm's registered name, named nowhere else, is part of the firm's name."""
from kg.extract.glued_firms import join_park_openings
from kg.types import Mention


def _firms(run_text, text):
    return {e.label for e in run_text(text).entities if e.cls == "Enterprise"}


def test_a_park_named_only_as_the_opening_of_a_firms_name_is_part_of_it(run_text):
    text = "记者联系到主办方云溪新区岚峪新城蓝湖文化传播有限公司，对方表示活动已经取消。"
    result = run_text(text)
    assert {e.label for e in result.entities if e.cls == "Enterprise"} == {"云溪新区岚峪新城蓝湖文化传播有限公司"}
    assert not [e for e in result.entities if e.cls == "Park" and e.label == "云溪新区"]
    assert not [r for r in result.relations if r.prop == "hasEnterprise"]


def test_a_park_the_text_names_again_or_a_firm_with_its_own_place_is_an_address(run_text):
    again = "云溪新区蓝湖文化传播有限公司开业。云溪新区重点发展文化产业。"
    assert _firms(run_text, again) == {"蓝湖文化传播有限公司"}
    placed = "记者来到云溪开发区湖北蓝湖材料有限公司的生产车间。"
    assert _firms(run_text, placed) == {"湖北蓝湖材料有限公司"}


def test_join_keeps_offsets():
    text = "甲新区乙丙文化传播有限公司表示。"
    park = Mention("d", 0, 3, "甲新区", "Park", "t")
    firm = Mention("d", 3, 13, "乙丙文化传播有限公司", "Enterprise", "t")
    (joined,) = join_park_openings(text, [park, firm], {}, ("有限公司",))
    assert text[joined.start:joined.end] == joined.surface == "甲新区乙丙文化传播有限公司"
