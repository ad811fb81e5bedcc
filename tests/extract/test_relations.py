"""Relations: roles from trigger words, park pairs from triggers and sub-park types."""


def _rels(run_text, text):
    return {(r.subject.split(":", 1)[1], r.prop, r.object.split(":", 1)[1]) for r in run_text(text).relations}


def test_industry_roles_follow_the_words(run_text):
    rels = _rels(run_text, "合肥高新区做强集成电路、人工智能两大主导产业，培育量子信息等未来产业，"
                           "壮大新能源汽车等战略性新兴产业。")
    props = {o: p for _, p, o in rels}
    assert props["集成电路"] == "hasLeadingIndustry"
    assert props["量子信息"] == "hasFutureIndustry"
    assert props["新能源汽车"] == "hasEmergingIndustry"


def test_benchmark_goes_from_subject_to_the_other_park(run_text):
    rels = _rels(run_text, "无锡经开区将学习借鉴苏州工业园区的先进经验。")
    assert ("无锡|经开区", "benchmarksAgainst", "苏州|工业园区") in rels


def test_named_park_inside_a_zone_is_a_sub_park(run_text):
    rels = _rels(run_text, "昆山开发区加快建设光电产业园和昆山综合保税区。")
    assert ("昆山|经开区", "hasSubPark", "光电|产业园") in rels  # 昆山开发区 is the catalogue's 昆山经济技术开发区


def test_evidence_is_the_sentence(run_text):
    result = run_text("前言。嘉兴经开区引进了立讯精密、闻泰科技等一批龙头企业。")
    rel = next(r for r in result.relations if r.prop == "hasEnterprise")
    assert rel.evidence.text == "嘉兴经开区引进了立讯精密、闻泰科技等一批龙头企业。"
    assert result.document.text[rel.evidence.start:rel.evidence.end] == rel.evidence.text


def test_bracketed_park_is_inside_the_park_before_it(run_text):
    rels = _rels(run_text, "攀枝花钒钛高新区已将仁和区南山循环经济开发区（含迤资园区）纳入管理。")
    assert ("仁和区南山|开发区", "hasSubPark", "迤资|片区") in rels


def test_a_sub_park_named_as_subject_becomes_the_topic(run_text):
    rels = _rels(run_text, "长宁高新区智能装备产业园项目开工。园区将重点发展工业机器人等新兴产业。")
    assert ("长宁高新区智能装备|产业园", "hasEmergingIndustry", "工业机器人") in rels


def test_a_county_named_after_the_park_speaks_for_itself(run_text):
    rels = _rels(run_text, "襄垣经开区发展势头强劲，产业集聚。园区引进了华阳新材料科技有限公司。"
                           "襄垣县引进了东方新材料科技有限公司。")
    objects = {o for _, _, o in rels}
    assert any("华阳" in o for o in objects)
    assert not any("东方" in o for o in objects)


def test_a_region_that_opens_the_sentence_speaks_for_itself(run_text):
    rels = _rels(run_text, "余杭区拥有国家级经济开发区余杭经济技术开发区，打造了机器人产业园，集聚了东海基础医学研究院等平台。")
    assert not rels


def test_a_benchmark_names_its_model_right_after_the_word(run_text):
    assert ("无锡|经开区", "benchmarksAgainst", "苏州|工业园区") in _rels(run_text, "无锡经开区将对标苏州工业园区。")
    rels = _rels(run_text, "无锡经开区将对标国际高标准经贸规则开展压力测试，助力苏州工业园区发展。")
    assert not [r for r in rels if r[1] == "benchmarksAgainst"]


def test_parks_side_by_side_are_neither_inside_nor_models_of_each_other(run_text):
    rels = _rels(run_text, "引领上海自贸试验区及临港新片区改革创新发展。")
    assert not [r for r in rels if r[1] in ("hasSubPark", "benchmarksAgainst")]


def test_a_deal_between_firms_makes_no_firm_the_parks(run_text):
    rels = _rels(run_text, "宝山高新技术产业园区加快发展，产业集聚。近日，远川股份与华启通信东海分公司、"
                           "东海蓝岸智能物联网科技有限公司签约共建智慧工厂。")
    assert not [o for _, _, o in rels if "蓝岸" in o or "华启" in o]


def test_where_a_person_comes_from_ties_nothing(run_text):
    rels = _rels(run_text, "济南高新区举办分享会，产业集聚。来自北京大学的运动员李明远分享了经历。")
    assert not [o for _, _, o in rels if "北京大学" in o]


