"""Recognising catalogue zones and linking parks to them (kg.extract.catalogue)."""
from __future__ import annotations

import dataclasses

import pytest

from kg.extract.catalogue import CatalogueLinker, catalogue_zone
from kg.graph.catalogue import Zone

Z = "https://w3id.org/parkkg/zone/"
# a tiny catalogue: two zones share the short form 滨江经开区, one is reached only without its place
ZONES = (
    Zone(Z + "G1", "G1", "江苏常州滨江经济开发区", "江苏省", "常州", "provincial", "ProvincialEconomicDevelopmentZone"),
    Zone(Z + "G2", "G2", "浙江台州滨江经济开发区", "浙江省", "台州", "provincial", "ProvincialEconomicDevelopmentZone"),
    Zone(Z + "G3", "G3", "武汉东湖新技术开发区", "湖北省", "武汉", "national", "HighTechZone"),
    Zone(Z + "G4", "G4", "北京经济技术开发区", "北京市", "北京", "national", "EconomicDevelopmentZone"),
    Zone(Z + "G5", "G5", "安徽金寨现代产业园区", "安徽省", "六安", "provincial", "IndustrialPark"),
    Zone(Z + "G6", "G6", "黑龙江绥芬河综合保税区", "黑龙江省", "绥芬河", "national", "SpecialCustomsSupervisionArea"),
)


@pytest.fixture(scope="module")
def small(lexicon):
    return CatalogueLinker(dataclasses.replace(lexicon, zones=ZONES))


def code(linker, name, text=""):
    link = linker.link_name(name, text)
    return (linker.zones[link.zone].code, link.via) if link else None


def test_official_name_and_its_short_forms_link(small):
    assert code(small, "北京经济技术开发区") == ("G4", "official")
    assert code(small, "北京经开区") == ("G4", "name")
    assert code(small, "北京开发区") == ("G4", "name")  # 开发区, the usual short form of 经济技术开发区
    assert code(small, "武汉东湖高新区") == ("G3", "name")
    assert code(small, "湖北武汉东湖新技术开发区") == ("G3", "name")  # with the province in front
    assert code(small, "江苏常州滨江经开区") == ("G1", "name")
    assert code(small, "常州滨江经济开发区") == ("G1", "name")


def test_a_short_form_two_zones_share_needs_the_documents_place(small):
    assert code(small, "滨江经开区") is None
    assert code(small, "滨江经开区", "常州市委书记调研滨江经开区。") == ("G1", "context")
    assert code(small, "滨江经开区", "台州滨江经开区和常州滨江经开区") is None  # both places named


def test_a_name_part_without_its_place_needs_the_place_in_the_document(small):
    assert code(small, "东湖高新区") is None
    assert code(small, "东湖高新区", "武汉东湖高新区，简称东湖高新区。") == ("G3", "context")
    assert code(small, "现代产业园区") is None


def test_a_place_that_disagrees_with_the_zone_blocks_the_link(small):
    assert code(small, "杭州滨江经开区", "杭州") is None
    assert code(small, "上海经开区") is None
    assert code(small, "无名高新区") is None


def test_every_zone_has_its_own_key(small):
    keys = [small.zone_key(z.iri) for z in ZONES]
    assert len(set(keys)) == len(keys)
    assert small.zone_for_key(small.zone_key(Z + "G3")).code == "G3"
    assert small.zone_for_key("Park:无名|高新区") is None


def test_mentions_of_one_zone_in_a_document_become_one_entity(run_text, pipeline):
    result = run_text("湖北武汉东湖新技术开发区发布新政。东湖高新区聚焦光电子信息产业，武汉东湖高新区还将发展生物医药。")
    parks = [e for e in result.entities if e.cls == "Park"]
    assert len(parks) == 1
    zone = catalogue_zone(pipeline.lexicon, parks[0].key)
    assert zone is not None and zone.name == "武汉东湖新技术开发区"
    assert {"东湖高新区", "武汉东湖高新区"} <= {parks[0].label, *parks[0].aliases}
    assert all(r.subject == parks[0].key for r in result.relations)


