"""Which park-to-park property a sentence states (`kg.extract.park_pairs`)."""


def _pairs(run_text, text):
    result = run_text(text)
    labels = {e.key: e.label for e in result.entities}
    return {(labels[r.subject], r.prop, labels[r.object]) for r in result.relations
            if r.object.startswith("Park:")}


def test_a_park_the_subject_lies_in_is_no_sub_park_of_it_wherever_the_sentence_names_it(run_text):
    """X位于Y…，是Y首个…: the second mention of Y has no 位于 before it, but Y still holds X."""
    text = "青禾智能制造产业园位于云溪综合保税区东部，于2020年开工，是云溪综合保税区首个智能制造专业园区。"
    assert not {p for p in _pairs(run_text, text) if p[0] == "青禾智能制造产业园" and p[1] == "hasSubPark"}


def test_a_park_that_lays_out_a_sub_park_holds_it(run_text):
    text = "云溪高新区规划建设青禾智能制造产业园，打造智能制造集聚区。"
    assert ("云溪高新区", "hasSubPark", "青禾智能制造产业园") in _pairs(run_text, text)


def test_parks_side_by_side_hold_nothing_of_each_other(run_text):
    text = "云溪高新区及青禾综合保税区一区多园发展，共同推进开放。"
    assert not {p for p in _pairs(run_text, text) if p[1] == "hasSubPark"}


def test_a_part_noun_between_two_parks_makes_the_second_a_part_of_the_first(run_text):
    text = "作为云溪高新区“三城一岛”战略的核心承载区之一的中德南京知识城，在提升城市能级方面已走在前列。"
    assert ("云溪高新区", "hasSubPark", "中德南京知识城") in _pairs(run_text, text)


def test_a_part_noun_after_the_park_says_nothing_of_the_subject(run_text):
    """X发挥Y核心区功能: X is Y's core area, not Y a part of X."""
    text = "云溪科技产业园充分发挥青禾科学城核心区承载功能，致力于发展数字经济。"
    assert ("云溪科技产业园", "hasSubPark", "青禾科学城") not in _pairs(run_text, text)


def test_a_park_after_zai_is_where_something_happens_not_a_part_of_the_subject(run_text):
    """棚建设在甲小区、Y综合保税区率先启动: the shed sites, not a sub-park of the article's zone."""
    text = "云溪高新区推进民生工程。首批车棚建设在福园小区、青禾综合保税区率先启动，共新建停车棚14个。"
    assert not {p for p in _pairs(run_text, text) if p[1] == "hasSubPark"}


def test_the_parks_a_roll_lists_are_not_parts_of_its_title_park(run_text):
    """X自贸试验区协同联动区名单包括Y经开区（含Y综合保税区）…: the bracket still puts Y's bonded zone in Y; the
    roll's title zone holds none of its items."""
    roll = ("云溪自由贸易试验区协同联动区名单包括青禾高新技术产业开发区（含青禾综合保税区）、"
            "白沙经济技术开发区（含白沙综合保税区）。")
    pairs = _pairs(run_text, roll)
    assert ("白沙经济技术开发区", "hasSubPark", "白沙综合保税区") in pairs
    assert not {p for p in pairs if p[0] == "云溪自由贸易试验区" and p[1] == "hasSubPark"}


def test_a_park_listed_after_a_containment_word_holds_none_of_the_other_items(run_text):
    # the hub (no park) holds both; the first park listed is no container of the second
    result = run_text("青禾商务区今年引进项目30个。青禾开放枢纽包括青禾商务区及周边区域，以及邻省的白鹭工业园区，是活力最强的区域之一。")
    assert not [r for r in result.relations if r.prop == "hasSubPark"]


def test_a_park_named_after_two_partners_is_neither_partner(run_text):
    """X新区与Y开发区合作共建“Y-X创新创业园”: the joint park cooperates with neither; the two partners do."""
    text = "青禾新区与蓝湾开发区深化合作，共建蓝湾青禾创新创业园，推动两地产业合作。"
    pairs = _pairs(run_text, text)
    assert ("青禾新区", "cooperatesWith", "蓝湾开发区") in pairs
    assert not {p for p in pairs if p[1] == "cooperatesWith" and "创新创业园" in p[0] + p[2]}


def test_a_part_word_after_another_park_makes_no_sub_park_of_the_object(run_text):
    """X发挥Y核心区功能，并承接Z的辐射: 核心区 is Y's part word; it puts nothing of Z inside X."""
    text = "青禾园区充分发挥蓝湾软件园核心区承载功能，并积极承接云溪商务区的创新辐射。"
    assert not {p for p in _pairs(run_text, text) if p[1] == "hasSubPark" and p[2] == "云溪商务区"}


def test_a_containment_word_after_a_clause_break_has_a_subject_of_its_own(run_text):
    """“一核”指云溪商务区，…，北向拓展带包括A—B—青禾工业园区: 包括 follows its own subject (拓展带) after a
    clause break, so the park it lists is no part of the sentence's subject park."""
    text = ("方案构建“一核两带”格局，“一核”指云溪商务区，“两带”指以云溪商务区为起点的北向拓展带和南向拓展带，"
            "北向拓展带包括长宁—嘉定—青禾工业园区。")
    assert ("云溪商务区", "hasSubPark", "青禾工业园区") not in _pairs(run_text, text)


def test_a_park_named_after_another_county_is_no_sub_park_without_a_containment_word(run_text):
    text = "天津经济开发区正在推进多个项目，宁洱县消防器材产业园建设项目已开工。"
    assert not {p for p in _pairs(run_text, text) if p[1] == "hasSubPark"}
    # the park's own place, or a containment word, still makes it a part
    assert ("黄州高新区", "hasSubPark", "黄州市大学科技园") in _pairs(run_text, "黄州高新区召开大会。黄州高新区将打造黄州市大学科技园。")
    text = "天津经济开发区实行一区多园，包括宁洱县消防器材产业园。"
    assert ("天津经济开发区", "hasSubPark", "宁洱县消防器材产业园") in _pairs(run_text, text)


def test_a_park_that_what_the_sentence_names_becomes_a_part_of_is_no_sub_park(run_text):
    """X将建成为Y的集中地: X becomes something of Y; Y holds it, it is no part of the subject."""
    text = "云溪高新区将推动青禾数字港建成为云溪科创城的科技服务集中地。"
    assert not {p for p in _pairs(run_text, text) if p[1] == "hasSubPark"}
