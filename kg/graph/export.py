"""Export a graph for the tools analysts load it into.

Each format has a pure ``generate_*`` function (graph in, text out) and
:func:`write_exports` writes the chosen ones into a folder, atomically:

============  ===========================  ================================================
format        file(s)                      for
============  ===========================  ================================================
``ttl``       graph.ttl                    GraphDB, Fuseki, Protégé, neosemantics (sorted)
``nt``        graph.nt                     any triple store; diff-friendly (sorted lines)
``nq``        graph.nq                     one named graph per source document
``jsonld``    graph.jsonld                 JSON tools; compacted with the project prefixes
``gexf``      graph.gexf                   Gephi
``graphml``   graph.graphml                Gephi, yEd, Cytoscape, networkx
``csv``       nodes.csv, edges.csv         ``neo4j-admin database import``
``ontology``  ontology.ttl                 Protégé: every ontology/*.ttl merged, every
                                           property and class it or the graph uses declared
============  ===========================  ================================================

The N-Quads export puts what a document says in the graph named by the
document's IRI: each fact's triple, its ``rdf:Statement`` with the evidence from
that document, the evidence sentences, and the targets read from it. What no
single document owns (entity names and classes, the documents' own
descriptions, the extractors) goes in the default graph. The union of all graphs
is the input graph, triple for triple.

The network formats (GEXF, GraphML, CSV) hold the entities (parks, industries,
enterprises, platforms, targets) as nodes with ``label`` and ``class``, and the
relations between them as edges with ``relation``, ``confidence`` and the first
evidence sentence.

>>> from rdflib import Graph
>>> g = Graph().parse(data='''
... @prefix pk: <https://w3id.org/parkkg/ontology#> .
... @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
... <https://w3id.org/parkkg/id/park/a> a pk:Park ; skos:prefLabel "甲园"@zh ;
...     pk:hasLeadingIndustry <https://w3id.org/parkkg/id/industry/b> .
... <https://w3id.org/parkkg/id/industry/b> a pk:Industry ; skos:prefLabel "集成电路"@zh .
... ''', format="turtle")
>>> net = to_networkx(g)
>>> sorted(d["label"] for _, d in net.nodes(data=True))
['甲园', '集成电路']
>>> [d["relation"] for _, _, d in net.edges(data=True)]
['hasLeadingIndustry']
>>> nodes, edges = generate_neo4j_csv(g)
>>> edges.splitlines()[0]
':START_ID,:END_ID,:TYPE,confidence:double,evidence,documents:string[]'
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import ParkKGError

EXPORT_FORMATS = ("ttl", "nt", "nq", "jsonld", "gexf", "graphml", "csv", "ontology")
FILE_NAMES = {"ttl": ("graph.ttl",), "nt": ("graph.nt",), "nq": ("graph.nq",), "jsonld": ("graph.jsonld",),
              "gexf": ("graph.gexf",), "graphml": ("graph.graphml",), "csv": ("nodes.csv", "edges.csv"),
              "ontology": ("ontology.ttl",)}
# the contract classes, in the order a node's class is chosen when it has several
from kg.graph.network import NODE_CLASSES  # noqa: E402  (re-exported: one list for every view)


class ExportError(ParkKGError):
    """An export format is unknown or an export could not be written."""


def parse_formats(text: str | None) -> tuple[str, ...]:
    """Formats from a comma-separated list (``all`` or empty: every format), in the canonical order.

    >>> parse_formats("csv, ttl")
    ('ttl', 'csv')
    >>> parse_formats(None) == EXPORT_FORMATS
    True
    """
    if not text or text.strip().lower() == "all":
        return EXPORT_FORMATS
    asked = {part.strip().lower() for part in text.split(",") if part.strip()}
    unknown = sorted(asked - set(EXPORT_FORMATS))
    if unknown:
        raise ExportError(f"unknown export format(s): {', '.join(unknown)}; "
                          f"choose from {','.join(EXPORT_FORMATS)} (or all)")
    return tuple(f for f in EXPORT_FORMATS if f in asked)


def _ns():
    from rdflib import RDF, RDFS
    from rdflib.namespace import PROV, SKOS

    from kg.graph.build import PK

    return RDF, RDFS, PROV, SKOS, PK


# ---------------------------------------------------------------- N-Quads: a named graph per document


def document_graphs(graph) -> dict:
    """Graph name (a document IRI, or None for the default graph) -> the set of its triples."""
    RDF, RDFS, PROV, SKOS, PK = _ns()
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


# ---------------------------------------------------------------- JSON-LD


def export_prefixes() -> dict[str, str]:
    """The prefixes every export uses, whatever the input graph happened to bind: same graph, same bytes."""
    from rdflib import RDF

    from kg.graph.build import PREFIXES
    from kg.graph.serialize import id_prefixes

    return dict(sorted({**{name: str(ns) for name, ns in PREFIXES.items()}, **id_prefixes(),
                        "rdf": str(RDF)}.items()))


def _json_sorted(value):
    if isinstance(value, dict):
        return {k: _json_sorted(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_json_sorted(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def generate_jsonld(graph) -> str:
    """Compacted JSON-LD with the project's prefixes as its context; nodes and values sorted."""
    context = export_prefixes()
    data = graph.serialize(format="json-ld", context=context)
    doc = json.loads(data if isinstance(data, str) else data.decode("utf-8"))
    if isinstance(doc, dict) and "@graph" in doc:
        doc["@graph"] = sorted((_json_sorted(n) for n in doc["@graph"]), key=lambda n: str(n.get("@id", "")))
        doc = {"@context": doc.get("@context", context), "@graph": doc["@graph"]}
    else:
        doc = _json_sorted(doc)
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


