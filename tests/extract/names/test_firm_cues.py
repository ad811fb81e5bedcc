"""Firms named outside lists by the words that tie them (`kg.extract.names.firm_cues`), and a predicate
with an adverb before it (`lists`)."""


def _firms(run_text, text):
    return {e.label for e in run_text(text).entities if e.cls == "Enterprise"}


def test_a_latin_name_before_an_officers_title_is_a_firm(run_text):
    assert _firms(run_text, "Qorvex 首席技术官张某在会上宣布，将扩建研发中心。") == {"Qorvex"}
    assert _firms(run_text, "活动现场，Lumo Works Hangzhou联合创始人李某介绍了项目。") == {"Lumo Works Hangzhou"}


def test_a_latin_name_after_a_noun_for_a_kind_of_firm_is_a_firm(run_text):
    assert _firms(run_text, "当地财团 Velk 将以色列芯片制造商 Tarnis 作为技术合作伙伴。") == {"Velk", "Tarnis"}


def test_the_agent_of_a_passive_takeover_is_a_firm(run_text):
    assert _firms(run_text, "由于该公司不断被科沃达收购，该工厂已被搁置。") == {"科沃达"}
    assert not _firms(run_text, "该公司去年被其收购。")


def test_no_field_no_title_and_no_glued_name_is_a_firm(run_text):
    """AI 首席科学家: a field; 某某Latin名 创始人: a name the Latin word ends, whose start is unknown here."""
    assert not _firms(run_text, "AI首席科学家在论坛上发言。")
    assert not _firms(run_text, "其法定代表人为鲁普奇QVX创始人王某。")


def test_an_adverb_between_a_firm_and_its_predicate_ends_the_name(run_text):
    """某某正式入驻: the firm's name ends before 正式; a kind of firm (链上企业) or a park before it is no firm."""
    assert _firms(run_text, "青禾电信正式入驻云溪高新区。") == {"青禾电信"}
    assert not _firms(run_text, "链上企业相继入驻，需求旺盛。")
    assert not _firms(run_text, "云溪留创园已入驻众多医疗项目。")
