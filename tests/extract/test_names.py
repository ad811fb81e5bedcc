"""The recogniser finds names by type words, lists and the taxonomy, never by lists of names."""



def _named_parks(run_text, text):
    """The surfaces of the non-generic park mentions of `text`."""
    return [m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic]

def _mentions(run_text, text):
    return {(m.cls, m.surface) for m in run_text(text).mentions if not m.generic}


def _names_of(found, cls):
    """The surfaces of class `cls` among `_mentions`' (class, surface) pairs."""
    return {surface for c, surface in found if c == cls}


def _entities(run_text, text):
    return {(e.cls, e.label) for e in run_text(text).entities}


def test_type_word_grammar_finds_unlisted_parks(run_text):
    found = _mentions(run_text, "会上，宁波杭州湾经济技术开发区与台州湾新区签署协议。")
    assert ("Park", "宁波杭州湾经济技术开发区") in found
    assert ("Park", "台州湾新区") in found


def test_left_edge_stops_at_verbs_and_places(run_text):
    found = _mentions(run_text, "全力推动合肥高新区建设，加快建设包河经济开发区。")
    assert ("Park", "合肥高新区") in found
    assert ("Park", "包河经济开发区") in found
    assert not any(name.startswith(("推动", "加快", "建设")) for _, name in found)


def test_generic_park_words_are_not_entities(run_text):
    result = run_text("该区是国家级高新区，园区内企业众多，开发区管委会表示欢迎。")
    assert not [e for e in result.entities if e.cls == "Park"]


def test_platform_type_words(run_text):
    found = _mentions(run_text, "园区依托南昌大学、江西理工大学赣州研究院等平台开展合作。")
    assert ("Platform", "南昌大学") in found
    assert ("Platform", "江西理工大学赣州研究院") in found


def test_enterprise_list_closed_by_cue(run_text):
    found = _mentions(run_text, "开发区已集聚宁德时代、远景科技、天合光能等一批龙头企业。")
    assert {("Enterprise", "宁德时代"), ("Enterprise", "远景科技"), ("Enterprise", "天合光能")} <= found


def test_verbs_of_meeting_and_saying_end_a_firms_name(run_text):
    met = _mentions(run_text, "省长李明会见青松华川制药有限公司总裁一行。")
    said = _mentions(run_text, "嫌疑人谎称公司需要资金周转，采暖费应由地产公司承担。")
    assert ("Enterprise", "青松华川制药有限公司") in met
    assert not {surface for cls, surface in said if cls == "Enterprise"}


def test_housing_estates_in_a_list_of_projects_are_no_firms(run_text):
    found = _mentions(run_text, "青松府是继华川苑、金桥公馆等项目之后，园区打造的又一人才公寓。")
    assert not _names_of(found, "Enterprise")


def test_an_industry_word_that_ends_inside_the_next_word_is_no_industry(run_text):
    found = _mentions(run_text, "苏州高新区以数字人民币形式发放贷款，打造金融机构文明实践点。")
    assert not _names_of(found, "Industry")


def test_a_particle_or_a_count_opens_no_industry(run_text):
    found = _mentions(run_text, "园区推动以生物医药为代表的等大健康产业发展，设立首支氢能产业专项基金。")
    industries = _names_of(found, "Industry")
    assert {"大健康", "氢能"} <= industries
    assert not {i for i in industries if i.startswith(("等", "首支"))}


def test_a_service_verb_or_an_address_the_name_repeats_is_no_part_of_a_park(run_text):
    region = "相城区"  # a district of the gazetteer, as any address would name one
    served = _mentions(run_text, "园区积极服务雄安新区建设。")
    addressed = _mentions(run_text, f"活动在苏州市{region}相城高新区举行。")
    assert ("Park", "雄安新区") in served
    assert ("Park", "相城高新区") in addressed


def test_hospitals_and_community_stations_are_no_platforms(run_text):
    found = _mentions(run_text, "青松医科大学附属华川医院分院开诊，金桥社区工作站揭牌，华川院士工作站落户园区。")
    platforms = _names_of(found, "Platform")
    assert not {p for p in platforms if "医院" in p or "社区" in p}
    assert "华川院士工作站" in platforms


def test_firms_described_by_their_kind_or_parent_are_not_named(run_text):
    found = _mentions(run_text, "园区引进化工原料制造公司和城投公司，多家消费类跨国公司及华川集团全资子公司落户，青松电子公司扩产。")
    firms = _names_of(found, "Enterprise")
    assert firms == {"华川集团", "青松电子公司"}


def test_an_industry_inside_a_union_name_is_no_industry(run_text):
    found = _mentions(run_text, "会上强调，快递行业工会要积极行动起来，做好防暑降温工作。")
    assert not _names_of(found, "Industry")


