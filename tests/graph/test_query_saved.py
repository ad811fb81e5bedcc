"""Every saved query (queries/*.rq) runs on a small graph built from a tiny text, and answers right.

The graph is built by `kg.build.build` from two short documents, so these tests
also pin down that the queries fit the graph the pipeline really writes.
"""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from kg.cli import main
from kg.errors import QueryError
from kg.graph.query import display_rows, execute, load_query_graph, run_query
from kg.queries import bind_params, check_params, list_queries, load_query, parse_header

TEXTS = {
    "a.txt": "苏州高新区以集成电路和第三代半导体为主导产业，聚集了华润微电子有限公司等龙头企业，建有太湖实验室。\n\n"
             "苏州高新区对标深圳高新区。\n\n"
             "苏州高新区与无锡高新区协同发展。\n\n"
             "苏州高新区下辖苏州科技城、浒墅关经开区。\n\n"
             "到2025年，苏州高新区集成电路产业规模超300亿元，国家高新技术企业达到4500家。\n",
    "b.txt": "无锡高新区以集成电路和生物医药为主导产业，引进了迈为股份等企业。\n\n"
             "无锡高新区建有无锡智能传感器创新中心。\n",
}


@pytest.fixture(scope="module")
def graph_path(build_texts):
    # every fact kept, whatever the fitted confidence says of it: these tests are about the queries
    out, report = build_texts(TEXTS, html=False, min_confidence=0.0)
    assert report.documents == 2 and not report.skipped
    return out / "graph.ttl"


@pytest.fixture(scope="module")
def graph(graph_path):
    return load_query_graph(graph_path)


def ask(graph, name, **params):
    """Rows of a saved query as dicts of display strings."""
    q = load_query(name)
    bindings = bind_params([f"{k}={v}" for k, v in params.items()])
    check_params(q, bindings)
    columns, rows = run_query(graph, q.sparql, bindings)
    return [dict(zip(columns, r)) for r in display_rows(rows)]


def col(rows, key):
    return sorted(r[key] for r in rows)


SAVED = [q.name for q in list_queries()]


def test_there_are_at_least_twelve_saved_queries():
    assert len(SAVED) >= 12


@pytest.mark.parametrize("name", SAVED)
def test_each_saved_query_documents_itself_and_runs(graph, name):
    q = load_query(name)
    assert q.title and q.title != name and len(q.description) > 20
    assert q.sparql.lstrip().startswith("# title:")
    params = {}
    for p in q.params:
        assert p.example, f"{name}: parameter {p.name} has no example"
        assert p.description.lower().startswith(("required", "optional"))
        params[p.name] = p.example
    rows = ask(graph, name, **{k: v for k, v in params.items() if load_query(name).param(k).required})
    assert isinstance(rows, list)


def test_parks_by_leading_industry_by_name_and_through_the_taxonomy(graph):
    assert col(ask(graph, "parks-by-leading-industry", industry="集成电路"), "parkName") == ["无锡高新区", "苏州高新区"]
    # 第三代半导体 sits under 半导体 in the taxonomy; 集成电路 does not
    rows = ask(graph, "parks-by-leading-industry", industry="半导体")
    assert [(r["parkName"], r["industryName"]) for r in rows] == [("苏州高新区", "第三代半导体")]
    assert "broader concept" in rows[0]["matchedBy"]
    # the sector above both finds every leading industry filed under it
    rows = ask(graph, "parks-by-leading-industry", industry="新一代信息技术")
    assert {(r["parkName"], r["industryName"]) for r in rows} == {
        ("苏州高新区", "集成电路"), ("苏州高新区", "第三代半导体"), ("无锡高新区", "集成电路")}
    # an alias of the concept works too (芯片 is an altLabel of 集成电路)
    assert col(ask(graph, "parks-by-leading-industry", industry="芯片"), "parkName") == ["无锡高新区", "苏州高新区"]