def test_a_park_named_once_sentences_back_does_not_speak_for_a_later_sentence():
    """Without its own park, a sentence is the topic park's only when the park anchors the
    document (the lead, or named again and again) or was named at most two sentences before."""
    import math

    from kg.extract.relations import admissible

    far = {"tie": 1.0, "sentence_gap": math.log1p(4)}
    assert not admissible(far)
    assert admissible(dict(far, anchored=1.0))
    assert admissible(dict(far, sentence_gap=math.log1p(2)))
    assert admissible(dict(far, explicit=1.0))


def test_firms_in_a_later_passage_about_something_else_are_not_the_parks(run_text):
    rels = _rels(run_text, "本市经济平稳增长。全市工业投资加快。会上，苏州高新区介绍了招商成果。"
                           "专家作了报告。听众提了问题。会议结束。甲乙丙科技有限公司落户。")
    assert not any(p == "hasEnterprise" for _, p, _ in rels)


def test_two_names_of_one_park_make_no_park_pair(run_text):
    """上海金桥湾开发区 and 上海市金桥湾新兴技术产业开发区 in one article: one park written two ways."""
    rels = _rels(run_text, "上海金桥湾开发区与上海市金桥湾新兴技术产业开发区签订合作协议。")
    assert not any(p in ("cooperatesWith", "hasSubPark") for _, p, _ in rels)


def test_a_sub_park_needs_a_word_that_puts_it_inside_the_park(run_text):
    """A sub-park's type word alone (产业园) does not make it the zone's: 下辖, 建设, 位于 do."""
    tied = _rels(run_text, "苏州高新区下辖金桥湾产业园。")
    untied = _rels(run_text, "苏州高新区举行推介会，金桥湾产业园代表发言。")
    assert any(p == "hasSubPark" and "金桥湾" in o for _, p, o in tied)
    assert not any(p == "hasSubPark" for _, p, _ in untied)
    founded = _rels(run_text, "早在2009年，云溪开发区就成立了云帆产业园，吸引人才创业。")  # 成立, 设立: the zone set it up
    assert any(p == "hasSubPark" and "云帆" in o for _, p, o in founded)


def test_a_sub_park_the_park_pushes_forward_is_its_own(run_text):
    """推动, 推进 a named sub-park (as a project of the park, or its next phase) put it under the park."""
    pushed = _rels(run_text, "云岭高新区是省级高新区。今年，园区全力推动青禾智造产业园、星河医疗等项目。")
    assert ("云岭|高新区", "hasSubPark", "青禾智造|产业园") in pushed
    assert ("云岭|高新区", "hasSubPark", "青禾智造|产业园") in _rels(run_text, "云岭高新区加快推进青禾智造产业园二期。")


def test_a_park_written_in_brackets_after_another_is_its_other_name_not_its_partner(run_text):
    """X新区（Y经开区）: one park by two names; 协同发展 later in the article relates no pair."""
    text = "云溪新区（云翔经济技术开发区）基金联盟成立。云溪新区与云翔经济技术开发区协同发展。"
    assert not {r for r in _rels(run_text, text) if r[1] == "cooperatesWith"}
    assert {r for r in _rels(run_text, "云溪新区与云翔经济技术开发区协同发展。") if r[1] == "cooperatesWith"}


def test_a_clause_a_region_opens_is_the_regions_not_the_parks(run_text):
    """…进驻X产业园的企业创始人认为，近年来，盐田聚焦生物医药等新兴产业: the district's industries."""
    text = "已进驻云溪生命健康产业园的云翔科技有限公司创始人认为，近年来，盐田聚焦生物医药等新兴产业。"
    assert not {r for r in _rels(run_text, text) if r[2] == "生物医药"}
    assert {r for r in _rels(run_text, "云溪生命健康产业园近年来聚焦生物医药等新兴产业。") if r[2] == "生物医药"}
    # a place that opens a firm's name is no region subject
    firms = _rels(run_text, "云溪高新区招商成效显著，上海云芯、山东云森等一批企业相继入驻高新区。")
    assert ("云溪|高新区", "hasEnterprise", "上海云芯") in firms


