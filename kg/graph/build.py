"""Build the RDF graph from the merged corpus.

Relations are plain triples (park pk:hasLeadingIndustry industry) for easy
querying, and each is also described by an ``rdf:Statement`` node that carries
its provenance: the evidence sentences (``prov:wasDerivedFrom``), the stage that
found it (``pk:extractedBy``) and a confidence. Evidence nodes give the
document, the sentence text and its offsets in the cleaned and the raw text.
No blank nodes, so the output is deterministic.
"""
from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.graph import iris

PK = Namespace(iris.ONTOLOGY)
KGR = Namespace(iris.BASE)
IND = Namespace(iris.INDUSTRY)

PREFIXES = {"pk": PK, "kgr": KGR, "ind": IND, "skos": SKOS, "prov": PROV, "dcterms": DCTERMS,
            "rdfs": RDFS, "xsd": XSD}


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def _decimal(value: float) -> Literal:
    d = Decimal(repr(float(value))).normalize()
    if d == d.to_integral():
        d = d.quantize(Decimal(1))
    return Literal(d, datatype=XSD.decimal)


def build_graph(corpus, lexicon=None) -> Graph:
    """The graph of a `kg.pipeline.Corpus`."""
    g = new_graph()
    docs = {d.id: d for d in corpus.documents}
    zones = {z.iri: z for z in getattr(lexicon, "zones", ())}  # the catalogue's zones, for their level and type
    for d in corpus.documents:
        node = URIRef(iris.document_iri(d.id))
        g.add((node, RDF.type, PK.SourceDocument))
        g.add((node, DCTERMS.identifier, Literal(d.id)))
        if d.source:
            g.add((node, DCTERMS.source, Literal(d.source)))
        if d.title:
            g.add((node, DCTERMS.title, Literal(d.title, lang="zh")))
        if d.date:
            g.add((node, DCTERMS.date, _date(d.date)))
        if d.url:
            g.add((node, DCTERMS.source, URIRef(d.url) if _safe_iri(d.url) else Literal(d.url)))
        g.add((node, PK.documentFormat, Literal(d.format or "text")))

    subclass_ok = set(lexicon.subclass_of) if lexicon is not None else set()
    for key in sorted(corpus.entities):
        e = corpus.entities[key]
        node = URIRef(iris.entity_iri(key))
        cls = e.subclass if e.subclass in subclass_ok and e.subclass else e.cls
        g.add((node, RDF.type, PK[cls]))
        if cls != e.cls:
            g.add((node, RDF.type, PK[e.cls]))
        g.add((node, SKOS.prefLabel, Literal(e.label, lang="zh")))
        g.add((node, RDFS.label, Literal(e.label, lang="zh")))
        for alias in e.aliases:
            g.add((node, SKOS.altLabel, Literal(alias, lang="zh")))
        if e.sector:
            g.add((node, PK.inSector, URIRef(e.sector)))
        for doc_id in e.documents:
            g.add((node, PK.mentionedIn, URIRef(iris.document_iri(doc_id))))
        if e.zone:  # the official catalogue's zone this park is (docs/catalogue.md), with its level and type
            g.add((node, PK.catalogueZone, URIRef(e.zone)))
            zone = zones.get(e.zone)
            if zone is not None:
                g.add((URIRef(e.zone), PK.zoneLevel, Literal(zone.level)))
                g.add((URIRef(e.zone), PK.zoneClass, PK[zone.cls]))

    def evidence_node(ev):
        node = URIRef(iris.evidence_iri(ev.doc_id, ev.start, ev.end))
        if (node, RDF.type, PK.Evidence) not in g:
            g.add((node, RDF.type, PK.Evidence))
            g.add((node, PK.inDocument, URIRef(iris.document_iri(ev.doc_id))))
            doc = docs.get(ev.doc_id)
            text = doc.display(ev.start, ev.end) if doc is not None else ev.text
            g.add((node, PK.sentenceText, Literal(text, lang="zh")))
            g.add((node, PK.startOffset, Literal(ev.start, datatype=XSD.integer)))
            g.add((node, PK.endOffset, Literal(ev.end, datatype=XSD.integer)))
            g.add((node, PK.rawStartOffset, Literal(ev.raw_start, datatype=XSD.integer)))
            g.add((node, PK.rawEndOffset, Literal(ev.raw_end, datatype=XSD.integer)))
        return node

    # one statement per (subject, property, object); the most specific industry role wins
    grouped = defaultdict(list)
    for r in corpus.relations:
        if r.subject in corpus.entities and r.object in corpus.entities:
            grouped[(r.subject, r.object, r.prop if not r.prop.endswith("Industry") else "industry")].append(r)
    for (s_key, o_key, family), rels in sorted(grouped.items()):
        props = {r.prop for r in rels}
        if family == "industry":
            roles = sorted(p for p in props if p != "hasIndustry")
            prop = _most_specific_role(roles, rels) if roles else "hasIndustry"
            rels = [r for r in rels if r.prop == prop] or rels
        else:
            prop = family
        s, o = URIRef(iris.entity_iri(s_key)), URIRef(iris.entity_iri(o_key))
        g.add((s, PK[prop], o))
        fact = URIRef(iris.fact_iri(str(s), prop, str(o)))
        g.add((fact, RDF.type, RDF.Statement))
        g.add((fact, RDF.subject, s))
        g.add((fact, RDF.predicate, PK[prop]))
        g.add((fact, RDF.object, o))
        g.add((fact, PK.confidence, _decimal(max(r.confidence for r in rels))))
        for stage in sorted({r.stage for r in rels}):
            g.add((fact, PK.extractedBy, _extractor(g, stage)))
        for r in rels:
            g.add((fact, PROV.wasDerivedFrom, evidence_node(r.evidence)))

    for t in corpus.targets:
        if t.park not in corpus.entities:
            continue
        park = URIRef(iris.entity_iri(t.park))
        node = URIRef(iris.target_iri(t.park, t.metric, t.value, t.unit, t.year))
        g.add((park, PK.hasTarget, node))
        g.add((node, RDF.type, PK.Target))
        g.add((node, PK.targetValue, _decimal(t.value)))
        g.add((node, PK.unit, Literal(t.unit)))
        g.add((node, PK.metric, Literal(t.metric, lang="zh")))
        if t.year is not None:
            g.add((node, PK.targetYear, Literal(t.year, datatype=XSD.integer)))
        year = f"{t.year}年" if t.year else ""
        value = f"{Decimal(repr(t.value)).normalize():f}"
        g.add((node, RDFS.label, Literal(f"{year}{t.metric} {value}{t.unit}".strip(), lang="zh")))
        base = _base_quantity(t.value, t.unit)
        if base:
            g.add((node, PK.baseValue, _decimal(base[0])))
            g.add((node, PK.baseUnit, Literal(base[1])))
        g.add((node, PK.confidence, _decimal(t.confidence)))
        g.add((node, PK.extractedBy, _extractor(g, t.stage)))
        g.add((node, PROV.wasDerivedFrom, evidence_node(t.evidence)))
    return g