def test_documents_naming_a_zone_differently_meet_on_one_node(pipeline):
    from rdflib import Namespace, URIRef

    from kg.graph.build import build_graph
    from kg.pipeline import merge_results
    from kg.text.readers import RawDocument

    a = pipeline.process(RawDocument("a", "北京经济技术开发区聚焦集成电路产业。", "a.txt"))
    b = pipeline.process(RawDocument("b", "北京经开区重点发展生物医药产业。", "b.txt"))
    corpus = merge_results([a, b])
    parks = [e for e in corpus.entities.values() if e.cls == "Park"]
    assert len(parks) == 1 and parks[0].documents == ("a", "b")
    g = build_graph(corpus, pipeline.lexicon)
    pk = Namespace("https://w3id.org/parkkg/ontology#")
    assert set(g.objects(None, pk.catalogueZone)) == {URIRef(Z + "G111001")}


def test_an_unlinked_park_has_no_catalogue_zone(pipeline):
    from rdflib import Namespace

    from kg.graph.build import build_graph
    from kg.pipeline import merge_results
    from kg.text.readers import RawDocument

    r = pipeline.process(RawDocument("a", "零碳科技产业园聚焦氢能产业。", "a.txt"))
    g = build_graph(merge_results([r]), pipeline.lexicon)
    assert not list(g.objects(None, Namespace("https://w3id.org/parkkg/ontology#").catalogueZone))


def test_recognition_adds_zone_names_with_their_offsets(small, lexicon):
    from kg.text.sentences import split_sentences
    from kg.types import Document

    text = "据悉，江苏常州滨江经济开发区管委会召开会议；常州滨江经开区新材料产业园开工。"
    doc = Document("d", text)
    found = small.merge(doc, split_sentences("d", text), [])
    assert [m.surface for m in found] == ["江苏常州滨江经济开发区"]  # the second starts a sub-park's name
    assert all(text[m.start:m.end] == m.surface and m.cls == "Park" for m in found)


def test_recognition_keeps_other_classes_and_longer_parks(small):
    from kg.types import Document, Mention

    text = "北京经济技术开发区"
    firm = Mention("d", 0, 9, text, "Enterprise", "grammar")
    assert small.merge(Document("d", text), [], [firm]) == [firm]
    short = Mention("d", 2, 9, text[2:], "Park", "grammar")
    merged = small.merge(Document("d", text), [], [short])
    assert [(m.start, m.end, m.stage) for m in merged] == [(0, 9, "gazetteer:catalogue")]


def test_recognition_skips_a_short_form_without_a_place(small):
    from kg.types import Document

    text = "现代产业园区建设加快。"
    assert small.merge(Document("d", text), [], []) == []


def test_only_the_bare_short_type_word_stands_for_an_economic_zone(small):
    assert code(small, "北京开发区") == ("G4", "name")
    assert code(small, "北京示范园区") is None  # 示范园区 shares 开发区's canonical form, not its meaning


def test_a_free_trade_area_is_not_the_bonded_zone_of_its_place(small):
    # 自贸片区 and 综合保税区 share the canonical form 综保区, but are different kinds of zone
    assert code(small, "绥芬河综保区", "黑龙江") == ("G6", "context")
    assert code(small, "绥芬河综合保税区", "黑龙江") == ("G6", "context")
    assert code(small, "绥芬河自贸片区", "黑龙江") is None


def test_the_ending_matcher_finds_what_the_gazetteer_finds(lexicon):
    from kg.extract.catalogue_match import EndingMatcher, zone_terms
    from kg.extract.gazetteer import Gazetteer

    terms, endings = zone_terms(CatalogueLinker(lexicon).names)
    fast, slow = EndingMatcher(terms, endings), Gazetteer(terms)
    texts = ["湖北省武汉东湖新技术开发区和武汉经开区、北京经济技术开发区北京经开区合作。",
             "苏州工业园区、江苏江阴临港经济开发区与中关村科技园区昌平园；上海浦东新区浦东新区。",
             "无关的文字没有园区。", "猛士科技工业园区不只是", ""]
    for text in texts:
        assert fast.find(text) == slow.find(text)
