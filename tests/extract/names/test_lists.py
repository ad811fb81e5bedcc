from kg.extract.names import lists


def test_a_cue_after_deng_classes_the_items(find):
    assert find(lists.find, "园区集聚迈为、博众等一批企业。") == [
        ("迈为", "Enterprise", "grammar:list", False), ("博众", "Enterprise", "grammar:list", False)]
    assert [x[:2] for x in find(lists.find, "聚焦生物医药、集成电路等领域。")] == [
        ("生物医药", "Industry"), ("集成电路", "Industry")]


def test_a_predicate_names_firms(find):
    assert [x[0] for x in find(lists.find, "迈为、博众入选名单。")] == ["迈为", "博众"]
    assert {x[2] for x in find(lists.find, "迈为、博众入选名单。")} == {"grammar:predicate"}


def test_a_frame_names_industries(find):
    assert [x[:2] for x in find(lists.find, "以生物医药、集成电路为主导。")] == [
        ("生物医药", "Industry"), ("集成电路", "Industry")]


def test_a_list_without_a_cue_gives_nothing(find):
    assert find(lists.find, "迈为、博众都在苏州。") == []


def test_a_bare_list_the_clause_calls_industries(find):
    found = find(lists.find_bare, "生物医药、集成电路、人工智能“3+1”产业格局")
    assert [x[0] for x in found] == ["生物医药", "集成电路"]  # 人工智能 is no taxonomy word of this lexicon


def test_items_of_an_activitys_projects_are_no_firms(run_text):
    """等训练项目 lists drills, 等项目建设 after roads lists works; 等一批高科技项目 lists firms."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert not firms("孩子们学习立正、稍息、蹲姿等训练项目。")
    assert not firms("确保甲乙高铁、丙丁高速等项目年内建成。")
    assert "瑞普科技" in firms("落地瑞普科技等一批高科技项目。")


def test_a_modifier_that_is_itself_a_list_still_closes_on_the_cue(find):
    """等一批科技含量高、实力强的企业: the 、 inside the modifier does not end the reach of 等."""
    assert [x[:2] for x in find(lists.find, "迈为、博众等一批科技含量高、实力强的企业入驻。")] == [
        ("迈为", "Enterprise"), ("博众", "Enterprise")]
    assert find(lists.find, "迈为、博众等、销售额高、利润好。") == []


def test_a_cue_after_a_preposition_heads_another_phrase(run_text):
    """在合规制度、日常管理等各层面都能为企业…: 企业 is what the guide serves, not the list's class."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert not firms("在合规制度、日常管理等各层面都能为企业提供指导。")
    assert {"欧标", "本美"} <= firms("园区引进欧标、本美等化妆品及配套企业30多家。")


def test_kinds_of_businesses_are_no_firms(run_text):
    """本地酒店、民宿等下游企业 lists kinds of businesses; 云翔酒店有限公司 is a firm."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert not firms("结识了很多本地酒店、民宿等下游链条企业。")
    assert firms("云翔酒店有限公司落户园区。") == {"云翔酒店有限公司"}


def test_aspects_of_projects_are_no_firms(run_text):
    """对…民宿建设、温泉康养、柞蚕食品等13方面项目表示兴趣: aspects of projects, not firms."""
    firms = {m.surface for m in run_text("客商对民宿建设、温泉康养、柞蚕食品、农产品深加工等13方面项目表示出浓厚兴趣。").mentions
             if m.cls == "Enterprise"}
    assert not firms


def test_a_platform_list_cue_needs_the_items_type_words(run_text):
    """中欧班列、西部陆海新通道等平台, 微信、抖音等平台: routes and apps; 云溪实验室、云翔研究院等创新平台 are bodies."""
    def platforms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Platform"}

    assert not platforms("四川各类贸易主体充分利用中欧班列、西部陆海新通道等平台，加强贸易合作。")
    assert not platforms("通过微信、抖音等平台发布信息。")
    assert platforms("园区依托云溪实验室、云翔研究院等创新平台。") == {"云溪实验室", "云翔研究院"}


def test_items_before_a_predicate_and_its_head_noun_are_firms_only_where_the_head_names_firms(run_text):
    """以A、B为代表的特色农产品: the items are members of the head noun after 的, so they are firms only where
    it names firms or the industry they stand for (…为代表的头部企业, …为代表的食品饮料、…)."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert firms("以青禾蜜柚、云溪雪梨为代表的特色农产品远销海外。") == set()
    assert firms("以禾丰云商、青禾智造为代表的头部企业落户园区。") == {"禾丰云商", "青禾智造"}
    assert "禾丰乳业" in firms("形成以禾丰乳业为代表的食品饮料、以青禾医疗为代表的医用纺织两大主导产业。")



