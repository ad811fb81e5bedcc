from kg.extract.names import industry_suffix


def test_an_industry_name_before_the_suffix(find):
    assert find(industry_suffix.find, "集成电路产业发展迅速。") == [
        ("集成电路", "Industry", "grammar:industry-suffix", False)]


def test_modifiers_before_the_suffix_are_no_industry(find):
    assert find(industry_suffix.find, "国家级产业发展迅速。") == []