def test_a_park_where_others_settle_is_no_sub_park(run_text):
    """浦东新区…一批金融项目落户上海自贸试验区: the zone is where the projects settle, not a park inside 浦东新区."""
    rels = _rels(run_text, "云溪高新区持续推动开放，一大批金融项目落户云翔综合保税区。")
    assert not {r for r in rels if r[1] == "hasSubPark"}
    assert {r for r in _rels(run_text, "云溪高新区下辖云翔综合保税区。") if r[1] == "hasSubPark"}


def test_a_park_right_before_a_platforms_or_a_firms_own_name_is_where_it_is(run_text):
    """X产业园宜昌（武汉）离岸科创中心, X开发区湖北云翔…有限公司: the park is the name's address and hosts it."""
    rels = _rels(run_text, "样板间位于云溪之星产业园宜昌（武汉）离岸科创中心。")
    assert ("云溪之星|产业园", "hasPlatform", "宜昌(武汉)离岸科创中心") in rels
    rels = _rels(run_text, "企业名单：云溪开发区湖北云翔锂电材料有限公司。")
    assert {r for r in rels if r[1] == "hasEnterprise" and r[0].startswith("云溪")}


def test_a_park_named_clauses_after_the_firms_with_no_tie_does_not_host_them(run_text):
    """云翔光学等企业订单大幅提升，云溪光电信息产业园等重点园区集聚态势初显: the park is named, but nothing ties."""
    text = "在此推动下，云翔光学、海谱润斯等企业产品订单大幅提升，云溪光电信息产业园、云溪智能光谷产业园等重点园区产业集聚态势初显。"
    assert not {r for r in _rels(run_text, text) if r[1] == "hasEnterprise"}
    text = "云翔光学有限公司注册在云溪光电信息产业园。"
    assert {r for r in _rels(run_text, text) if r[1] == "hasEnterprise"}


def test_cooperation_with_a_firm_or_a_school_pairs_no_parks(run_text):
    """政企合作, 校企合作 next to two parks: the cooperation is with a firm or a school, not between the parks."""
    text = "青禾科学城，是在枫林经开区的支持下，由青禾集团和枫林经开区联袂打造的市级政企合作典范项目。"
    assert not {r for r in _rels(run_text, text) if r[1] == "cooperatesWith"}
    assert {r for r in _rels(run_text, "青禾经开区与枫林经开区合作共建产业园。") if r[1] == "cooperatesWith"}


def test_a_sentence_a_firm_opens_describes_the_firm_not_the_park(run_text):
    """据悉，X公司是一家可再生能源领域的企业: the firm's field; 产业园以X企业为龙头，发展… is still the park's."""
    def industries(text):
        result = run_text(text)
        labels = {e.key: e.label for e in result.entities}
        return {labels[r.object] for r in result.relations if r.object.startswith("Industry:")}
    firm = "云溪高新区引进了禾丰新能源有限公司。据悉，禾丰新能源有限公司是一家可再生能源领域内的生产制造企业。"
    assert "可再生能源" not in industries(firm)
    park = "云溪市建设青禾医药健康产业园。产业园以禾丰药业有限公司为龙头，发展生物医药等产业。"
    assert "生物医药" in industries(park)


def test_a_platform_named_right_after_a_park_is_that_parks_not_the_subjects(run_text):
    """X高新区…工作站位于Y产业园Z中心: Y holds Z; the subject X does not."""
    text = "云溪高新区中小企业服务工作站样板间位于青禾光谷产业园荆州（武汉）离岸科创中心，为企业提供服务。"
    result = run_text(text)
    labels = {e.key: e.label for e in result.entities}
    platforms = {(labels[r.subject], labels[r.object]) for r in result.relations if r.prop == "hasPlatform"}
    assert platforms and all(s == "青禾光谷产业园" for s, _ in platforms)


def test_items_a_frame_makes_the_focus_of_no_industry_are_no_industries(run_text):
    """以水稻、蔬菜、花卉为重点的育繁推应用体系: crops of a breeding system; …为主导的产业体系 still leads."""
    def industries(text):
        result = run_text(text)
        labels = {e.key: e.label for e in result.entities}
        return {labels[r.object] for r in result.relations if r.object.startswith("Industry:")}
    assert "花卉" not in industries("云溪园区将建设万亩现代种业示范基地，发展以水稻、蔬菜、花卉为重点的育繁推应用体系。")
    assert {"电子信息", "生物医药"} <= industries("云溪高新区构建以电子信息、生物医药为主导的现代产业体系。")


