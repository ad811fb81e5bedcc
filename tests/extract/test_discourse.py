"""The discourse stage alone: subject position, addresses, region subjects and the passage topic."""
from __future__ import annotations

import pytest

from kg.extract.discourse import DocumentContext, FrameReader, SentenceFrame, find_all
from kg.types import Mention, Sentence


@pytest.fixture(scope="module")
def reader(lexicon):
    benchmark = [w for w, p in lexicon.relation_triggers.items() if "benchmarksAgainst" in p]
    cooperate = [w for w, p in lexicon.relation_triggers.items() if "cooperatesWith" in p]
    return FrameReader(lexicon, benchmark, cooperate)


def _park(text, surface, start=0, generic=False, level="zone"):
    at = text.index(surface)
    return Mention("d", start + at, start + at + len(surface), surface, "Park", "test", generic=generic, level=level)


def test_find_all_finds_every_occurrence():
    assert find_all("对标甲，对标乙", ["对标", "乙"]) == [(0, "对标"), (4, "对标"), (6, "乙")]


def test_a_region_opening_the_sentence_is_its_subject_unless_it_is_an_office(reader, lexicon):
    region = next(r for r in sorted(lexicon.regions) if len(r) == 2 and r + "市" not in lexicon.regions)
    assert reader.region_subject(region + "市坚持创新发展。", [], 0) == region + "市"
    assert reader.region_subject(region + "市委书记调研。", [], 0) == ""


def test_a_named_zone_becomes_the_topic_of_the_next_sentences(reader):
    first = Sentence("d", 0, 9, "苏州高新区发展快。", 0)
    second = Sentence("d", 9, 16, "园区引进项目。", 1)
    park = _park(first.text, "苏州高新区")
    generic = _park(second.text, "园区", start=9, generic=True)
    keys = {(park.start, park.end): "Park:苏州|高新区"}
    frames = reader.frames([first, second], [park, generic], keys, {"Park:苏州|高新区": "zone"})
    assert [(f.subject, f.subject_explicit) for f in frames] == [("Park:苏州|高新区", True), ("Park:苏州|高新区", False)]


def test_the_document_context_knows_which_names_a_park_owns():
    s = Sentence("d", 0, 9, "苏州高新区发展快。", 0)
    park = _park(s.text, "苏州高新区")
    context = DocumentContext.of([SentenceFrame(s, "P", True, [(park, "P")])])
    assert context.owns("P", "苏州高新区集成电路产业园") and not context.owns("P", "苏州高新区")
    assert context.features("P", 0, True)["anchored"] == 1.0


def test_a_zone_named_as_a_place_mid_sentence_does_not_become_the_topic(reader):
    """回国后，工作人员发现在苏州高新区里…: a zone the sentence only locates something in is no topic."""
    first = Sentence("d", 0, 22, "回国后，工作人员发现在苏州高新区里聚集了供应商。", 0)
    second = Sentence("d", 22, 29, "甲公司落户北仑。", 1)
    park = _park(first.text, "苏州高新区")
    keys = {(park.start, park.end): "Park:苏州|高新区"}
    frames = reader.frames([first, second], [park], keys, {"Park:苏州|高新区": "zone"})
    assert [f.subject for f in frames] == ["", ""]


def test_a_region_after_lead_in_clauses_is_the_sentences_subject(reader, lexicon):
    """他表示，当前，X区正打造…: the lead-ins are skipped, the region speaks."""
    region = next(r for r in sorted(lexicon.regions) if len(r) == 2 and r + "区" not in lexicon.regions)
    assert reader.region_subject(f"他表示，当前，{region}区正全面落实发展战略。", [], 0) == region + "区"


def test_a_zone_that_introduces_another_park_leaves_it_the_subject(reader):
    text = "金桥湾高新区青松工业园区管委会副主任表示，园区将发展光伏产业。"
    zone, sub = _park(text, "金桥湾高新区"), _park(text, "青松工业园区", level="subpark")
    keys = {(zone.start, zone.end): "Park:金桥湾|高新区", (sub.start, sub.end): "Park:青松|工业园区"}
    frames = reader.frames([Sentence("d", 0, len(text), text, 0)], [zone, sub], keys,
                           {"Park:金桥湾|高新区": "zone", "Park:青松|工业园区": "subpark"})
    assert frames[0].subject != "Park:金桥湾|高新区"


