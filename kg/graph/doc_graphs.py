"""The store's named graphs: one per document, holding what that document asserted; merged nodes stay default.

A build's Oxigraph store keeps the merged graph (entities, facts as one
``rdf:Statement`` each, targets, extractors) in the default graph, and puts in a
graph named by each document's IRI the triples that exist only because of it:

- the document node itself and its evidence nodes (the sentences, their offsets);
- the links from a merged fact or target to that evidence (``prov:wasDerivedFrom``);
- its mentions (``entity pk:mentionedIn document``).

No triple is in two graphs, so the union of the graphs is the built graph triple
for triple, and queries run over that union (`kg.graph.store.query_store`, ``kg
serve`` on a store): the saved queries answer as before. An analyst audits one
article with ``GRAPH <…/doc/ID> { ?s ?p ?o }`` (which facts it supports: the
subjects of its ``prov:wasDerivedFrom`` links); ``kg update`` replaces one
document's graph when it changes or goes, and re-merges the nodes it touched.
The graph files (``--format``) are unchanged: one graph.
"""
from __future__ import annotations

from pathlib import Path

from kg.graph import iris

_DOC = f"{iris.BASE}doc/"
_EVIDENCE = f"{iris.BASE}evidence/"
_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
_MENTIONED = f"{iris.ONTOLOGY}mentionedIn"


def document_of(s: str, p: str, o: str) -> str | None:
    """The IRI of the document whose graph holds the triple (IRIs and literals as plain values), or None.

    >>> document_of(_EVIDENCE + "d1-0-12", _DERIVED[:-1], "x") == _DOC + "d1"
    True
    >>> document_of(iris.BASE + "fact/1", _DERIVED, _EVIDENCE + "a-b-3-9") == _DOC + "a-b"
    True
    >>> document_of(iris.BASE + "park/p", _MENTIONED, _DOC + "d2") == _DOC + "d2", document_of("s", "p", "o")
    (True, None)
    """
    if s.startswith(_DOC):
        return s
    if s.startswith(_EVIDENCE):
        return _DOC + s[len(_EVIDENCE):].rsplit("-", 2)[0]
    if p == _DERIVED and o.startswith(_EVIDENCE):
        return _DOC + o[len(_EVIDENCE):].rsplit("-", 2)[0]
    if p == _MENTIONED and o.startswith(_DOC):
        return o
    return None


_GRAPH_NODES = 10_000  # graph names kept for reuse; cleared when full, so the memory does not grow with the corpus


def with_document_graphs(triples):
    """pyoxigraph triples (or quads) -> quads, each in its document's graph or the default graph."""
    import pyoxigraph as ox

    default, graphs = ox.DefaultGraph(), {}
    for t in triples:
        doc = document_of(t.subject.value, t.predicate.value, getattr(t.object, "value", ""))
        if doc is None:
            yield ox.Quad(t.subject, t.predicate, t.object, default)
        else:
            graph = graphs.get(doc)
            if graph is None:
                if len(graphs) >= _GRAPH_NODES:
                    graphs.clear()
                graph = graphs[doc] = ox.NamedNode(doc)
            yield ox.Quad(t.subject, t.predicate, t.object, graph)


def document_quads(sources, format_of):
    """The triples of the graph files `sources`, streamed, as quads: each in its document's graph or the default
    graph (`format_of(path)` gives a file's pyoxigraph format). `kg.graph.store.load_build_store` loads them in
    parts of bounded size."""
    import pyoxigraph as ox

    for source in sources:
        yield from with_document_graphs(ox.parse(path=str(source), format=format_of(Path(source))))
