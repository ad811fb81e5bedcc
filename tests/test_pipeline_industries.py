"""An industry is kept where a park develops it or where the text names it as an industry."""


def _industries(run_text, text):
    return {e.label for e in run_text(text).entities if e.cls == "Industry"}


def test_an_industry_named_as_an_industry_is_kept_without_a_park(run_text):
    assert "人工智能" in _industries(run_text, "近年来，全省人工智能产业发展迅速。")


def test_a_taxonomy_word_used_in_passing_is_no_industry(run_text):
    assert "人工智能" not in _industries(run_text, "他借助人工智能写了一首诗。")
