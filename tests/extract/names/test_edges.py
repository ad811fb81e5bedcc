"""Where a name starts: the walk back from a type word, on hand-made tokens."""
from kg.extract.names.edges import Walk, walk_back
from kg.extract.segment import Token


def _tokens(*pairs):
    out, at = [], 0
    for word, pos in pairs:
        out.append(Token(at, at + len(word), word, pos))
        at += len(word)
    return out


def test_a_person_right_before_the_type_word_is_a_brand_the_segmenter_did_not_know(tiny_cues):
    """比亚迪工业园: the segmenter tags the brand a person; right before the type word it is the name."""
    tokens = _tokens(("活动", "vn"), ("在", "p"), ("华亚森", "nr"), ("产业园", "n"))
    text = "".join(t.word for t in tokens)
    assert text[walk_back(tiny_cues, tokens, text, 0, 6, Walk(10, 0, park=True)):9] == "华亚森产业园"


def test_a_person_further_back_never_opens_a_park_name(tiny_cues):
    """张国华代表苏州高新区: a person before other words ends the walk."""
    tokens = _tokens(("张国华", "nr"), ("青松", "n"), ("产业园", "n"))
    text = "".join(t.word for t in tokens)
    assert text[walk_back(tiny_cues, tokens, text, 0, 5, Walk(10, 0, park=True)):8] == "青松产业园"



def test_a_reporters_name_in_a_byline_does_not_open_a_park_name(run_text):
    """记者赵语涵未来科学城…: the unknown word after 记者 is the reporter's name; 记者从国网…公司 keeps the firm."""
    parks = [m.surface for m in run_text("北京日报客户端|记者王语涵未来科学城首家医院竣工。").mentions if m.cls == "Park"]
    assert not [p for p in parks if "王语涵" in p]
    firms = [m.surface for m in run_text("记者从国网山西省电力公司临汾供电公司获悉。").mentions if m.cls == "Enterprise"]
    assert firms == ["国网山西省电力公司临汾供电公司"]


def test_a_one_character_place_ends_an_abbreviation_of_several_cities(run_text):
    """X芜|蚌国家自主创新示范区, X独墅|湖科教创新区: the unknown word before a one-character place opens the name."""
    parks = {m.surface for m in run_text("溪芜蚌国家自主创新示范区建设加快推进。").mentions if m.cls == "Park"}
    assert parks == {"溪芜蚌国家自主创新示范区"}


def test_a_datelines_bracket_holds_the_reporter_and_opens_no_name(run_text):
    """青禾网7月14日电(记者李青禾)苏州云溪创新研究院揭牌, 8月8日电(王小禾)旅游公司…: the bracket after a dateline
    is the byline; the name starts after it. A place in a bracket stays inside a firm's name."""
    def names(text):
        return [m.surface for m in run_text(text).mentions if m.cls in ("Platform", "Enterprise")]

    assert names("青禾网7月14日电(记者李青禾)苏州云溪创新研究院揭牌。") == ["苏州云溪创新研究院"]
    assert names("青禾网8月8日电(王小禾)旅游公司违法占地。") == []
    assert names("苏州（相城）禾丰科技有限公司成立。") == ["苏州（相城）禾丰科技有限公司"]


def test_the_minutes_of_a_time_open_no_park_name(run_text):
    """议程 14:20|智能制造产业园区发展论坛: the 20 belongs to the time, not to the park's name."""
    parks = {m.surface for m in run_text("会议议程：14:20智能制造产业园区发展论坛。").mentions if m.cls == "Park"}
    assert not any(p[0].isdigit() for p in parks)


def test_a_lone_region_word_opens_no_park_name(run_text):
    """曾任|市|X高新区: 市 alone says it is the city's park (a title's scope), it is no part of the name."""
    parks = {m.surface for m in run_text("他曾任市云杉高新技术产业开发区管委会副主任。").mentions if m.cls == "Park"}
    assert parks == {"云杉高新技术产业开发区"}


def test_a_compass_word_before_a_place_stays_in_the_park_name(run_text):
    """X市|西|太湖科技产业园: the segmenter splits 西 off the place 西太湖; the name keeps it."""
    parks = {m.surface for m in run_text("主办单位：市台办、常州西太湖科技产业园、青创联盟。").mentions if m.cls == "Park"}
    assert "常州西太湖科技产业园" in parks