def test_a_person_or_a_team_glued_before_a_university_is_cut_off(run_text):
    found = _mentions(run_text, "会上，王小明西安交通大学教授作报告，教师团队四川工程职业技术学院来访。")
    platforms = _names_of(found, "Platform")
    assert platforms == {"西安交通大学", "四川工程职业技术学院"}


def test_a_list_closer_inside_an_item_ends_it(run_text):
    found = _mentions(run_text, "北京大学、清华大学等著名高校以及宁德时代等企业参会。")
    assert ("Platform", "清华大学") in found
    assert not {surface for _, surface in found if "等" in surface}


def test_a_date_a_verb_or_an_office_campus_is_no_part_of_a_park(run_text):
    dated = _mentions(run_text, "海关于2022年3月洋山特殊综合保税区试点新模式。")
    joined = _mentions(run_text, "市里会同雄安新区管委会推进工作。")
    campus = _mentions(run_text, "青松科技北京总部办公园区建成后将作为总部。")
    assert ("Park", "洋山特殊综合保税区") in dated
    assert ("Park", "雄安新区") in joined
    assert not {surface for cls, surface in campus if cls == "Park"}


def test_a_lone_administrative_ending_opens_no_industry(run_text):
    found = _mentions(run_text, "园区围绕多项促进大湾区中医药产业高质量发展的举措开展工作。")
    assert _names_of(found, "Industry") == {"中医药"}


def test_generic_nouns_before_a_predicate_are_no_firms(run_text):
    found = _mentions(run_text, "华川微电子把最核心的研发团队落户园区，系统集成商入驻园区。")
    assert not {s for s in _names_of(found, "Enterprise") if "团队" in s or "集成商" in s}


def test_a_park_before_a_firms_short_name_is_where_it_is(run_text):
    short = _mentions(run_text, "近日，苏州高新区华川实业获评国家专精特新“小巨人”企业。")
    legal = _mentions(run_text, "苏州工业园区华川科技有限公司成立。")
    assert {("Park", "苏州高新区"), ("Enterprise", "华川实业")} <= short
    assert ("Enterprise", "苏州工业园区华川科技有限公司") in legal


def test_honour_labels_are_no_firms(run_text):
    found = _mentions(run_text, "园区新增专精特新、独角兽、隐形冠军等企业20家。")
    assert not _names_of(found, "Enterprise")


def test_words_of_belonging_end_a_firms_name_to_their_left(run_text):
    found = _mentions(run_text, "园区所属华川智能科技有限公司、该区青松新材料有限公司扩产。")
    firms = _names_of(found, "Enterprise")
    assert {"华川智能科技有限公司", "青松新材料有限公司"} <= firms
    assert not {f for f in firms if f.startswith(("所属", "该区"))}


def test_a_list_of_kinds_of_firms_names_no_firm(run_text):
    found = _mentions(run_text, "政策惠及粮油、肉类、钻石珠宝、高性能新材料等各类生产制造企业。")
    assert not _names_of(found, "Enterprise")


def test_industry_list_is_split_only_where_parts_are_whole_names(run_text):
    result = run_text("铜陵经开区聚焦大数据和云计算、新能源与智能网联汽车等新兴产业。")
    industries = {e.label for e in result.entities if e.cls == "Industry"}
    assert {"大数据", "云计算"} <= industries
    assert "大数据和云计算" not in industries


def test_industry_names_drop_the_industry_suffix(run_text):
    result = run_text("长沙经开区大力发展工程机械产业和汽车产业。")
    labels = {e.label for e in result.entities if e.cls == "Industry"}
    assert "工程机械" in labels
    assert not any(label.endswith("产业") for label in labels)


def test_taxonomy_word_outside_an_industry_context_is_not_an_industry(run_text):
    result = run_text("南京江北新区引入金融服务机构50家。")
    assert "金融服务" not in {e.label for e in result.entities if e.cls == "Industry"}


def test_no_park_content_yields_almost_nothing(run_text):
    result = run_text("今天天气晴朗，小朋友们在公园里放风筝，家长们在一旁聊天。")
    assert result.entities == []


def test_mention_offsets_point_at_their_surface(run_text):
    text = "苏州工业园区\n聚焦生物医药、纳米技术应用、人工智能等新兴产业，信达生物、思瑞浦等企业落户园区。"
    result = run_text(text)
    assert result.mentions
    for m in result.mentions:
        assert result.document.text[m.start:m.end] == m.surface


def test_a_department_is_never_part_of_a_park_name(run_text):
    # an office of a department (…商务厅开发区处) is no park; after a department and a conjunction, the park starts
    found = _mentions(run_text, "他曾任浙江省商务厅开发区处处长。宁波市海事局及杭州湾新区管委会联合开展检查。")
    assert not any(cls == "Park" and "商务厅" in name for cls, name in found)
    assert ("Park", "杭州湾新区") in found
    assert not any("海事局" in name for _, name in found)