def test_a_group_named_as_the_parent_of_a_firm_is_not_the_parks_firm(run_text):
    """某集团旗下的某公司凭…获奖: the sentence speaks of the subsidiary; its group is no firm of the park."""
    result = run_text("青禾经开区企业获奖，蓝湾集团旗下的蓝湾科技股份有限公司凭数据处理项目获一等奖。")
    labels = {e.key: e.label for e in result.entities}
    firms = {labels[r.object] for r in result.relations if r.prop.endswith("hasEnterprise")}
    assert "蓝湾集团" not in firms and "蓝湾科技股份有限公司" in firms


def test_a_firm_the_clause_places_in_another_park_is_not_the_passages(run_text):
    """位于乙高新区的甲公司: the settle word places the firm in the park it names, not in the one the passage is on."""
    lead = "云溪新区加快发展汽车产业。云溪新区今年引进企业30家。"
    elsewhere = lead + "位于蓝山高新区的禾丰汽车有限公司是全国领先的整车企业，持续聚焦研发。"
    assert not [r for r in run_text(elsewhere).relations if r.prop == "hasEnterprise" and r.subject == "Park:云溪|新区"]
    here = lead + "禾丰汽车有限公司是全国领先的整车企业，已落户园区。"
    assert [r for r in run_text(here).relations if r.prop == "hasEnterprise" and r.subject == "Park:云溪|新区"]


def test_an_industry_named_right_after_another_park_is_that_parks_not_the_subjects(run_text):
    """禾岳新区先进储能产业链: the industry is the new area's, named right before it, not the sentence's subject park's."""
    rels = run_text("走进青禾新能源产业园，这里是锂电材料的研发之地，也是禾岳新区先进储能产业链的重要一环。").relations
    assert not any(r.subject.startswith("Park:青禾") and r.object == "Industry:先进储能" for r in rels)


def test_an_industry_named_right_after_a_country_is_the_countrys(run_text):
    """突出展现我国无人机产业强链补链实力: the country's industry, not the park the passage is about."""
    rels = run_text("青禾经开区大力发展无人机产业。同时，园区还集结30余家关键零部件企业展示最新攻关成果，"
                    "突出展现我国无人机产业强链补链实力。").relations
    evidence = [r.evidence.text for r in rels if r.object == "Industry:无人机"]
    assert evidence and not any("我国" in text for text in evidence)


def test_an_industry_named_right_after_the_state_is_the_countrys(run_text):
    """与《指南》共同形成国家车联网产业标准体系: 国家 before the industry makes it the country's, and a sentence that
    names no park says nothing of the park the passage is about."""
    rels = run_text("青禾高新区举办智能汽车论坛。《指南》构建了智能汽车标准体系，与其他部分共同形成统一的"
                    "国家车联网产业标准体系架构。").relations
    assert not any(r.object == "Industry:车联网" for r in rels)


def test_an_industry_in_an_award_title_is_no_industry_of_the_park(run_text):
    """某汽车产业集群获评国家级“先进制造业集群”: the title an award gives names no industry the park develops,
    even in a passage about the park (a firm honoured there is still the park's, an award's field is not)."""
    rels = run_text("青禾经开区是汽车产业重镇。在它的领衔下，青禾汽车产业集群也在去年获评国家级“先进制造业集群”。").relations
    assert not any(r.object == "Industry:先进制造业" for r in rels)


def test_a_park_named_as_a_neighbour_holds_nothing_named_before_it(run_text):
    """甲中心正式开工，与之相邻的乙产业园也开工: the centre lies beside 乙, not in it."""
    text = "7月28日，总投资约19亿元的岚湾科创城首发项目——岚湾国际创新中心正式开工，与之相邻的岚湾数字产业园二期项目也同时开工建设。"
    assert not [r for r in _rels(run_text, text) if r[0].startswith("岚湾数字")]


def test_a_zone_divided_into_or_holding_named_parks_holds_each(run_text):
    """分为, 现有, 拥有, 建有 and 一区N园 put the parks they list inside the zone, as 下辖 and 包括 do."""
    for text in ("云溪高新区分为青禾产业园、云帆科技园和蓝湾工业园三个园区。",
                 "云溪高新区现有青禾产业园、云帆科技园等专业园区。",
                 "云溪高新区实行“一区三园”管理模式，即青禾产业园、云帆科技园和蓝湾工业园。"):
        subs = {o for _, p, o in _rels(run_text, text) if p == "hasSubPark"}
        assert {"青禾|产业园", "云帆|产业园"} <= subs, text
