"""Linking: one entity per thing; full and short forms merge; generic words resolve to the topic."""
from kg.extract.link import Linker, normalise


def test_full_and_short_type_words_share_a_key(lexicon):
    linker = Linker(lexicon)
    assert linker.park_key("苏州高新技术产业开发区") == linker.park_key("苏州高新区")
    assert linker.park_key("无锡经济开发区") == linker.park_key("无锡经开区")
    assert linker.park_key("无锡高新区") != linker.park_key("苏州高新区")


def test_normalise_drops_quotes_and_width():
    assert normalise("“长三角（江阴）数字创新港”") == "长三角(江阴)数字创新港"


def test_place_omitted_form_joins_the_full_name_in_its_document(run_text):
    result = run_text("江阴临港经济开发区是省级开发区。临港开发区辖区内有13家上市公司。")
    parks = [e for e in result.entities if e.cls == "Park"]
    assert len(parks) == 1
    assert parks[0].label == "江阴临港经济开发区"
    assert "临港开发区" in parks[0].aliases


def test_a_bracketed_place_form_joins_the_plain_form(run_text):
    result = run_text("中国(上海)自由贸易试验区设立五年。上海自贸试验区推出新政策。")
    parks = [e for e in result.entities if e.cls == "Park"]
    assert len(parks) == 1 and parks[0].label == "中国(上海)自由贸易试验区"


def test_a_free_trade_zones_area_is_named_with_its_zone(run_text):
    result = run_text("中国(上海)自由贸易试验区临港新片区设立四年来发展迅速。临港新片区引进企业十家。")
    parks = {e.label: e.aliases for e in result.entities if e.cls == "Park"}
    assert parks == {"中国(上海)自由贸易试验区临港新片区": ("临港新片区",)}


def test_a_firm_named_without_its_place_joins_the_name_with_it(run_text):
    result = run_text("武汉东湖高新区与华川智能科技有限公司举行签约仪式。北京华川智能科技有限公司成立于2015年。")
    firms = {e.label: e.aliases for e in result.entities if e.cls == "Enterprise"}
    assert firms == {"北京华川智能科技有限公司": ("华川智能科技有限公司",)}


def test_a_city_park_with_and_without_the_citys_ending_is_one_park(run_text):
    result = run_text("湛江市经开区召开大会。湛江经开区引进企业十家。")
    parks = {e.label: e.aliases for e in result.entities if e.cls == "Park"}
    assert parks == {"湛江市经开区": ("湛江经开区",)}


def test_firm_short_name_joins_its_full_name(run_text):
    result = run_text("迈为股份是吴江开发区培育的企业。开发区培育出迈为、博众等一批高科技企业。")
    firms = {e.label: e for e in result.entities if e.cls == "Enterprise"}
    assert "迈为股份" in firms and "迈为" in firms["迈为股份"].aliases


def test_generic_word_resolves_to_the_park_the_passage_is_about(run_text):
    result = run_text("宜兴经济技术开发区是一个年轻的国家级园区。园区将聚焦新能源、集成电路等领域。")
    subjects = {r.subject for r in result.relations}
    assert subjects == {"Park:宜兴|经开区"}


def test_entities_merge_across_documents(pipeline):
    from kg.pipeline import merge_results
    from kg.text.readers import RawDocument

    a = pipeline.process(RawDocument("a", "苏州高新区聚焦集成电路产业。", "a.txt"))
    b = pipeline.process(RawDocument("b", "苏州高新技术产业开发区加快发展集成电路产业。", "b.txt"))
    corpus = merge_results([a, b])
    parks = [e for e in corpus.entities.values() if e.cls == "Park"]
    assert len(parks) == 1 and set(parks[0].documents) == {"a", "b"}


def test_parks_named_with_agreeing_place_prefixes_are_one_across_documents(pipeline):
    from kg.pipeline import merge_results
    from kg.text.readers import RawDocument

    texts = {"a": "南京市江北新区将加快发展集成电路产业。", "b": "江北新区引进了立讯精密等企业。",
             "c": "江苏南京江北新区发布新政。"}
    corpus = merge_results([pipeline.process(RawDocument(k, t, k)) for k, t in texts.items()])
    parks = [e for e in corpus.entities.values() if e.cls == "Park"]
    assert len(parks) == 1 and set(parks[0].documents) == {"a", "b", "c"}
    assert {r.subject for r in corpus.relations} == {parks[0].key}


def test_a_bare_name_two_places_share_stays_apart(pipeline):
    from kg.pipeline import merge_results
    from kg.text.readers import RawDocument

    texts = {"a": "南京江北新区发布新政。", "b": "重庆江北新区发布新政。", "c": "江北新区发布新政。"}
    corpus = merge_results([pipeline.process(RawDocument(k, t, k)) for k, t in texts.items()])
    assert len([e for e in corpus.entities.values() if e.cls == "Park"]) == 3


def test_a_short_form_is_a_name_on_its_own(run_text):
    result = run_text("苏南国家自主创新示范区建设加快。国家知识产权局发布通知。")
    assert not [m for m in result.mentions if m.surface == "国家"]
    # a bare place name is the place: what the text says of it is not the park's
    result = run_text("巴东经济开发区发展。巴东县召开会议。")
    assert not [m for m in result.mentions if m.stage == "link:short-name"]


def test_a_city_is_never_the_short_name_of_a_park_in_it(run_text, lexicon):
    """苏州工业园区…苏州独墅湖…: 苏州 is the city, not the park; a zone's own place name (临港) is its short name."""
    city = next(r for r in sorted(lexicon.regions) if len(r) == 2 and lexicon.regions[r].endswith("0500"))
    result = run_text(f"中国{city}工业园区发布新政。{city}将加快发展。")
    assert not [m for m in result.mentions if m.stage == "link:short-name"]
    result = run_text("江阴临港经济开发区发布新政。临港将加快发展。")
    assert [m.surface for m in result.mentions if m.stage == "link:short-name"] == ["临港"]



def test_a_parts_name_with_its_zone_left_out_after_the_place_is_the_same_park(run_text):
    # 呼玛县宣榆园区 is 呼玛县经济开发区宣榆园区 written without its zone's type word
    text = "呼玛县经济开发区宣榆园区举行签约仪式。呼玛县宣榆园区管理办公室表示，云杉科技有限公司入驻。"
    parks = [e for e in run_text(text).entities if e.cls == "Park"]
    assert [(e.label, e.aliases) for e in parks] == [("呼玛县经济开发区宣榆园区", ("呼玛县宣榆园区",))]
