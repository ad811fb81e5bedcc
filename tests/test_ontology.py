"""The ontology is the single source of vocabulary: editing it changes recognition, no code change."""
import shutil

from kg.ontology import DEFAULT_ONTOLOGY_DIR, load_graph, load_lexicon
from kg.pipeline import Pipeline
from kg.text.readers import RawDocument


def test_lexicon_holds_the_domain_vocabulary(lexicon):
    assert lexicon.park_types["高新技术产业开发区"].canonical == "高新区"
    assert lexicon.role_triggers["主导"] == "hasLeadingIndustry"
    assert "集成电路" in lexicon.industry_labels
    assert lexicon.contract_class("HighTechZone") == "Park"
    assert lexicon.year_expressions["十四五末"] == 2025


def test_no_taxonomy_or_lexicon_node_is_typed_with_a_contract_class():
    """The scorer reads ontology/*.ttl beside every graph: vocabulary must never count as entities."""
    from rdflib import RDF, Namespace

    pk = Namespace("https://w3id.org/parkkg/ontology#")
    g = load_graph()
    for cls in ("Park", "Industry", "Enterprise", "Platform", "Target"):
        assert not list(g.subjects(RDF.type, pk[cls]))


def test_adding_a_type_word_to_the_ontology_changes_recognition(tmp_path):
    text = "会上，青山湖智创港与多家企业签约。"
    before = Pipeline(load_lexicon()).process(RawDocument("t", text, "t"))
    assert not [e for e in before.entities if e.cls == "Park"]

    onto = tmp_path / "ontology"
    shutil.copytree(DEFAULT_ONTOLOGY_DIR, onto)
    lexicon_file = onto / "lexicon.ttl"
    lexicon_file.write_text(lexicon_file.read_text(encoding="utf-8").replace(
        '"智造谷" ,', '"智造谷" , "智创港" ,', 1), encoding="utf-8")
    after = Pipeline(load_lexicon(onto)).process(RawDocument("t", text, "t"))
    assert "青山湖智创港" in {e.label for e in after.entities if e.cls == "Park"}


def test_adding_an_industry_synonym_changes_recognition(tmp_path):
    text = "滨江高新区大力发展赛博制造产业。"
    onto = tmp_path / "ontology"
    shutil.copytree(DEFAULT_ONTOLOGY_DIR, onto)
    taxonomy = onto / "industries.ttl"
    taxonomy.write_text(taxonomy.read_text(encoding="utf-8") + """
ind:cyber-manufacturing a skos:Concept ;
    skos:inScheme ind:scheme ;
    skos:broader ind:next-generation-it ;
    skos:prefLabel "赛博制造"@zh , "Cyber manufacturing"@en .
""", encoding="utf-8")
    result = Pipeline(load_lexicon(onto)).process(RawDocument("t", text, "t"))
    industry = next(e for e in result.entities if e.label == "赛博制造")
    assert industry.sector.endswith("cyber-manufacturing")
