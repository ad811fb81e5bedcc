"""Where the carried park does not speak for a sentence: the next item of a list, an appositive part."""


def test_an_item_of_a_list_of_measures_returns_to_the_lists_subject(run_text):
    """一是…X高新区入选…。二是…: the park one item named does not speak for the next; the list's subject does."""
    district = ("近年来，云溪区推进数字化转型。一是加强合作，推动云溪高新区联合蓝山电信共建转型服务平台，"
                "云溪高新区去年入选国家级试点。二是发挥杠杆效应，培育转型典型。"
                "近年累计有80家企业获得区财政支持，打造禾丰科技、青木化学等5家区级标杆企业。")
    assert not [r for r in run_text(district).relations if r.prop == "hasEnterprise"]
    park = ("云溪高新区推进数字化转型。一是加强合作，共建转型服务平台。二是发挥杠杆效应，培育转型典型。"
            "近年累计有80家企业获得支持，打造禾丰科技、青木化学等5家标杆企业。")
    assert {r.object for r in run_text(park).relations if r.prop == "hasEnterprise"} >= {"Enterprise:禾丰科技"}


def test_an_appositive_that_names_a_kind_of_specialised_park_speaks_of_a_part_of_the_zone(run_text):
    """作为全省唯一的化妆品产业园，已经引进甲: the zone built that park; the firms it drew are the part's, not copied up."""
    lead = "云溪经开区加快发展美妆产业，高标准建成美妆谷。"
    part = lead + "作为全省唯一的化妆品产业园，目前已经引进禾丰化妆品有限公司等企业30多家。"
    assert not [r for r in run_text(part).relations if r.prop == "hasEnterprise" and r.subject == "Park:云溪|经开区"]
    zone = lead + "目前已经引进禾丰化妆品有限公司等企业30多家。"
    assert [r for r in run_text(zone).relations if r.prop == "hasEnterprise" and r.subject == "Park:云溪|经开区"]
