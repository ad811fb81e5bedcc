"""SHACL shapes: built graphs conform, broken graphs are caught, `kg validate` reports and exits."""
from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import RDF, RDFS, XSD, Literal
from rdflib.namespace import OWL, PROV, SKOS

from kg.cli import main
from kg.graph.build import PK, build_graph
from kg.graph.serialize import write_turtle
from kg.graph.validate import check_strict_syntax, render_report, shapes_path, validate, validate_graph
from kg.pipeline import merge_results
from kg.text.readers import RawDocument

ROOT = Path(__file__).resolve().parents[2]
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")

TEXT = ("苏州高新区聚焦集成电路、生物医药等主导产业，引进了迈为股份，建设了太湖实验室。"
        "到2025年，苏州高新区高新技术企业达到4500家。苏州高新区与无锡高新区协同发展。")


@pytest.fixture(scope="module")
def graph(pipeline):
    result = pipeline.process(RawDocument("v1", TEXT, "v1.txt"))
    return build_graph(merge_results([result]), pipeline.lexicon)


def copy(graph):
    g = rdflib.Graph()
    for prefix, ns in graph.namespaces():
        g.bind(prefix, ns)
    for t in graph:
        g.add(t)
    return g


def one(graph, cls):
    return sorted(graph.subjects(RDF.type, cls))[0]


def messages(report):
    return " | ".join(v.message for v in report.violations)


def test_a_built_graph_conforms(graph):
    assert {PK.Park, PK.Industry, PK.Target, PK.Evidence, RDF.Statement} <= set(graph.objects(None, RDF.type))
    report = validate_graph(graph)
    assert report.conforms, render_report(report)
    assert report.summary() == f"SHACL: 0 violations in {len(graph)} triples"


def _no_park_for_target(g):
    g.remove((None, PK.hasTarget, None))


def _subclass_only(g):
    park = next(s for s in g.subjects(RDF.type, PK.HighTechZone))
    g.remove((park, RDF.type, PK.Park))


def _fact_without_evidence(g):
    g.remove((one(g, RDF.Statement), PROV.wasDerivedFrom, None))


def _offset_as_text(g):
    ev = one(g, PK.Evidence)
    g.set((ev, PK.startOffset, Literal("3")))


def _offsets_reversed(g):
    ev = one(g, PK.Evidence)
    end = g.value(ev, PK.endOffset)
    g.set((ev, PK.startOffset, Literal(int(end) + 5, datatype=XSD.integer)))


def _industry_as_object_of_a_park_relation(g):
    s = next(g.subjects(PK.hasLeadingIndustry, None))
    g.add((s, PK.hasEnterprise, next(g.objects(s, PK.hasLeadingIndustry))))


def _two_canonical_names(g):
    g.add((one(g, PK.Industry), SKOS.prefLabel, Literal("另一个名字", lang="zh")))


def _no_name(g):
    g.remove((one(g, PK.Enterprise), SKOS.prefLabel, None))


def _confidence_out_of_range(g):
    g.set((one(g, RDF.Statement), PK.confidence, Literal("1.5", datatype=XSD.decimal)))


def _target_without_value(g):
    g.remove((one(g, PK.Target), PK.targetValue, None))


def _year_not_integer(g):
    g.set((one(g, PK.Target), PK.targetYear, Literal("2025年")))


def _enterprise_has_industry(g):
    g.add((one(g, PK.Enterprise), PK.hasIndustry, one(g, PK.Industry)))


@pytest.mark.parametrize("breakage, words", [
    (_no_park_for_target, "every target belongs to a park"),
    (_subclass_only, "also typed pk:Park"),
    (_fact_without_evidence, "evidence sentence"),
    (_offset_as_text, "integer"),
    (_offsets_reversed, "before its end"),
    (_industry_as_object_of_a_park_relation, ""),
    (_two_canonical_names, "one canonical name"),
    (_no_name, "one canonical name"),
    (_confidence_out_of_range, "between 0 and 1"),
    (_target_without_value, ""),
    (_year_not_integer, "integer year"),
    (_enterprise_has_industry, "only a park has"),
], ids=lambda x: x.__name__.strip("_") if callable(x) else None)
def test_a_broken_graph_is_caught(graph, breakage, words):
    g = copy(graph)
    breakage(g)
    report = validate_graph(g)
    assert not report.conforms and report.violations
    assert words in messages(report)
    text = render_report(report, "g.ttl")
    assert text.startswith(f"g.ttl does not conform to the parkkg shapes: {len(report.violations)} violation(s)")


BREAKAGES = [_no_park_for_target, _subclass_only, _fact_without_evidence, _offset_as_text, _offsets_reversed,
             _industry_as_object_of_a_park_relation, _two_canonical_names, _no_name, _confidence_out_of_range,
             _target_without_value, _year_not_integer, _enterprise_has_industry]


def _every_breakage(g):
    for breakage in BREAKAGES:
        breakage(g)


