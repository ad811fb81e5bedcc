"""Relations need words that tie: contexts that tie nothing give none, a plan is not a settlement."""
from kg.extract.ties import TieIndex, clause_bounds, mask_spans
from kg.ontology import Lexicon


def _rels(run_text, text):
    return {(r.subject.split(":", 1)[1], r.prop, r.object.split(":", 1)[1]) for r in run_text(text).relations}


def _objects(run_text, text):
    return {o for _, _, o in _rels(run_text, text)}


def _index():
    lex = Lexicon(tie_cues={"落户": frozenset({"hasEnterprise"}), "引进": frozenset({"hasEnterprise"}),
                            "发展": frozenset({"hasIndustry"})},
                  non_tying_cues={"主办": "organiser", "教授": "person", "法院": "court"},
                  grammar_words={"list-continuation": ("其中", "包括")})
    return TieIndex.from_lexicon(lex)


def test_tie_word_must_stand_in_the_objects_clause():
    index = _index()
    text = "园区引进甲公司，乙公司表示满意。"
    assert index.tie(text, "hasEnterprise", 4, 7) == "引进"
    assert index.tie(text, "hasEnterprise", 8, 11) is None


def test_a_clause_that_continues_a_list_takes_the_tie_before_it():
    index = _index()
    text = "园区引进企业30家，其中包括甲公司。"
    start = text.index("甲公司")
    assert index.tie(text, "hasEnterprise", start, start + 3) == "引进"


def test_a_word_inside_another_name_is_no_tie():
    index = _index()
    text = "落户银行甲公司开业。"
    masked = mask_spans(text, [(0, 4)])
    assert index.tie(text, "hasEnterprise", 4, 7) == "落户"
    assert index.tie(masked, "hasEnterprise", 4, 7) is None


def test_contexts_that_tie_nothing():
    index = _index()
    assert index.blocker("论坛由甲大学主办。", 3, 6) == "organiser"
    assert index.blocker("甲大学教授张三说。", 0, 3) == "person"
    assert index.blocker("甲公司案由区法院审理，园区落户。", 0, 3) == "court"
    assert index.blocker("甲公司落户园区。", 0, 3) == ""


def test_clause_bounds_stop_at_punctuation():
    assert clause_bounds("甲，乙丙；丁", 2, 3) == (2, 4)


def test_organiser_list_gives_no_relation(run_text):
    text = "本次峰会由苏州工业园区管委会主办，中科院苏州医工所、苏州大学承办。"
    assert not {o for o in _objects(run_text, text) if "医工所" in o or "苏州大学" in o}


def test_a_persons_affiliation_gives_no_relation(run_text):
    text = "苏州工业园区举行创新论坛。南京大学教授王明在会上作报告。"
    assert not {o for o in _objects(run_text, text) if "南京大学" in o}


def test_a_firm_that_only_plans_to_settle_is_not_yet_the_parks(run_text):
    planned = _objects(run_text, "目前，天宇生物科技有限公司等企业拟入驻延吉高新区。")
    settled = _objects(run_text, "目前，天宇生物科技有限公司等企业已入驻延吉高新区。")
    assert not any("天宇" in o for o in planned)
    assert any("天宇" in o for o in settled)


def test_a_passing_mention_does_not_make_later_sentences_the_parks(run_text):
    # the park is named once, as a venue; the next sentence names a firm without a tie to it
    text = "会议在苏州工业园区举行。甲乙丙科技有限公司负责人介绍了新产品。"
    assert not _rels(run_text, text)


def test_relations_carry_a_probability(run_text):
    result = run_text("嘉兴经开区引进了立讯精密、闻泰科技等一批龙头企业。")
    assert result.relations
    assert all(0.0 < r.confidence < 1.0 for r in result.relations)


def test_a_penalty_report_ties_nothing(run_text):
    text = "苏州高新区发布消息。人民银行依法对甲乙旅游有限公司作出行政处罚。"
    assert not {o for o in _objects(run_text, text) if "甲乙" in o}


def test_party_building_and_attendance_tie_nothing(run_text):
    paired = "苏州高新区青松村党支部与甲乙建材有限公司党支部开展主题党日活动。"
    attended = "苏州高新区举行签约仪式，丙丁建设有限公司相关负责同志参加。"
    assert not {o for o in _objects(run_text, paired) if "甲乙" in o}
    assert not {o for o in _objects(run_text, attended) if "丙丁" in o}


