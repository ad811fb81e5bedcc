"""The catalogue's saved queries (queries/parks-by-catalogue.rq, news-vs-catalogue-industries.rq,
national-zones-without-recent-news.rq) on a graph built from tiny texts."""
from __future__ import annotations

import pytest

from kg.graph.query import display_rows, load_query_graph, run_query
from kg.queries import bind_params, check_params, load_query

TEXTS = {
    "a.txt": "北京经济技术开发区聚焦生物医药和汽车产业。\n",
    "b.txt": "江阴临港经济开发区重点发展新材料产业。\n",
    "c.txt": "零碳科技产业园聚焦氢能产业。\n",
}


@pytest.fixture(scope="module")
def graph(build_texts):
    # the queries are under test, not the threshold: a one-line text states its facts below the default
    # (names once, few names in the sentence: 0.52-0.58), so keep every fact the text ties
    out, report = build_texts(TEXTS, html=False, min_confidence=0.5)
    assert report.documents == 3
    return load_query_graph(out / "graph.ttl")


def ask(graph, name, **params):
    q = load_query(name)
    bindings = bind_params([f"{k}={v}" for k, v in params.items()])
    check_params(q, bindings)
    columns, rows = run_query(graph, q.sparql, bindings)
    return [dict(zip(columns, r)) for r in display_rows(rows)]


def test_parks_by_level_type_and_province(graph):
    rows = ask(graph, "parks-by-catalogue")
    assert sorted(r["zoneName"] for r in rows) == ["北京经济技术开发区", "江苏江阴临港经济开发区"]
    national = ask(graph, "parks-by-catalogue", level="national")
    assert [(r["zoneName"], r["code"], r["provinceName"]) for r in national] == [
        ("北京经济技术开发区", "G111001", "北京市")]
    assert [r["zoneName"] for r in ask(graph, "parks-by-catalogue", level="省级")] == ["江苏江阴临港经济开发区"]
    assert [r["zoneName"] for r in ask(graph, "parks-by-catalogue", province="江苏")] == ["江苏江阴临港经济开发区"]
    assert [r["zoneName"] for r in ask(graph, "parks-by-catalogue", type="经济技术开发区")] == ["北京经济技术开发区"]
    assert [r["zoneName"] for r in ask(graph, "parks-by-catalogue", type="ProvincialEconomicDevelopmentZone")] == [
        "江苏江阴临港经济开发区"]
    assert national[0]["approved"] == "1994-08" and national[0]["areaHa"] == "3980"


def test_news_industries_not_in_the_catalogue_list(graph):
    rows = {r["zoneName"]: r for r in ask(graph, "news-vs-catalogue-industries")}
    beijing = rows["北京经济技术开发区"]
    assert beijing["newsIndustriesNotListed"] == "生物医药"  # 汽车 is listed in 2018
    assert "汽车" in beijing["catalogueLeading"]
    assert ask(graph, "news-vs-catalogue-industries", park="零碳科技产业园") == []


def test_national_zones_without_recent_news(graph):
    rows = ask(graph, "national-zones-without-recent-news")
    assert [(r["zoneName"], r["documents"]) for r in rows] == [("北京经济技术开发区", "1")]
