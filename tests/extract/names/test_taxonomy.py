from kg.extract.names import taxonomy


def test_a_taxonomy_label_in_an_industry_context(find):
    assert find(taxonomy.find, "聚焦生物医药产业。") == [("生物医药", "Industry", "gazetteer:taxonomy", False)]


def test_a_taxonomy_label_without_context_is_no_industry(find):
    assert find(taxonomy.find, "生物医药很好。") == []


def test_a_label_that_ends_a_longer_dictionary_word_names_no_industry_alone(run_text):
    """民用航空领域, 液化石油气等领域: 航空 and 油气 end words the dictionary knows (民用航空, 液化石油气);
    the label alone is a cut piece of that word, not the industry the text names."""
    def industries(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Industry"]

    assert "航空" not in industries("大赛邀请民用航空领域的专家学者组建智库。")
    assert "油气" not in industries("打击伪劣建筑材料、液化石油气等领域违法犯罪。")
    assert "航空" in industries("园区聚焦航空领域。")


def test_a_label_glued_after_one_read_into_a_longer_word_is_no_industry_alone(run_text):
    """打造集中医药大健康、…于一体: the dictionary reads 集中, so 中医药 is dropped; 大健康 right after it goes on
    the same written name and alone is a cut piece of it."""
    def industries(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Industry"]

    assert "大健康" not in industries("东湖高新区将打造集中医药大健康、休闲农业于一体的产业集群。")
    assert "大健康" in industries("东湖高新区聚焦大健康产业。")


def test_a_label_cut_out_of_a_longer_enumeration_item_is_no_industry(find):
    """青禾生物医药、生物医药器材: where only the enumeration calls its items industries, a label with other
    words before it in its item (modifiers aside), or after it, is a piece of another name."""
    def industries(text):
        return [s for s, *_ in find(taxonomy.find, text)]

    assert industries("园区形成集成电路、青禾生物医药、生物医药器材等产业。") == ["集成电路"]
    assert industries("园区形成集成电路、国家级生物医药等产业。") == ["集成电路", "生物医药"]


def test_labels_written_together_and_called_an_industry_are_one_name(find):
    """生物医药集成电路产业: two labels with nothing between them, then 产业, name one industry; the
    guide splits only at a conjunction or a separator, so neither label alone is the name."""
    def industries(text):
        return [s for s, *_ in find(taxonomy.find, text)]

    assert industries("园区聚焦生物医药集成电路产业。") == ["生物医药集成电路"]
    assert industries("园区聚焦生物医药、集成电路产业。") == ["生物医药", "集成电路"]


def test_a_word_between_a_label_and_its_items_separator_is_part_of_the_item(run_text):
    """电机、激光显示等…产业格局: 显示 (a boundary word elsewhere: 数据显示) runs the item on to its 等, so the
    item is 激光显示 and the label 激光 alone names nothing; 为代表的 (several words) ends the item."""
    def industries(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}

    assert "激光" not in industries("园区形成以电池为主导，电机、激光显示等加速跟进的产业格局。")
    assert "医疗器械" in industries("推动以生物医药、医疗器械为代表的等大健康产业高质量发展。")


def test_a_sector_whose_name_holds_another_label_is_named_whole(run_text):
    """供应链金融领域, 发展产业互联网产业: the taxonomy holds the longer sector names, so 金融 and 互联网
    are not cut out of them."""
    def industries(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}

    assert industries("青禾园区在跨境电商和供应链金融领域布局较早。") == {"跨境电商", "供应链金融"}
    assert "产业互联网" in industries("青禾园区将发展产业互联网产业。")


def test_a_label_before_a_kind_marker_and_firms_names_their_industry(run_text):
    """集成电路类企业, 人工智能和生物医药类科创型企业: a kind marker (类) with a noun for firms right after it
    makes the label before it (and the label joined to it by a conjunction) the firms' industry, kept as an
    entity; not before products (家电类产品) nor where more nouns stand before the firms (a longer kind)."""
    def industries(text):
        result = run_text(text)
        return {m.surface for m in result.mentions if m.cls == "Industry"}, {e.label for e in result.entities}

    mentions, entities = industries("青禾园区已集聚三十余家集成电路类企业。")
    assert "集成电路" in mentions and "集成电路" in entities
    mentions, entities = industries("开园当天，青禾创客中心签约企业多为人工智能和生物医药类科创型企业。")
    assert {"人工智能", "生物医药"} <= mentions and {"人工智能", "生物医药"} <= entities
    assert "家电" not in industries("青禾商场开展家电类产品促销。")[0]
    assert "生物医药" not in industries("青禾园区吸引生物医药类互联网平台企业。")[0]


def test_a_label_inside_a_longer_name_that_runs_past_its_suffix_is_no_industry(run_text):
    """某开发青禾产业创新园, 某城环保产业投资集团有限公司, 某某大健康产业创新生态联盟: after the label and 产业,
    more words of a name run on to a type word (集团, 联盟) or a park's one-character head (园); the label is a
    word inside that name (the annotation guide), not an industry of its own. A clause that goes on after 产业
    (产业也纳入…联盟, 产业龙头和创新平台) names no longer name, and 生物医药产业园 keeps its industry."""
    def industries(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}

    assert "元宇宙" not in industries("还有青禾港、青禾谷，某开发元宇宙产业创新园等等，都承载新产业。")
    assert "环保" not in industries("项目由青禾城环保产业投资集团有限公司联合投资。")
    assert "大健康" not in industries("会上成立了青禾大健康产业创新生态联盟。")
    assert "生命健康" in industries("今年将生命健康产业也纳入党建联盟。")
    assert "生物医药" in industries("青禾开发区聚焦生物医药产业，建设生物医药产业园。")
    # a copula or a place after 产业 opens another clause or another name (产业仍为某地开发区的第一大产业)
    assert "电子信息" in industries("电子信息产业仍为苏州开发区的第一大产业。")
    assert "新材料" in industries("新材料产业是白石开发区的支柱。")


def test_a_label_before_a_noun_for_workers_names_no_industry(run_text):
    """聚焦快递小哥、外卖骑手, 推进医药人才培养: the label says what the people do; with 产业 between
    (生物医药产业人才) it still names the industry."""
    def industries(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}

    assert "快递" not in industries("青禾园区党委聚焦快递小哥、外卖骑手为主的新就业群体。")
    assert "医药" not in industries("会上介绍了校企合作推进医药人才培养的做法。")
    assert "生物医药" in industries("学校服务培养高素质的生物医药产业人才。")


def test_a_label_before_a_noun_for_a_way_or_an_era_names_no_industry(run_text):
    """打造智能制造新模式, 抢抓5G时代…新机遇: the label describes a way of working or an era, no industry there."""
    def industries(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}

    assert "智能制造" not in industries("青禾制药通过打造智能制造新模式，全面推动产业升级。")
    assert "5G" not in industries("项目将积极抢抓5G时代文化产业发展新机遇。")
    assert "智能制造" in industries("青禾园区聚焦智能制造产业。")


def test_a_kind_marker_between_two_labels_called_an_industry_joins_them(run_text):
    """文创类互联网平台产业: the first label with 类 says which kind of the second the industry is; neither
    label alone is the name the text gives."""
    def industries(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Industry"]

    found = industries("东湖高新区出台政策促进文创类互联网平台产业发展。")
    assert "文创类互联网平台" in found and "互联网平台" not in found


def test_a_material_named_by_its_base_element_is_one_industry(run_text):
    """铜基新材料, 硅基材料: the element and 基 are part of the material's name, so 新材料 alone is cut short."""
    def industries(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Industry"]

    found = industries("东湖高新区着力打造铜基新材料和光伏装备产业基地。")
    assert "铜基新材料" in found and "新材料" not in found