def test_discourse_words_and_firm_kinds_stay_outside_names(run_text):
    found = _mentions(run_text, "李明代表嘉兴经开区致辞。该市重点企业华峰精密机械股份有限公司成功上市。"
                                "这里被比作长三角的科创园区。")
    assert ("Park", "嘉兴经开区") in found
    assert ("Enterprise", "华峰精密机械股份有限公司") in found
    assert not any(name.startswith(("代表", "重点企业", "比作")) for _, name in found)


def test_a_name_with_a_park_type_word_is_no_firm_whatever_its_predicate(run_text):
    labels = _entities(run_text, "2017年4月1日，湖北自贸试验区挂牌运行，至今新设企业两万家。")
    assert not [label for cls, label in labels if cls == "Enterprise" and label.endswith("自贸试验区")]


def test_counted_and_withheld_names_are_no_names(run_text):
    labels = _entities(run_text, "全省已建成300多家创业园区。被告人王某入职某电商公司后，多次泄露客户信息。"
                                 "该集团旗下两家子公司也在园区落户。")
    assert not any("某" in label or label.startswith(("300多家", "两家")) for _, label in labels)


def test_demonstratives_make_a_park_word_generic(run_text):
    labels = _entities(run_text, "两期项目组成了完整的物流园区，这一园区分拣中心全天运转。")
    assert not [label for cls, label in labels if cls == "Park" and label.startswith("这")]


def test_places_activities_and_firm_kinds_are_no_names(run_text):
    labels = _entities(run_text, "全省首家镇街国防动员工作站在盐城滨海挂牌成立。"
                                 "基地依托教学、科研、生产等资源载体开展科普。盐田为初创公司营造了良好环境。")
    assert not {("Enterprise", "盐城滨海"), ("Platform", "教学"), ("Platform", "科研"),
                ("Enterprise", "初创公司")} & labels


def test_phone_numbers_roles_and_bare_type_words_stay_outside_names(run_text):
    labels = _entities(run_text, "咨询电话：85571000贵安新区管委会。公司聘请联席主承销商华信证券股份有限公司。"
                                 "依托自贸试验区、综合保税区等开放平台开展合作。")
    assert not any(label.startswith(("85571000", "联席主承销商")) for _, label in labels)
    assert ("Enterprise", "华信证券股份有限公司") in labels
    assert not {("Platform", "自贸试验区"), ("Platform", "综合保税区")} & labels


def test_glued_conjunctions_photo_credits_and_place_lists_stay_outside_names(run_text):
    labels = _entities(run_text, "7月28日，武汉东湖高新区与子牛亦东科技有限公司举行签约仪式。"
                                 "王丽摄高新区贤台乡大石桥村北。"
                                 "来自汕尾、惠州、增城等地的优质企业参加展会。")
    assert ("Enterprise", "子牛亦东科技有限公司") in labels
    assert not any(label.startswith(("武汉东湖高新区与", "王丽摄")) for _, label in labels)
    assert not {("Enterprise", "汕尾"), ("Enterprise", "惠州"), ("Enterprise", "增城")} & labels


def test_a_sub_park_named_after_its_zone_is_one_name(run_text):
    found = _mentions(run_text, "8月13日，长宁高新区智能装备产业园项目举行开工仪式。")
    assert ("Park", "长宁高新区智能装备产业园") in found
    # without a place the zone word is generic and the sub-park keeps its own name
    found = _mentions(run_text, "推动高新区智能装备产业园建设。")
    assert ("Park", "高新区智能装备产业园") not in found


def test_a_sub_park_of_a_named_zone_belongs_to_it(run_text):
    result = run_text("长宁高新区加快发展。长宁高新区智能装备产业园项目开工。")
    rels = {(r.subject.split(":", 1)[1], r.prop) for r in result.relations}
    assert ("长宁|高新区", "hasSubPark") in rels


def test_a_teaching_unit_of_a_university_is_the_university(run_text):
    found = _mentions(run_text, "东海理工大学经济管理学院教授李明表示。东海理工大学江城校区揭牌。")
    assert ("Platform", "东海理工大学") in found
    assert ("Platform", "东海理工大学经济管理学院") not in found
    assert ("Platform", "东海理工大学江城校区") in found
    # a unit of technology is a research carrier of its own
    assert ("Platform", "东海理工大学未来技术学院") in _mentions(run_text, "东海理工大学未来技术学院揭牌。")


def test_a_sector_suffix_stays_in_the_industry_name(run_text):
    found = _mentions(run_text, "园区将重点发展食品加工业、生物制药等产业。")
    assert ("Industry", "食品加工业") in found and ("Industry", "食品") not in found
    # a means, not a sector the clause develops
    assert ("Industry", "智能工业") not in _mentions(run_text, "企业借助智能工业实现产品转型。")


def test_a_boundary_character_that_opens_a_known_word_stays_in_the_name(run_text):
    found = _mentions(run_text, "日照经济技术开发区举行签约仪式。")
    assert ("Park", "日照经济技术开发区") in found
    # a boundary word standing alone before a name is still cut: 做强|中科院…
    assert ("Platform", "中科院苏州医工所") in _mentions(run_text, "做强中科院苏州医工所。")


