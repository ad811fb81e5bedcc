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
