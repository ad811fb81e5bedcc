"""kg bench: the document sets and graphs it measures on, and the JSON line it ends with (no timing asserted)."""
from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import main
from kg.commands.bench import bench_queries, replicate_ntriples, scaling_sets
from kg.text.readers import RawDocument

KEYS = {"chars_per_s", "jieba_chars_per_s", "ratio_vs_jieba", "scaling_16x", "parallel_speedup_2",
        "sparql_p50_ms_oxigraph", "sparql_p50_ms_rdflib", "peak_rss_mb"}
SENTENCES = ["苏州高新区聚焦集成电路、生物医药等主导产业。", "无锡经开区重点发展物联网产业，引进了华润微电子。",
             "到2025年，苏州高新区高新技术企业达到4500家。", "常熟高新区对标苏州工业园区，发展氢能源汽车产业。"]


def _docs(n):
    return [RawDocument(id=f"d{i}", text=SENTENCES[i % len(SENTENCES)] + f"第{i}篇。", source=f"d{i}")
            for i in range(n)]


def test_scaling_slices_partition_the_big_set_of_distinct_documents():
    slices, big, distinct = scaling_sets(_docs(70), 4)
    assert distinct and len(big) == 64 and len(slices) == 16
    assert all(len(part) == 4 for part in slices)
    assert sorted(d.id for part in slices for d in part) == sorted(d.id for d in big)
    assert len({d.id for d in big}) == 64


def test_a_small_corpus_is_copied_with_ids_of_its_own():
    slices, big, distinct = scaling_sets(_docs(3), 4)
    assert not distinct and len(big) == 48 and len({d.id for d in big}) == 48
    assert all([d.id for d in part] == ["d0", "d1", "d2"] for part in slices)


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


def test_bench_ends_with_one_json_line_with_the_agreed_keys(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n" for d in _docs(6)),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["bench", "--corpus", str(corpus), "--scaling-docs", "2",
                                       "--triples", "1000", "--query-runs", "1", "--rdflib-budget", "60"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert KEYS <= set(figures)
    assert figures["documents"] == 6 and figures["sparql_triples"] >= 1000
    assert figures["sparql_rdflib_censored"] == 0