def test_caption_role_and_metaphor_words_never_open_a_name(run_text):
    assert ("Park", "葛店经开区") in _mentions(run_text, "作为桥头堡葛店经开区加快发展。")
    assert ("Enterprise", "清美集团") in _mentions(run_text, "北京孕育出清美集团等企业。")



def test_time_phrases_visits_and_border_directions_never_open_a_name(run_text):
    # 继X之后, 自X成立以来, 参观X, 东至X、西到Y: the word before the name is no part of it
    found = _mentions(run_text, "继荆门经开区之后，自白鹭新区成立以来，来宾参观枫林新材料产业园，东至高新区，西到临江经开区。")
    assert ("Park", "荆门经开区") in found and ("Park", "白鹭新区") in found
    assert ("Park", "枫林新材料产业园") in found and ("Park", "临江经开区") in found
    assert not any(name.startswith(("继", "自", "参观", "西到")) for _, name in found)

def test_an_industry_before_a_sub_park_word_belongs_to_its_name(run_text):
    assert ("Park", "中欧先进制造产业园") in _mentions(run_text, "中欧先进制造产业园开工。")
    # a conjunction is no part of it
    found = _mentions(run_text, "河南万里资源再生有限责任公司和大江纺织产业园。")
    assert not any("和大江" in name for _, name in found)


def test_a_place_alone_names_no_company_and_a_unit_no_park(run_text):
    found = _mentions(run_text, "成都有限公司负责建设。临港集团投资建设。交警大队开发区中队出警。")
    assert ("Enterprise", "成都有限公司") not in found
    assert ("Enterprise", "临港集团") in found  # a group may go by its place name
    assert not any(cls == "Park" and "交警" in name for cls, name in found)


def test_a_verb_or_scope_word_opening_an_industry_phrase_is_no_part_of_it(run_text):
    found = _mentions(run_text, "迭代升级智能终端产业。全力建设国际新能源汽车产业高地。")
    assert ("Industry", "智能终端") in found and ("Industry", "升级智能终端") not in found
    assert ("Industry", "新能源汽车") in found and ("Industry", "国际新能源汽车") not in found


def test_function_characters_the_segmenter_glued_to_a_name_are_cut(run_text):
    assert ("Park", "西咸新区") in _mentions(run_text, "该航线由西咸新区空港新城联合开通。")
    assert ("Park", "雄安新区") in _mentions(run_text, "各设区市和雄安新区要做好防汛。")
    assert ("Industry", "精细化工") in _mentions(run_text, "做大做强精细化工产业。")


def test_an_addresss_province_is_no_part_of_a_park_name(run_text):
    found = _mentions(run_text, "浙江省金华市金磐开发区发展。陕西西咸新区发布通知。")
    assert ("Park", "金华市金磐开发区") in found
    assert ("Park", "陕西西咸新区") in found  # 西咸 is no place: the province stays


def test_a_field_and_the_class_word_describe_a_kind_of_park(run_text):
    found = _mentions(run_text, "加快建设化工园区和商贸园区。建好零碳科技产业园、生命健康产业园等专业园区。")
    assert ("Park", "化工园区") not in found and ("Park", "商贸园区") not in found
    assert ("Park", "零碳科技产业园") in found and ("Park", "生命健康产业园") in found
    # the 产业 of 产业园区 names no industry
    assert not any(cls == "Industry" and name == "特色科技" for cls, name in _mentions(run_text, "建设特色科技产业园区。"))


def test_a_list_of_people_names_no_firms(run_text):
    found = _mentions(run_text, "警方成功侦破张立新、陈晓东、周文等人冒用国有企业名义的案件。迈为、博众等一批企业入驻。")
    assert not [n for c, n in found if c == "Enterprise" and n in ("张立新", "陈晓东", "周文")]
    assert ("Enterprise", "迈为") in found


def test_a_kind_of_firm_is_no_firm(run_text):
    found = _mentions(run_text, "首家外商独资券商、首家外商独资保险控股公司等一大批金融项目落户。外资资管公司设立了分支。"
                                "迈为科技有限公司投产。")
    assert [n for c, n in found if c == "Enterprise"] == ["迈为科技有限公司"]


def test_role_words_and_the_firms_park_are_no_part_of_its_name(run_text):
    found = _mentions(run_text, "高新区寒武纪(辽宁)电子科技有限公司落户。运营方未序网络科技(上海)有限公司表示欢迎。")
    assert ("Enterprise", "寒武纪(辽宁)电子科技有限公司") in found
    assert ("Enterprise", "未序网络科技(上海)有限公司") in found


