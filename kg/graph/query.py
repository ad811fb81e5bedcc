"""Run SPARQL over a graph file, with parameters bound, never pasted into the query text.

The industry taxonomy (skos:broader, concept labels) and the property labels live in
``ontology/*.ttl``, not in ``graph.ttl``; :func:`load_query_graph` reads them beside the
graph so that a question such as "parks whose leading industry is 半导体" can climb the
taxonomy.

>>> import rdflib
>>> g = rdflib.Graph().parse(data='<urn:a> <urn:p> "x"@zh .', format="turtle")
>>> columns, rows = run_query(g, "SELECT ?s WHERE { ?s ?p ?o . FILTER(STR(?o) = STR(?v)) }",
...                           {"v": rdflib.Literal("x")})
>>> columns, [str(r[0]) for r in rows]
(['s'], ['urn:a'])
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.errors import QueryError

from kg.graph.formats import GRAPH_FORMATS as _TABLE  # noqa: E402

GRAPH_FORMATS = {f.suffix: f.rdflib for f in _TABLE}  # suffix -> rdflib parser (kg.graph.formats)


@dataclass(frozen=True)
class QueryResult:
    """What a query returned: column names and rows of rdflib terms (None where unbound)."""

    columns: list
    rows: list


def load_graph_file(path: Path | str, into=None):
    """The graph in `path` (Turtle, N-Triples, N-Quads, TriG or JSON-LD by extension)."""
    import rdflib

    path = Path(path)
    if not path.is_file():
        raise QueryError(f"{path}: no such graph file; build one first with: kg build seeds -o output")
    from kg.graph.formats import by_suffix

    known = by_suffix(path.suffix)
    fmt, quads = (known.rdflib, known.quads) if known is not None else ("turtle", False)
    if quads:
        g = rdflib.Dataset(default_union=True)
    else:
        g = into if into is not None else rdflib.Graph()
    try:
        g.parse(path, format=fmt)
    except Exception as exc:  # rdflib raises many kinds
        raise QueryError(f"{path}: could not be parsed as {fmt}: {exc}; rebuild it with kg build") from exc
    if quads:
        flat = into if into is not None else rdflib.Graph()
        for s, p, o, _ in g.quads((None, None, None, None)):
            flat.add((s, p, o))
        return flat
    return g


def load_query_graph(path: Path | str, ontology: bool = True, ontology_dir: Path | str | None = None):
    """The graph in `path`, with the ontology files (taxonomy, property labels) read beside it."""
    g = load_graph_file(path)
    if ontology:
        from kg.ontology import ontology_files

        files = ontology_files(ontology_dir)
        stamp = tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files)
        g.addN((s, p, o, g) for s, p, o in _ontology_triples(stamp))
    return g


@lru_cache(maxsize=4)
def _ontology_triples(stamp: tuple) -> tuple:
    """The triples of the ontology files named in `stamp` (path, mtime, size): parsed once per process."""
    import rdflib

    g = rdflib.Graph()
    for name, _, _ in stamp:
        try:
            g.parse(name, format="turtle")
        except Exception as exc:  # rdflib raises many kinds
            raise QueryError(f"{name} is not valid Turtle: {exc}; fix it, or pass --no-ontology") from exc
    return tuple(g)


def run_query(graph, sparql: str, bindings: dict | None = None) -> tuple[list[str], list[list]]:
    """(column names, rows) of a query; `bindings` maps variable names to rdflib terms.

    Plain text values are bound as Chinese literals (`kg.queries.tag_plain_text`).

    SELECT gives its variables, ASK one ``ask`` column, CONSTRUCT and DESCRIBE the
    triples as subject/predicate/object rows. Updates are refused: a query never
    changes the graph.
    """
    from rdflib.plugins.sparql import prepareQuery

    from kg.queries import tag_plain_text

    try:
        prepared = prepareQuery(sparql)
    except Exception as exc:
        if _looks_like_update(sparql):
            raise QueryError("SPARQL Update is refused: kg query is read-only and never changes the graph") from exc
        raise QueryError(f"the SPARQL query does not parse: {exc}") from exc
    try:
        result = graph.query(prepared, initBindings=tag_plain_text(bindings))
    except Exception as exc:  # evaluation errors: bad regex, unknown function ...
        raise QueryError(f"the SPARQL query failed while running: {exc}") from exc
    if result.type == "ASK":
        return ["ask"], [[bool(result.askAnswer)]]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        triples = sorted(result.graph, key=lambda t: tuple(x.n3() for x in t))
        return ["subject", "predicate", "object"], [list(t) for t in triples]
    columns = [str(v) for v in result.vars]
    rows = [[row[i] for i in range(len(columns))] for row in result]
    return columns, rows


def execute(query: str, graph_path: Path | str, params=(), ontology: bool = True,
            ontology_dir: Path | str | None = None) -> QueryResult:
    """Run a saved query (by name), a ``.rq`` file or SPARQL text over a graph file.

    `params` are ``NAME=VALUE`` strings; each is checked against the query's declared
    parameters and bound with ``initBindings``. `graph_path` may also be an Oxigraph
    store folder (``kg build --store``), queried as it is, without the ontology.
    """
    from kg.queries import bind_params, check_params, load_query

    saved = load_query(query)
    from kg.graph.sparql_guard import refuse_service

    refuse_service(saved.sparql)  # SERVICE would contact another host
    bindings = bind_params(params)
    check_params(saved, bindings)
    from kg.graph.store import is_store

    if is_store(graph_path):  # an Oxigraph store folder (kg build --store): queried as it is
        from kg.graph.store import open_store, query_store

        return QueryResult(*query_store(open_store(graph_path), saved.sparql, bindings))
    graph = load_query_graph(graph_path, ontology=ontology, ontology_dir=ontology_dir)
    columns, rows = run_query(graph, saved.sparql, bindings)
    return QueryResult(columns, rows)


@lru_cache(maxsize=1)
def _prefixes() -> list[tuple[str, str]]:
    from rdflib import RDF

    from kg.graph.build import PREFIXES

    pairs = [(f"{name}:", str(ns)) for name, ns in PREFIXES.items()] + [("rdf:", str(RDF))]
    return sorted(pairs, key=lambda pair: -len(pair[1]))


def display_value(term, compact: bool = True) -> str:
    """A cell for people: a literal's text, an IRI shortened to a known prefix.

    >>> from rdflib import URIRef, Literal
    >>> display_value(URIRef("https://w3id.org/parkkg/ontology#hasIndustry")), display_value(Literal("园区", lang="zh"))
    ('pk:hasIndustry', '园区')
    """
    if term is None:
        return ""
    text = str(term)
    if compact and type(term).__name__ == "URIRef":
        for prefix, ns in _prefixes():
            if text.startswith(ns) and len(text) > len(ns):
                return prefix + text[len(ns):]
    return text


def display_rows(rows, compact: bool = True) -> list[list[str]]:
    """Rows of terms as rows of strings (see :func:`display_value`)."""
    return [[display_value(v, compact) for v in row] for row in rows]


def _looks_like_update(sparql: str) -> bool:
    words = " ".join(line for line in sparql.splitlines() if not line.lstrip().startswith("#")).upper().split()
    return any(w in ("INSERT", "DELETE", "DROP", "CLEAR", "LOAD", "CREATE", "COPY", "MOVE", "ADD") for w in words)
