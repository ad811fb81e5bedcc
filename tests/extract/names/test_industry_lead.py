from kg.extract.names.industry_lead import after_clause_words


def _industries(run_text, text):
    return {m.surface for m in run_text(text).mentions if m.cls == "Industry"}


def test_a_clause_verb_glued_before_an_industry_is_no_part_of_its_name(run_text):
    """侧重于|汽车行业, 有效促进|农业产业链, 主要投向|清洁能源: the clause's verb (and the words before it) were
    taken in with the industry; its name starts after the verb."""
    assert _industries(run_text, "青禾公司的工作重点将侧重于汽车行业上下游整合。") == {"汽车"}
    assert _industries(run_text, "以某某果汁精深加工业引领发展，有效促进农业产业链改造。") >= {"农业"}
    assert "有效促进农业" not in _industries(run_text, "以某某果汁精深加工业引领发展，有效促进农业产业链改造。")
    assert "汽车" in _industries(run_text, "支持有条件的地区定向汽车、家电、餐饮等行业发放消费券。")


def test_an_event_word_glued_before_an_industry_is_no_part_of_its_name(run_text):
    """某某高端峰会|文化旅游产业发展专题活动: the industry is the topic of an event whose name was taken in."""
    found = _industries(run_text, "在青禾民企助力振兴高端峰会文化旅游产业发展专题活动中，多个项目签约。")
    assert "文化旅游" in found and not any("峰会" in name for name in found)


def test_a_label_and_a_name_without_clause_words_are_kept(tiny_cues):
    assert after_clause_words(tiny_cues, "生物医药") == 0
    assert after_clause_words(tiny_cues, "钒钛生物医药") == 0