def test_a_start_up_park_is_a_park_by_its_head_word(run_text):
    # the contract's head-word rule: …创业园 is a Park (a place), …创业中心 a Platform (a body)
    found = _mentions(run_text, "常熟创业园开园，东方创业中心揭牌。")
    assert ("Park", "常熟创业园") in found and ("Platform", "东方创业中心") in found


def test_a_county_that_is_also_an_everyday_word_does_not_cut_a_park_name(run_text):
    """新兴 is a county and the word 'emerging': 上海市金桥湾新兴技术产业开发区 is one name."""
    surfaces = {m.surface for m in run_text("上海市金桥湾新兴技术产业开发区签订协议。").mentions}
    assert "上海市金桥湾新兴技术产业开发区" in surfaces


def test_a_sub_park_named_by_its_field_after_an_area_begins_with_the_areas_name(run_text):
    """临港新片区大飞机航空产业园 is one name: its own part has no proper part of its own."""
    surfaces = {m.surface for m in run_text("苏州青松片区生物医药产业园已初具规模。").mentions if m.cls == "Park"}
    assert "苏州青松片区生物医药产业园" in surfaces


def test_role_nouns_and_rankings_before_a_firm_are_no_part_of_its_name(run_text):
    """会员单位, 世界500强, 民企 stand before a firm's name in news; they never open one."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert "苏州青禾科技有限公司" in firms("会员单位苏州青禾科技有限公司参加。")
    assert "奥丰钢联集团" in firms("世界500强奥丰钢联集团计划投资。")
    assert "湖南青禾金属制品有限公司" in firms("民企湖南青禾金属制品有限公司投产。")


def test_a_parks_branch_named_by_its_place_is_one_name_with_the_park(run_text):
    """…产业园朝阳园区 and 中关村科技园区昌平园: a place and a branch head right after the park's full name."""
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park"}

    assert "中国（苏州）人力资源服务产业园昆山园区" in parks("中国（苏州）人力资源服务产业园昆山园区开园。")
    assert "苏州青松科技园区昆山园" in parks("苏州青松科技园区昆山园管委会发布通知。")
    assert {"苏州高新区", "昆山园区"} <= parks("苏州高新区、昆山园区开园。")


def test_a_time_word_that_also_names_stays_in_a_park_name(run_text):
    assert "苏州未来科学城" in {m.surface for m in run_text("苏州未来科学城发布规划。").mentions}


def test_transferring_research_results_is_an_activity_not_an_industry(run_text):
    found = {m.surface for m in run_text("园区推动科技成果转化和成果转化落地。").mentions if m.cls == "Industry"}
    assert not found & {"成果转化", "科技成果转化"}


def test_a_street_address_or_a_bus_line_before_a_name_is_no_part_of_it(run_text):
    found = _mentions(run_text, "活动在黄浦区松风路1200号松风创谷举行。乘坐308路由青禾工业园出发。"
                                "公司位于新华区建设路88号5号楼禾丰科技有限公司。")
    assert ("Platform", "松风创谷") in found and ("Park", "青禾工业园") in found
    assert ("Enterprise", "禾丰科技有限公司") in found
    assert not any("号" in name or name.startswith("308") for _, name in found)


def test_a_short_firm_name_that_opens_an_office_name_is_no_firm(run_text):
    # X新区科技|创新和经济服务局, X区科技|创新局: the office of science, not a firm named X科技
    found = _mentions(run_text, "会上，青禾新区科技创新和经济服务局介绍了情况。随后，白鹭区科技创新局发言。")
    assert not any(cls == "Enterprise" for cls, _ in found)
    assert ("Enterprise", "禾丰科技") in _mentions(run_text, "禾丰科技创新推出新品。")


def test_an_everyday_word_before_a_taxonomy_industry_is_part_of_its_name(run_text):
    # the industry as written: 民用|航空, 智能|物联网; a firm's or a place's name part is not (禾丰|锂电)
    found = _mentions(run_text, "园区形成了民用航空产业布局，重点发展智能物联网产业。")
    assert ("Industry", "民用航空") in found and ("Industry", "智能物联网") in found
    assert ("Industry", "航空") not in found and ("Industry", "物联网") not in found
    found = _mentions(run_text, "园区引进的禾丰锂电、青岚新能源等项目增资扩产，提高广大光伏产业工人素质。")
    assert not any(cls == "Industry" and name.startswith(("禾丰", "广大")) for cls, name in found)


def test_a_citys_positioning_as_an_innovation_centre_is_no_platform(run_text):
    found = _mentions(run_text, "加快建设南宁科技创新中心，打造桂林国际科创中心。园区建设了青禾科技创新中心。")
    assert ("Platform", "青禾科技创新中心") in found
    assert not any(name.startswith(("南宁", "桂林")) for _, name in found)


def test_world_before_an_industry_and_mostly_before_a_kind_of_firm_name_nothing(run_text):
    found = _mentions(run_text, "世界氢能产业大会开幕。园区企业多为科技公司。")
    assert ("Industry", "氢能") in found
    assert not any(name.startswith(("世界", "多为")) for _, name in found)


