"""A region as the agent of a development verb (`kg.extract.region_agent`)."""
from kg.extract.region_agent import RegionAgents


def test_a_region_before_a_development_verb_is_its_agent(lexicon):
    agents = RegionAgents(lexicon)
    text = "该项目也是上海加快打造集成电路产业集聚地的骨干项目"
    assert agents.before(text, 0, text.index("集成电路"))
    text = "该项目也是园区加快打造集成电路产业集聚地的骨干项目"
    assert not agents.before(text, 0, text.index("集成电路"))


def test_what_a_city_develops_in_another_clause_is_not_the_parks(run_text):
    result = run_text("青禾新片区管委会处长表示，该项目也是上海加快打造集成电路产业集聚地的骨干项目。")
    assert not [r for r in result.relations if r.prop.endswith("Industry")]
    result = run_text("青禾新片区管委会处长表示，新片区加快打造集成电路产业集聚地。")
    assert [r for r in result.relations if r.prop.endswith("Industry")]
