"""Run SPARQL over a graph file, with parameters bound, never pasted into the query text."""
from __future__ import annotations

from pathlib import Path

from kg.errors import QueryError


def load_graph_file(path: Path | str):
    import rdflib

    path = Path(path)
    if not path.exists():
        raise QueryError(f"{path}: no such graph file; build one first with: kg build seeds -o output")
    g = rdflib.Graph()
    fmt = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".nq": "nquads", ".trig": "trig"}.get(path.suffix, "turtle")
    try:
        g.parse(path, format=fmt)
    except Exception as exc:
        raise QueryError(f"{path}: could not be parsed as {fmt}: {exc}") from exc
    return g


def run_query(graph, sparql: str, bindings: dict | None = None) -> tuple[list[str], list[list]]:
    """(column names, rows) of a SELECT/ASK query; `bindings` maps variable names to rdflib terms."""
    from rdflib.plugins.sparql import prepareQuery

    try:
        prepared = prepareQuery(sparql)
    except Exception as exc:
        raise QueryError(f"the SPARQL query does not parse: {exc}") from exc
    result = graph.query(prepared, initBindings=bindings or {})
    if result.type == "ASK":
        return ["ask"], [[bool(result.askAnswer)]]
    if result.type != "SELECT":
        raise QueryError("only SELECT and ASK queries are supported here")
    columns = [str(v) for v in result.vars]
    rows = [[row[i] for i in range(len(columns))] for row in result]
    return columns, rows
