"""The graph and the queries kg bench times SPARQL on."""
from __future__ import annotations

from kg.benchmark.sparql import bench_queries, replicate_ntriples


def test_replicated_graph_renames_instances_and_reaches_the_size(tmp_path):
    source = tmp_path / "g.nt"
    source.write_text('<https://w3id.org/parkkg/id/park/a> <http://www.w3.org/2004/02/skos/core#prefLabel> "园"@zh .\n'
                      '<https://w3id.org/parkkg/id/park/a> <https://w3id.org/parkkg/ontology#hasIndustry> '
                      '<https://w3id.org/parkkg/industry/ic> .\n', encoding="utf-8")
    n = replicate_ntriples(source, tmp_path / "big.nt", 7)
    lines = (tmp_path / "big.nt").read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == 8 and len(set(lines)) == 8  # each copy is new triples, not duplicates
    assert sum("/id/park/a>" in line for line in lines) == 2  # the original, once per predicate


def test_every_saved_query_with_required_parameters_is_bound():
    queries = bench_queries()
    assert len(queries) >= 10
    for name, sparql, bindings in queries:
        assert all(f"?{key}" in sparql for key in bindings), name