_ROLE_ORDER = ("hasLeadingIndustry", "hasEmergingIndustry", "hasFutureIndustry")


def _most_specific_role(roles, rels) -> str:
    counts = {p: sum(1 for r in rels if r.prop == p) for p in roles}
    return max(roles, key=lambda p: (counts[p], -_ROLE_ORDER.index(p) if p in _ROLE_ORDER else 0))


_SCALES = [("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6),
           ("万", 1e4), ("千", 1e3)]


def _base_quantity(value: float, unit: str):
    """(value, unit) with the scale prefix applied: 300 亿元 -> (3e10, 元)."""
    for prefix, factor in _SCALES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return value * factor, unit[len(prefix):]
    return None


def _extractor(g: Graph, stage: str) -> URIRef:
    node = URIRef(iris.extractor_iri(stage))
    if (node, RDF.type, PK.Extractor) not in g:
        g.add((node, RDF.type, PK.Extractor))
        g.add((node, RDFS.label, Literal(stage)))
    return node


def _date(value: str) -> Literal:
    """An ISO date as xsd:date (so SPARQL can compare dates); anything else as written.

    >>> _date("2024-05-08").datatype == XSD.date, _date("2024年春").datatype
    (True, None)
    """
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.replace("-", "").isdigit():
        return Literal(value, datatype=XSD.date)
    return Literal(value)


def _safe_iri(url: str) -> bool:
    """An http(s) URL strict IRI parsers accept: no space, no delimiter, no control character and no
    character outside the IRI's ranges (U+FFFD, a cleaned lone surrogate, is not one): else a literal.

    >>> _safe_iri("http://a.cn/x"), _safe_iri("http://a.cn/x y"), _safe_iri("http://a.cn/\ufffd")
    (True, False, False)
    """
    return url.startswith(("http://", "https://")) and not any(
        ch in ' <>"{}|\\^`' or ord(ch) < 0x21 or 0xFFF0 <= ord(ch) <= 0xFFFF or 0xD800 <= ord(ch) <= 0xDFFF
        for ch in url)
