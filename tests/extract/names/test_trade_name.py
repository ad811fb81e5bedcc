from kg.extract.names import trade_name


def test_a_short_name_that_opens_a_clause(find):
    assert find(trade_name.find, "迈为科技和博众联合研发。") == [("迈为科技", "Enterprise", "grammar:trade-name", False)]


def test_a_short_name_inside_a_phrase_is_left_alone(find):
    assert find(trade_name.find, "研发迈为科技产品。") == []


def test_a_country_and_a_trade_word_alone_name_the_countrys_industry(run_text):
    """新中国汽车工业诞生以来，中国汽车完成了转变; 中国-青禾科技创新合作: a country (or two joined by a dash) and a
    trade word standing alone name the country's industry, no firm; in a list of firms one still is one."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert firms("七十年来，中国汽车完成了从引进来到走出去的转变。") == set()
    assert firms("论坛聚焦中国-青禾科技创新合作。") == set()


def test_an_item_beside_an_industrys_name_is_no_firm(run_text):
    """新能源汽车、锂离子蓄电池、太阳能电池: like is listed with like; 禾丰科技和青木新材料 are still firms."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}
    assert not firms("上半年，新能源汽车、锂离子蓄电池、太阳能电池出口额合计200亿元。")
    assert firms("青木新材料、禾丰科技获评专精特新企业。") >= {"青木新材料"}


def test_a_predicate_before_a_trade_word_names_no_firm(run_text):
    """大力开展|汽车促销活动: an adverb and a verb open a predicate, never a firm's short name."""
    text = "年初以来，云溪市启动实施产业提升工程、大力开展汽车促销活动、强化物流保障。"
    assert not [m for m in run_text(text).mentions if m.cls == "Enterprise"]


def test_a_photo_credit_glued_to_a_short_name_is_no_part_of_it(find):
    """钱立摄睿川科技是…: the segmenter glues the caption's 摄 to the name that follows; the credit names no firm."""
    assert all("摄" not in n for n, *_ in find(trade_name.find, "钱立摄睿川科技是一家纱线企业。"))


def test_common_nouns_before_a_trade_word_name_goods_not_a_firm(run_text):
    """速冻食品, 保税物流: a word the dictionary knows well as a common noun, before a trade word, names a kind
    of goods or services; rare words (嘉川食品) and split characters (沛|楠科技) still name firms."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert firms("抽检涉及乳制品，速冻食品，糖果制品等类别。") == set()
    assert firms("枢纽具备冷链物流和保税物流等功能。") == set()
    assert firms("嘉川食品和沛楠科技落户园区。") == {"嘉川食品", "沛楠科技"}


def test_a_parks_name_and_a_trade_word_name_what_the_park_makes(run_text):
    """到2025年，青禾经开区汽车产能达到80万辆: the park and what it makes, no firm 青禾经开区汽车; the goal is the park's."""
    result = run_text("到2025年，青禾经开区汽车产能达到80万辆。")
    assert not [m for m in result.mentions if m.cls == "Enterprise"]
    assert [(t.metric, t.value) for t in result.targets] == [("汽车产能", 80.0)]


def test_a_trade_word_before_an_activity_that_ends_a_list_item_names_no_firm(run_text):
    """健康宣传、蚊媒生物防制、公共场所管理: the activity (防制) ends the item; 蚊媒生物 is its object, no firm."""
    text = "各部门开展健康宣传、蚊媒生物防制、公共场所管理等工作。"
    assert [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"] == []
