"""Head-word anaphora (kg.extract.anaphora): 该基地 refers to the park last named with that head."""
from kg.extract.anaphora import HeadAnaphora


def _rels(run_text, text):
    return {(r.subject.split(":", 1)[1], r.prop, r.object.split(":", 1)[1]) for r in run_text(text).relations}


def test_the_head_that_opens_a_clause_and_the_park_it_names(lexicon):
    heads = HeadAnaphora(lexicon)
    assert heads.head_opening("该基地以龙头企业为引领") == "基地"
    assert heads.head_opening("基地共有规上企业57家") == "基地"
    assert heads.head_opening("园区共有企业57家") == ""
    named = [("云溪智能家电产业基地", "Park:b"), ("云溪高新区", "Park:z")]
    assert heads.antecedent("基地", named) == "Park:b"
    assert heads.antecedent("基地", named[1:]) == ""
    assert heads.antecedent("", named) == ""


def test_what_the_base_does_is_the_bases_not_the_zones(run_text):
    text = ("位于云溪高新区的合肥智能家电产业基地荣获荣誉。据悉，该基地以云芯光电、云森科技等重点企业为龙头。"
            "云溪高新区引进了华川光电有限公司。")
    rels = _rels(run_text, text)
    assert ("合肥智能家电|产业园", "hasEnterprise", "云芯光电") in rels
    assert not {r for r in rels if r[0] == "云溪|高新区" and r[2] == "云芯光电"}
    assert ("云溪|高新区", "hasEnterprise", "华川光电") in rels  # the zone named again speaks for itself


def test_a_bare_industrial_park_opening_a_sentence_is_the_one_named_before(run_text):
    """A city builds a park; 产业园以…为龙头，发展… goes on about that park, with no zone topic to fall back on."""
    text = "云溪市把大健康全产业链作为重点，建设青禾医药健康产业园。产业园以龙头企业为引领，发展生物医药、康养服务等产业。"
    rels = _rels(run_text, text)
    assert ("青禾医药健康|产业园", "hasIndustry", "生物医药") in rels
