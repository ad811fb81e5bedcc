"""An academy's unit is one platform with its academy; a university's faculty is the university's; a
platform phrase that a goal verb builds, a count opens or a layout counts names nothing."""


def _platforms(run_text, text):
    return [m.surface for m in run_text(text).mentions if m.cls == "Platform" and not m.generic]


def test_an_academys_unit_across_a_conjunction_is_one_platform(run_text):
    assert _platforms(run_text, "企业与青禾科学院化学与物理研究所开展合作。") == ["青禾科学院化学与物理研究所"]


def test_an_academys_unit_with_a_short_head_is_one_platform(run_text):
    assert _platforms(run_text, "研发团队多次与青禾科学院白河煤化所进行技术交流。") == ["青禾科学院白河煤化所"]
    assert _platforms(run_text, "青禾科学院所属企业参加。") == ["青禾科学院"]


def test_a_faculty_cut_at_its_conjunction_is_the_universitys(run_text):
    assert _platforms(run_text, "他在青禾大学经济与工商管理学院任教。") == ["青禾大学"]
    found = _platforms(run_text, "携手青禾大学白云二医院和白河医学院附属医院团队。")
    assert "白河医学院" in found and not any(name.startswith("青禾大学白云") for name in found)


def test_a_platform_a_goal_verb_builds_or_a_count_opens_is_a_description(run_text):
    assert not _platforms(run_text, "园区将建成青禾新区公益创新平台、服务示范基地。")
    assert not _platforms(run_text, "园区打造“一带一路”青禾国际合作领域公共服务平台。")
    assert not _platforms(run_text, "致力于建设以开源软件为代表的青禾生态服务平台。")
    assert not _platforms(run_text, "努力打造20家海洋创新平台。")
    assert _platforms(run_text, "由区政府打造的“青禾数字经济公共服务平台”上线。") == ["青禾数字经济公共服务平台"]


def test_a_layout_of_centres_or_a_chain_of_stages_names_no_platform(run_text):
    assert not _platforms(run_text, "研发布局由青禾科学城单研发中心升级成青禾-白河双研发中心布局。")
    assert not _platforms(run_text, "构建“概念验证中心-高质量孵化器-创新联合体”的加速体系。")
    assert _platforms(run_text, "青禾-白河科技成果转化工作站揭牌。") == ["青禾-白河科技成果转化工作站"]


def test_an_academys_long_unit_after_a_place_is_one_platform(run_text):
    found = _platforms(run_text, "由青禾科学院白河光学精密机械与物理研究所承办。")
    assert found == ["青禾科学院白河光学精密机械与物理研究所"]


def test_a_quoted_platform_phrase_with_an_attribute_is_a_positioning(run_text):
    assert not _platforms(run_text, "青禾软件以“助力园区治理提升和产业数智升级的开源自主创新公共技术服务平台”为定位。")


def test_a_firms_centre_for_a_market_is_the_firms(run_text):
    assert not _platforms(run_text, "拜访了甲乙公司全球三文鱼养殖研发中心。")
    assert not _platforms(run_text, "青禾集团全球研发中心位于某地。")


def test_a_branch_is_its_parents_and_a_branch_of_no_body_names_nothing(run_text):
    assert _platforms(run_text, "青禾研究院四川分院介绍，本次土地竞买分上午场。") == ["青禾研究院四川分院"]
    assert not _platforms(run_text, "青禾肿瘤医院（下称“河北分院”）拟注销。")


def test_a_word_end_glued_to_a_conjunction_opens_no_platform(run_text):
    assert not _platforms(run_text, "建有库房、查验区及实验室等功能区。")
    assert _platforms(run_text, "协和医学院天津校区开学。") == ["协和医学院天津校区"]


def test_a_workshop_before_a_platform_is_no_part_of_its_name(run_text):
    found = _platforms(run_text, "智能拉花咖啡机器人山东某某制药生产车间青禾零碳创新智慧服务平台淄博市的工作人员在调试设备。")
    assert found == ["青禾零碳创新智慧服务平台"]


def test_a_districts_talent_college_is_no_platform(run_text):
    assert not _platforms(run_text, "长征镇党建联盟项目发布暨青禾区人才学院长征分院揭牌仪式举行。")


def test_a_colleges_teaching_unit_is_the_colleges(run_text):
    assert _platforms(run_text, "青禾理工学院计算机工程学院2021级学生参加救援。") == ["青禾理工学院"]
    assert _platforms(run_text, "青禾理工学院未来技术学院成立。") == ["青禾理工学院未来技术学院"]
    assert _platforms(run_text, "青禾学院开学。") == ["青禾学院"]


def test_a_numbered_branch_is_an_offices_not_a_platform(run_text):
    assert not _platforms(run_text, "青禾三中院联合市公安局、市检三分院会商后共同签署备忘录。")
    assert _platforms(run_text, "青禾科学院长春分院参加。") == ["青禾科学院长春分院"]


def test_a_platform_named_by_two_fields_starts_with_the_first(run_text):
    """人工智能与数字经济青禾实验室: the conjunction joins two fields inside the name; after a generic party
    (人工智能企业与…) it joins two parties, and the platform's name starts after it."""
    assert _platforms(run_text, "采访团来到人工智能与数字经济青禾实验室。") == ["人工智能与数字经济青禾实验室"]
    assert _platforms(run_text, "新载体——生物药开发评价与中试服务平台正式落成。") == ["生物药开发评价与中试服务平台"]
    assert _platforms(run_text, "人工智能企业与中试服务平台对接。") == ["中试服务平台"]


def test_a_units_fields_joined_by_ji_are_one_name(run_text):
    """青禾大学农业暨典型行业碳减排研究中心: 暨 joins two fields inside a unit's name as 与 and 和 do."""
    assert _platforms(run_text, "青禾大学农业暨典型行业碳减排研究中心首席科学家作讲座。") == [
        "青禾大学农业暨典型行业碳减排研究中心"]


def test_a_campus_in_brackets_after_its_university_is_the_platform(run_text):
    """青禾大学（白河校区）: the campus set in brackets is named with its university, as 青禾大学白河校区 is; a place in
    brackets (青禾大学（东莞）) is no campus."""
    assert _platforms(run_text, "青禾大学（白河校区）举行开学典礼。") == ["青禾大学（白河校区）"]
    assert _platforms(run_text, "华川大学（东莞）举行开学典礼。") == ["华川大学"]