def test_functions_before_a_cue_are_no_industries(run_text):
    """…、网上服务等几个功能板块: sections of a site (functions), not industries; …等板块 alone still lists them."""
    def industries(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}

    assert not industries("首页分为专题介绍、企业展示、科创服务、网上服务等几个功能板块。")
    assert industries("园区形成科创服务、网上服务等板块。") == {"科创服务", "网上服务"}


def test_kinds_of_bodies_before_a_platform_cue_are_no_platforms(run_text):
    """依托国家实验室、世界一流大学、行业领军企业等创新平台: kinds of bodies, described by scope words, name none."""
    text = "青禾高新区充分依托国家实验室、世界一流大学、行业领军企业、顶尖科学家论坛等高能级创新平台。"
    assert not {m.surface for m in run_text(text).mentions if m.cls == "Platform"}


def test_plain_nouns_a_sector_word_closes_are_sectors(run_text):
    """涉及A、B、C等多个行业: 等, a count and a sector word name every item a sector, plain nouns too,
    whoever develops them; a count of firms (等30家行业…) or a noun for firms after it (等行业龙头企业)
    makes the items firms, and a modifier with 的 (等行业的企业) a kind."""
    def industries(text):
        return {e.label for e in run_text(text).entities if e.cls == "Industry"}

    assert industries("该镇商户众多，涉及茶叶、住宿、陶瓷等多个行业。") == {"茶叶", "住宿", "陶瓷"}
    assert not industries("该镇商户众多，涉及茶叶、住宿、陶瓷等30家行业企业。")
    assert not industries("会上，青禾、云翔等行业头部企业代表发言。")
    assert not industries("他们均为茶叶、住宿等服务的行业。")
    assert not industries("展会设有茶叶产品、陶瓷产品等产业展区。")


def test_a_firm_with_a_bracketed_place_is_one_item(run_text):
    """青禾（中国）、云翔科技等企业: the firm's arm in a place, bracket and all, is an item of the firm list;
    a bracket holding no place (（一期）) leaves the item no firm."""
    def firms(text):
        return {e.label for e in run_text(text).entities if e.cls == "Enterprise"}

    assert {"青禾电气(中国)", "云翔科技"} <= firms("届时将有青禾电气（中国）、云翔科技等60余家企业进行现场招聘。")
    assert "青禾电气(一期)" not in firms("届时将有青禾电气（一期）、云翔科技等60余家企业进行现场招聘。")


def test_a_long_attribute_with_de_still_closes_on_the_cue(run_text):
    """A、B等支撑…产业的老牌台资企业: an attribute of up to some twenty characters ending in 的, and a word
    or two before the cue, still lets the cue class the items."""
    text = "青禾科技、云翔电气等支撑云溪开发区千亿级电子信息产业的老牌台资企业，正加快转型。"
    assert {"青禾科技", "云翔电气"} <= {e.label for e in run_text(text).entities if e.cls == "Enterprise"}
    text = "禾丰、鸣翔等支撑云溪开发区千亿级电子信息产业的老牌台资企业，正加快转型。"
    assert {"鸣翔"} <= {e.label for e in run_text(text).entities if e.cls == "Enterprise"}


