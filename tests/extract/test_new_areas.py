"""New areas: a 新区 the text does not treat as a development area is a district, no park."""


def _parks(run_text, text):
    return {m.surface: m.key for m in run_text(text).mentions if m.cls == "Park"}


def test_a_new_area_named_only_as_a_district_is_no_park(run_text):
    parks = _parks(run_text, "金桥湾新区心湖广场响起了歌声。")
    assert parks.get("金桥湾新区", "") == ""


def test_a_new_area_the_text_develops_is_a_park(run_text):
    parks = _parks(run_text, "金桥湾新区管委会发布招商政策。")
    assert parks.get("金桥湾新区")


def test_a_state_level_new_area_is_a_park_whatever_the_text_says(run_text, lexicon):
    state = next(z.name for z in lexicon.zones if z.cls == "StateLevelNewArea" and len(z.name) == 4)
    parks = _parks(run_text, f"{state}心湖广场响起了歌声。")
    assert parks.get(state)


def test_a_planning_area_is_no_park_but_a_free_trade_zones_area_is(run_text):
    planning = _parks(run_text, "金桥湾片区环山路以南地块控制性详细规划获批。")
    zone_area = _parks(run_text, "金桥湾新片区设立四年来，区域生产总值年均增速超过两成。")
    developed = _parks(run_text, "金桥湾片区管委会发布招商政策，引进企业十家。")
    assert planning.get("金桥湾片区", "") == ""
    assert zone_area.get("金桥湾新片区")
    assert developed.get("金桥湾片区")


def test_a_block_of_a_town_or_a_compass_point_is_no_development_area(run_text):
    """太平街片区 (a street's block) and 西南片区 (a part of somewhere) are places, whatever is built there;
    a free-trade zone's 长沙片区 is a park."""
    def parks(text):
        return {m.surface for m in run_text(text).mentions if m.cls == "Park" and m.key}

    assert not parks("社区将在年内完成云溪路片区21栋楼改造，吸引企业入驻。")
    assert not parks("该园区位于智慧城的西南片区，吸引企业入驻。") & {"西南片区"}
    assert "云溪片区" in parks("云溪片区引进企业50家，产业集聚。")


def test_a_resort_is_a_park_only_as_a_zone_of_the_catalogue(run_text, lexicon):
    """国家旅游度假区 of the official catalogue are development zones; any other 度假区 is a leisure site."""
    resort = next(z.name for z in lexicon.zones if z.name.endswith("旅游度假区"))
    assert {m.surface for m in run_text(f"{resort}引进项目。").mentions if m.cls == "Park" and m.key} == {resort}
    assert not [m for m in run_text("云溪国际邮轮旅游度假区开港。").mentions if m.cls == "Park" and m.key]


def test_a_new_area_the_brackets_equate_with_a_district_is_a_region(run_text):
    """X新区（金东区）: the text says which district the area is, so it names a region, even where its
    sentences speak of firms; a park in the brackets (X新区（Y经开区）) is another name of a park."""
    assert _parks(run_text, "金桥湾新区（金东区）举行招商会，引进企业10家。").get("金桥湾新区", "") == ""
    assert _parks(run_text, "金桥湾新区（德州经开区）举行招商会，引进企业10家。").get("金桥湾新区")


def test_a_new_area_its_district_bureaus_run_is_a_region(run_text):
    """金桥湾新区科技创新和经济服务局承办…: a district government's bureau, one 企业 beside it, no 管委会."""
    text = ("金桥湾新区科技创新和经济服务局承办了预付式经营专项治理会。"
            "会上，金桥湾新区首批试点企业与试点银行正式签约。")
    assert _parks(run_text, text).get("金桥湾新区", "") == ""
    developed = text + "金桥湾新区通过招商引资导入企业，推动项目落户生命科学产业园。"
    assert _parks(run_text, developed).get("金桥湾新区")


def test_a_new_area_listed_among_districts_is_a_region(run_text):
    """七星区、万山区、禾丰新区、万秀区有降水: an item of an enumeration of districts, counties and cities is one
    of them; the words of a development area elsewhere in the sentence (高新区, another item) are not its own."""
    text = "青禾市气象台发布预警，七星区、万山区、高新区、禾丰新区、万秀区、东川区有降水回波。"
    assert "禾丰新区" not in [e.label for e in run_text(text).entities if e.cls == "Park"]


def test_a_new_area_that_governs_sub_districts_is_a_region(run_text):
    """金桥湾新区的青松街道: a 新区 with 街道 under it is a district, even where one 企业 stands beside it;
    with its 管委会 in the text it stays a development area."""
    text = "志愿者来到金桥湾新区的青松街道，走访慰问了企业职工。"
    assert _parks(run_text, text).get("金桥湾新区", "") == ""
    assert _parks(run_text, "金桥湾新区管委会" + text[2:]).get("金桥湾新区")


def test_a_planning_area_with_one_development_word_is_no_park_unless_a_free_trade_zones(run_text):
    """金桥湾片区…保障产业园项目落地: one development word beside a 片区 (a block of a plan as often as a zone's
    area) is not enough; a free-trade zone's area (金桥湾自贸片区) is a park as a 新片区 is."""
    text = "金桥湾片区控制性详细规划获批，保障产业园项目落地。"
    assert _parks(run_text, text).get("金桥湾片区", "") == ""
    assert _parks(run_text, text.replace("金桥湾片区", "金桥湾自贸片区")).get("金桥湾自贸片区")


def test_an_area_the_text_names_after_a_nature_reserve_is_no_park_anywhere(run_text):
    """青禾山国家公园禾丰源园区 … 禾丰源园区累计实施…: written once right after a national park, the name is the reserve's
    area; its other mentions, with no reserve before them, name that area too, not a development zone."""
    text = "青禾山国家公园禾丰源园区生态保护站的技术员正在巡护。几年来，禾丰源园区累计实施封山育林工程，园区企业参与保护。"
    assert _parks(run_text, text).get("禾丰源园区", "") == ""
    assert _parks(run_text, text.replace("青禾山国家公园", "青禾县")).get("禾丰源园区")


def test_entrepreneurs_show_no_development_area(run_text):
    """企业家 holds 企业, but entrepreneurs live in any district: 金桥湾新区 with its villages' 企业家 is a district."""
    parks = _parks(run_text, "金桥湾新区邀请本地企业家代表和返乡青年为村庄发展建言献策。")
    assert parks.get("金桥湾新区", "") == ""


def test_stations_named_after_zones_show_no_development_area(run_text):
    """开发区站 is a stop of a road: its 开发区 shows no development of the 新区 whose own station is listed beside it."""
    parks = _parks(run_text, "因降雨封闭的收费站：开发区站-石桥站、金桥湾新区西站-柳河站")
    assert parks.get("金桥湾新区", "") == ""


def test_a_districts_economy_shows_no_development_area(run_text):
    """Every region has an economy: 推动某新区经济发展, said in a court's report, names a district."""
    parks = _parks(run_text, "法院化解涉民生案件，维护社会稳定，推动金桥湾新区经济发展。")
    assert parks.get("金桥湾新区", "") == ""