@pytest.mark.parametrize("breakage", [*BREAKAGES, _every_breakage, lambda g: None],
                         ids=lambda x: x.__name__.strip("_") if x.__name__ != "<lambda>" else "intact")
def test_batched_property_shapes_give_pyshacls_own_report(graph, breakage):
    g = copy(graph)
    breakage(g)
    batched, own = validate_graph(g), validate_graph(g, batched=False)
    assert (batched.conforms, batched.triples, batched.violations) == (own.conforms, own.triples, own.violations)


def test_batched_property_shapes_leave_pyshacl_as_it_was(graph):
    from pyshacl.constraints.core.shape_based_constraints import PropertyConstraintComponent

    before = PropertyConstraintComponent._evaluate_property_shape
    validate_graph(graph)
    assert PropertyConstraintComponent._evaluate_property_shape is before


def test_batched_property_shapes_check_each_property_shape_once(graph, monkeypatch):
    from pyshacl.shape import Shape

    calls = []
    real = Shape.validate

    def counting(self, *args, **kwargs):
        calls.append(self)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Shape, "validate", counting)
    validate_graph(graph)
    batched = len(calls)
    calls.clear()
    validate_graph(graph, batched=False)
    assert batched < len(calls)  # pyshacl alone: once per focus node and property shape


def test_report_lists_the_offending_node(graph):
    g = copy(graph)
    target = one(g, PK.Target)
    g.remove((None, PK.hasTarget, target))
    text = render_report(validate_graph(g), "g.ttl")
    assert "every target belongs to a park (pk:hasTarget) (1)" in text
    assert "kgr:target/" in text and "^pk:hasTarget" in text


def test_build_step_skips_graphs_over_the_limit(graph):
    report = validate(graph, max_triples=10)
    assert report.conforms and report.skipped
    assert report.summary().startswith("SHACL: not checked (")


def test_shapes_cover_every_class_and_property_of_the_ontology():
    ontology = rdflib.Graph().parse(ROOT / "ontology" / "parkkg.ttl")
    shapes = rdflib.Graph().parse(shapes_path())
    mentioned = set(shapes.objects()) | set(shapes.subjects())
    terms = set()
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        terms |= {t for t in ontology.subjects(RDF.type, kind) if str(t).startswith(str(PK))}
    assert len(terms) > 40
    missing = sorted(str(t) for t in terms - mentioned)
    assert not missing, f"no shape names: {missing}"


def test_shapes_say_nothing_about_the_ontology():
    # the scorer and Protégé read every ontology/*.ttl: shapes must not add classes or instances
    shapes = rdflib.Graph().parse(shapes_path())
    for s, p, o in shapes:
        if p == RDF.type:
            assert str(o).startswith(str(SH)), (s, o)
        assert p not in (RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range)
        assert not str(s).startswith(str(PK))
    from kg.ontology import ontology_files

    assert "shapes.ttl" not in [p.name for p in ontology_files()]


def test_cli_validate_conforming_graph(graph, tmp_path):
    path = tmp_path / "graph.ttl"
    write_turtle(graph, path)
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert f"{path} conforms to the parkkg shapes" in result.output
    assert "parses in pyoxigraph" in result.output


def test_cli_validate_violations_exit_1(graph, tmp_path):
    g = copy(graph)
    _no_park_for_target(g)
    _no_name(g)
    path = tmp_path / "broken.ttl"
    write_turtle(g, path)
    result = CliRunner().invoke(main, ["validate", str(path), "--limit", "1"])
    assert result.exit_code == 1
    assert "does not conform" in result.output and "more; use --limit" in result.output


def test_cli_validate_missing_file_is_one_line_exit_2(tmp_path):
    result = CliRunner().invoke(main, ["validate", str(tmp_path / "none.ttl")])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "no such graph file" in result.output
    assert "Traceback" not in result.output


def test_strict_parser_refuses_a_bad_iri(tmp_path):
    path = tmp_path / "bad.ttl"  # rdflib reads this IRI; Oxigraph, Jena and GraphDB do not
    path.write_text('<http://ex.org/a|b> <http://ex.org/p> "x" .\n', encoding="utf-8")
    assert "pyoxigraph" in check_strict_syntax(path)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1 and "refuses it" in result.output


def test_built_graph_parses_in_a_strict_parser(pipeline, tmp_path):
    """IRIs of every kind of node the build makes, from names that need escaping, parse in pyoxigraph."""
    import pyoxigraph

    from kg.build import build

    src = tmp_path / "in"
    src.mkdir()
    (src / "a b&<c>.txt").write_text(TEXT + "“<苏州 高新区>”与{无锡|高新区}合作。", encoding="utf-8")
    (src / "园区 news.txt").write_text("无锡经开区重点发展物联网产业，引进了华润微电子。", encoding="utf-8")
    report = build([src], tmp_path / "out", html=False, pipeline=pipeline, jobs=1, formats=("ttl", "nt"))
    assert report.validation.conforms
    for name in ("graph.ttl", "graph.nt"):
        triples = list(pyoxigraph.parse(path=str(tmp_path / "out" / name)))
        assert len(triples) == report.triples