def test_a_count_and_a_cue_right_after_the_last_item_close_a_list(run_text):
    """A、B和C4所科研院所, A、B共4家企业: the count closes the list as 等 would; a count after a phrase
    (…召集辖区内35家企业) or of projects (四个项目) names no firm."""
    def found(text, cls):
        return {e.label for e in run_text(text).entities if e.cls == cls}

    text = "云溪新区与云溪大学、云溪师范大学和市禾科院3所科研院所签订了合作备忘录。"
    assert found(text, "Platform") == {"云溪大学", "云溪师范大学", "市禾科院"}
    text = "活动促成琪澜酒店、骁翎印象、淼岚民宿共3家企业与骁翎化工签约。"
    assert found(text, "Enterprise") == {"琪澜酒店", "骁翎印象", "淼岚民宿", "骁翎化工"}
    assert not found("大会举办了禾球、翔蹴球、鸣花棍三个项目的测试赛。", "Enterprise")
    assert not found("镇党委联合青禾党委、云翔党委召集辖区内35家企业党组织开会。", "Enterprise") & {"青禾党委", "云翔党委"}


def test_a_latin_name_of_several_words_is_one_item_of_a_firm_list(run_text):
    """Kiloma、Zentrix Labs等外资企业: the space inside a Latin name is no boundary, and its words count
    as short words against the item's length cap; in a list of brands (等品牌) it stays no firm."""
    def firms(text):
        return {e.label for e in run_text(text).entities if e.cls == "Enterprise"}

    assert firms("园区吸引了Kiloma、Zentrix Labs等一批外资企业。") == {"Kiloma", "Zentrix Labs"}
    assert "Zentrix Labs" not in firms("街区培育了宽坊、Zentrix Labs等自有文创品牌。")


def test_an_industry_head_after_a_place_in_a_firm_list_is_a_firm(run_text):
    """某科成环保、太极某药等重点企业: a place or an unknown word before an industry head makes a firm's name
    in a firm list; everyday words before it (数字新媒体) still make an industry."""
    found = {(e.cls, e.label) for e in run_text("走访了中科骁环保、太极琪药、绵阳雅化等重点企业。").entities}
    assert {("Enterprise", "中科骁环保"), ("Enterprise", "太极琪药")} <= found
    found = {(e.cls, e.label) for e in run_text("在孵企业主要为生物医药、数字新媒体等科技初创企业。").entities}
    assert not {c for c, _ in found} & {"Enterprise"}


def test_a_firm_cue_after_an_industry_cue_heads_the_list(run_text):
    """A、B等行业领军企业: the firm word heads the phrase, the industry word modifies it, so the items are
    firms where they bear names; fields before 等领域优势企业 stay industries, and 等产业项目 lists works."""
    def found(text):
        return {(e.cls, e.label) for e in run_text(text).entities}

    assert {("Enterprise", "骁翎化纤"), ("Enterprise", "淼岚碳谷")} <= found("骁翎化纤、淼岚碳谷等行业领军企业参会。")
    fields = found("重点推动人工智能、集成电路等领域优势企业在园区集聚。")
    assert not {c for c, _ in fields} & {"Enterprise"}


def test_a_latin_name_and_a_conjunction_open_two_items(run_text):
    """Zentrix和琪澜科技等企业: a conjunction after a Latin name joins two firms, not one name."""
    firms = {e.label for e in run_text("Zentrix和琪澜科技等企业入驻园区。").entities if e.cls == "Enterprise"}
    assert firms == {"Zentrix", "琪澜科技"}


