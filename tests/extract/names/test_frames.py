from kg.extract.names import frames


def test_represented_by_frame(find):
    assert find(frames.find, "以迈为为代表的生物医药、") == [("生物医药", "Industry", "grammar:frame", False)]


def test_bracketed_industry_of_a_cluster(find):
    assert find(frames.find, "产业集群（集成电路）") == [("集成电路", "Industry", "grammar:frame", False)]
    assert find(frames.find, "产业集群（很多很好）") == []
