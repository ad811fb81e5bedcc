from kg.extract.names import type_word



def _named_parks(run_text, text):
    """The surfaces of the non-generic park mentions of `text`."""
    return [m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic]

def test_a_type_word_ends_a_name_that_starts_at_a_place(find):
    assert find(type_word.find, "苏州高新区发布新政。") == [("苏州高新区", "Park", "grammar:type-word", False)]
    assert find(type_word.find, "建设苏州生物医药产业园。")[0][0] == "苏州生物医药产业园"  # the verb stays outside


def test_modifiers_alone_make_a_generic_park(find):
    assert find(type_word.find, "国家级高新区共有十家。") == [("国家级高新区", "Park", "grammar:type-word", True)]


def test_platform_and_enterprise_type_words(find):
    assert find(type_word.find, "苏州纳米研究院成立。") == [("苏州纳米研究院", "Platform", "grammar:type-word", False)]
    assert find(type_word.find, "苏州迈为有限公司落户。") == [("苏州迈为有限公司", "Enterprise", "grammar:type-word", False)]


def test_a_withheld_name_is_no_name(find):
    assert find(type_word.find, "某有限公司落户。") == []


def test_the_grammar_is_named_and_versioned():
    assert type_word.NAME == "grammar:type-word" and type_word.VERSION >= 1


def test_a_partner_country_prefix_opens_a_park_name(find):
    """中德…产业园: two states' joint park keeps its 中 + country prefix, even when the walk stops inside it."""
    from kg.extract.names import type_word

    names = [n for n, *_ in find(type_word.find, "中德（苏州）智能装备产业园开工。")]
    assert names == ["中德（苏州）智能装备产业园"]


def test_a_park_named_by_its_field_alone_is_a_kind_of_park_in_passing(find):
    """在乡村旅游景点、生物医药产业园等…: a field and a park word describe a kind of park."""
    found = find(type_word.find, "协会在旅游景点、生物医药产业园等开展直播。")
    assert [(n, generic) for n, _, _, generic in found] == [("生物医药产业园", True)]


def test_a_park_named_by_its_field_alone_is_a_park_when_the_text_sets_it_out(run_text):
    """Being built, or listed beside parks with names of their own, it is one park."""
    def named(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic}

    assert "生物医药产业园" in named("加快建设生物医药产业园。")
    assert "生物医药产业园" in named("生物医药产业园、3985集成电路产业园相继开园。")
    assert "生物医药产业园" not in named("协会在旅游景点、生物医药产业园等开展直播。")


def test_a_platform_named_by_its_field_alone_is_one_only_when_set_out(run_text):
    """外贸综合服务平台 describes; 氢能研究中心 listed beside 苏州绿氢创新中心 is one of them."""
    def platforms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Platform"}

    assert "外贸综合服务平台" not in platforms("园区将搭建外贸综合服务平台。")
    assert "氢能研究中心" in platforms("将打造氢能研究中心、苏州绿氢创新中心两个分中心。")


def test_a_quoted_platform_name_is_whole_whatever_words_it_holds(run_text):
    """“苏锡常中医药政策与技术研究中心”: the quotes bound the name, 与 inside and all; a quoted chain is none."""
    def platforms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Platform"}

    assert "苏锡常中医药政策与技术研究中心" in platforms("授予园区的“苏锡常中医药政策与技术研究中心”揭牌。")
    assert not any("—" in p for p in platforms("构建了“众创空间—孵化器—加速器”培育体系。"))


def test_a_schools_campus_and_a_firms_college_are_no_platforms(run_text):
    def platforms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Platform"}

    assert not platforms("向苏州青松实验学校金鸡湖校区捐赠图书。")
    assert "南京大学苏州校区" in platforms("南京大学苏州校区揭牌。")
    assert not platforms("他任苏州青禾科技有限公司商学院院长。")


