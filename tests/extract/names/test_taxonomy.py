from kg.extract.names import taxonomy


def test_a_taxonomy_label_in_an_industry_context(find):
    assert find(taxonomy.find, "聚焦生物医药产业。") == [("生物医药", "Industry", "gazetteer:taxonomy", False)]


def test_a_taxonomy_label_without_context_is_no_industry(find):
    assert find(taxonomy.find, "生物医药很好。") == []