def test_clauses_a_region_opens_before_the_parks_clause_are_the_regions(reader, lexicon):
    region = next(r for r in sorted(lexicon.regions) if len(r) == 2 and r + "区" not in lexicon.regions)
    text = f"近年来，{region}区以金融为主导产业，{region}高新区已集聚企业近千家。"
    park = _park(text, f"{region}高新区")
    keys = {(park.start, park.end): f"Park:{region}|高新区"}
    frame = reader.frames([Sentence("d", 0, len(text), text, 0)], [park], keys, {f"Park:{region}|高新区": "zone"})[0]
    assert frame.subject == f"Park:{region}|高新区"
    assert frame.region_lead == text.index(f"{region}高新区")


def test_a_bare_name_does_not_make_a_park_own_what_begins_with_it(reader):
    text = "上海青松开发区与华川合作。青松园区管理先进。"
    full, bare = _park(text, "上海青松开发区"), _park(text, "青松园区")
    short = Mention("d", full.start + 2, full.start + 4, "青松", "Park", "test", level="zone")
    frame = SentenceFrame(Sentence("d", 0, len(text), text, 0), "", False,
                          [(full, "Park:上海青松|开发区"), (short, "Park:上海青松|开发区"), (bare, "Park:青松|片区")])
    context = DocumentContext.of([frame])
    assert context.owns("Park:上海青松|开发区", "上海青松开发区管委会")
    assert not context.owns("Park:上海青松|开发区", "青松园区")


def test_firms_that_settle_in_a_park_are_its_whoever_the_sentence_opens_with(reader, lexicon):
    """X云芯、Y云森等企业入驻Z高新区: a place opening the first firm's name does not take the park away."""
    region = next(r for r in sorted(lexicon.regions) if len(r) == 2 and r + "区" not in lexicon.regions)
    text = f"{region}云芯、山东云森等一批企业相继入驻延河高新区。"
    park = _park(text, "延河高新区")
    keys = {(park.start, park.end): "Park:延河|高新区"}
    frame = reader.frames([Sentence("d", 0, len(text), text, 0)], [park], keys, {"Park:延河|高新区": "zone"})[0]
    assert frame.subject == "Park:延河|高新区"
    spoken = f"{region}区拥有延河高新区等三个园区。"
    park = _park(spoken, "延河高新区")
    keys = {(park.start, park.end): "Park:延河|高新区"}
    frame = reader.frames([Sentence("d", 0, len(spoken), spoken, 0)], [park], keys, {"Park:延河|高新区": "zone"})[0]
    assert frame.subject == ""


def test_a_community_opening_a_sentence_speaks_for_itself(run_text):
    """同时，社区也与X大学对接: the community's partner, not the park's platform."""
    text = "云溪高新区开展暑期托管服务。同时，社区也与青禾大学各个学院社会实践服务队进行积极对接，开展特色托管服务。"
    result = run_text(text)
    assert not {r for r in result.relations if r.prop == "hasPlatform"}


def test_a_named_street_office_opening_a_sentence_speaks_for_itself(reader):
    """柳河街道负责人告诉记者，该街道辖区内白鹭工业园…: the street office speaks (its area, not a zone's sub-park)."""
    text = "柳河街道有关负责人告诉记者，仅该街道辖区内白鹭工业园入驻企业就有300余家。"
    assert reader.region_subject(text, [], 0) == "柳河街道"
    assert reader.region_subject("同时，社区也与青禾大学对接。", [], 0) == "社区"



def test_a_sentence_whose_first_park_is_where_its_firms_settle_speaks_of_that_park(reader):
    """位于X核心园的甲大楼…企业纷纷入驻: the carried zone does not take what is said of its core park."""
    first = Sentence("d", 0, 9, "青禾高新区发展快。", 0)
    text = "今年，位于青禾高新区核心园的创新大楼已经竣工，多个领域的企业纷纷入驻。"
    second = Sentence("d", 9, 9 + len(text), text, 1)
    zone = _park(first.text, "青禾高新区")
    core = _park(text, "青禾高新区核心园", start=9)
    keys = {(zone.start, zone.end): "Park:青禾|高新区", (core.start, core.end): "Park:青禾高新区核心园|"}
    levels = {"Park:青禾|高新区": "zone", "Park:青禾高新区核心园|": "subpark"}
    frames = reader.frames([first, second], [zone, core], keys, levels)
    assert [f.subject for f in frames] == ["Park:青禾|高新区", "Park:青禾高新区核心园|"]