def test_a_size_a_kind_of_firm_or_a_provinces_field_parks_name_nothing(run_text):
    # 建设10万平方米左右研发创新中心: a size and a kind; 1200亩 before a name is cut from it
    found = _mentions(run_text, "园区将建设10万平方米左右研发创新中心，新建1200亩青禾产业园。")
    assert ("Park", "青禾产业园") in found and not any(cls == "Platform" for cls, _ in found)
    found = _mentions(run_text, "园区引进了质检公司。中国化工园区30强名单发布，湖北化工园区名单同时公布。")
    assert not any(cls in ("Enterprise", "Park") for cls, _ in found)


def test_a_whole_chain_before_a_park_word_names_no_park(run_text):
    found = _mentions(run_text, "打造青禾产业基地，全产业链运维服务园区，诚邀企业入驻。")
    assert not any(name.startswith("全产业链") for _, name in found)


def test_a_party_or_civil_service_school_is_no_platform(run_text):
    found = _mentions(run_text, "青禾市社会主义学院举办培训班，青禾市委党校和青禾行政学院派员参加。园区建有青禾智能制造研究院。")
    assert [name for cls, name in found if cls == "Platform"] == ["青禾智能制造研究院"]



def test_a_place_of_firms_in_a_firm_list_is_no_firm(run_text):
    found = _mentions(run_text, "活动现场还为青禾信息港、枫林信息港、禾丰大厦等8个园区企业服务站授牌。")
    assert not any(cls == "Enterprise" for cls, _ in found)


def test_items_a_firm_word_only_modifies_are_products_not_firms(run_text):
    found = _mentions(run_text, "营员们体验了青禾书法临摹台、禾丰AR地球仪等园区企业科技成果展品。")
    assert not any(cls == "Enterprise" for cls, _ in found)
    found = _mentions(run_text, "青禾科技、禾丰股份等企业代表参加。")
    assert ("Enterprise", "青禾科技") in found


def test_a_list_item_with_a_capacity_is_a_project_not_a_firm(run_text):
    found = _mentions(run_text, "禾丰科技有限公司等一批企业入驻，青禾180万吨煤制油、枫林197万吨清洁焦化等一批项目落地。")
    assert [name for cls, name in found if cls == "Enterprise"] == ["禾丰科技有限公司"]


def test_fragments_before_a_firm_word_and_methods_or_line_sections_are_no_firms(run_text):
    found = _mentions(run_text, "青禾演艺集团集团党委书记表示，要助推民航公司抢抓机遇，进一步提高公司管理效率。"
                                "“青禾连心”工作法获评优秀案例。青禾铁路枫林段、禾丰科技等企业参加，一批批科创企业落户。")
    firms = sorted(name for cls, name in found if cls == "Enterprise")
    assert firms == ["禾丰科技", "青禾演艺集团"]


def test_a_photo_source_or_a_school_verb_before_a_name_is_no_part_of_it(run_text):
    found = _mentions(run_text, "新闻记者王宇航图据中国青禾集团。他就读于青禾财经大学。")
    assert ("Enterprise", "中国青禾集团") in found and ("Platform", "青禾财经大学") in found
    assert not any(name.startswith(("新闻", "就读于")) for _, name in found)


def test_an_investment_promotion_agency_or_a_trading_site_is_no_platform(run_text):
    found = _mentions(run_text, "青禾新片区投资促进中心主任发言，青禾公共资源交易电子服务平台上线。园区建有青禾智能制造研究院。")
    assert [name for cls, name in found if cls == "Platform"] == ["青禾智能制造研究院"]
    # a promotion centre for economic cooperation, trade or jobs promotes business, it does no research
    found = _mentions(run_text, "青禾市经济合作促进中心副主任、青禾区就业促进中心主任出席。")
    assert not _names_of(found, "Platform")


def test_a_firms_short_name_in_a_field_list_is_no_industry(run_text):
    found = _mentions(run_text, "园区导入了麦禾科技、枫杰电子、禾岚能源等一批细分领域的解决方案集成商。")
    assert not any(cls == "Industry" and name.startswith(("麦禾", "枫杰", "禾岚")) for cls, name in found)


def test_marks_and_words_glued_before_a_firm_and_a_field_firm_name_nothing(run_text):
    found = _mentions(run_text, "事发青禾德邦化工有限公司厂区。×据禾蓝环境股份有限公司公告。园区引进新材料科技公司。")
    firms = sorted(name for cls, name in found if cls == "Enterprise")
    assert firms == ["禾蓝环境股份有限公司", "青禾德邦化工有限公司"]


def test_a_function_character_inside_an_unknown_word_ends_what_stands_before_a_name(run_text):
    found = _mentions(run_text, "劳动人事争议仲裁院在岚湾科技园设立工作站。")  # the segmenter reads 院在岚湾
    assert ("Park", "岚湾科技园") in found and not any("仲裁" in name for _, name in found)


