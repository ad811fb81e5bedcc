"""An industry is kept where a park develops it or where the text names it as an industry."""


def _industries(run_text, text):
    return {e.label for e in run_text(text).entities if e.cls == "Industry"}


def test_an_industry_named_as_an_industry_is_kept_without_a_park(run_text):
    assert "人工智能" in _industries(run_text, "近年来，全省人工智能产业发展迅速。")


def test_a_taxonomy_word_used_in_passing_is_no_industry(run_text):
    assert "人工智能" not in _industries(run_text, "他借助人工智能写了一首诗。")


def test_digital_transformation_is_a_process_not_an_industry(run_text):
    """The gold's rule: 数字化转型 (a firm's or an office's transformation) is no industry; 数字经济 is."""
    result = run_text("云溪高新区以数字化转型为契机，大力发展数字经济产业。")
    labels = {e.label for e in result.entities if e.cls == "Industry"}
    assert "数字化转型" not in labels and "数字经济" in labels


def test_intellectual_property_alone_is_a_legal_field_not_an_industry(lexicon):
    """知识产权保护, 知识产权进千企: a legal field or a policy; 知识产权服务 is the industry."""
    assert "知识产权服务" in lexicon.industry_labels and "知识产权" not in lexicon.industry_labels