def test_fields_of_cooperation_are_no_industries_of_the_partners(run_text):
    text = "苏州高新区和金桥湾开发区将在经济、金融、教育等领域开展多种形式的合作。"
    assert not {o for o in _objects(run_text, text) if "金融" in o or "教育" in o}


def test_topics_expounded_at_a_briefing_are_not_the_speakers(run_text):
    text = "苏州高新区管委会、青松科技有限公司相关负责人分别对医疗器械产业提升计划进行了阐述和讲解。"
    assert not {o for o in _objects(run_text, text) if "医疗器械" in o}


def test_a_persons_origin_covers_every_item_of_the_list_it_opens():
    index = TieIndex.from_lexicon(Lexicon(non_tying_cues={"来自": "origin"},
                                          grammar_words={"list-continuation": ("其中",),
                                                         "coordinator": ("、", "和")}))
    text = "园区为来自甲乙大学、丙丁研究院和戊己大学的专家颁发聘书。"
    for name in ("甲乙大学", "丙丁研究院", "戊己大学"):
        start = text.index(name)
        assert index.blocker(text, start, start + len(name)) == "origin"
    plain = "园区与甲乙大学、丙丁研究院签约。"
    assert index.blocker(plain, plain.index("丙丁"), plain.index("丙丁") + 5) == ""


def test_a_platform_the_passage_only_names_needs_a_word_that_ties_it(run_text):
    lead = "苏州高新区持续优化营商环境，苏州高新区企业服务中心表示。苏州高新区举办活动。"
    untied = run_text(lead + "甲乙社区联合华川大学实践团开展暑期课堂活动。").relations
    tied = run_text(lead + "同时，与华川大学签订战略合作协议。").relations
    assert not any("华川大学" in r.object for r in untied)
    assert any("华川大学" in r.object and r.prop == "hasPlatform" for r in tied)


def test_a_contests_tracks_and_an_expos_sections_are_no_industries_of_the_host(run_text):
    text = ("苏州高新区持续发展。苏州高新区举办创新创业大赛，按照新一代信息技术、生物医药、新材料等领域设置赛道。"
            "博览会打造制造业、农业、医疗健康等应用场景板块。")
    assert not _rels(run_text, text)


def test_a_bid_winner_and_a_visiting_delegation_tie_nothing(run_text):
    won = "苏州高新区持续发展。苏州高新区的污水处理项目由华川环保科技有限公司中标。"
    visited = "苏州高新区持续发展。苏州高新区代表团先后来到金桥乳业有限责任公司、华川生物科技有限公司考察。"
    assert not {o for o in _objects(run_text, won) if "华川" in o}
    assert not {o for o in _objects(run_text, visited) if "金桥" in o or "华川" in o}


def test_a_shareholder_is_not_the_parks_firm(run_text):
    text = "苏州高新区持续发展。苏州高新区的会议上，第一大股东华川投资集团有限公司提交三项议案。"
    found = _mentions_of(run_text, text)
    assert "华川投资集团有限公司" in found
    assert not {o for o in _objects(run_text, text) if "华川" in o}


def _mentions_of(run_text, text):
    return {m.surface for m in run_text(text).mentions}


def test_the_fields_a_conferences_deals_cover_are_no_industries_of_the_park_in_its_name(run_text):
    text = "近日举行的苏州高新区投资大会签署了55个合作协议，涵盖医疗器械、生物医药、食品加工等领域。"
    assert not [r for r in run_text(text).relations if r.object.startswith("Industry:")]


def test_calls_abroad_intentions_and_talks_tie_nothing(run_text):
    called = "苏州高新区持续发展。苏州高新区经贸分团还拜会了华川港务集团、金桥邮政公司。"
    intended = "苏州高新区持续发展。苏州高新区与华川集团、金桥集团等企业形成初步合作意向。"
    talked = "苏州高新区持续发展。会上，专家将围绕光电通信、激光加工等作报告。"
    assert not {o for o in _objects(run_text, called) if "华川" in o or "金桥" in o}
    assert not {o for o in _objects(run_text, intended) if "华川" in o or "金桥" in o}
    assert not [r for r in run_text(talked).relations if r.object.startswith("Industry:")]


