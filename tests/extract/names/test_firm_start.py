"""Where a firm's name starts after the walk meets a place (kg.extract.names.firm_start), through the recogniser."""


def test_a_word_ending_in_a_function_character_before_a_firms_place_is_the_sentences(run_text):
    """法定代表人为上海宝华…有限公司, 收获满满的深圳市康宝…有限公司: the firm's name opens at its place."""
    def firms(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]

    assert firms("该公司法定代表人为上海云翔企业集团有限公司。") == ["上海云翔企业集团有限公司"]
    assert firms("收获满满的深圳市云翔化工有限公司经理表示。") == ["深圳市云翔化工有限公司"]


def test_a_park_before_a_firms_own_name_is_its_address_not_its_name(run_text):
    """X开发区湖北容百…有限公司: a place (or a rare word) opens the firm's own name after the park;
    X高新区招商服务公司 is the park's own service company and keeps the park in its name."""
    def firms(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]

    assert firms("参观了云溪开发区湖北云翔锂电材料有限公司。") == ["湖北云翔锂电材料有限公司"]
    assert firms("云溪高新区招商服务公司成立。") == ["云溪高新区招商服务公司"]


def test_a_place_a_few_characters_back_opens_a_firms_legal_name(run_text):
    """江苏景创锂能新能源科技有限公司: the segmenter cut a rare name into 锂|能 (a verb), where the walk stopped;
    the province a few characters back opens the name. Another name or a conjunction before it does not."""
    def firms(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]

    assert firms("园区引进江苏云翔锂能新能源科技有限公司。") == ["江苏云翔锂能新能源科技有限公司"]
    # a verb between the province and the rest: the province opens nothing (and 新能源科技 alone names a kind)
    assert not any(f.startswith("江苏") for f in firms("江苏省引进新能源科技有限公司。"))
    assert "云溪开发区湖北云翔锂电材料有限公司" not in firms("参观了云溪开发区湖北云翔锂电材料有限公司。")


def test_a_conjunction_between_a_park_and_a_firm_belongs_to_neither(run_text):
    """云溪高新区与华川集团、金桥集团等企业…: 与 joins the firm to the park; the park hosts nothing by adjacency."""
    result = run_text("苏州高新区持续发展。苏州高新区与华川集团、金桥集团等企业形成初步合作意向。")
    assert {m.surface for m in result.mentions if m.cls == "Enterprise"} == {"华川集团", "金桥集团"}
    assert not [r for r in result.relations if r.prop == "hasEnterprise"]


def test_a_first_character_the_segmenter_split_off_opens_a_firms_legal_name(run_text):
    """在|中|枫叶新材料股份有限公司: jieba read the name's first character as a locative (中); right after a
    clause's opening (a preposition, a verb, the sentence's start, a place) it is the name's. After a noun
    (项目中…) it is the sentence's locative."""
    def firms(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]

    assert firms("在中枫叶新材料股份有限公司，局长走进实验室。") == ["中枫叶新材料股份有限公司"]
    assert firms("局长走访中蓝鲸化学有限公司。") == ["中蓝鲸化学有限公司"]
    assert firms("浙江中青松节水设备有限公司注销。") == ["浙江中青松节水设备有限公司"]
    assert firms("项目中蓝鲸化学有限公司表示满意。") == ["蓝鲸化学有限公司"]


def test_a_clause_verb_before_the_place_that_opens_a_firm_is_the_sentences(run_text):
    """，国资|苏州青禾集团, 接受审查调查|苏州青禾…股份有限公司: a verb (or a verbal noun) opening a clause, or after
    another verb, before the place that opens a firm's name is no part of it; 某石化销售|上海石油分公司, after a name,
    keeps its 销售."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert firms("时隔多年，国资苏州青禾集团再次获得控制权。") == {"苏州青禾集团"}
    assert firms("他接受审查调查苏州青禾旅游集团股份有限公司原董事长。") == {"苏州青禾旅游集团股份有限公司"}


def test_a_city_right_before_a_long_firm_name_opens_it(run_text):
    """由|苏州市|云溪新兴技术开发区发展总公司: the walk's reach stopped after the city; the registered name opens with it."""
    text = "金融平台由苏州市云溪新兴技术开发区发展总公司承建。"
    assert [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"] == ["苏州市云溪新兴技术开发区发展总公司"]


def test_a_verbs_object_before_the_place_that_opens_a_firms_name_is_the_sentences(run_text):
    """领取物资|江西华川药业有限公司: 物资 is what the villagers received; the firm's name opens with its province."""
    firms = [m.surface for m in run_text("村民签字领取物资江西华川药业有限公司位于高新区。").mentions if m.cls == "Enterprise"]
    assert firms == ["江西华川药业有限公司"]
    kept = [m.surface for m in run_text("中国石化销售上海石油分公司开业。").mentions if m.cls == "Enterprise"]
    assert kept == ["中国石化销售上海石油分公司"]


def test_a_facility_word_before_a_firms_own_name_is_no_part_of_it(run_text):
    """某地基地|禾丰连公司 (a caption run into the sentence), 国家级绿色工厂|青川电缆科技有限公司 (a title the firm won):
    the firm's name starts after the facility word."""
    def firms(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]

    assert firms("禾丰连新乡基地禾丰连公司始建于1990年。") == ["禾丰连公司"]
    assert "青川电缆科技有限公司" in firms("获评的国家级绿色工厂青川电缆科技有限公司和华岭公司。")


def test_a_province_opens_a_firms_name_across_a_position_word_or_a_verb_of_its_own(run_text):
    """湖南|东部|禾川新通道物流有限公司: where the walk stopped at a word of the firm's own (a position word, a verb),
    the province a few characters back still opens the legal name; 大都来自|青川集团 stays cut (来自 is no name's)."""
    def firms(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]

    assert firms("湖南东部禾川新通道物流有限公司经理说。") == ["湖南东部禾川新通道物流有限公司"]
    assert firms("新董事大都来自青川集团。") == ["青川集团"]


def test_a_club_or_a_project_word_before_the_place_that_opens_a_platform(lexicon):
    from kg.extract.names.cues import CueIndex
    from kg.extract.names.firm_start import body_before_own_platform

    cues = CueIndex.build(lexicon)
    text = "家庭服务社上海青禾研究院"
    tokens = cues.tokens(text)
    i = next(k for k, t in enumerate(tokens) if t.word.endswith("服务社"))
    assert body_before_own_platform(cues, tokens, i, text.index("研究院"))
    text = "中国科学院深圳青禾研究院"
    tokens = cues.tokens(text)
    i = next(k for k, t in enumerate(tokens) if t.word == "中国科学院")
    assert not body_before_own_platform(cues, tokens, i, text.index("研究院"))


def test_a_city_right_before_the_place_that_opens_a_firms_name_opens_it_too(run_text):
    """推动武汉|东湖|扬…股份公司: the walk stopped at a rare character; the place before it opens the legal
    name, and so does the city right before that place."""
    text = "推动武汉东湖扬生物股份公司与外方签订合作协议。"
    firms = [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]
    assert firms == ["武汉东湖扬生物股份公司"]
