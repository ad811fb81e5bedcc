from kg.extract.names.resolve import resolve_candidates
from kg.extract.names.rules import RULES, Mode, candidate, rank


def test_the_longer_name_wins_over_the_name_it_contains(tiny_cues):
    text = "苏州纳米研究院"
    cands = [candidate("taxonomy", 2, 4, "Industry"), candidate("type-word", 0, 7, "Platform", "ResearchInstitute")]
    assert [(m.surface, m.stage) for m in resolve_candidates("d", text, cands, tiny_cues)] == [
        ("苏州纳米研究院", "grammar:type-word")]


def test_on_equal_length_the_higher_rank_wins(tiny_cues):
    text = "迈为科技"
    cands = [candidate("trade-name", 0, 4, "Enterprise"), candidate("list-classed", 0, 4, "Industry")]
    assert [m.cls for m in resolve_candidates("d", text, cands, tiny_cues)] == ["Industry"]


def test_a_generic_park_inside_a_name_goes(tiny_cues):
    text = "苏州高新区"
    cands = [candidate("type-word-generic", 2, 5, "Park", generic=True), candidate("type-word", 0, 5, "Park")]
    assert [(m.surface, m.generic) for m in resolve_candidates("d", text, cands, tiny_cues)] == [("苏州高新区", False)]


def test_industry_mentions_drop_their_suffix(tiny_cues):
    [m] = resolve_candidates("d", "集成电路产业", [candidate("list", 0, 6, "Industry")], tiny_cues)
    assert m.name == "集成电路"


def test_one_table_gives_stage_score_and_rank():
    for rule in RULES.values():
        assert rank(rule.stage) >= rule.rank and 0 < rule.score <= 1
    assert Mode.from_cue("Industry") is Mode.INDUSTRY and Mode.INDUSTRY_STRICT.cls == "Industry"
