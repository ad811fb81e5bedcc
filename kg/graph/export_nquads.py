"""The N-Quads export: what each document says, in a graph named by the document.

Each fact's triple, its ``rdf:Statement`` with the evidence from that document,
the evidence sentences and the targets read from it go in the document's graph;
what no single document owns (entity names and classes, the documents' own
descriptions, the extractors) goes in the default graph. The union of all graphs
is the input graph, triple for triple.
"""
from __future__ import annotations

from collections import defaultdict


def document_graphs(graph) -> dict:
    """Graph name (a document IRI, or None for the default graph) -> the set of its triples."""
    from rdflib import RDF
    from rdflib.namespace import PROV

    from kg.graph.build import PK

    ev_doc = {ev: doc for ev, doc in graph.subject_objects(PK.inDocument)}
    derived_docs = defaultdict(set)  # fact or target -> documents of its evidence
    for node, ev in graph.subject_objects(PROV.wasDerivedFrom):
        if ev in ev_doc:
            derived_docs[node].add(ev_doc[ev])
    asserted_docs = defaultdict(set)  # (s, p, o) of a reified fact -> its documents
    for fact in graph.subjects(RDF.type, RDF.Statement):
        s, p, o = graph.value(fact, RDF.subject), graph.value(fact, RDF.predicate), graph.value(fact, RDF.object)
        if s is not None and p is not None and o is not None:
            asserted_docs[(s, p, o)] |= derived_docs.get(fact, set())
    out = defaultdict(set)
    for triple in graph:
        s, p, o = triple
        if s in ev_doc:
            docs = {ev_doc[s]}
        elif s in derived_docs:
            docs = {ev_doc[o]} if p == PROV.wasDerivedFrom and o in ev_doc else derived_docs[s]
        elif triple in asserted_docs:
            docs = asserted_docs[triple]
        elif p == PK.hasTarget and o in derived_docs:
            docs = derived_docs[o]
        else:
            docs = set()
        for doc in docs or {None}:
            out[doc].add(triple)
    return dict(out)


def iter_nquads(graph):
    """Sorted N-Quads lines: the default graph's triples, then one named graph per document."""
    from kg.graph.serialize import nt_term

    cache: dict = {}

    def term(t):
        out = cache.get(t)
        if out is None:
            out = cache[t] = nt_term(t)
        return out

    lines = []
    for name, triples in document_graphs(graph).items():
        suffix = f" {term(name)} .\n" if name is not None else " .\n"
        lines.extend(f"{term(s)} {term(p)} {term(o)}{suffix}" for s, p, o in triples)
    yield from sorted(lines)


def generate_nquads(graph) -> str:
    """N-Quads with a named graph per source document (see :func:`document_graphs`)."""
    return "".join(iter_nquads(graph))
