"""A park the document names whole is that name wherever the text goes on with it."""
from kg.extract.known_names import complete_known_names
from kg.types import Mention


def test_a_cut_mention_is_completed_from_the_whole_name():
    text = "金桥湾新区企业港投产。×金桥湾新区企业港楼顶。"
    whole = Mention("d", 0, 8, "金桥湾新区企业港", "Park", "t", level="subpark")
    cut = Mention("d", 12, 17, "金桥湾新区", "Park", "t", level="zone")
    out = complete_known_names(text, [whole, cut])
    assert [(m.start, m.end, m.surface, m.level) for m in out] == [
        (0, 8, "金桥湾新区企业港", "subpark"), (12, 20, "金桥湾新区企业港", "subpark")]


def test_a_mention_is_not_completed_over_another_mention():
    text = "甲新区企业港投产。甲新区企业港楼顶。"
    whole = Mention("d", 0, 6, "甲新区企业港", "Park", "t")
    cut = Mention("d", 9, 12, "甲新区", "Park", "t")
    other = Mention("d", 12, 15, "企业港", "Park", "t")
    out = complete_known_names(text, [whole, cut, other])
    assert out[1].end == 12

