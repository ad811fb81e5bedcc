"""A firm's key drops the places that open its name only where a name of its own follows."""
from kg.extract.firm_identity import placeless


def _key(run_text, text):
    return next(e.key for e in run_text(text).entities if e.cls == "Enterprise")


def test_a_firm_with_and_without_its_places_has_one_key_across_documents(run_text):
    placed = _key(run_text, "山西省长治市宏瑞祥环保科技有限公司落户园区。")
    bare = _key(run_text, "宏瑞祥环保科技有限公司扩产。")
    assert placed == bare


def test_a_place_before_common_words_is_part_of_the_name(lexicon):
    from kg.extract.segment_dictionary import base_dictionary

    kinds = frozenset(lexicon.words("firm-kind-word"))
    for name in ("河南投资集团", "湖北交投集团", "上海城投控股"):
        assert placeless(name, lexicon.regions, base_dictionary(), kinds) == name


def test_a_short_firm_name_that_one_fuller_name_ends_with_is_its_alias():
    """禾丰|青禾云溪集团 (a name opens it) is one firm with 青禾云溪集团; 审查调查|青禾云溪集团 (words glued on before
    the name) is no fuller name of it."""
    from kg.extract.firm_identity import merge_firms, name_opener
    from kg.types import EntityKey

    opener = lambda extra: name_opener(extra, {"禾丰": "nz"}, ("有限公司",))  # noqa: E731
    short, full = EntityKey.of("Enterprise", "青禾云溪集团"), EntityKey.of("Enterprise", "禾丰青禾云溪集团")
    assert merge_firms([short, full], opener=opener) == {short: full}
    padded = EntityKey.of("Enterprise", "审查调查青禾云溪集团")
    assert merge_firms([short, padded], opener=opener) == {}


def test_a_group_is_not_merged_into_its_subsidiary_but_into_its_own_legal_name():
    from collections import namedtuple

    from kg.extract.firm_identity import merge_firms

    K = namedtuple("K", "name")

    group, sub, own = K(name="青禾集团"), K(name="青禾集团工程公司"), K(name="青禾集团有限公司")
    legal = ("有限公司", "公司")
    assert group not in merge_firms([group, sub], group_forms=("集团",), legal=legal)
    assert merge_firms([group, own], group_forms=("集团",), legal=legal)[group] is own


def test_a_firm_and_its_branch_in_a_place_are_two_firms():
    """青禾电信 and 青禾电信湖北(公司): the fuller name adds a place alone, the firm's branch there; 青禾电信 and
    青禾电信科技 stay one firm."""
    from kg.extract.firm_identity import merge_firms
    from kg.types import EntityKey

    is_place = lambda word: word in {"湖北"}  # noqa: E731
    firm, branch = EntityKey.of("Enterprise", "青禾电信"), EntityKey.of("Enterprise", "青禾电信湖北")
    assert firm not in merge_firms([firm, branch], is_place)
    fuller = EntityKey.of("Enterprise", "青禾电信科技")
    assert merge_firms([firm, fuller], is_place) == {firm: fuller}


def test_a_firm_named_after_its_parents_short_form_and_places_is_one_firm_with_its_bare_name():
    """中甲|禾丰 and 国乙甲州市|禾丰 are 禾丰; an opening of common words (活动|禾丰) is glued on, and a bare
    common word (建设) or a place and a character (丙江分) names no firm."""
    from collections import namedtuple

    from kg.extract.firm_identity import merge_firms

    K = namedtuple("K", "name")
    is_place = lambda w: w in {"甲州市", "丙江", "中国"}  # noqa: E731
    kw = dict(common=lambda w: w in {"活动", "建设", "银行"}, opener=lambda extra: False)
    for full in ("中甲禾丰", "国乙甲州市禾丰"):
        assert merge_firms([K("禾丰"), K(full)], is_place, **kw) == {K("禾丰"): K(full)}
    for short, full in (("禾丰", "活动禾丰"), ("建设", "中甲建设"), ("丙江分", "中甲丙江分"), ("中国银行", "中国建设银行")):
        assert merge_firms([K(short), K(full)], is_place, **kw) == {}
    assert merge_firms([K("禾丰"), K("中甲禾丰")], is_place, cut=frozenset({K("禾丰")}), **kw) == {}


def test_a_subsidiarys_short_form_in_an_article_is_its_alias(run_text):
    text = "中甲禾丰公司承建园区道路。暴雨过后，禾丰公司派出抢险队清淤。"
    firms = [e for e in run_text(text).entities if e.cls == "Enterprise"]
    assert [(e.label, e.aliases) for e in firms] == [("中甲禾丰公司", ("禾丰公司",))]


def test_a_groups_short_form_keeps_the_places_its_full_name_opens_with():
    """中国青禾资源集团 is 中国青禾资源开发集团's short form; 中国能源投资集团 (common words after the place) is no
    short form of 中国能源投资开发集团, and without its group form 中国青禾资源 names a firm of its own."""
    from kg.extract.firm_identity import trade_name_of

    is_place, common = lambda w: w == "中国", lambda w: w == "能源投资"  # noqa: E731
    assert trade_name_of("中国青禾资源集团", "中国青禾资源开发集团", is_place, ("集团",), common)
    assert not trade_name_of("中国能源投资集团", "中国能源投资开发集团", is_place, ("集团",), common)
    assert not trade_name_of("中国青禾资源", "中国青禾资源研究院", is_place, ("集团",), common)


def test_a_listed_firms_short_form_finds_its_group_form_in_the_legal_suffix(run_text):
    """青禾股份 is 青禾微电子(甲州)股份有限公司: its key drops 股份有限公司, but the name as written has 股份."""
    text = "青禾微电子（甲州）股份有限公司在园区设立研发中心。青禾股份去年营收增长三成。"
    firms = [e for e in run_text(text).entities if e.cls == "Enterprise"]
    assert [(e.label, e.aliases) for e in firms] == [("青禾微电子(甲州)股份有限公司", ("青禾股份",))]


def test_a_firm_short_form_may_write_its_place_without_the_administrative_ending():
    """禾山供电 is 国乙甲州市禾山区供电 (禾山区 written 禾山), not 国乙甲州市禾山县电力 nor 禾山区供电 glued to 活动."""
    from collections import namedtuple

    from kg.extract.firm_identity import merge_firms

    K = namedtuple("K", "name")
    is_place = lambda w: w in {"甲州市", "禾山", "禾山区", "禾山县"}  # noqa: E731
    kw = dict(common=lambda w: w == "活动", opener=lambda extra: False)
    short, full = K("禾山供电"), K("国乙甲州市禾山区供电")
    assert merge_firms([short, full], is_place, **kw) == {short: full}
    for other in ("国乙甲州市禾山县电力", "活动禾山区供电"):
        assert merge_firms([short, K(other)], is_place, **kw) == {}
