from kg.extract.names import industry_suffix


def test_an_industry_name_before_the_suffix(find):
    assert find(industry_suffix.find, "集成电路产业发展迅速。") == [
        ("集成电路", "Industry", "grammar:industry-suffix", False)]


def test_modifiers_before_the_suffix_are_no_industry(find):
    assert find(industry_suffix.find, "国家级产业发展迅速。") == []


def test_a_verb_ending_in_neng_is_no_industry_and_a_firm_with_it_is_a_firm(run_text):
    """赋能产业发展: 赋能 (to empower) ends in 能 as 氢能 does but names no industry; 金能科技 is a firm."""
    def found(text, cls):
        return [m.surface for m in run_text(text).mentions if m.cls == cls]

    assert found("要以存量换增量，赋能产业高质量发展。", "Industry") == []
    assert "氢能" in found("园区大力发展氢能产业。", "Industry")
    assert "云能科技" in found("云翔股份、云能科技等企业入驻园区。", "Enterprise")
    assert found("引进高性能新材料、水产等各类生产制造企业。", "Enterprise") == []


def test_a_quality_word_stays_in_the_industrys_name_as_written(run_text):
    """高端海洋工程装备产业: the contract's canonical name is the fullest the text uses; 国际|新能源汽车 drops 国际."""
    def industries(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}

    assert "高端海洋工程装备" in industries("建设全球一流的高端海洋工程装备产业聚集区。")
    assert "新能源汽车" in industries("园区发展国际新能源汽车产业。")


def test_a_sector_the_clause_supports_is_an_industry(run_text):
    """助力汽车工业发展: 助力 (support) develops the sector as 发展 does."""
    assert "汽车工业" in {m.surface for m in run_text("云溪高新区助力汽车工业发展。").mentions if m.cls == "Industry"}


def test_a_deictic_scope_before_an_industry_is_no_part_of_its_name(run_text):
    """当地特色农业产业, 地方新能源产业: 当地 and 地方 say where the industry is, like 国际 or 全国."""
    def industries(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Industry"]

    assert industries("发展果木种植、牲畜养殖等当地特色农业产业。") == ["特色农业"]
    assert industries("该行积极服务地方新能源产业发展需求。") == ["新能源"]


def test_green_and_ecological_stay_in_an_industrys_name_as_written(run_text):
    """绿色家居制造产业, 生态环保产业: the industry's name as written keeps 绿色 and 生态, like 高端."""
    def industries(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Industry"]

    assert industries("园区大力发展绿色家居制造产业。") == ["绿色家居制造"]
    assert industries("园区大力发展生态环保产业。") == ["生态环保"]
    assert industries("园区举行先进储能产业链推广活动。") == ["先进储能"]  # 先进 as written, too


def test_a_verb_before_a_bare_industry_head_is_no_part_of_a_name(run_text):
    """展示和宣传应急产业装备: 宣传 is what the clause does to the industry; 宣传应急 names none."""
    industries = [m.surface for m in run_text("青禾区充分展示和宣传应急产业装备和技术。").mentions if m.cls == "Industry"]
    assert "宣传应急" not in industries


def test_a_development_verb_before_a_bare_industry_head_is_no_part_of_a_name(run_text):
    """拖累云溪发展科技产业的雄心: 发展 (a verb that may stand inside a firm's name) names no industry either."""
    industries = [m.surface for m in run_text("此举恐拖累云溪发展科技产业的雄心。").mentions if m.cls == "Industry"]
    assert not any(s.startswith("发展") for s in industries)


def test_a_clause_word_before_a_known_industry_is_no_part_of_its_name(run_text):
    """整个|医药产业, 省内外|纺织服装产业: a word of the clause (no noun) that no industry's label holds opens
    no industry's name; 高效|农业 keeps 高效 (labels hold it) and 大分子|生物药 keeps its noun."""
    def industries(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}

    assert industries("这一榜单受到整个医药产业的关注。") == {"医药"}
    assert industries("吸引省内外纺织服装产业转移。") == {"纺织服装"}
    assert "高效农业" in industries("园区发展高效农业产业。")
    assert "大分子生物药" in industries("园区发展大分子生物药产业。")


def test_a_suffix_begun_inside_one_word_and_ended_inside_the_next_is_no_suffix(run_text):
    """飞龙实业银行|业务部: 行业 begins inside 银行 and ends inside 业务, so it closes no industry's name."""
    assert [m.surface for m in run_text("他曾任飞龙实业银行业务部经理。").mentions if m.cls == "Industry"] == []


def test_a_phrase_with_a_place_inside_is_no_industrys_name(run_text):
    """北部|地区|碳纤维产业, 青禾展区器械产业: a word ending in an administrative ending (地区, 展区), a place or a
    person inside the phrase makes it a region's sector or another name; the label alone may still be an industry."""
    def industries(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Industry"]

    assert industries("报告称，北部地区碳纤维产业发展较快。") == ["碳纤维"]
    assert industries("记者走访了青禾展区器械产业板块。") == []


def test_xiandai_before_an_industry_is_kept_as_written(run_text):
    """现代医药产业: 现代 (tagged a time word by the segmenter) is a written modifier of the industry's name,
    like 绿色 or 生态, not a boundary the walk stops at."""
    industries = [m.surface for m in run_text("青禾园区着力培育现代医药产业。").mentions if m.cls == "Industry"]
    assert industries == ["现代医药"]