def test_plain_and_tagged_values_give_the_same_rows(graph):
    q = load_query("parks-by-leading-industry")
    tagged = run_query(graph, q.sparql, {"industry": Literal("集成电路", lang="zh")})[1]
    plain = run_query(graph, q.sparql, {"industry": Literal("集成电路")})[1]
    assert len(tagged) == 2 and sorted(map(str, tagged)) == sorted(map(str, plain))


def test_enterprises_and_platforms_of_a_park(graph):
    rows = ask(graph, "park-enterprises-platforms", park="苏州高新区")
    assert [(r["kind"], r["memberName"]) for r in rows] == [("enterprise", "华润微电子有限公司"),
                                                            ("platform", "太湖实验室")]
    assert "Laboratory" in rows[1]["classes"] and rows[1]["evidence"] == "1"


def test_targets_due_by_a_year_with_normalised_values(graph):
    rows = ask(graph, "targets-due-by", year="2025")
    by_unit = {r["unit"]: r for r in rows}
    assert set(by_unit) == {"亿元", "家"}
    assert Decimal(by_unit["亿元"]["value"]) == 300
    assert Decimal(by_unit["亿元"]["baseValue"]) == Decimal("3E10") and by_unit["亿元"]["baseUnit"] == "元"
    assert Decimal(by_unit["家"]["baseValue"]) == 4500 and by_unit["家"]["baseUnit"] == "家"
    assert ask(graph, "targets-due-by", year="2024") == []
    assert len(ask(graph, "targets-due-by", year="2030", park="苏州高新区")) == 2
    assert ask(graph, "targets-due-by", year="2030", park="无锡高新区") == []


def test_parks_that_benchmark_against_a_park(graph):
    rows = ask(graph, "benchmarking-parks", park="深圳高新区")
    assert [(r["parkName"], r["document"]) for r in rows] == [("苏州高新区", "a")]
    assert rows[0]["sentence"] == "苏州高新区对标深圳高新区。"
    assert ask(graph, "benchmarking-parks", park="苏州高新区") == []


def test_pairs_of_parks_sharing_industries(graph):
    rows = ask(graph, "parks-sharing-industries")
    assert [(frozenset((r["parkA"], r["parkB"])), r["shared"], r["industries"]) for r in rows] == [
        (frozenset(("苏州高新区", "无锡高新区")), "1", "集成电路")]
    assert ask(graph, "parks-sharing-industries", min="2") == []


def test_industry_chain_coverage_shows_covered_links_and_gaps(graph):
    rows = {r["linkName"]: r for r in ask(graph, "industry-chain-coverage", sector="半导体")}
    assert rows["第三代半导体"]["parks"] == "1" and rows["第三代半导体"]["parkNames"] == "苏州高新区"
    assert rows["功率半导体"]["parks"] == "0"
    assert all(r["broaderName"] == "半导体" for r in rows.values())
    # one level up: the 半导体 link is not covered, the 集成电路 link is, by both parks
    rows = {r["linkName"]: r for r in ask(graph, "industry-chain-coverage", sector="新一代信息技术")}
    assert rows["集成电路"]["parks"] == "2" and rows["半导体"]["parks"] == "1"


def test_the_evidence_of_a_fact(graph):
    rows = ask(graph, "fact-evidence", entity="迈为股份")
    assert [(r["subjectName"], r["relationName"], r["objectName"], r["document"]) for r in rows] == [
        ("无锡高新区", "hasEnterprise", "迈为股份", "b")]
    assert "迈为股份" in rows[0]["sentence"] and rows[0]["extractor"] and rows[0]["confidence"]
    text = TEXTS["b.txt"]
    assert text[int(rows[0]["start"]):int(rows[0]["end"])] == rows[0]["sentence"]
    rows = ask(graph, "fact-evidence", entity="苏州高新区", other="深圳高新区")
    assert [r["relationName"] for r in rows] == ["benchmarksAgainst"]
    # targets are facts too; filter by relation name or its Chinese label
    rows = ask(graph, "fact-evidence", entity="苏州高新区", relation="设定目标")
    assert {r["relationName"] for r in rows} == {"hasTarget"} and len(rows) == 2


