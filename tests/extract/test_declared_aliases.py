"""A short form the text declares in brackets after a name (以下简称“…”) is that name's alias, not an entity."""


def _entities(run_text, text):
    return {(e.cls, e.label): e.aliases for e in run_text(text).entities}


def test_a_declared_short_form_is_the_full_names_alias(run_text):
    found = _entities(run_text, "青禾新能源科技股份有限公司（以下简称“公司”或“青禾科技”）成立。青禾科技表示将扩产。")
    assert list(found) == [("Enterprise", "青禾新能源科技股份有限公司")]
    assert "青禾科技" in found[("Enterprise", "青禾新能源科技股份有限公司")]


def test_a_declared_short_form_after_a_bracketed_place_is_an_alias(run_text):
    found = _entities(run_text, "采访团来到人工智能与数字经济青禾省实验室（深圳）（以下简称“白河实验室”），了解该实验室。白河实验室致力于研究。")
    assert not any(label == "白河实验室" for _, label in found)


def test_a_short_form_of_another_class_stays_its_own(run_text):
    found = _entities(run_text, "青禾大学（下称“青禾科技城”）建设加快。")
    assert ("Platform", "青禾大学") in found


def test_an_unquoted_declared_short_form_is_an_alias_too(run_text):
    found = _entities(run_text, "园区与白河网络技术有限公司（简称青禾科技）签约。青禾科技将建设仓库。")
    assert list(found) == [("Enterprise", "白河网络技术有限公司")]


def test_a_firms_short_name_alone_in_brackets_after_its_full_name_is_an_alias(run_text):
    """某某制造有限公司（某飞公司）: the whole aside a firm's name, no cue; a parent named in an aside is no alias."""
    found = _entities(run_text, "青禾飞机制造有限公司（青飞公司）负责人说。青飞公司注册在园区。")
    assert list(found) == [("Enterprise", "青禾飞机制造有限公司")]
    parent = _entities(run_text, "白河生物股份公司（青禾农业集团有限公司参股企业）签约。")
    assert ("Enterprise", "青禾农业集团有限公司") in parent
