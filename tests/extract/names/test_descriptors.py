"""What the words before a type word say when they name nothing (kg.extract.names.descriptors)."""
from kg.extract.names import descriptors as ds


def test_codes_and_numbers_name_nothing():
    assert ds.code_only("3333", "024-3117 ") and ds.code_only("sisp-china")
    assert not ds.code_only("1905", "路网。") and not ds.code_only("G60")


def test_a_list_opening_and_a_build_verb_in_its_first_item(lexicon):
    from kg.extract.names.cues import CueIndex

    cues = CueIndex.build(lexicon)
    text = "加快建设了云翔创谷、创智产业园，孵化面积扩大。"
    at = text.index("创智")
    assert ds.list_opening(text, at) == 0 and ds.built(cues, text, at)
    text = "主要承担建设、管理园区配套功能。"
    assert not ds.built(cues, text, text.index("管理"))


def test_placeholders_venues_and_degrees_name_nothing(run_text):
    def names(text):
        return {m.surface for m in run_text(text).mentions if m.key}

    assert not names("原告甲方公司与被告乙方公司签订合同。")
    assert not names("活动在哈尔滨冰雪大世界园区举行。")
    assert not names("他具有中央党校大学学历。")
    assert not names("欢迎入驻楼宇园区。")


def test_a_count_or_a_kind_of_firms_is_no_firm(run_text):
    firms = {m.surface for m in run_text("云溪综合保税区现有3800余家企业、木材加工企业入驻。").mentions if m.cls == "Enterprise"}
    assert not firms


def test_a_sub_park_after_a_settle_verb_is_the_sentences_park(run_text):
    rels = {(r.prop, r.object.split(":", 1)[1]) for r in run_text("云翔光学有限公司注册在云溪光电信息产业园。").relations}
    assert ("hasEnterprise", "云翔光学") in rels


def test_a_built_park_named_by_a_generic_modifier_is_a_goal_not_a_name(run_text):
    """为建设世界一流科学城贡献力量: 一流 says what kind of park is to be built; a field alone
    (加快建设大数据产业园) still names the park the text builds."""
    def parks(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic]

    assert parks("青禾区为建设世界一流科学城贡献力量。") == []
    assert parks("青禾区加快建设大数据产业园。") == ["大数据产业园"]


def test_an_attribute_ending_in_shi_is_no_name_part(run_text):
    """谋划建设社会化开放式科技园: 开放式 (an attribute in 式) describes a kind of park (whatever the tagger says of
    it), so nothing names the park the text builds."""
    def parks(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic]

    assert parks("青禾大学与云溪区共同谋划建设社会化开放式科技园。") == []


def test_memorial_venue_and_homestay_areas_are_no_parks(run_text):
    """云溪奥林匹克园区, 青禾烈士纪念园区, 禾丰民宿集聚区: a sports venue, a memorial and a tourist cluster
    share a park's type word but are no development zones (the contract: leisure parks and venues)."""
    def parks(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Park"]

    assert parks("游客参观了云溪奥林匹克园区和青禾烈士纪念园区。") == []
    assert parks("禾丰民宿集聚区接待游客三万人次。") == []


def test_a_place_that_opens_an_attribute_names_no_park(run_text):
    """奋力打造中国式现代化经开区样板: 中国式 (an attribute in 式) opens the words before the type word; the place
    inside it names nothing, and 现代化 is a generic modifier."""
    parks = [m.surface for m in run_text("青禾区奋力打造中国式现代化经开区样板。").mentions if m.cls == "Park" and not m.generic]
    assert parks == []


def test_a_count_or_a_street_number_alone_names_no_park(run_text):
    """6条|园区供电线路 counts power lines; 文华路8号|保税区管理局 is an address; 1905文创园 keeps its name."""
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park"}

    assert parks("供电所巡视了4条园区供电线路。") == set()
    assert parks("报名地址为文华路8号保税区管理局大楼。") == set()
    assert "1905文创园" in parks("活动在1905文创园举行。")


def test_a_place_read_across_the_type_word_with_a_region_ending_is_a_district(run_text):
    """X市桃园|区: the segmenter reads the place 桃园 over 园区, and 区 alone is left: a district, no park."""
    parks = {m.surface for m in run_text("记者在位于云杉市桃园区的一处仓库看到积水。").mentions if m.cls == "Park"}
    assert parks == set()


def test_a_free_trade_area_named_by_states_alone_is_an_agreement(run_text):
    """青禾—云杉自贸区, 亚太自贸区: a free-trade area named by states or world regions, with no Chinese place
    among its words, is an agreement between states, no zone; 苏州自贸区 names a place and is one."""
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic}

    assert parks("中国—青禾联盟自贸区升级谈判有序推进。") == set()
    assert parks("双方愿共同推进亚太自贸区建设。") == set()
    assert "苏州自贸区" in parks("抓住苏州自贸区政策红利。")
    assert "苏常自贸区" in parks("两市共建共享苏常自贸区，依托各自片区优势发展。")  # two cities, no states