def test_a_teaching_school_named_after_a_field_is_its_university(run_text):
    # 保险学院, 生命科学学院: a teaching school (the gold's 华南理工大学 for its 工商管理学院); 未来技术学院 a research unit
    found = _mentions(run_text, "他毕业于青禾财经大学保险学院。园区与成都理工大学未来技术学院共建中心。")
    assert ("Platform", "青禾财经大学") in found and ("Platform", "成都理工大学未来技术学院") in found


def test_a_universitys_joint_college_in_a_place_keeps_its_full_name(run_text):
    """青禾邮电大学玛丽女王海南学院: a college named after a partner and the place it stands in is a joint
    institution of its own, not a school that teaches a field; 青禾邮电大学设计学院 is the university's."""
    found = _mentions(run_text, "试验区引进青禾邮电大学玛丽女王海南学院。他来自青禾邮电大学设计学院。")
    assert _names_of(found, "Platform") == {"青禾邮电大学玛丽女王海南学院", "青禾邮电大学"}


def test_a_copula_a_dedication_or_a_month_before_a_name_is_no_part_of_it(run_text):
    found = _mentions(run_text, "该公司现为禾丰集团旗下企业。5-6月份开发区将开工。公司致力于建材产业。")
    assert ("Enterprise", "禾丰集团") in found and ("Industry", "建材") in found
    assert not any(name.startswith(("现为", "5-6", "致力于")) for _, name in found)


def test_a_firms_trade_name_with_its_group_form_is_its_short_name(run_text):
    """青禾集团 after 青禾智能科技集团有限公司, 禾丰公司 after 中国禾丰化肥有限公司: a short name is the trade name
    (after the places that open the full name) with at most a group form both keep: one firm. Where two full
    names share the trade name, the short one is neither's."""
    def firms(text):
        return {e.label: e.aliases for e in run_text(text).entities if e.cls == "Enterprise"}

    assert firms("青禾智能科技集团有限公司落户园区。青禾集团表示满意。") == {"青禾智能科技集团有限公司": ("青禾集团",)}
    assert firms("中国禾丰化肥有限公司落户园区。禾丰公司表示满意。") == {"中国禾丰化肥有限公司": ("禾丰公司",)}
    assert "禾丰公司" in firms("江苏禾丰化肥有限公司和浙江禾丰医药有限公司落户园区。禾丰公司表示满意。")


def test_the_determiner_of_our_company_ends_no_name(run_text):
    """分红前本公司总股本…, 持股占本公司…: 本公司 is 'our company'; the characters the segmenter glued to 本 are the
    sentence's, and a name with 本 inside (青禾本草有限公司) stays whole."""
    def firms(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]

    assert firms("分红前本公司总股本为100万股。") == []
    assert firms("持股占本公司总股本的5%。") == []
    assert firms("青禾本草有限公司落户。") == ["青禾本草有限公司"]


def test_a_time_clause_glued_to_a_type_word_names_no_firm(run_text):
    """孵化期满后公司转至…: 满后 (…after expiry) ends a time clause; 后 never ends a firm's name."""
    assert [m.surface for m in run_text("第四年孵化期满后公司转至加速器继续孵化。").mentions if m.cls == "Enterprise"] == []


def test_a_time_word_that_names_firms_and_parks_stays_inside_their_names(run_text):
    """云溪当代科技产业集团, 青禾现代汽车, 禾丰现代产业园: 当代 and 现代, tagged as time words, stand inside
    names as 未来 does (未来科技城)."""
    def names(text):
        return [m.surface for m in run_text(text).mentions if not m.generic]

    assert names("通过云溪当代科技产业集团股份有限公司持股。") == ["云溪当代科技产业集团股份有限公司"]
    assert names("青禾现代汽车有限公司投产。") == ["青禾现代汽车有限公司"]


def test_a_role_noun_of_an_organisation_before_a_name_is_no_part_of_it(run_text):
    """大赛运营机构青禾科技创业中心: 运营机构 (the operator) says what role the centre has, like 运营方."""
    assert [m.surface for m in run_text("大赛运营机构青禾科技创业中心负责人表示。").mentions
            if m.cls == "Platform"] == ["青禾科技创业中心"]


def test_the_preposition_jing_before_a_firms_place_is_no_part_of_its_name(run_text):
    """经苏州青禾橡塑科技股份有限公司股东大会授权: 经 (by, through) opens the clause, the firm's name opens at its place."""
    assert [m.surface for m in run_text("经苏州青禾橡塑科技股份有限公司股东大会授权，公司发布公告。").mentions
            if m.cls == "Enterprise"] == ["苏州青禾橡塑科技股份有限公司"]