def test_a_cue_inside_a_verbs_object_or_a_longer_word_lists_no_firms(run_text):
    """等侵害企业|合法权益的犯罪: the cue modifies the object of a verb; 等侵害企业家权益: its characters open a longer
    word (people). Neither says the items are firms; 等创新企业 and 等入驻企业 still do."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert firms("警方侦办强迫交易、虚开发票等侵害企业合法权益的案件。") == set()
    assert firms("检察机关打击敲诈勒索、非法拘禁等侵害企业家人身权益的犯罪。") == set()
    assert firms("代表团走访了青禾微纳、云杉智控等创新企业。") == {"青禾微纳", "云杉智控"}


def test_an_adverb_before_the_predicate_is_no_part_of_a_firm(run_text):
    """某区成功入选, 本卷成功获评: a lone item after an adverb is a place or a thing as often as a firm, and the
    adverb is never part of its name; in a list (A、B成功入选) the items are firms, without the adverb."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert firms("在今年的创建名单中，云杉区成功入选。") == set()
    assert firms("位于开发区的企业青禾微纳成功入选。") == set()
    assert firms("青禾微纳、云杉智控成功入选。") == {"青禾微纳", "云杉智控"}


def test_a_lone_item_before_a_predicate_is_a_firm_only_in_a_frame(run_text):
    """新鸡舍投产, 某区入选: a lone item does what the predicate says as often as a place, a work or a product does;
    the items of a list (A、B入选) and a framed item (以某乳业为代表的…) are firms."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert firms("青禾村的新鸡舍投产后产能翻番。") == set()
    assert firms("在第三批名单中，松江一案例入选。") == set()
    assert firms("以云杉乳业为代表的食品饮料产业发展迅速。") == {"云杉乳业"}
    assert firms("青禾微纳、云杉智控入选名单。") == {"青禾微纳", "云杉智控"}


def test_a_lone_short_name_before_a_predicate_is_still_a_firm(run_text):
    """青禾食品获评国家级专精特新小巨人企业: a lone item that is a firm's short name (a rare name and a trade word) is a
    firm of the predicate, as a list's items are; a lone place, work or title is not."""
    found = {(m.surface, m.stage) for m in run_text("近年来，青禾食品获评国家级专精特新小巨人企业。").mentions}
    assert ("青禾食品", "grammar:list") in found  # classed by its trade word in the predicate's list, not alone


def test_a_verbal_noun_before_the_place_opening_the_first_firm_is_the_clauses(run_text):
    """服务|苏州宝钢等30家钢铁企业, 主营产品供应|宁波云杉、青禾科技等龙头企业: the verbal noun the walk took before the
    place that opens the first item is the clause's; the firm starts at the place."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert firms("形成市场布局，服务苏州宝钢等国内外30家大型钢铁企业。") == {"苏州宝钢"}
    assert firms("主营产品供应宁波云杉、青禾科技等电池行业龙头企业。") == {"宁波云杉", "青禾科技"}


def test_a_quantity_opening_an_item_names_nothing(run_text):
    """吸引了一大批高层次、高投资额的跨国公司落户: the quantity opens a description of firms, no firm's name."""
    text = "云溪高新区吸引了一大批高层次、高投资额和高技术含量的跨国公司大项目落户。"
    assert not [m for m in run_text(text).mentions if m.cls == "Enterprise"]


def test_a_bare_enumeration_starts_after_a_list_closed_by_deng_or_in_brackets(run_text):
    """禾岳动力电池、云川超薄铜箔等…企业(电机、电池、电控)…齐头并进、协同发展的产业格局: the 、 before the
    clause's 产业格局 belongs to no list that 禾岳动力电池 opens; the items a 等 closes are firms."""
    text = "园区已形成禾岳动力电池、云川超薄铜箔等“三电”(电机、电池、电控)系统企业齐头并进、协同发展的产业格局。"
    assert "禾岳动力电池" not in {m.surface for m in run_text(text).mentions if m.cls == "Industry"}


def test_a_park_item_with_no_proper_part_names_a_kind_of_park(run_text):
    """青禾自由贸易试验区、进口贸易促进创新示范区等: listed beside a named zone, an item whose words before its park
    type word have no proper part names a kind of park, as it does outside a list; a named item stays."""
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic}

    found = parks("充分发挥青禾自由贸易试验区、进口贸易促进创新示范区、国际合作园区等开放合作平台示范引领作用。")
    assert "青禾自由贸易试验区" in found and "进口贸易促进创新示范区" not in found