def test_a_foreign_name_split_in_two_stays_whole_before_a_park_word(run_text):
    """在X省的莫罗|瓦利|工业园区: the segmenter reads two transliterated pieces; the park keeps both."""
    parks = {m.surface for m in run_text("该公司计划在苏拉威西省的莫罗瓦利工业园区建设工厂。").mentions if m.cls == "Park"}
    assert "莫罗瓦利工业园区" in parks


def test_a_branch_park_word_after_a_zone_and_a_name_of_its_own_is_one_park(run_text):
    """苏州综合保税区|青禾港|园区: a branch park word (园区) right after a zone and a name of the branch's own is
    one park, named from the zone's name on (the contract: a sub-park whose name begins with the zone's)."""
    parks = {m.surface for m in run_text("货物运抵苏州综合保税区青禾港园区，随后装船出海。").mentions if m.cls == "Park"}
    assert parks == {"苏州综合保税区青禾港园区"}


def test_a_post_verb_or_a_conjunction_glued_to_a_word_ends_what_stands_before_a_name(run_text):
    """至今任|中禾…(任中: the verb 担任 glued to the name's first character), 文旅局及|演艺公司 (局及: a
    conjunction glued to the end of the word before), 先锋村及|高新区: neither is part of the name after it."""
    def names(text):
        return {m.surface for m in run_text(text).mentions if not m.generic}

    assert "中禾证券有限责任公司" in names("2011年至今任中禾证券有限责任公司董事会秘书。")
    assert not any("局及" in n for n in names("副市长深入市文旅局及演艺公司调研。"))
    assert not any("村及" in n for n in names("气象站名单：云杉镇先锋村及高新区等站点降雨较大。"))


def test_a_contractors_role_is_no_part_of_the_firm_after_it(run_text):
    """工程施工总承包单位|青禾建设集团有限公司: the role (总承包单位, 施工单位, 监理单位) says what the firm does on the
    works; the firm's name starts after it."""
    firms = {m.surface for m in run_text("工程施工总承包单位青禾建设集团有限公司回应称。").mentions if m.cls == "Enterprise"}
    assert firms == {"青禾建设集团有限公司"}


def test_latin_words_apart_by_spaces_are_one_foreign_name(run_text):
    """与Qing He Trading公司签约, PT QHW印尼公司: a foreign name of several Latin words keeps all of them; the walk
    back from the type word crosses a single space between two Latin words."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert firms("园区与Qing He Trading公司签约。") == {"Qing He Trading公司"}
    assert firms("PT QHW印尼公司总经理表示。") == {"PT QHW印尼公司"}


def test_a_lone_lake_word_before_the_type_word_ends_a_longer_place(run_text):
    """打造环|青松|湖|数字经济产业园: the segmenter splits 湖 off the lake's name and tags it a place; alone it is the
    end of a longer place, which the park's name walks through (a province's one-character name stays a place),
    on to the ring word that opens it (环)."""
    parks = {m.surface for m in run_text("开发区打造环青松湖数字经济产业园，规划建设软件园。").mentions if m.cls == "Park"}
    assert "环青松湖数字经济产业园" in parks


def test_a_streets_ending_glued_to_the_name_after_it_is_the_address(run_text):
    """到湖滨|街青禾|工业园区: the segmenter glued the street's 街 to the park's own name; the street (a place and
    街) is the address, the park's name starts after it, as after a whole street's name (东渡路|禾丰工业园区)."""
    parks = {m.surface for m in run_text("他先后到湖滨街青禾工业园区附近的积水点位检查。").mentions if m.cls == "Park"}
    assert parks == {"青禾工业园区"}


def test_a_free_trade_zones_area_is_named_with_its_zone_however_long_or_bare(run_text):
    """天津自由贸易试验区滨江机场片区: the zone's long name lies beyond a name's usual reach and still opens the
    area's; 自贸区长沙片区: the bare zone word opens it too (no 长沙片区 cut from it)."""
    parks = [m.surface for m in run_text("项目位于天津自由贸易试验区滨江机场片区范围内。").mentions
             if m.cls == "Park" and not m.generic]
    assert parks == ["天津自由贸易试验区滨江机场片区"]
    parks = [m.surface for m in run_text("企业优先纳入自贸区长沙片区享受政策。").mentions if m.cls == "Park" and not m.generic]
    assert parks == ["自贸区长沙片区"]