def test_newly_built_parks_are_a_kind_not_a_name(run_text):
    """加快推进青禾产业园等新建园区建设: 新建 (newly built) describes parks, as 现代化 or 特色 do; it names none."""
    parks = {m.surface for m in run_text("加快推进青禾产业园等新建园区建设。").mentions if m.cls == "Park" and not m.generic}
    assert "新建园区" not in parks


def test_a_chinese_count_right_before_a_park_word_counts_parks(run_text):
    """作为南、北两片区: a Chinese numeral right before the park word counts areas (as 三个开发区 does with its
    counter), it names none."""
    parks = {m.surface for m in run_text("枢纽以青禾物流园和云杉物流园区作为南、北两片区。").mentions
             if m.cls == "Park" and not m.generic}
    assert "北两片区" not in parks


def test_shares_a_committee_and_an_event_day_are_no_firms(run_text):
    """持有青禾科技2000万股普通股股份, 转让非上市公司股份, 某标委会分委会, 青禾路演开放日: shares, a committee and an
    event end no firm's name, whatever classed them firms."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert not any(f.endswith("股份") for f in firms("他持有青禾微纳2000万股普通股股份。"))
    assert not any(f.endswith("股份") for f in firms("该公司拟转让所持非上市公司股份。"))
    assert not any(f.endswith("开放日") for f in firms("青禾微纳、云杉智控等企业参加了路演开放日。"))


def test_a_crime_in_a_firms_words_makes_it_a_gang(run_text):
    """被骗进了电诈公司, 青禾诈骗集团: a crime in the words before the type word describes a gang, names no firm."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert firms("他到达园区后发现自己被骗进了电诈公司。") == set()
    assert firms("警方捣毁了境外青禾诈骗集团。") == set()


def test_a_foreign_country_alone_before_a_park_word_names_its_parks(run_text):
    """员工被送往缅甸园区, 新的印度产业园发展基金, 东南亚产业园区对话会: a foreign country or a world region alone before a
    park word speaks of its parks, names none; a park's own name after it (泰国青禾工业园) stays."""
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic}

    assert parks("公司以出国团建为由将员工送往缅甸园区。") == set()
    assert parks("基金将投向新的印度产业园项目。") == set()
    assert "泰国青禾工业园" in parks("泰国青禾工业园已吸引多家企业入驻。")
    assert parks("第五届东南亚产业园区对话会在苏州举行。") == set()  # a world region's parks, as a country's


def test_a_count_right_before_or_ending_the_item_after_a_park_counts_parks(run_text):
    """打造10家|青禾产业特色园区, 建有省级现代农业产业园|1处、: the count counts parks of a kind, which names none; a
    count of what the park has (某开发区6条 lines, 某园区3个项目) leaves its name alone."""
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic}

    assert parks("努力打造10家海洋产业特色园区、20家海洋创新平台。") == set()
    assert parks("建有国家级农村创新创业园1处、省级现代农业产业园1处。") == set()
    assert parks("全省公交线路暂停运营23条，其中青禾开发区6条。") == {"青禾开发区"}