# ---------------------------------------------------------------- ontology.ttl for Protégé


def ontology_graph(ontology_dir=None, graph=None):
    """All ontology files merged into one graph, with every property and class they use declared.

    Protégé (the OWL API) reads an undeclared IRI as whatever its first use
    suggests and warns; declaring each one keeps the ontology in OWL 2 DL. A
    property used under one of ours (``pk:inDocument`` ⊑ ``dcterms:isPartOf``)
    gets the kind of ours; other vocabulary properties (SKOS labels, Dublin Core,
    PROV) become annotation properties; things used as classes become classes.
    With `graph`, the properties the graph uses are declared as well.
    """
    import rdflib
    from rdflib import OWL, RDF, RDFS, XSD

    from kg.errors import OntologyError
    from kg.ontology import load_graph

    try:
        g = load_graph(ontology_dir)
    except OntologyError as exc:
        raise ExportError(str(exc)) from exc
    builtin = (str(RDF), str(RDFS), str(OWL), str(XSD))

    def is_builtin(term) -> bool:
        return not isinstance(term, rdflib.URIRef) or str(term).startswith(builtin)

    kinds = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    used = {p for p in g.predicates() if not is_builtin(p)}
    if graph is not None:
        used |= {p for p in graph.predicates() if not is_builtin(p)}
    added = []
    # super-properties take the kind of their sub-properties
    for sub, sup in sorted(g.subject_objects(RDFS.subPropertyOf)):
        if is_builtin(sup) or any((sup, RDF.type, k) in g for k in kinds):
            continue
        kind = next((k for k in kinds if (sub, RDF.type, k) in g), None)
        if kind is not None:
            added.append((sup, RDF.type, kind))
    for triple in added:
        g.add(triple)
    for p in sorted(used):
        if not any((p, RDF.type, k) in g for k in kinds):
            g.add((p, RDF.type, OWL.AnnotationProperty))
    class_uses = set(g.objects(None, RDFS.subClassOf)) | set(g.objects(None, RDFS.domain))
    class_uses |= {o for s, o in g.subject_objects(RDFS.range) if (s, RDF.type, OWL.ObjectProperty) in g}
    class_uses |= set(g.objects(None, RDF.type))
    if graph is not None:
        class_uses |= set(graph.objects(None, RDF.type))
    for c in sorted(class_uses):
        if is_builtin(c) or (c, RDF.type, OWL.Class) in g or any((c, RDF.type, k) in g for k in kinds):
            continue
        g.add((c, RDF.type, OWL.Class))
    return g


def generate_ontology(ontology_dir=None, graph=None) -> str:
    """ontology.ttl: the merged, fully declared ontology as deterministic Turtle."""
    from kg.graph.serialize import generate_turtle

    return generate_turtle(ontology_graph(ontology_dir, graph))


# ---------------------------------------------------------------- networks: GEXF, GraphML, Neo4j CSV


@dataclass
class Network:
    """Entities and relations as plain data, the shape every network format is written from."""

    nodes: dict = field(default_factory=dict)  # iri -> attributes
    edges: list = field(default_factory=list)  # (source iri, target iri, attributes), sorted


def _local(iri) -> str:
    text = str(iri)
    return re.split(r"[#/]", text)[-1]


def network(graph) -> Network:
    """The entities of the contract classes and the pk: relations between them (`kg.graph.network.project`).

    Each edge carries its ``relation``, its ``confidence``, the first of its evidence sentences
    (``evidence``) and the ids of the documents they come from (``documents``).
    """
    from kg.graph.network import project

    projection = project(graph)
    net = Network()
    for iri, node in projection.nodes.items():
        net.nodes[iri] = {"label": node.label, "class": node.cls, "types": ";".join(node.types), "iri": iri,
                          **node.facts}
    for e in projection.edges:
        attrs = {"relation": e.relation}
        if e.confidence is not None:
            attrs["confidence"] = e.confidence
        if e.evidence:
            attrs["evidence"] = min(sentence for _, sentence in e.evidence)
            attrs["documents"] = ";".join(sorted({doc for doc, _ in e.evidence}))
        net.edges.append((e.source, e.target, attrs))
    return net


