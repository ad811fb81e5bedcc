"""Industry roles alone: the role word closing or opening an enumeration, list items not counted as distance."""
from __future__ import annotations

import pytest

from kg.extract.roles import RoleReader
from kg.ontology import Lexicon
from kg.types import Mention, Sentence

TRIGGERS = {"主导产业": "hasLeadingIndustry", "主导": "hasLeadingIndustry", "未来产业": "hasFutureIndustry"}


def _industry(text, surface):
    at = text.index(surface)
    return Mention("d", at, at + len(surface), surface, "Industry", "test")


@pytest.fixture(scope="module")
def reader(lexicon):
    return RoleReader(Lexicon(role_triggers=TRIGGERS, grammar_words=lexicon.grammar_words))


@pytest.fixture
def _role(reader):
    def role(text, surface, others=()):
        s = Sentence("d", 0, len(text), text, 0)
        items = [_industry(text, w) for w in (surface, *others)]
        return reader.role(s, items[0], items)

    return role


def test_a_role_word_closing_the_list_gives_every_item_its_role(_role):
    text = "做强集成电路、人工智能两大主导产业。"
    assert _role(text, "集成电路", ["人工智能"]) == "hasLeadingIndustry"


def test_each_list_gets_its_own_role_word(_role):
    text = "做强集成电路等主导产业和量子信息等未来产业。"
    assert _role(text, "量子信息", ["集成电路"]) == "hasFutureIndustry"


def test_a_role_word_in_another_clause_gives_none(_role):
    assert _role("发展集成电路，打造主导产业。", "集成电路") == ""


def test_the_frames_that_are_no_distance_come_from_the_lexicon(lexicon):
    from kg.extract.roles import filler_frames

    found = filler_frames(lexicon).findall("以集成电路为代表的两大千亿级集群，三个园区")
    assert found == ["以集成电路为代表的", "两大", "千亿级", "三个"]
    lex = Lexicon(grammar_words=dict(lexicon.grammar_words, **{"enumeration-scale": ("百亿级",)}))
    assert filler_frames(lex).findall("千亿级百亿级") == ["百亿级"]


def test_an_item_opening_with_its_own_verb_starts_the_roles_list(run_text):
    result = run_text("苏州高新区将主要提升发展食品加工业、培育发展生物制药等新兴产业。")
    roles = {r.object.split(":", 1)[1]: r.prop for r in result.relations}
    assert roles.get("食品加工业") == "hasIndustry"
    assert roles.get("生物制药") == "hasEmergingIndustry"


def test_an_advantage_that_is_no_industrys_gives_no_leading_role(lexicon):
    """优势企业, 优势互补, 集聚优势, 新优势: 优势 names a leading industry only as 优势产业 (or 领域, 行业)."""
    reader = RoleReader(lexicon)

    def role(text, surface):
        s = Sentence("d", 0, len(text), text, 0)
        return reader.role(s, _industry(text, surface), [_industry(text, surface)])

    assert role("推动人工智能等领域优势企业与整车企业合作。", "人工智能") == ""
    assert role("围绕大数据等方向发展新优势。", "大数据") == ""
    assert role("做强大数据等优势产业。", "大数据") == "hasLeadingIndustry"


def test_a_role_word_that_modifies_one_item_gives_the_list_no_role(run_text):
    """数字贸易、新兴金融、技术贸易等…: 新兴 is 金融's own modifier, not the list's role word."""
    rels = {(r.prop, r.object.split(":", 1)[1]) for r in run_text(
        "云溪新片区发展现代服务业以数字贸易、新兴金融、技术贸易等服务贸易创新发展为抓手。").relations}
    assert ("hasIndustry", "数字贸易") in rels


def test_a_postdoctoral_workstation_is_a_kind_not_a_platform(run_text):
    found = {m.surface for m in run_text("共有19个博士后科研工作站落地云溪高新区。").mentions if m.cls == "Platform" and m.key}
    assert not found


def test_an_adjective_right_before_the_item_modifies_it_and_gives_no_role(run_text):
    """特色农产品加工企业: 特色 modifies 农产品, the park hosts processing firms, no 特色产业; 以…为特色 still leads."""
    def props(text):
        result = run_text(text)
        labels = {e.key: e.label for e in result.entities}
        return {(r.prop, labels[r.object]) for r in result.relations if r.object.startswith("Industry:")}
    assert ("hasIndustry", "农产品加工") in props("云溪工业园聚集了一批热带特色农产品加工企业。")
    assert ("hasLeadingIndustry", "检验检测") in props("云溪高新区形成以检验检测、医药流通服务为特色的产业体系。")


def test_a_citys_role_and_an_attribute_are_no_roles_of_the_park(run_text):
    """汽车产业是X市第一大支柱产业: the city's role; 构建具有特色的…产业链: distinctive, no 特色产业."""
    def props(text):
        result = run_text(text)
        labels = {e.key: e.label for e in result.entities}
        return {(r.prop, labels[r.object]) for r in result.relations if r.object.startswith("Industry:")}
    city = props("云溪经开区发展汽车产业。汽车产业是青州市第一大支柱产业。")
    assert ("hasLeadingIndustry", "汽车") not in city and ("hasIndustry", "汽车") in city
    assert ("hasLeadingIndustry", "电子信息") in props("云溪高新区以电子信息为第一大支柱产业。")


def test_a_role_word_that_closes_the_item_before_gives_the_next_item_none(_role):
    # 以A为主导产业、B为支撑产业: B has its own frame; 主导产业 closed A's
    text = "以数字经济为主导产业、生命健康为支撑产业。"
    assert _role(text, "数字经济", ["生命健康"]) == "hasLeadingIndustry"
    assert _role(text, "生命健康", ["数字经济"]) == ""


def test_a_role_word_before_de_qualifies_a_frame_not_the_items_after_it(_role):
    # 以产品开发为主导的A、B产业基地: 主导 is said of the product development, not of A and B
    text = "以下游产品开发为主导的煤化工、精细化工产业基地。"
    assert _role(text, "煤化工", ["精细化工"]) == ""
    assert _role("主导产业为集成电路、生物医药。", "生物医药", ["集成电路"]) == "hasLeadingIndustry"


def test_a_role_word_heading_a_phrase_of_its_own_after_de_gives_none(run_text, _role):
    # …产业创新发展的区域服务特色: 特色 heads 区域服务; a list frame or a count after 的 is no phrase
    result = run_text("青禾新区将着力打造新医药与生命健康产业创新发展的区域服务特色。")
    assert {(r.object.split(":", 1)[1], r.prop) for r in result.relations} == {("生命健康", "hasIndustry")}
    text = "拥有包括量子信息、深海探采在内的两大未来产业。"
    assert _role(text, "量子信息", ["深海探采"]) == "hasFutureIndustry"
    assert _role("集成电路是园区的主导产业。", "集成电路") == "hasLeadingIndustry"


def test_a_role_word_right_after_an_industry_word_is_a_noun_of_its_own(run_text):
    """以新材料为主的产业特色: 产业特色 is the industry's character, not a featured industry; 新材料等特色产业 is one."""
    def roles(text):
        return {r.prop for r in run_text(text).relations if r.object == "Industry:新材料"}

    assert roles("青禾高新区大力培育新材料企业，形成了以新材料为主的产业特色。") == {"hasIndustry"}
    assert roles("青禾高新区大力发展新材料等特色产业。") == {"hasLeadingIndustry"}