def test_the_area_of_a_garden_or_a_wetland_is_no_park(run_text):
    """雨洪花园区 is 雨洪花园 + 区 (an area of a garden), not 雨洪花 + 园区; a wetland's park is a scenic site."""
    def parks(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Park"]

    assert parks("展会在苏州云溪花园区举办。") == []
    assert parks("展会在苏州云溪园区举办。") == ["苏州云溪园区"]
    assert parks("苏州云溪湿地产业园迎客。") == []
    assert parks("苏州云溪产业园迎客。") == ["苏州云溪产业园"]


def test_a_name_withheld_before_the_walks_start_is_no_name(run_text):
    """某信息咨询服务有限公司: the walk stops after 某 (信息咨询服务 is common words); the firm is still unnamed."""
    assert not [m for m in run_text("本案中，某信息咨询服务有限公司员工被起诉。").mentions if m.cls == "Enterprise"]
    assert [m.surface for m in run_text("云翔信息咨询服务有限公司成立。").mentions if m.cls == "Enterprise"] == [
        "云翔信息咨询服务有限公司"]


def test_an_industry_base_is_a_park_where_a_city_opens_it_and_a_title_where_a_province_does(run_text):
    """合肥智能家电产业基地 is a park; X省节能环保产业基地 a title the province gives a park, whose
    industry (节能环保) is the park's; 重大新兴产业基地 a kind."""
    def found(text):
        return {(m.surface, m.cls) for m in run_text(text).mentions}

    assert ("合肥智能家电产业基地", "Park") in found("合肥智能家电产业基地荣获荣誉。")
    assert not {m for m in found("云溪高新区获评江西省节能环保产业基地。") if m[1] == "Park" and "基地" in m[0]}
    assert not {m for m in found("安徽省重大新兴产业基地考评结果公布。") if m[1] == "Park"}


def test_a_demonstrative_or_a_generic_word_before_the_type_word_names_nothing(run_text):
    """这座年轻园区 and 园区孵化器 describe; 优秀企业、…园区孵化器等…平台 lists no platforms."""
    def names(text):
        return {m.surface for m in run_text(text).mentions if not m.generic and m.key}

    assert not names("这座年轻园区已成为一片热土。")
    assert not names("为人才提供与优秀企业、实业机构、园区孵化器等相互沟通交流的平台。")
    assert "云溪孵化器" in names("云溪孵化器、云翔研究院等平台相继落户。")


def test_a_petrochemical_zone_is_a_park(run_text):
    parks = {m.surface for m in run_text("当前，云溪石化区实现炼油2200万吨/年的生产能力。").mentions if m.cls == "Park"}
    assert parks == {"云溪石化区"}


def test_a_university_that_opens_a_schools_name_is_no_platform_mention(run_text):
    def platforms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Platform"}

    assert not platforms("云溪大学附属小学开学。")
    assert platforms("云溪大学在园区建设研究院。") >= {"云溪大学"}


def test_a_count_or_a_sweep_over_parks_names_none(run_text):
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park" and m.key}

    assert not parks("大会汇聚了国内各大化工园区的专家。")
    assert not parks("深圳已建成多座能源生态园。")
    assert parks("深圳龙岗能源生态园日处理垃圾5000吨。") == {"深圳龙岗能源生态园"}


def test_the_head_word_settles_park_against_platform_for_science_parks_and_innovation_ports(run_text):
    """The contract: 科技园 and 港 are places (parks), whatever the name holds (大学科技园, 数字创新港)."""
    def found(text):
        return {(m.surface, m.cls) for m in run_text(text).mentions if m.key}

    assert ("云溪市大学科技园", "Park") in found("云溪市大学科技园、云溪科技企业加速器两大项目如火如荼。")
    assert ("云溪科技企业加速器", "Platform") in found("云溪市大学科技园、云溪科技企业加速器两大项目如火如荼。")
    assert ("长三角（云溪）数字创新港", "Park") in found("长三角（云溪）数字创新港开港运营。")


def test_a_park_named_by_descriptors_alone_is_one_where_the_text_builds_it(run_text):
    """建设了X创谷、创智产业园, 开发区就设立了科技孵化园: built, so named; 建设、管理园区 lists verbs."""
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park" and m.key}

    assert "创智产业园" in parks("一是打造人才创业基地，加快建设了云翔创谷、创智产业园，孵化面积扩大。")
    assert "科技孵化园" in parks("早在2007年，云溪开发区就设立了科技孵化园。")
    assert not parks("该公司主要承担建设、管理园区配套人才房功能。")


def test_a_scam_compound_is_no_park(run_text):
    parks = {m.surface for m in run_text("两人被骗出境后被卖入电诈园区。多人在云溪诈骗园区遭受殴打。").mentions
             if m.cls == "Park" and m.key}
    assert not parks


def test_a_faculty_right_after_its_university_is_no_platform_of_its_own(run_text):
    platforms = {m.surface for m in run_text("云溪科技学院法贸学院学生走进社区。").mentions if m.cls == "Platform"}
    assert platforms == {"云溪科技学院"}


def test_an_innovation_and_startup_park_is_named_whole(run_text):
    """上海X柳东创新创业园: 创新创业园 is the type word; the industries its sentence names are its own."""
    text = "5月31日，上海云溪柳东创新创业园在柳州揭牌。创业园重点发展新能源汽车、生物医药等战略性新兴产业。"
    parks = {m.surface for m in run_text(text).mentions if m.cls == "Park" and m.key}
    assert "上海云溪柳东创新创业园" in parks


def test_a_firms_headquarters_or_rd_campus_is_no_park(run_text):
    """禾丰科技北京总部园区, 青禾芯片公司美国研发园区: one firm's own facility, which the contract counts as no
    park; a park named by its industry's headquarters (云溪航空总部产业园) is still one."""
    assert _named_parks(run_text, "民警到禾丰科技北京总部园区走访。") == []
    assert _named_parks(run_text, "青禾芯片公司美国研发园区落成。") == []
    assert _named_parks(run_text, "云溪航空总部产业园开园。") == ["云溪航空总部产业园"]


def test_a_firms_office_or_company_campus_is_no_park(run_text):
    """禾丰集团总部办公园区, 位于化工园的禾丰化工企业园区: one firm's office or plant site, no park; the
    化工园 it stands in is one."""
    assert _named_parks(run_text, "禾丰集团将启动青禾总部办公园区建设。") == []
    assert _named_parks(run_text, "图为位于云溪化工园的禾丰化工企业园区。") == ["云溪化工园"]


def test_a_service_platform_for_trade_hiring_or_lending_is_no_research_carrier(run_text):
    """青禾省跨境电商公共服务平台, 云溪园人才服务平台: business services, not the contract's research,
    innovation or incubation carriers; a service platform of no commerce field is still one."""
    def platforms(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Platform"]

    assert platforms("青禾省跨境电商公共服务平台上线。") == []
    assert platforms("云溪园人才服务平台发布报告。") == []
    assert platforms("青禾省知识产权公共服务平台上线。") == ["青禾省知识产权公共服务平台"]


def test_a_descriptor_of_sci_tech_or_zero_waste_parks_names_no_park(run_text):
    """科创园区, 创科园区, 无废园区 describe a kind of park, like 智慧园区 or 绿色园区; a place still names one."""
    assert _named_parks(run_text, "政府机构可以直接监督创科园区的开发和营运。") == []
    assert _named_parks(run_text, "双方就构建科创园区进行了深入交流。") == []
    assert _named_parks(run_text, "云溪将打造无废园区。") == []
    assert _named_parks(run_text, "云溪科创园区开园。") == ["云溪科创园区"]
    # a city's (岳阳, a prefecture-level city) 科创园区 are its parks of that kind, none named
    assert _named_parks(run_text, "新区的定位是与岳阳科创园区产生协同效应。") == []


def test_a_park_word_inside_an_agencys_office_name_after_the_agency_names_no_park(run_text):
    """海关总署自贸区和特殊区域发展司, 云溪交警高新区大队: the agency (海关总署, the traffic police 交警) opens an
    office's name; what follows it to the park word is no park's name."""
    assert _named_parks(run_text, "海关总署自贸区和特殊区域发展司负责人表示。") == []
    assert "云溪交警高新区" not in _named_parks(run_text, "云溪交警高新区大队开展整治。")


def test_an_address_that_a_platforms_or_firms_name_repeats_is_no_part_of_it(run_text):
    """来自苏州市苏州青禾学院: the city 苏州市, then a name opening with 苏州: the city is the address."""
    def names(text):
        return [m.surface for m in run_text(text).mentions if m.cls in ("Platform", "Enterprise")]

    assert names("来自苏州市苏州青禾学院的学员表示受益匪浅。") == ["苏州青禾学院"]
    assert names("来自苏州市苏州青禾科技有限公司的员工表示。") == ["苏州青禾科技有限公司"]


def test_a_park_word_right_after_a_nature_reserve_names_one_of_its_areas(run_text):
    """青禾山国家公园云溪源园区: the walk stops at the reserve's head (国家公园); what follows is its area."""
    assert _named_parks(run_text, "青禾山国家公园云溪源园区管委会工作人员巡护。") == []
    assert _named_parks(run_text, "青禾山云溪源园区管委会工作人员巡护。") != []


def test_a_count_before_the_type_word_names_no_park(run_text):
    """湖南多家园区, 30余名园区企业代表: a count of parks or of people, not a name (多 and 名 count too)."""
    for text in ("湖南多家园区积极行动。", "30余名园区企业代表参加。"):
        assert not [e for e in run_text(text).entities if e.cls == "Park"], text


def test_an_approximate_size_in_chinese_numerals_before_a_park_word_names_no_park(run_text):
    """拥有苏州、青禾三地近百万平方米工业园区: a size (近, 百, 万平方米) and a kind of park, no name."""
    assert _named_parks(run_text, "目前拥有苏州、青禾三地近百万平方米工业园区。") == []


def test_a_generic_modifier_is_no_name_part_whatever_its_tag(run_text):
    """不同类型创科园区, 一线城市生物医药园区: 创科 (an unknown word to the tagger) and 城市 (a place to the
    gazetteer) are generic modifiers, so nothing before the park word names a park."""
    assert _named_parks(run_text, "报告分析了青禾等地不同类型创科园区案例。") == []
    assert _named_parks(run_text, "一位一线城市生物医药园区从业者表示。") == []
    assert _named_parks(run_text, "云溪创科园区正式开园。") == ["云溪创科园区"]


def test_a_named_road_or_line_before_a_parks_own_name_is_its_address(run_text):
    """东渡路|禾丰工业园区: a named road (or a transit line) before more name words is the address; the park's
    name starts after it."""
    parks = [e.label for e in run_text("项目位于东渡路禾丰工业园区。").entities if e.cls == "Park"]
    assert parks == ["禾丰工业园区"]


def test_a_fields_latin_abbreviation_is_no_name_part(run_text):
    """引入AI研究院: AI names the institute's field, as 人工智能研究院 would; a name still opens 禾丰AI研究院."""
    def platforms(text):
        return [e.label for e in run_text(text).entities if e.cls == "Platform"]

    assert platforms("青禾园区二期将引入人工智能、AI研究院等。") == []
    assert platforms("云溪高新区将引入禾丰AI研究院。") == ["禾丰AI研究院"]


def test_a_generic_firm_word_longer_than_the_type_word_needs_a_name_before_it(run_text):
    """增加优质上市公司供给: 上市公司 is a kind of firm, and 优质 names none; 禾丰上市公司 still names one."""
    def firms(text):
        return [e.label for e in run_text(text).entities if e.cls == "Enterprise"]

    assert firms("青禾区将增加优质上市公司供给。") == []
    assert firms("禾丰上市公司发布公告。") == ["禾丰上市公司"]


def test_common_words_before_a_firms_bracket_mean_its_trade_name_was_cut_off(run_text):
    """某某|精密工业(云溪)有限公司: only common words stand before the bracket, so the firm's trade name stands
    further left; the span found is no name. 禾丰科技(云溪)有限公司 keeps its name."""
    def firms(text):
        return [e.label for e in run_text(text).entities if e.cls == "Enterprise"]

    assert firms("今年，精密工业(云溪)有限公司获批。") == []
    assert firms("禾丰科技(云溪)有限公司成立。") == ["禾丰科技(云溪)有限公司"]


def test_a_stock_board_before_a_generic_firm_word_names_no_firm(run_text):
    """青禾市拥有84家A股上市公司: A股 says where firms are listed (a kind), not which firm."""
    assert [e.label for e in run_text("青禾市拥有84家A股上市公司。").entities if e.cls == "Enterprise"] == []


def test_an_inviting_verb_before_a_name_is_no_part_of_it(run_text):
    """会议特邀青禾财政科学研究院专家作报告: 特邀 (邀请, 受邀) is what the meeting did, not the institute's name."""
    platforms = [e.label for e in run_text("会议特邀青禾财政科学研究院专家作报告。").entities if e.cls == "Platform"]
    assert platforms == ["青禾财政科学研究院"]


def test_a_party_of_a_lawsuit_or_a_heading_is_no_part_of_the_firm_name(run_text):
    """则原告X公司…被告Y公司, 基本情况Z公司: court roles and a heading stand before the name, not in it;
    搬迁入园投产 is what a firm does, not a firm."""
    text = "则原告云溪银行股份有限公司起诉被告禾丰科技集团有限公司。基本情况青禾新能源科技股份有限公司成立于2014年。"
    firms = {e.label for e in run_text(text).entities if e.cls == "Enterprise"}
    assert firms == {"云溪银行股份有限公司", "禾丰科技集团有限公司", "青禾新能源科技股份有限公司"}, firms
    assert not [e for e in run_text("华阳化工成为化工园首家搬迁入园投产的企业。").entities if e.label == "入园"]


def test_an_association_in_a_list_of_firms_is_no_firm(run_text):
    text = "此次活动还邀请了云溪马来西亚商会、青禾软件行业协会、禾丰科技有限公司等企业参加。"
    firms = {e.label for e in run_text(text).entities if e.cls == "Enterprise"}
    assert "禾丰科技有限公司" in firms and not {f for f in firms if f.endswith(("商会", "协会"))}, firms


def test_the_police_or_customs_before_a_park_word_is_an_agency_not_part_of_the_name(run_text):
    """青松公安开发区派出所, 青松海关综保区监管科: the police or customs of a place, then a park word that
    names its unit's area; the agency is no part of a park's name."""
    assert not _named_parks(run_text, "青松县公安开发区派出所抓获一名嫌疑人。")
    assert not _named_parks(run_text, "青松海关综保区监管科推行通关便利措施。")


def test_a_name_never_ends_in_the_verb_to_that_the_segmenter_glued_to_a_person(run_text):
    """局长张建到高新区调研, 鼓励居民到青禾新区: 到 (to) ends the phrase before the park, whatever word the
    segmenter glued it into; what is left, a bare 高新区, names no park."""
    assert not _named_parks(run_text, "副市长、局长张建到高新区调研基层工作。")
    assert not [p for p in _named_parks(run_text, "鼓励被征收人到青禾新区购房安置。") if p.startswith("人")]


def test_a_training_centre_is_no_research_carrier(run_text):
    """青禾艺术培训中心, 青禾市职业技能培训中心: a school for courses, none of the contract's research, innovation
    or incubation carriers; 青禾智能制造创新中心 beside it is one."""
    found = [m.surface for m in run_text("青禾艺术培训中心、青禾市职业技能培训中心与青禾智能制造创新中心共建。").mentions
             if m.cls == "Platform" and not m.generic]
    assert found == ["青禾智能制造创新中心"]


def test_a_brigade_before_a_park_word_is_an_agency_not_part_of_the_name(run_text):
    """青禾市消防救援支队开发区大队, 青禾新区综合行政执法总队某科技园大队: a brigade (支队, 总队) opens its unit's
    name; the park word after it names no park of its own."""
    assert not _named_parks(run_text, "青禾市消防救援支队开发区大队开展水域救援演练。")


def test_china_and_a_bloc_of_states_open_a_park_name(run_text):
    """中国—东盟应急产业园: 中国 with a bloc of states (东盟) opens the name of the park they build together, as
    中德 does; no 东盟应急产业园 cut from it."""
    assert _named_parks(run_text, "同期举办采购商大会、中国—东盟应急产业园推介会。") == ["中国—东盟应急产业园"]


def test_a_slogan_or_an_umbrella_word_before_a_park_word_names_no_park(run_text):
    """新兴产业集聚区, “五好园区”, 碳达峰示范园区: an umbrella word (新兴: also a county's name to the gazetteer), a
    rating slogan or a policy goal before the type word says what kind of park is meant and names none."""
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic}

    assert parks("要将青禾区建设成为新兴产业集聚区。") == set()
    assert parks("加快“五好园区”建设，推动新型城镇化。") == set()
    assert parks("探索推动高新区碳达峰示范园区建设。") == set()


def test_an_eco_park_area_keeps_its_last_character(run_text):
    """青禾…产业生态园区: 生态园区 is a park word of its own, as 产业园区 is beside 产业园; the name is not cut at
    生态园 with 区 left over."""
    parks = {m.surface for m in run_text("青禾区加快建设青禾智能网联汽车产业生态园区。").mentions if m.cls == "Park"}
    assert "青禾智能网联汽车产业生态园区" in parks


def _firms(run_text, text):
    return [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]


def test_a_post_verb_glued_to_a_person_stays_out_of_the_firm_that_opens_with_a_place(run_text):
    """张建明任|苏州某某科技有限公司: the person took a post at the firm; 宏任财产保险 keeps its 任."""
    assert _firms(run_text, "简历显示，张建明任苏州华川科技有限公司总经理。") == ["苏州华川科技有限公司"]
    assert _firms(run_text, "宏任财产保险股份有限公司参会。") == ["宏任财产保险股份有限公司"]


def test_that_company_and_contacting_a_company_name_no_firm(run_text):
    """涉该公司 (that company) names none; 安排人员联系X公司: 联系 (to contact) is no part of the name."""
    assert _firms(run_text, "法院收到大量涉该公司的纠纷案件。") == []
    assert _firms(run_text, "社区立即安排人员联系苏州华川燃气公司。") == ["苏州华川燃气公司"]


def test_a_conjunction_inside_an_unknown_word_splits_it_only_after_a_type_words_end(run_text):
    """中和岚川（山西）…有限公司, 山东新和川药业: 和 inside the firm's own word is the name's; only after a region's or a
    body's type word (市|和雄安) does it join two names."""
    assert _firms(run_text, "8月5日，中和岚川（山西）新能源科技有限公司投产。") == ["中和岚川（山西）新能源科技有限公司"]
    assert _firms(run_text, "仪式在山东新和川药业有限公司举行。") == ["山东新和川药业有限公司"]


def test_a_bullet_mark_is_no_part_of_a_name(run_text):
    """●, ■: bullets of an announcement's points stand before a name, never in it."""
    assert _firms(run_text, "重要提示：●所处阶段：二审判决●上市公司控股子公司为原告。") == []
    assert _firms(run_text, "公告要点：■华川科技有限公司为被告。") == ["华川科技有限公司"]


def test_an_online_park_is_no_park(run_text):
    """打造“线上数字经济产业园区”: a service online, or a virtual park, is no development zone on the ground."""
    assert _named_parks(run_text, "平台为企业提供集成服务，打造“线上数字经济产业园区”。") == []
    assert _named_parks(run_text, "青禾数字经济产业园区开园。") == ["青禾数字经济产业园区"]



def test_a_platform_word_inside_a_longer_head_ends_no_platform(run_text):
    """某促进中心|协会 is an association and 某大学|城 a university town: neither is a platform."""
    def platforms(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Platform"]
    assert platforms("中国技术促进中心协会在东湖高新区召开年会。") == []
    assert platforms("项目紧邻东海大学城和滨江产业园。") == []
    assert platforms("中国技术促进中心在东湖高新区召开年会，东海大学参加。") == ["中国技术促进中心", "东海大学"]


def test_a_places_abbreviation_and_a_level_before_a_platform_word_name_a_class(run_text):
    """在京国家级研究中心: 京 abbreviates a city, 国家级 is a level; no platform is named."""
    text = "全力支持在京国家级研究中心做优做强。"
    assert [m.surface for m in run_text(text).mentions if m.cls == "Platform"] == []


def test_words_with_a_type_word_right_after_a_list_name_the_kind_of_its_items(run_text):
    """星河控股和蓝海器械等|医疗物流配送公司: what follows 等 is the kind the listed firms are, no firm."""
    text = "星河控股和蓝海器械等医疗物流配送公司一直扎根东城。"
    assert [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"] == ["星河控股", "蓝海器械"]