def to_networkx(graph):
    """A networkx MultiDiGraph of :func:`network`, nodes and edges in sorted order."""
    import networkx as nx

    net = network(graph)
    g = nx.MultiDiGraph(name="parkkg")
    for iri in sorted(net.nodes):
        g.add_node(iri, **net.nodes[iri])
    for s, o, attrs in net.edges:
        g.add_edge(s, o, key=attrs["relation"], **attrs)
    return g


def generate_gexf(graph) -> str:
    """GEXF 1.2 for Gephi (node label and class, edge relation); no modification date, so it is stable."""
    import networkx as nx

    buf = io.BytesIO()
    nx.write_gexf(to_networkx(graph), buf, encoding="utf-8")
    text = buf.getvalue().decode("utf-8")
    return re.sub(r' lastmodifieddate="[^"]*"', "", text, count=1)


def generate_graphml(graph) -> str:
    """GraphML for Gephi, yEd and Cytoscape."""
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(to_networkx(graph), buf, encoding="utf-8")
    return buf.getvalue().decode("utf-8")


NODE_COLUMNS = ("uri:ID", "name", ":LABEL", "class", "sector", "metric", "value:double", "unit",
                "baseValue:double", "baseUnit", "year:int")
EDGE_COLUMNS = (":START_ID", ":END_ID", ":TYPE", "confidence:double", "evidence", "documents:string[]")


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def neutralise_cell(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula: one starting with = + - @ (or tab, CR) gets a quote.

    Excel, WPS and LibreOffice evaluate ``=HYPERLINK(...)`` in a CSV cell; a leading
    apostrophe makes them show the text. Numbers are written apart and never touched.

    >>> neutralise_cell("=SUM(A1)工业园区"), neutralise_cell("苏州高新区")
    ("'=SUM(A1)工业园区", '苏州高新区')
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def generate_neo4j_csv(graph) -> tuple[str, str]:
    """(nodes.csv, edges.csv) in the header format of ``neo4j-admin database import``.

    Node labels are the node's pk: classes (``Park;HighTechZone``); relationship
    types are the property names (``hasLeadingIndustry``); arrays use ``;``.
    """
    net = network(graph)

    def text(rows, header):
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        return buf.getvalue()

    def clean(value) -> str:
        if value is None:
            return ""
        if isinstance(value, float):
            return repr(value)
        if isinstance(value, int):
            return str(value)
        return neutralise_cell(re.sub(r"\s+", " ", str(value)).strip())

    node_rows = []
    for iri in sorted(net.nodes):
        a = net.nodes[iri]
        node_rows.append([iri, clean(a["label"]), a["types"], a["class"], clean(a.get("sector")),
                          clean(a.get("metric")), clean(a.get("value")), clean(a.get("unit")),
                          clean(a.get("baseValue")), clean(a.get("baseUnit")), clean(a.get("year"))])
    edge_rows = [[s, o, a["relation"], clean(a.get("confidence")), clean(a.get("evidence")),
                  clean(a.get("documents"))] for s, o, a in net.edges]
    return text(node_rows, NODE_COLUMNS), text(edge_rows, EDGE_COLUMNS)


# ---------------------------------------------------------------- writing


def write_exports(graph, out_dir: Path | str, formats=EXPORT_FORMATS, ontology_dir=None) -> list[Path]:
    """Write the chosen formats into `out_dir` (each file atomically); returns the paths written."""
    from kg.graph.serialize import atomic_write_text, write_ntriples, write_turtle

    out_dir = Path(out_dir)
    written = []
    for fmt in formats:
        if fmt not in FILE_NAMES:
            raise ExportError(f"unknown export format {fmt!r}; choose from {','.join(EXPORT_FORMATS)}")
        paths = [out_dir / name for name in FILE_NAMES[fmt]]
        if fmt == "ttl":
            write_turtle(graph, paths[0], export_prefixes())
        elif fmt == "nt":
            write_ntriples(graph, paths[0])
        elif fmt == "nq":
            atomic_write_text(paths[0], generate_nquads(graph))
        elif fmt == "jsonld":
            atomic_write_text(paths[0], generate_jsonld(graph))
        elif fmt == "gexf":
            atomic_write_text(paths[0], generate_gexf(graph))
        elif fmt == "graphml":
            atomic_write_text(paths[0], generate_graphml(graph))
        elif fmt == "csv":
            nodes, edges = generate_neo4j_csv(graph)
            atomic_write_text(paths[0], nodes)
            atomic_write_text(paths[1], edges)
        elif fmt == "ontology":
            atomic_write_text(paths[0], generate_ontology(ontology_dir, graph))
        written.extend(paths)
    return written
