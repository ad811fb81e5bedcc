"""Names a park owns by how they are written (`kg.extract.owned_names`)."""


def _rels(run_text, text):
    result = run_text(text)
    labels = {e.key: e.label for e in result.entities}
    return {(labels[r.subject], r.prop, labels[r.object]) for r in result.relations}


def test_a_name_opened_by_a_parks_full_name_is_that_parks(run_text):
    rels = _rels(run_text, "青禾高新区召开大会。会后，青禾高新区科技创业中心举办路演。")
    assert ("青禾高新区", "hasPlatform", "青禾高新区科技创业中心") in rels


def test_a_bracket_that_opens_with_a_containment_word_names_a_part(run_text):
    rels = _rels(run_text, "青禾高新区已将蓝湾循环经济开发区（含云岭园区）纳入管理。")
    assert ("蓝湾循环经济开发区", "hasSubPark", "云岭园区") in rels


def test_a_park_right_before_a_sub_parks_name_holds_it(run_text):
    """X新区Y工业园: the zone written right before a sub-park's name is where it is; a zone right after a
    zone is the next item of a list written without commas, no part of it."""
    rels = _rels(run_text, "位于云溪高新区南湖科技园的星河电子是一家传感器企业。")
    assert ("云溪高新区", "hasSubPark", "南湖科技园") in rels
    listed = _rels(run_text, "名单如下：云岭经济技术开发区青禾高新技术产业开发区蓝湾经济开发区。")
    assert not {r for r in listed if r[1] == "hasSubPark"}
