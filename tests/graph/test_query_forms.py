"""kg query refuses SPARQL Update by name (read-only) and answers DESCRIBE, on a file and on a store."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from kg.cli import main

TEXTS = {"a.txt": "苏州高新区以集成电路为主导产业。\n\n苏州高新区对标深圳高新区。\n"}


@pytest.fixture(scope="module")
def built(build_texts):
    out, report = build_texts(TEXTS, html=False, store=True)
    assert not report.skipped
    return out


@pytest.mark.parametrize("update", [
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX pk: <https://w3id.org/parkkg/ontology#>\nDELETE WHERE { ?s pk:hasIndustry ?o }",
    "# a comment\nDROP ALL",
    "clear default",
])
@pytest.mark.parametrize("target", ["graph.ttl", "store"])
def test_an_update_is_refused_as_an_update(built, update, target):
    before = (built / "graph.ttl").read_bytes()
    result = CliRunner().invoke(main, ["query", update, "--graph", str(built / target)])
    assert result.exit_code == 2
    assert "SPARQL Update" in result.output and "read-only" in result.output
    assert "neither a saved query" not in result.output
    assert (built / "graph.ttl").read_bytes() == before


@pytest.mark.parametrize("target", ["graph.ttl", "store"])
@pytest.mark.parametrize("text", [
    "DESCRIBE ?p WHERE { ?p <http://www.w3.org/2004/02/skos/core#prefLabel> \"苏州高新区\"@zh }",
    "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nDESCRIBE ?p WHERE { ?p skos:prefLabel \"苏州高新区\"@zh }",
])
def test_describe_gives_the_triples_of_the_resource(built, target, text):
    result = CliRunner().invoke(main, ["query", text, "--graph", str(built / target), "--format", "csv"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "subject,predicate,object"
    assert any("hasLeadingIndustry" in line for line in lines)


def test_describe_of_an_iri_without_where(built):
    from kg.graph.query import execute

    park = next(r[0] for r in execute("SELECT ?p WHERE { ?p a <https://w3id.org/parkkg/ontology#Park> }",
                                      built / "graph.ttl").rows)
    for target in ("graph.ttl", "store"):
        rows = execute(f"DESCRIBE <{park}>", built / target).rows
        assert rows and all(len(r) == 3 for r in rows)
