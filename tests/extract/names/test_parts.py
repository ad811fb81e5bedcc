"""A park's name run straight on into its part's proper name: one name, the part's (`kg.extract.names.parts`)."""
from __future__ import annotations


def _parks(run_text, text):
    return {e.label for e in run_text(text).entities if e.cls == "Park"}


def test_a_zone_written_only_before_its_parts_name_is_no_park_of_its_own(run_text):
    # an area word (新城) in a sentence about development, a part noun (核心区), a park the grammar found (工业园区)
    assert _parks(run_text, "青禾新区宣榆新城管委会引进了云杉科技有限公司。") == {"青禾新区宣榆新城"}
    assert _parks(run_text, "在云溪国家农业科技园宣榆核心区，建设研发创新中心。") == {"云溪国家农业科技园宣榆核心区"}
    assert _parks(run_text, "记者从青禾经济技术开发区宣榆工业园区管委会获悉，项目投产。") == {"青禾经济技术开发区宣榆工业园区"}


def test_a_clause_or_a_generic_word_after_the_zone_is_no_parts_name(run_text):
    assert "青禾高新区" in _parks(run_text, "青禾高新区内宣榆科技园一期投产。")  # a place word, then a name of its own
    assert "青禾高新区" in _parks(run_text, "青禾高新区开展园区专项巡察。")  # a verb
    assert "青禾产业园" in _parks(run_text, "代表团走进青禾产业园参观了园区孵化基地。")  # a verb and a particle
    assert "青禾产业园" in _parks(run_text, "青禾产业园产城融合核心区是园区的重点。")  # a phrase


def _mentions(run_text, text):
    return {m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic}


def test_an_area_word_that_names_a_district_leaves_the_zone_named_on_its_own(run_text):
    # no development word: 宣榆新城 is a district here, and the zone is named as itself
    assert _mentions(run_text, "青禾新区宣榆新城消防救援大队在景区开展演练。") == {"青禾新区"}
    # a 片区 outside a free-trade zone names a block of a town as often as a zone's area
    assert "青禾新区宣榆片区" not in _mentions(run_text, "青禾新区宣榆片区举行揭牌仪式，云杉科技有限公司正式入驻。")
