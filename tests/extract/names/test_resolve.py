from kg.extract.names.resolve import resolve_candidates
from kg.extract.names.rules import RULES, Mode, candidate, rank


def test_the_longer_name_wins_over_the_name_it_contains(tiny_cues):
    text = "苏州纳米研究院"
    cands = [candidate("taxonomy", 2, 4, "Industry"), candidate("type-word", 0, 7, "Platform", "ResearchInstitute")]
    assert [(m.surface, m.stage) for m in resolve_candidates("d", text, cands, tiny_cues)] == [
        ("苏州纳米研究院", "grammar:type-word")]


def test_on_equal_length_the_higher_rank_wins(tiny_cues):
    text = "迈为科技"
    cands = [candidate("trade-name", 0, 4, "Enterprise"), candidate("list-classed", 0, 4, "Industry")]
    assert [m.cls for m in resolve_candidates("d", text, cands, tiny_cues)] == ["Industry"]


def test_a_generic_park_inside_a_name_goes(tiny_cues):
    text = "苏州高新区"
    cands = [candidate("type-word-generic", 2, 5, "Park", generic=True), candidate("type-word", 0, 5, "Park")]
    assert [(m.surface, m.generic) for m in resolve_candidates("d", text, cands, tiny_cues)] == [("苏州高新区", False)]


def test_industry_mentions_drop_their_suffix(tiny_cues):
    [m] = resolve_candidates("d", "集成电路产业", [candidate("list", 0, 6, "Industry")], tiny_cues)
    assert m.name == "集成电路"


def test_one_table_gives_stage_score_and_rank():
    for rule in RULES.values():
        assert rank(rule.stage) >= rule.rank and 0 < rule.score <= 1
    assert Mode.from_cue("Industry") is Mode.INDUSTRY and Mode.INDUSTRY_STRICT.cls == "Industry"


def test_an_industry_word_that_opens_an_offices_name_is_no_industry(run_text):
    """教育和体育局, 旅游行业协会: the word names the office; 产业布局 is no office."""
    def industries(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}

    assert not industries("区教育和体育局召开会议。") & {"教育", "体育"}
    assert "旅游" not in industries("市旅游行业协会成立。")
    assert "新能源汽车" in industries("园区重点发展新能源汽车，优化产业布局。")


def test_an_industry_word_that_opens_a_centres_name_is_no_industry(run_text):
    """某某集成电路产业开发中心 names an office (开发, a verb of the name, before 中心); 发展集成电路产业，建设创新中心
    still develops an industry (高技术产业 is an umbrella word, like 高新技术产业: no industry at all)."""
    def industries(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}

    assert not industries("火炬集成电路产业开发中心处长出席。")
    assert "集成电路" in industries("园区发展集成电路产业，建设创新中心。")
    assert not industries("园区发展高技术产业，建设创新中心。")


def test_industries_written_together_are_one_industry(tiny_cues):
    """遥感通信领域: two industry words with nothing between name one industry, as written; 生物医药、集成电路 two."""
    text = "聚焦遥感通信领域"
    cands = [candidate("taxonomy", 2, 4, "Industry"), candidate("taxonomy", 4, 6, "Industry")]
    assert [m.surface for m in resolve_candidates("d", text, cands, tiny_cues)] == ["遥感通信"]
    text = "生物医药、集成电路"
    cands = [candidate("taxonomy", 0, 4, "Industry"), candidate("taxonomy", 5, 9, "Industry")]
    assert [m.surface for m in resolve_candidates("d", text, cands, tiny_cues)] == ["生物医药", "集成电路"]


def test_an_industry_word_that_opens_a_departments_name_is_no_industry(run_text):
    """体育产业部, 生物医药产业处: a department of a bureau; 产业总部 (headquarters) names no department."""
    def industries(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}

    assert not industries("青禾新区文化和旅游局体育产业部负责人表示，将举办赛事。")
    assert not industries("市经信委生物医药产业处负责人出席。")
    assert industries("青禾新区推动生物医药产业总部集聚。") == {"生物医药"}


def test_a_venue_or_a_leisure_park_in_a_list_is_no_park(run_text):
    """参观青禾冬奥园区、云杉奥林匹克园区和禾丰花海文化体验园: a venue or a leisure park is none of the four
    classes, whether a type word or a list found it."""
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic}

    assert parks("营员们参观了国家博物馆、青禾冬奥园区、云杉奥林匹克园区等地。") == set()
    assert parks("景区包括禾丰花海生态文化体验园。") == set()


