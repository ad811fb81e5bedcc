from kg.extract.names import trade_name


def test_a_short_name_that_opens_a_clause(find):
    assert find(trade_name.find, "迈为科技和博众联合研发。") == [("迈为科技", "Enterprise", "grammar:trade-name", False)]


def test_a_short_name_inside_a_phrase_is_left_alone(find):
    assert find(trade_name.find, "研发迈为科技产品。") == []
