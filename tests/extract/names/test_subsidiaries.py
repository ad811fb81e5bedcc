"""A group's subsidiary and a firm's branch named right after it are one firm; the group named alone stays."""


def _firms(run_text, text):
    return sorted(e.label for e in run_text(text).entities if e.cls == "Enterprise")


def test_a_subsidiary_after_its_group_is_one_firm_with_its_branch(run_text):
    assert _firms(run_text, "该电站由青禾能源建设集团投资有限公司中南分公司投资建设。") == ["青禾能源建设集团投资有限公司中南分公司"]
    assert _firms(run_text, "白河十五局集团城轨公司项目负责人介绍。") == ["白河十五局集团城轨公司"]


def test_a_banks_branch_after_its_parent_is_one_firm(run_text):
    assert _firms(run_text, "园区企业被青禾银行股份有限公司温州乐清支行起诉。") == ["青禾银行股份有限公司温州乐清支行"]


def test_a_group_named_alone_stays_beside_its_subsidiary(run_text):
    found = _firms(run_text, "近日，青禾集团工程公司总包的道路竣工。在正式施工前，青禾集团就与业主对接。")
    assert found == ["青禾集团", "青禾集团工程公司"]
    assert _firms(run_text, "青禾集团有限公司成立，青禾集团表示。") == ["青禾集团有限公司"]


def test_a_relation_word_or_a_kind_after_a_group_names_two_things(run_text):
    assert "青禾集团" in _firms(run_text, "日前，青禾集团旗下上市公司白云山发布公告。")
    assert _firms(run_text, "青禾集团与白河科技有限公司签约。") == ["白河科技有限公司", "青禾集团"]
    assert _firms(run_text, "青禾集团全资子公司白河科技有限公司成立。") == ["白河科技有限公司", "青禾集团"]


def test_a_generic_firm_word_after_a_sector_is_a_kind_of_firm(run_text):
    assert not _firms(run_text, "吸引来自世界500强企业、中国500强企业、行业领军企业、商协会等66家企业嘉宾参加。")
    assert not _firms(run_text, "依托产业链龙头企业、专精特新“小巨人”企业等重点企业。")
    assert _firms(run_text, "青禾科技是本地龙头企业。") == ["青禾科技"]


def test_a_firm_named_as_anothers_wholly_owned_subsidiary_is_described(run_text):
    assert not _firms(run_text, "白河信息为青禾瑞肯全资子公司。")
    assert not _firms(run_text, "白河信息是某某株式会社控股子公司。")


def test_a_groups_own_legal_suffix_is_no_subsidiary_whatever_the_set_order(pipeline):
    from kg.extract.names.subsidiaries import _subsidiary_end

    cues = pipeline.recognizer.cues
    text = "节由青禾市白河区农旅发展集团有限公司主办。"
    assert _subsidiary_end(cues, text, text.index("有限公司")) == 0


def test_an_area_or_a_type_is_never_a_firm(run_text):
    assert not _firms(run_text, "新城区、碑林区、青禾港务区获评优秀组织奖，白河生态区获评体育道德风尚奖。")
    assert not _firms(run_text, "至此，青禾陆港型、空港型、生产服务型、商贸服务型“四型”国家物流枢纽全部获批。")


def test_a_branch_right_after_its_parent_firm_is_one_firm(tiny_cues):
    from kg.extract.names.rules import candidate
    from kg.extract.names.subsidiaries import join_branches
    from kg.types import Sentence

    text = "甲乙科技有限公司苏州分公司开业，丙丁科技有限公司、戊己分公司参会。"
    sent = Sentence("d", 0, len(text), text, 0)
    spans = [(0, 8), (8, 13), (16, 24), (25, 30)]
    cands = [candidate("type-word", a, b, "Enterprise") for a, b in spans]
    joined = {text[c.start:c.end] for c in join_branches(tiny_cues, sent, cands)}
    assert "甲乙科技有限公司苏州分公司" in joined  # adjacent: the branch names its parent
    assert "戊己分公司" in joined  # a list mark between them: two firms


def test_a_branch_named_by_its_place_alone_names_no_firm(run_text):
    """已完成太原分公司、西安分公司建设: a branch named by its region alone is the branch of a firm the text names
    elsewhere, no firm's name; 青禾微纳科技有限公司山西分公司 (after its parent) stays one firm."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert firms("公司已完成太原分公司、西安分公司建设。") == set()
    assert firms("他曾兼任山东分公司总经理。") == set()
    assert firms("青禾微纳科技有限公司山西分公司正式成立。") == {"青禾微纳科技有限公司山西分公司"}


def test_a_branch_named_after_a_park_leaves_no_firm_cut_before_it(run_text):
    """某银行股份有限公司开发区支行: a branch named after a park is none of the four classes, and its parent's
    name alone is a cut of it; a branch named by a place (…南京支行) stays one firm."""
    def firms(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Enterprise"}

    assert firms("公司与青禾农村商业银行股份有限公司开发区支行签订了合同。") == set()
    assert firms("公司购买了青禾银行股份有限公司南京支行的产品。") == {"青禾银行股份有限公司南京支行"}


def test_a_branch_named_after_a_park_is_no_firm_and_gives_no_glued_park(run_text):
    """青禾电信开发区分公司: an organisation named after the park (the contract's 某银行某高新区支行), none of
    the four; nor is the firm's short form glued to the park's type word (青禾电信开发区) a park."""
    mentions = run_text("青禾电信开发区分公司在园区建设基站。").mentions
    assert not [m for m in mentions if m.cls == "Enterprise"]
    assert not [m for m in mentions if m.cls == "Park" and not m.generic]