def test_a_branch_named_by_its_place_and_more_words_is_one_name_with_its_park(run_text):
    """天津数字经济产业园和平中心园区: the branch's words open with a place (和平) and go on (中心); it is one name
    with the park before it, as …产业园河东园区 is, and the park is not split off."""
    parks = [m.surface for m in run_text("天津数字经济产业园和平中心园区、天津数字经济产业园河东园区同日挂牌。").mentions
             if m.cls == "Park" and not m.generic]
    assert parks == ["天津数字经济产业园和平中心园区", "天津数字经济产业园河东园区"]


def test_a_position_word_that_opens_a_name_is_part_of_it(run_text):
    """南方科技大学: 南方 is tagged a position word, and it opens the university's name; the walk back does not
    stop at it (no 科技大学 cut from it)."""
    found = [m.surface for m in run_text("供给单位包括南方科技大学、青禾大学等高校。").mentions if m.cls == "Platform"]
    assert "南方科技大学" in found and "科技大学" not in found


def test_a_realm_before_an_industry_suffix_is_part_of_the_name(run_text):
    """海洋生物技术产业: 海洋 is the industry's domain, not a place that opens the phrase (苏州|生物医药)."""
    industries = [m.surface for m in run_text("报告称，园区的海洋生物技术产业发展较快。").mentions if m.cls == "Industry"]
    assert industries == ["海洋生物技术"]


def test_a_word_that_introduces_a_park_is_no_part_of_its_name(run_text):
    """选址|青禾工业园区, 诸如|禾丰科技园, 线索|禾丰工业园区, 贯彻落实|开发区: jieba tags these words (a site choice, an
    example, a lead, carry out) as nouns or idioms, so the walk took them into the name; they are boundaries."""
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic}

    assert parks("公司选址青禾工业园区主要看中配套。") == {"青禾工业园区"}
    assert parks("警方根据线索禾丰工业园区一处仓库查获假货。") == {"禾丰工业园区"}
    assert parks("街道将继续贯彻落实开发区党工委部署。") == set()


def test_a_housing_bureau_before_a_park_word_is_no_part_of_a_name(run_text):
    """某区住建局开发区分局: the segmenter splits 住|建局 (it does not know the housing bureau's short name), and the
    walk took 建局 into a park's name; the bureau is a boundary word, and the park word after it is generic."""
    parks = {m.surface for m in run_text("青禾区住建局开发区分局局长表示受损房屋已修复。").mentions
             if m.cls == "Park" and not m.generic}
    assert parks == set()


def test_a_firms_brand_before_the_place_that_opens_a_park_opens_its_name(run_text):
    """的禾益|苏州现代食品产业园, 走进禾车|苏州…产业基地: a word the segmenter does not know, right after 的 or a verb and
    right before the place that opens a park's name, is the brand of the firm the park is named after; the place
    after it still makes the 产业基地 the city's, not a province's title. A year there (2023|苏州…) is no brand."""
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic}

    assert parks("总投资50亿元的禾益苏州现代食品产业园正在建设。") == {"禾益苏州现代食品产业园"}
    assert parks("文艺志愿者走进禾车苏州新能源装备产业基地演出。") == {"禾车苏州新能源装备产业基地"}


def test_go_glued_to_an_adverb_before_a_park_word_ends_the_phrase(run_text):
    """多去|园区、企业、乡村走一走: the segmenter glued 去 (go) to 多 as one unknown word; like 到, it ends a phrase
    and opens no name, so the park word after it is generic."""
    parks = {m.surface for m in run_text("欢迎嘉宾在苏期间多去园区、企业、乡村走一走。").mentions
             if m.cls == "Park" and not m.generic}
    assert parks == set()


def test_a_ring_word_before_the_place_opens_the_park_name(run_text):
    # 环 ('around'), which the segmenter reads as a verb, opens the name of the park around the lake
    parks = {m.surface for m in run_text("青禾高新区将打造环云溪湖数字经济产业园。").mentions if m.cls == "Park"}
    assert "环云溪湖数字经济产业园" in parks


def test_a_conjunction_glued_to_the_word_before_a_name_opens_no_name(run_text):
    """某某展暨|某某集团: the segmenter glued 暨 to an exhibition's title; the firm's name starts after it."""
    text = "“江城工业遗产展暨东方置业集团与江城专题展”启动仪式举行。"
    firms = [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]
    assert firms == ["东方置业集团"]