def test_a_trade_word_and_a_legal_suffix_alone_name_no_firm(run_text):
    """下属轨道、置业公司: a trade (置业) with 公司 names a kind of firm; 青禾置业公司 is one."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert "置业公司" not in firms("蓝湾集团发展公司及下属轨道、置业公司全体员工深入现场。")
    assert "青禾置业公司" in firms("青禾置业公司落户云溪高新区。")


def test_a_party_body_is_no_platform_and_holds_no_names(run_text):
    """某行业党建联盟: a Party body; neither it nor the industry inside its name is an entity."""
    mentions = run_text("青禾区互联网行业党建联盟成立，成员单位交流党建经验。").mentions
    assert not [m for m in mentions if m.cls in ("Platform", "Industry")]


def test_a_year_before_a_name_is_the_events(run_text):
    """2023某某会展联盟: the year goes; 1905文创园 keeps its number, the rest alone being a type word."""
    surfaces = {m.surface for m in run_text("2023澜湄合作云南会展联盟在青禾高新区成立。").mentions}
    assert "澜湄合作云南会展联盟" in surfaces
    surfaces = {m.surface for m in run_text("1905文创园在青禾高新区开园。").mentions}
    assert "1905文创园" in surfaces


def test_a_firms_legal_name_before_a_type_word_is_no_park(run_text):
    """某银行股份有限公司开发区支行: a branch named after a park (none of the four classes), no park and
    no firm cut before the park's type word."""
    mentions = run_text("新湖地产与蓝湾银行股份有限公司开发区支行签订借款合同。").mentions
    assert not [m for m in mentions if m.cls == "Park" and not m.generic]
    assert "蓝湾银行股份有限公司" not in {m.surface for m in mentions if m.cls == "Enterprise"}


def test_a_realm_the_segmenter_tags_as_a_place_stays_in_the_industrys_name(run_text):
    """海洋生物医药: 海洋 (a domain noun of the lexicon) says the industry's realm; a place opening an item is cut."""
    industries = {m.surface for m in run_text("青禾园区重点发展海洋生物医药、智能网联汽车等特色产业。").mentions
                  if m.cls == "Industry"}
    assert industries == {"海洋生物医药", "智能网联汽车"}


def test_a_development_verb_after_the_place_that_opens_an_industry_is_no_part_of_it(run_text):
    """宿迁发展大健康产业 as an item: the place and the verb are the clause's, the industry is 大健康;
    a role word that opens the name (特色农业) stays in it."""
    industries = {m.surface for m in run_text(
        "结合各地特色，支持扬州打造新材料之都、淮安建设绿色低碳发展示范区、宿迁发展大健康产业；").mentions
        if m.cls == "Industry"}
    assert "大健康" in industries and "发展大健康" not in industries
    assert "特色农业" in {m.surface for m in run_text("园区支持宿迁发展特色农业产业。").mentions if m.cls == "Industry"}


def test_words_ending_in_a_verb_name_an_activity_not_an_industry(run_text):
    """国产化创新 in a list of fields: an activity; 工业互联 (words that open the label 工业互联网) stays."""
    def industries(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}

    assert industries("青禾软件园将工业软件、人工智能、国产化创新等领域作为转型升级方向。") == {"工业软件", "人工智能"}
    assert "工业互联" in industries("青禾软件园聚焦高端装备、工业互联、新材料等产业。")


def test_a_bare_stage_of_a_chain_is_no_industry(run_text):
    """集良种繁育、标准养殖、精深加工、市场销售于一体: a stage of any chain names no industry alone; with what it
    processes (蓝莓深加工) it does."""
    def industries(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}

    assert "精深加工" not in industries("青禾园区形成了集良种繁育、牧草种植、标准养殖、精深加工、市场销售于一体的全产业链体系。")
    assert "蓝莓深加工" in industries("青禾园区重点发展蓝莓深加工产业。")


def test_one_character_before_a_trade_word_is_no_firms_name(run_text):
    """已为和禾光电: the segmenter reads 和 as a conjunction and leaves 禾光电, one character before the
    trade word; a firm's trade name has two or more, so the cut names no firm."""
    firms = {m.surface for m in run_text("目前已为和禾光电、青禾科技等企业提供服务。").mentions if m.cls == "Enterprise"}
    assert firms == {"青禾科技"}


def test_a_firm_cut_out_of_a_phrase_its_trade_word_opens_is_no_firm(run_text):
    """青禾科技创新基地启用: 科技创新 runs on past 科技, so 青禾科技 is cut out of the phrase, not a firm's name;
    青禾科技有限公司 stays."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert not firms("此外，青禾科技创新基地也宣布正式启用。") & {"青禾科技"}
    assert firms("青禾科技有限公司宣布新基地正式启用。") == {"青禾科技有限公司"}