def test_verbs_and_function_characters_glued_before_a_park_word_name_nothing(run_text):
    """惠及园区近百家企业, 园区申报特色产业园区, 水往开发区灌, 某某摄苏州高新区: a verb the segmenter mistags
    (惠及, 申报), a preposition (往) or a photo credit's 摄 glued to what follows opens no park's name."""
    assert _named_parks(run_text, "食堂不断增加菜式，惠及园区近百家大小企业。") == []
    assert _named_parks(run_text, "支持以建筑业为主的园区申报特色产业园区。") == []
    assert _named_parks(run_text, "大堤已经被冲垮了，水往开发区灌得特别快。") == []
    assert _named_parks(run_text, "人民网李青禾摄苏州高新区党工委委员致辞。") == ["苏州高新区"]


def test_a_platforms_short_name_without_what_opens_it_is_its_alias(run_text):
    """禾丰青禾研发中心 … 青禾研发中心: one centre, under its fullest name; a university's name is whole on
    its own (千名|青禾大学 is no fuller name of 青禾大学)."""
    def platforms(text):
        return {e.label: e.aliases for e in run_text(text).entities if e.cls == "Platform"}

    assert platforms("禾丰青禾研发中心落户园区。青禾研发中心将开展芯片设计。") == {"禾丰青禾研发中心": ("青禾研发中心",)}
    assert "青禾大学" in platforms("千名青禾大学学子参加活动。青禾大学表示欢迎。")


def test_a_kind_of_centre_as_a_whole_list_item_or_name_is_no_platform(run_text):
    """工程技术研究中心 and 工程(技术)研究中心 are the titles of a kind of centre (as 重点实验室 is), in a list of
    kinds or alone: no one centre; a centre that a name opens (青禾工程技术研究中心) is one."""
    found = _mentions(run_text, "青禾区共有重点实验室、工程技术研究中心、科技企业孵化器等创新平台95个。"
                                "鼓励企业建设企业技术中心、工程(技术)研究中心等平台。青禾工程技术研究中心落户园区。")
    assert _names_of(found, "Platform") == {"青禾工程技术研究中心"}


def test_a_service_platform_for_transport_or_charging_is_no_platform(run_text):
    """某班列公共物流服务平台, 某城市充电服务平台, 某港船供服务平台: a service for freight, charging or ship supply
    is business, no research, innovation or incubation carrier; a testing service platform is one."""
    found = _mentions(run_text, "“青禾班列公共物流服务平台”获批，“青禾城市聚合充电服务平台”上线，“青禾保税船供公共服务平台”运行，"
                                "“青禾生物药开发评价与中试服务平台”落成。")
    assert _names_of(found, "Platform") == {"青禾生物药开发评价与中试服务平台"}


def test_the_title_of_a_national_programme_college_alone_is_no_platform(run_text):
    """卓越工程师学院 (and 国家卓越工程师学院) is the title every university in the programme gives its college,
    as 博士后创新实践基地 is a programme's: alone it names none; 青禾大学国家卓越工程师学院 is that university's."""
    found = _mentions(run_text, "持续推进卓越工程师学院、博士后创新实践基地建设。青禾科技大学在园区启动建设国家卓越工程师学院。")
    assert _names_of(found, "Platform") == {"青禾科技大学"}


def test_an_organiser_word_before_a_name_is_no_part_of_it(run_text):
    """承办方, 协办方 (the organising party) before a name say what it does at the event, as 主办方 does."""
    found = _mentions(run_text, "据该赛道承办方青禾智慧城市发展研究院介绍，协办方云溪城市规划研究院参加。")
    assert _names_of(found, "Platform") == {"青禾智慧城市发展研究院", "云溪城市规划研究院"}


def test_a_designation_applied_for_is_no_platform(run_text):
    """组织申报2023年某市中试基地, 正积极申创国家级产教联合体: the title a body applies for, no body's name."""
    found = _mentions(run_text, "青禾市科学技术局发布通知，组织申报2023年青禾市中试基地。联合体正积极申创教育部国家级产教联合体。")
    assert not _names_of(found, "Platform")


def test_a_university_science_city_is_a_park_not_a_university(run_text):
    """青禾山大学科技城 is a science city named after the universities in it (as 大学科技园 is a park): no
    university 青禾山大学."""
    found = _mentions(run_text, "做大做强青禾山大学科技城、云溪生物种业产业园等功能板块。")
    assert ("Park", "青禾山大学科技城") in found and not _names_of(found, "Platform")


def test_a_club_or_a_project_before_a_platforms_place_is_no_part_of_its_name(run_text):
    """某家庭服务社|上海某研究院, 某志愿服务项目|山东某学院 in a run-on list: the place opens the platform's name."""
    found = _mentions(run_text, "名单：青禾开心家园家庭服务社上海青禾表型组研究院上海云溪商会。"
                                "最美志愿者：阳光医院助力健康潍坊志愿服务项目山东青禾职业学院青春护航。")
    assert _names_of(found, "Platform") == {"上海青禾表型组研究院", "山东青禾职业学院"}
