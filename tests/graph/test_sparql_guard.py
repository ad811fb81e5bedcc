"""SERVICE is found outside strings, IRIs and comments; kg query names updates (issue 18)."""
from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.graph.sparql_guard import mentions_service, refuse_service


@pytest.mark.parametrize("sparql, found", [
    ("SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }", True),
    ("select * { service silent <http://x/> { ?s ?p ?o } }", True),
    ("SELECT * { ?s ?p 'SERVICE' }", False),
    ('SELECT * { ?s ?p """a\nSERVICE b""" }', False),
    ("SELECT * { ?s <http://x/SERVICE> ?o }", False),
    ("SELECT * { ?s ?p ?o } # SERVICE <http://x/>", False),
    ("SELECT ?service { ?service ?p ?o }", False),
    ("PREFIX service: <http://x/> SELECT * { ?s service:p ?o }", False),
])
def test_mentions_service(sparql, found):
    assert mentions_service(sparql) is found


def test_refuse_service_unless_allowed(monkeypatch):
    with pytest.raises(QueryError, match="PARKKG_ALLOW_SERVICE"):
        refuse_service("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")
    monkeypatch.setenv("PARKKG_ALLOW_SERVICE", "1")
    refuse_service("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }")


@pytest.mark.parametrize("update", ["INSERT DATA { <http://a> <http://b> <http://c> }", "DELETE WHERE { ?s ?p ?o }"])
def test_kg_query_says_updates_are_not_run(update):
    from kg.queries import load_query

    with pytest.raises(QueryError, match="SPARQL Update .* is refused: kg query is read-only"):
        load_query(update)