def test_the_topics_at_a_meeting_are_no_industries_of_the_host(run_text):
    text = "苏州高新区持续发展。会上，多位专家围绕光电通信、激光加工等领域进行交流。"
    assert not [r for r in run_text(text).relations if r.object.startswith("Industry:")]


def test_names_of_one_enumeration_stand_side_by_side():
    index = TieIndex.from_lexicon(Lexicon(grammar_words={"coordinator": ("、", "和"), "list-continuation": ("其中",)}))
    text = "先后到甲综保区、乙产业园、丙大学调研，甲综保区引进丙公司。"
    first, third = (3, 7), (13, 16)
    assert index.co_items(text, first, third) and index.co_items(text, third, first)
    assert not index.co_items(text, first, (text.index("丙公司"), text.index("丙公司") + 3))


def test_the_stops_of_a_visit_are_not_each_others(run_text):
    assert not _rels(run_text, "市领导一行先后到云溪综合保税区、云溪产业园、云溪大学等地调研。")


def test_a_job_fairs_exhibitors_are_not_the_parks(run_text):
    text = "云溪高新区举办招聘会。现场，生产制造、汽车、家具等行业企业设立招聘展台，为求职者提供岗位。"
    assert not {r for r in _rels(run_text, text) if r[1] == "hasIndustry"}


def test_a_title_after_a_bracketed_aside_still_makes_the_firm_a_persons_employer(run_text):
    text = "云溪经开区通报。陈某在2015年至2017年任云翔新城投资建设有限公司（以下简称云翔新城）总经理期间，融资频繁。"
    assert not {r for r in _rels(run_text, text) if r[1] == "hasEnterprise"}


def test_an_organiser_list_ties_nothing_in_its_whole_sentence(run_text):
    """活动主办方组织X经开区城管、民政，云翔公司代表、志愿者为…: the firm sent people to an event."""
    text = ("云溪经开区开展夏季送清凉活动，慰问环卫工人。活动主办方组织云溪经开区城管、民政，"
            "云翔饮料有限公司代表、小小志愿者为辖区环卫工人送上矿泉水。")
    assert not {r for r in _rels(run_text, text) if r[1] == "hasEnterprise"}


def test_a_firm_that_builds_a_project_for_the_park_is_its_contractor(run_text):
    text = "近日，由云翔天工集团承建的云溪高新区光伏项目一期完工，为云溪高新区环保科技城并网通电奠定基础。"
    assert not {r for r in _rels(run_text, text) if r[1] == "hasEnterprise"}


def test_serving_attracting_or_a_topic_word_ties_nothing(lexicon):
    """Words that tie a park as often as someone else (a firm serving its clients, an event attracting
    guests, 围绕/重点 before any topic) are no tie words of the shipped lexicon; settling still is."""
    index = TieIndex.from_lexicon(lexicon)
    firm = "禾丰科技有限公司"
    for text in (f"{firm}服务周边农户。", f"展会吸引{firm}参展。", f"{firm}总部在外地。"):
        at = text.index(firm)
        assert index.tie(text, "hasEnterprise", at, at + len(firm)) is None, text
    for text in ("围绕数字经济作报告。", "重点介绍数字经济。"):
        at = text.index("数字经济")
        assert index.tie(text, "hasIndustry", at, at + 4) is None, text
    assert index.tie(f"{firm}落户园区。", "hasEnterprise", 0, len(firm)) == "落户"


def test_a_park_that_has_built_a_platform_ties_it(lexicon):
    """建有, 设有: the park has (built) the platform or the firm; 聚焦 and 集聚 still tie an industry."""
    index = TieIndex.from_lexicon(lexicon)
    text = "青禾高新区建有青禾智能传感创新中心。"
    at = text.index("青禾智能")
    assert index.tie(text, "hasPlatform", at, len(text) - 1) == "建有"
    for text in ("园区聚焦数字经济产业。", "园区集聚数字经济产业。"):
        at = text.index("数字经济")
        assert index.tie(text, "hasIndustry", at, at + 4) is not None, text


