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