def test_counts_per_class_and_per_document(graph):
    counts = {r["class"]: int(r["count"]) for r in ask(graph, "counts-per-class")}
    assert counts["pk:Enterprise"] == 2 and counts["pk:Target"] == 2 and counts["pk:SourceDocument"] == 2
    assert counts["pk:Park"] >= 5 and "skos:Concept" not in counts  # the taxonomy is not counted
    docs = {r["document"]: r for r in ask(graph, "counts-per-document")}
    assert set(docs) == {"a", "b"}
    assert docs["a"]["targets"] == "2" and docs["b"]["targets"] == "0"
    assert int(docs["b"]["facts"]) >= 4 and int(docs["b"]["evidence"]) == 2


def test_sub_parks_cooperation_roles_and_mentions(graph):
    assert col(ask(graph, "sub-parks", park="苏州高新区"), "subParkName") == ["浒墅关经开区", "苏州科技城"]
    rows = ask(graph, "cooperation-pairs")
    assert {frozenset((r["parkA"], r["parkB"])) for r in rows} == {frozenset(("苏州高新区", "无锡高新区"))}
    assert len(rows) == 1 and rows[0]["evidence"] == "苏州高新区与无锡高新区协同发展。"
    assert ask(graph, "cooperation-pairs", park="深圳高新区") == []
    leading = {r["industryName"]: r for r in ask(graph, "industries-by-role", role="leading")}
    assert leading["集成电路"]["parks"] == "2"
    assert ask(graph, "industries-by-role", role="主导产业") == ask(graph, "industries-by-role", role="leading")
    assert ask(graph, "industries-by-role", role="future") == []
    assert col(ask(graph, "documents-mentioning", entity="集成电路"), "document") == ["a", "b"]
    rows = ask(graph, "park-industries", park="无锡高新区")
    assert {(r["industryName"], r["roleKey"], r["sectorName"]) for r in rows} == {
        ("集成电路", "leading", "新一代信息技术"), ("生物医药", "leading", "生物医药及健康")}
    top = ask(graph, "most-connected", **{"class": "Park"})
    assert top[0]["name"] == "苏州高新区" and {r["type"] for r in top} == {"Park"}
    assert ask(graph, "enterprises-in-several-parks") == []
    assert len(ask(graph, "enterprises-in-several-parks", min="1")) == 2


HOSTILE = ['"} DROP ALL; #', 'x" . ?s ?p ?o . #', '苏州高新区" } UNION { ?p ?q ?r } #',
           "苏州高新区\") || true || (\"", "?park"]


@pytest.fixture(scope="module")
def graph_triples(graph):
    return frozenset(graph)


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("name,param", [("park-enterprises-platforms", "park"), ("fact-evidence", "entity"),
                                        ("parks-by-leading-industry", "industry"), ("cooperation-pairs", "park"),
                                        ("targets-due-by", "park")])
def test_injected_text_is_a_literal(graph, graph_triples, name, param, value):
    extra = ["year=2030"] if name == "targets-due-by" else []
    q = load_query(name)
    bindings = bind_params([f"{param}={value}"] + extra)
    assert bindings[param] == Literal(value, lang="zh")
    columns, rows = run_query(graph, q.sparql, bindings)
    assert rows == []  # no extra rows: the value matched no name
    assert len(graph) == len(graph_triples) and frozenset(graph) == graph_triples  # the graph is unchanged