def test_a_tie_spans_back_to_the_subject_over_a_few_clauses_only():
    index = _index()
    near = "园区引进了一批项目，甲公司"
    assert index.tie(near, "hasEnterprise", 10, 13, subject_at=0) == "引进"
    far = "园区引进了一批项目，一，二，三，四，甲公司"
    assert index.tie(far, "hasEnterprise", far.index("甲"), len(far), subject_at=0) is None


def test_a_firm_that_develops_the_park_is_not_a_firm_in_it(run_text):
    """由甲集团与乙公司共同开发建设: the firms build or run the park; a firm that settles in it is still its."""
    built = "云溪科技产业园位于新城东部，由云翔天工集团与禾丰科技有限公司共同开发建设，现已入驻企业30家。"
    assert not {r for r in _rels(run_text, built) if r[1] == "hasEnterprise"}
    settled = "云溪科技产业园位于新城东部，云翔天工集团与禾丰科技有限公司已入驻。"
    assert {o for _, p, o in _rels(run_text, settled) if p == "hasEnterprise"} >= {"云翔天工集团"}


def test_a_school_that_co_builds_with_the_park_still_works_for_it(lexicon):
    index = TieIndex.from_lexicon(lexicon)
    text = "中心由园区与青禾大学共同建设。"
    at = text.index("青禾大学")
    assert index.blocker(text, at, at + 4, cls="Platform") == ""
    assert index.blocker(text, at, at + 4, cls="Enterprise") == "builder"


def test_the_fields_a_product_is_used_in_are_no_industries_of_the_park(run_text):
    """产品广泛应用于…等领域: the customers' fields, not what the park develops; a quoted title is no use."""
    used = "云溪高新区企业的产品广泛应用于航天、医疗机械、纺织机械等领域。"
    assert not {r for r in _rels(run_text, used) if r[1] == "hasIndustry"}
    developed = "云溪高新区重点发展航天、医疗机械、纺织机械等产业。"
    assert {o for _, p, o in _rels(run_text, developed) if p == "hasIndustry"} >= {"航天", "医疗机械"}


def test_a_context_word_inside_a_quoted_title_sets_no_context(lexicon):
    index = TieIndex.from_lexicon(lexicon)
    text = "青禾科技有限公司凭“应用于数据处理的方法”项目入选。"
    assert index.blocker(text, 0, 8, cls="Enterprise") != "application"
    plain = "青禾科技有限公司的产品应用于数据处理领域。"
    assert index.blocker(plain, 0, 8, cls="Enterprise") == "application"


def test_sectors_a_park_inspects_are_none_it_develops(run_text):
    """排查范围涵盖餐饮、宠物等行业: the sectors of an inspection; the firm inspected is still the park's."""
    text = "云溪高新区在全区开展经营主体排查，排查范围涵盖餐饮、美容美发、教育培训等行业。"
    assert not {r for r in _rels(run_text, text) if r[1] == "hasIndustry"}
    firm = "云溪高新区对入驻园区的禾丰科技有限公司开展安全检查。"
    assert {o for _, p, o in _rels(run_text, firm) if p == "hasEnterprise"}


def test_a_firm_that_issues_something_in_the_park_is_its_agent_not_its_firm(run_text):
    text = "全国首单科创票据落地云溪高新区，由云翔天工集团在银行间债券市场成功发行，发行规模3亿元。"
    assert not {r for r in _rels(run_text, text) if r[1] == "hasEnterprise"}


def test_a_firms_business_and_customers_are_no_industries_of_the_park(run_text):
    """主要从事…, 在A、B等细分领域领先, 销售对象是A、B: what a firm does or sells to; the park develops none of it."""
    lead = "云溪高新区集聚企业200余家。"
    niche = lead + "资料显示，禾丰医药主要从事药品研发，其现已在神经系统用药、生物制药等细分领域形成领先地位。"
    assert not {r for r in _rels(run_text, niche) if r[1] == "hasIndustry"}
    customers = lead + "该公司的产品主要销售对象是酒店、餐饮等行业。"
    assert not {r for r in _rels(run_text, customers) if r[1] == "hasIndustry"}
    developed = lead + "园区重点发展生物制药、餐饮等产业。"
    assert {o for _, p, o in _rels(run_text, developed) if p == "hasIndustry"} >= {"生物制药"}


