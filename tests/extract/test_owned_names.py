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


def test_a_park_written_only_as_its_parts_opening_owns_none_of_them(run_text):
    # the park is never named on its own: each mention goes on into a part's name (…宣榆核心区, …宣榆园)
    text = "在云溪国家农业科技园宣榆核心区，建设研发创新中心。在云溪国家农业科技园洛港园区，将建设示范基地。"
    assert not {r for r in _rels(run_text, text) if r[1] == "hasSubPark"}
    text = "在天津人力资源服务产业园宣榆园区，将打造孵化园。天津人力资源服务产业园宣榆园被认定为基地。"
    assert not {r for r in _rels(run_text, text) if r[1] == "hasSubPark"}


def test_a_park_named_on_its_own_owns_the_parts_its_name_opens(run_text):
    text = "会上明确了天津人力资源服务产业园的空间布局。天津人力资源服务产业园宣榆园区将打造孵化园。"
    assert ("天津人力资源服务产业园", "hasSubPark", "天津人力资源服务产业园宣榆园区") in _rels(run_text, text)


def test_a_park_before_a_coordinated_part_is_named_on_its_own(run_text):
    # 和 joins two names: the park is named alone, so it still owns the part its name opens
    text = "会上，天津人力资源服务产业园和宣榆园区签署协议。天津人力资源服务产业园宣榆园区将打造孵化园。"
    assert ("天津人力资源服务产业园", "hasSubPark", "天津人力资源服务产业园宣榆园区") in _rels(run_text, text)


def test_a_park_right_before_a_sub_parks_name_holds_it(run_text):
    """X新区Y工业园: the zone written right before a sub-park's name is where it is; a zone right after a
    zone is the next item of a list written without commas, no part of it."""
    rels = _rels(run_text, "云溪高新区是国家级高新区。位于云溪高新区南湖科技园的星河电子是一家传感器企业。")
    assert ("云溪高新区", "hasSubPark", "云溪高新区南湖科技园") in rels  # the part named whole (kg.extract.names.parts)
    listed = _rels(run_text, "名单如下：云岭经济技术开发区青禾高新技术产业开发区蓝湾经济开发区。")
    assert not {r for r in listed if r[1] == "hasSubPark"}


def test_a_town_block_written_after_a_new_area_is_no_part_of_it(run_text):
    """某新区某某片区: a 片区 after a new area is as often a block of its town as a zone's area; a free-trade
    zone's 新片区 is the zone's area."""
    text = "7月26日，蓝海环境科技有限公司在青禾新区蓝湾片区举行揭牌仪式，正式入驻白石智汇城，这标志着青禾新区在产业发展上又向前迈进一步。"
    assert not {r for r in _rels(run_text, text) if r[1] == "hasSubPark"}