def test_cli_injection_leaves_the_file_alone(graph_path):
    before = graph_path.read_bytes()
    for value in HOSTILE[:2]:
        result = CliRunner().invoke(main, ["query", "park-enterprises-platforms", "--param", f"park={value}",
                                           "--graph", str(graph_path), "--format", "json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output) == []
    assert graph_path.read_bytes() == before


def test_parameter_errors_say_what_to_do():
    q = load_query("parks-by-leading-industry")
    with pytest.raises(QueryError, match=r"needs --param industry=新一代信息技术"):
        check_params(q, {})
    with pytest.raises(QueryError, match=r"no parameter \?colour"):
        check_params(q, bind_params(["industry=x", "colour=red"]))
    with pytest.raises(QueryError, match="NAME=VALUE"):
        bind_params(["industry"])
    with pytest.raises(QueryError, match="neither a saved query"):
        load_query("no-such-query")


def test_header_parser_reads_continuations():
    q = parse_header("x", "# title: T\n# description: first line\n#   second line\n"
                          "# param a: optional. An a. Example: 1\n\n# not a field\nSELECT ?a {}")
    assert q.description == "first line second line"
    assert [(p.name, p.required, p.example) for p in q.params] == [("a", False, "1")]


def test_cli_lists_saved_queries_with_titles():
    result = CliRunner().invoke(main, ["query", "--list"])
    assert result.exit_code == 0, result.output
    for q in list_queries():
        assert q.name in result.output and q.title in result.output


def test_cli_formats_and_ontology_switch(graph_path):
    base = ["query", "parks-by-leading-industry", "--param", "industry=半导体", "--graph", str(graph_path)]
    table = CliRunner().invoke(main, base)
    assert table.exit_code == 0 and "苏州高新区" in table.output and "kgr:park/" in table.output
    assert table.output.rstrip().endswith("(1 row)")
    as_json = json.loads(CliRunner().invoke(main, base + ["--format", "json"]).output)
    assert as_json[0]["parkName"] == "苏州高新区" and as_json[0]["park"].startswith("https://w3id.org/parkkg/id/park/")
    as_csv = CliRunner().invoke(main, base + ["--format", "csv"]).output.splitlines()
    assert as_csv[0] == "parkName,industryName,matchedBy,park" and len(as_csv) == 2
    # without the ontology the taxonomy is gone, so 半导体 finds nothing
    assert json.loads(CliRunner().invoke(main, base + ["--format", "json", "--no-ontology"]).output) == []


def test_cli_runs_a_query_file_and_inline_sparql(graph_path, tmp_path):
    rq = tmp_path / "mine.rq"
    rq.write_text("# title: Mine\n# param park: required. A park. Example: 苏州高新区\n"
                  "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                  "SELECT ?p WHERE { ?p skos:prefLabel ?n . FILTER(STR(?n) = STR(?park)) }\n", encoding="utf-8")
    result = execute(str(rq), graph_path, ["park=苏州高新区"])
    assert [str(r[0]) for r in result.rows] == ["https://w3id.org/parkkg/id/park/suzhougaoxinqu-90e9d7"]
    missing = CliRunner().invoke(main, ["query", str(rq), "--graph", str(graph_path)])
    assert missing.exit_code == 2 and "needs --param park=苏州高新区" in missing.output
    inline = CliRunner().invoke(main, ["query", "ASK { ?s ?p ?o }", "--graph", str(graph_path)])
    assert inline.exit_code == 0 and "True" in inline.output
    construct = execute("CONSTRUCT { ?s a ?c } WHERE { ?s a ?c . FILTER(?c = <https://w3id.org/parkkg/ontology#Enterprise>) }",
                        graph_path, ontology=False)
    assert construct.columns == ["subject", "predicate", "object"] and len(construct.rows) == 2
    assert all(isinstance(r[0], URIRef) for r in construct.rows)


def test_cli_missing_graph_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["query", "counts-per-class", "--graph", str(tmp_path / "none.ttl")])
    assert result.exit_code == 2 and "no such graph file" in result.output
    assert "Traceback" not in result.output


def test_a_store_folder_answers_the_same_saved_queries(graph_path, graph, tmp_path):
    from kg.graph.store import load_into_store

    load_into_store([graph_path], tmp_path / "store")
    for name, params in [("park-enterprises-platforms", ["park=苏州高新区"]), ("targets-due-by", ["year=2025"]),
                         ("cooperation-pairs", [])]:
        from_store = execute(name, tmp_path / "store", params)
        q = load_query(name)
        expected = run_query(graph, q.sparql, bind_params(params))
        assert from_store.columns == expected[0]
        assert _normalised(from_store.rows) == _normalised(expected[1])


def _normalised(rows):
    """Rows as sorted tuples of strings; GROUP_CONCAT lists in any order compare equal."""
    return sorted(tuple(", ".join(sorted(str(v).split(", "))) for v in row) for row in rows)