def test_a_park_thanking_or_hoping_for_a_firm_does_not_make_it_the_parks(run_text):
    """对甲集团给予的支持表示感谢, 希望甲集团积极布局: a guest or a hoped-for investor, not a firm in the park;
    a firm that settles is still the park's, and a school the park hopes to work with still works for it."""
    lead = "云溪新区加快发展高端装备产业，禾丰科技有限公司落户云溪新区。"
    thanked = lead + "云溪新区对蓝湾保险集团长期给予的关心支持表示衷心感谢。"
    hoped = lead + "云溪新区希望蓝湾保险集团能够积极布局子公司和创新业务。"
    for text in (thanked, hoped):
        firms = {o for _, p, o in _rels(run_text, text) if p == "hasEnterprise"}
        assert "蓝湾保险集团" not in firms and "禾丰科技" in firms
    own_wish = lead + "入驻云溪新区的蓝湾保险集团希望进一步扩大业务。"
    assert "蓝湾保险集团" in {o for _, p, o in _rels(run_text, own_wish) if p == "hasEnterprise"}
    settled = lead + "蓝湾保险集团子公司落户云溪新区。"
    assert "蓝湾保险集团" in {o for _, p, o in _rels(run_text, settled) if p == "hasEnterprise"}
    school = lead + "希望青禾大学与云溪新区紧密合作，共建创新平台。"
    assert ("云溪|新区", "hasPlatform", "青禾大学") in _rels(run_text, school)


def test_the_parks_own_construction_is_no_tie_for_a_firm(pipeline, run_text):
    """服务某新区建设: 建设 right after the park's name is the park's noun, not a verb that ties the firm."""
    from kg.extract.ties import own_noun_positions

    text = "服务□□□□建设是甲集团的责任"
    positions = own_noun_positions(text, [6], pipeline.lexicon.words("park-own-noun"))
    ties = pipeline.relation_extractor.ties
    assert ties.tie(text, "hasEnterprise", 9, 12, 2, nouns=positions) is None
    assert ties.tie(text, "hasEnterprise", 9, 12, 2, frozenset(), ("核心区",), positions) is None
    assert ties.tie(text, "hasEnterprise", 9, 12, 2) == "建设"
    rels = run_text("青禾新区是国家级新区。服务青禾新区建设是蓝湾保险集团义不容辞的责任。").relations
    assert not [r for r in rels if r.prop == "hasEnterprise"]


def test_a_word_in_a_firms_facility_sets_no_context(lexicon):
    """某集团全球总部: 全球 belongs to the facility the firm's name points at, no statement about the world."""
    index = TieIndex.from_lexicon(lexicon)
    text = "园区落地企业50家，包括禾丰集团全球总部等龙头企业。"
    at = text.index("禾丰集团")
    masked = index.mask(text, [(at, at + 4)])
    assert masked[at:at + 8] == "\u25a1" * 8 and index.blocker(masked, at, at + 4, cls="Enterprise") == ""


def test_firms_a_park_takes_as_its_leaders_are_its_own(run_text):
    """产业园以甲、乙等企业为龙头: the firms lead the park's industry, so they are in it (为龙头 ties firms),
    even where the passage named the park only once, sentences before."""
    text = ("云溪县近年发展迅速。当地人口增长较快。全县交通条件持续改善。云溪县建设了青禾产业园，园区规划面积10平方公里。"
            "产业园以星河科技、云帆药业等企业为龙头，发展医疗器械等产业。")
    rels = _rels(run_text, text)
    assert ("青禾|产业园", "hasEnterprise", "星河科技") in rels
    assert ("青禾|产业园", "hasEnterprise", "云帆药业") in rels


def test_a_verb_after_the_last_item_of_a_list_ties_every_item(run_text):
    """A、B和C组成: 组成 stands right after C's name, yet it is the list's verb, not C's part noun (C核心区)."""
    rels = _rels(run_text, "云溪高新区由青禾产业园、云帆科技园和蓝湾工业园组成。")
    assert {o for _, p, o in rels if p == "hasSubPark"} == {"青禾|产业园", "云帆|产业园", "蓝湾|产业园"}
    parts = _rels(run_text, "云溪高新区充分发挥青禾产业园核心区功能。")
    assert not {r for r in parts if r[1] == "hasSubPark"}
