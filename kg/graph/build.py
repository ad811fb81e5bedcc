"""Build the RDF graph from the merged corpus (the graph's shape is in `kg.graph.triples`).

One statement per (subject, property family, object), whose most specific
industry role wins; every node's triples come from `kg.graph.triples`, which the
streamed build (`kg.stream`) uses too, so both give the same graph.
"""
from __future__ import annotations

from collections import defaultdict

from rdflib import RDFS, XSD, Graph, Namespace
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.graph import iris
from kg.graph.triples import (PK, document_triples, entity_triples, evidence_text, fact_triples, relation_family,
                              targets_triples)

KGR = Namespace(iris.BASE)
IND = Namespace(iris.INDUSTRY)

PREFIXES = {"pk": PK, "kgr": KGR, "ind": IND, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS,
            "rdfs": RDFS, "xsd": XSD}


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def corpus_triples(corpus, lexicon=None):
    """Every triple of the graph of a `kg.pipeline.Corpus` (some more than once)."""
    docs = {d.id: d for d in corpus.documents}
    zones = {z.iri: z for z in getattr(lexicon, "zones", ())}  # the catalogue's zones, for their level and type
    subclass_ok = set(lexicon.subclass_of) if lexicon is not None else set()
    for d in corpus.documents:
        yield from document_triples(d)
    for key in sorted(corpus.entities):
        yield from entity_triples(corpus.entities[key], subclass_ok, zones)
    grouped = defaultdict(list)
    for r in corpus.relations:
        if r.subject in corpus.entities and r.object in corpus.entities:
            grouped[(r.subject, r.object, relation_family(r.prop))].append(
                (r, evidence_text(r.evidence, docs.get(r.evidence.doc_id))))
    for (s_key, o_key, family), readings in sorted(grouped.items(), key=lambda kv: kv[0]):
        yield from fact_triples(s_key, o_key, family, readings)
    yield from targets_triples((t, evidence_text(t.evidence, docs.get(t.evidence.doc_id)))
                               for t in corpus.targets if t.park in corpus.entities)


def build_graph(corpus, lexicon=None) -> Graph:
    """The graph of a `kg.pipeline.Corpus`."""
    g = new_graph()
    # each triple once (dict.fromkeys keeps the first's place): rdflib's store spends more on a triple it already
    # holds than a dict does, and 8 % of the corpus's triples come more than once
    g.addN((s, p, o, g) for s, p, o in dict.fromkeys(corpus_triples(corpus, lexicon)))
    return g