def test_a_firms_size_ownership_or_relation_describes_firms(run_text):
    """市属大型国有企业集团, 第三方…服务公司, 某某关联公司: words of a kind of firm, no firm's name."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}
    assert firms("作为以园区开发为主业的市属大型国有企业集团，蓝湾集团与云溪新区签订协议。") == {"蓝湾集团"}
    assert not firms("云溪新区通过引入第三方安全技术咨询服务公司，提升管理水平。")
    assert not firms("禾丰关联公司因产品不合格被处罚。")
    assert firms("云溪新区引进禾丰保险经纪有限公司。") == {"禾丰保险经纪有限公司"}
    assert firms("深圳市禾丰高科技有限公司落户云溪新区。") == {"深圳市禾丰高科技有限公司"}  # a registered form


def test_a_count_before_a_firms_words_describes_firms_and_names_none(run_text):
    """首家外商独资基金管理公司, 首家…公司、首家…公司等项目: the first of a kind, no firm's name."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}
    assert not firms("首家外资理财公司、首家外资保险经纪公司等一批项目落户云溪新区。")
    assert not firms("云溪新区迎来首家外资理财公司。")
    assert not firms("记者走访一家云溪地区半导体设备公司时了解到。")
    assert firms("他创办了一家禾丰保险经纪有限公司。") == {"禾丰保险经纪有限公司"}  # a registered name
    assert firms("云溪新区引进禾丰保险经纪有限公司。") == {"禾丰保险经纪有限公司"}


def test_a_rank_after_a_parks_name_opens_its_title(run_text):
    """禾丰数智|市级特色园区: a rank (市级, 省级) and modifiers after a park's name are the title it holds, set in
    apposition; the park is named by what stands before them. A national zone's name (某某国家自主创新示范区)
    keeps its 国家, which is no rank."""
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic}

    assert parks("禾丰数智市级特色园区位于湖滨街道。") == {"禾丰数智"}
    assert parks("青禾禾丰国家自主创新示范区今年扩区。") == {"青禾禾丰国家自主创新示范区"}


def test_places_and_a_pointer_before_the_bare_park_word_name_no_park(run_text):
    """苏州这一园区新规, 苏州海外园区: a city and then a demonstrative or a scope alone before the bare word 园区 point at
    a park named before, or speak of the city's parks abroad, and name none; a field (苏州科创园区) or a type word
    with a kind after the same words (苏州海外产业园) names a park."""
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic}

    assert parks("苏州这一园区新规引发讨论。") == set()
    assert parks("采访团深度挖掘苏州海外园区中的资源禀赋。") == set()
    assert parks("苏州海外产业园今年开园。") == {"苏州海外产业园"}


def test_a_citys_parks_of_a_kind_name_none_a_districts_names_one(lexicon):
    """岳阳科创园区 (a prefecture-level city and a modifier before the bare park word): the city's parks of that
    kind; 云溪科创园区 (a district's) names its one park; 岳阳科创产业园 has a type word with a kind of its own."""
    from kg.extract.names.cues import CueIndex

    cues = CueIndex.build(lexicon)
    assert ds.parks_of_a_kind(cues, "岳阳科创", "园区") and ds.city_and_modifiers(cues, "上海绿色")
    assert not ds.parks_of_a_kind(cues, "云溪科创", "园区") and not ds.parks_of_a_kind(cues, "岳阳科创", "产业园")
    assert not ds.city_and_modifiers(cues, "苏州工业") and not ds.city_and_modifiers(cues, "岳阳")


def test_a_verb_that_applies_for_a_designation_before_a_platform(lexicon):
    from kg.extract.names.cues import CueIndex

    cues = CueIndex.build(lexicon)
    assert ds.applied_for(cues, "组织申报2023年") and ds.applied_for(cues, "正积极申创")
    assert not ds.applied_for(cues, "园区建成")