def test_ways_and_activities_listed_before_a_firm_word_are_no_firms(run_text):
    """A、B等方式联系企业: the items are means of contact; A、B等品牌活动: activities; neither names a firm."""
    def firms(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]

    assert firms("骗子通过电话、云讯等方式联系企业。") == []
    assert firms("社区采取上门走访、电话沟通、微群问需等方式与企业保持沟通。") == []
    assert firms("园区将举办路演展示、技能培训、人才交流等品牌活动。") == []


def test_projects_a_body_launches_are_programmes_not_firms(run_text):
    """推出A、B等项目: programmes the body runs; 引进A、B等项目 still lists firms."""
    def firms(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]

    assert firms("中心推出路演开放日、政策普及站、青禾思享汇、禾聚合伙人等项目。") == []
    assert firms("园区引进青川科技、华岭医疗等项目。") == ["青川科技", "华岭医疗"]


def test_a_places_produce_in_a_brand_list_is_no_firm(run_text):
    """蚌埠葡萄、宜宾蜜柚等品牌: a place and its farm produce (with a variety's number) name a regional brand."""
    def firms(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]

    assert firms("区域品牌榜发布，蚌埠葡萄、宜宾蜜柚、宿州818西瓜等品牌一同上榜。") == []
    assert firms("青川科技、华岭医疗等品牌入驻商场。") == ["青川科技", "华岭医疗"]


def test_a_firms_own_facility_closing_a_firm_item_is_no_part_of_its_name(find):
    """某集团全球总部 in a list of firms: the item names the firm; its headquarters is its facility."""
    assert [x[0] for x in find(lists.find, "园区集聚迈为、博众集团全球总部等一批企业。")] == ["迈为", "博众集团"]



def test_items_of_a_list_of_projects_before_a_predicate_need_a_firms_name(run_text):
    """A、B等项目落户: the items are projects (a firm's short name and its product), firms only with a trade name."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert not firms("随着禾川锂电铜箔、蓝岳动力电池精密结构件等项目成功落户，园区产业加快集聚。")
    assert "瑞普科技" in firms("随着瑞普科技、禾丰新材等项目成功落户，园区产业加快集聚。")


def test_an_item_ending_in_the_noun_for_firms_or_a_market_is_a_kind_of_firm(run_text):
    """文具连锁企业、海鲜农贸市场等众多企业: what firms do, then 企业 or 市场, names a kind; a name in the same list stays."""
    text = "东湖商圈已有文具连锁企业、海鲜农贸市场、星河锐达、百货超市等众多企业入驻。"
    firms = [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]
    assert firms == ["星河锐达"]


def test_an_industry_word_ending_a_projects_name_is_no_industry_of_the_list(run_text):
    """签约某某医药等9个项目: the project is named by its firm, whose name ends in an industry word; an industry
    item of a 项目 list is one only where it is a taxonomy label written whole after a separator or a verb."""
    def industries(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}

    assert "医药" not in industries("东湖高新区签约晖达医药等6个项目，计划总投资8亿元。")
    assert industries("东湖高新区引进新材料、生物医药等3个项目。") >= {"新材料", "生物医药"}


def test_an_industry_cue_before_projects_lists_projects(run_text):
    """等重大产业项目: 产业 modifies 项目, so the items are projects, named by firm and product; an industry word
    ending one names no industry."""
    def industries(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}

    assert not industries("东湖经开区加快推进青禾硅业光学基体材料、华宇刀片电池等重大产业项目建设。")
    assert industries("东湖经开区加快推进新材料、生物医药等重大产业项目建设。") >= {"新材料", "生物医药"}


def test_people_with_a_duty_after_deng_are_no_firms(find):
    """某某等驻企干部帮助企业: a duty word before the word for people still closes a list of people."""
    assert find(lists.find, "李青禾等驻企干部帮助企业申请补贴。") == []
