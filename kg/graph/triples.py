"""The triples of each kind of record, as pure generators: the one definition of the graph's shape.

`kg.graph.build.build_graph` adds them to one rdflib graph (small builds, the
HTML view, SHACL); the streamed build (`kg.stream`) turns them into N-Triples
lines and sorts them on disk, so a corpus of any size never becomes one graph in
memory. Both give the same set of triples, hence the same bytes once written.

Relations are plain triples (park pk:hasLeadingIndustry industry) for easy
querying, and each is also described by an ``rdf:Statement`` node that carries
its provenance: the evidence sentences (``prov:wasDerivedFrom``), the stage that
found it (``pk:extractedBy``) and a confidence. Evidence nodes give the
document, the sentence text and its offsets in the cleaned and the raw text.
No blank nodes, so the output is deterministic.

>>> from kg.types import Document
>>> sorted(str(p).rsplit("/", 1)[-1] for _, p, _ in document_triples(Document("d1", "园区", "d1.txt")))
['22-rdf-syntax-ns#type', 'identifier', 'ontology#documentFormat', 'source']
"""
from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from rdflib import RDF, RDFS, XSD, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.graph import iris

PK = Namespace(iris.ONTOLOGY)


def decimal_literal(value: float) -> Literal:
    d = Decimal(repr(float(value))).normalize()
    if d == d.to_integral():
        d = d.quantize(Decimal(1))
    return Literal(d, datatype=XSD.decimal)


def document_triples(d):
    """The ``pk:SourceDocument`` node of a `kg.types.Document`."""
    node = URIRef(iris.document_iri(d.id))
    yield node, RDF.type, PK.SourceDocument
    yield node, DCTERMS.identifier, Literal(d.id)
    if d.source:
        yield node, DCTERMS.source, Literal(d.source)
    if d.title:
        yield node, DCTERMS.title, Literal(d.title, lang="zh")
    if d.date:
        yield node, DCTERMS.date, date_literal(d.date)
    if d.url:
        yield node, DCTERMS.source, URIRef(d.url) if safe_iri(d.url) else Literal(d.url)
    yield node, PK.documentFormat, Literal(d.format or "text")


def entity_triples(e, subclass_ok=frozenset(), zones=None):
    """The node of a merged `kg.types.Entity`; `zones` maps catalogue zone IRIs to their `Zone` records."""
    node = URIRef(iris.entity_iri(e.key))
    cls = e.subclass if e.subclass in subclass_ok and e.subclass else e.cls
    yield node, RDF.type, PK[cls]
    if cls != e.cls:
        yield node, RDF.type, PK[e.cls]
    yield node, SKOS.prefLabel, Literal(e.label, lang="zh")
    yield node, RDFS.label, Literal(e.label, lang="zh")
    for alias in e.aliases:
        yield node, SKOS.altLabel, Literal(alias, lang="zh")
    if e.sector:
        yield node, PK.inSector, URIRef(e.sector)
    for doc_id in e.documents:
        yield node, PK.mentionedIn, URIRef(iris.document_iri(doc_id))
    if e.zone:  # the official catalogue's zone this park is (docs/catalogue.md), with its level and type
        yield node, PK.catalogueZone, URIRef(e.zone)
        zone = (zones or {}).get(e.zone)
        if zone is not None:
            yield URIRef(e.zone), PK.zoneLevel, Literal(zone.level)
            yield URIRef(e.zone), PK.zoneClass, PK[zone.cls]


def evidence_text(ev, doc) -> str:
    """The sentence of evidence `ev` as its document's reader wrote it (`ev.text` without the document)."""
    return doc.display(ev.start, ev.end) if doc is not None else ev.text


def evidence_triples(ev, text: str):
    node = URIRef(iris.evidence_iri(ev.doc_id, ev.start, ev.end))
    yield node, RDF.type, PK.Evidence
    yield node, PK.inDocument, URIRef(iris.document_iri(ev.doc_id))
    yield node, PK.sentenceText, Literal(text, lang="zh")
    yield node, PK.startOffset, Literal(ev.start, datatype=XSD.integer)
    yield node, PK.endOffset, Literal(ev.end, datatype=XSD.integer)
    yield node, PK.rawStartOffset, Literal(ev.raw_start, datatype=XSD.integer)
    yield node, PK.rawEndOffset, Literal(ev.raw_end, datatype=XSD.integer)


def extractor_triples(stage: str):
    node = URIRef(iris.extractor_iri(stage))
    yield node, RDF.type, PK.Extractor
    yield node, RDFS.label, Literal(stage)


def relation_family(prop: str) -> str:
    """Relations are merged per (subject, family, object): every industry role is one family."""
    return prop if not prop.endswith("Industry") else "industry"


_ROLE_ORDER = ("hasLeadingIndustry", "hasEmergingIndustry", "hasFutureIndustry")


def fact_property(family: str, rels) -> tuple[str, list]:
    """(the property one fact states, the readings it keeps): the most specific industry role wins."""
    if family != "industry":
        return family, rels
    roles = sorted({r.prop for r in rels} - {"hasIndustry"})
    if not roles:
        return "hasIndustry", rels
    counts = {p: sum(1 for r in rels if r.prop == p) for p in roles}
    prop = max(roles, key=lambda p: (counts[p], -_ROLE_ORDER.index(p) if p in _ROLE_ORDER else 0))
    return prop, [r for r in rels if r.prop == prop] or rels


def fact_triples(s_key: str, o_key: str, family: str, readings):
    """The triple and the ``rdf:Statement`` of one fact; `readings` are (relation, evidence text) pairs."""
    prop, kept = fact_property(family, [r for r, _ in readings])
    texts = {id(r): text for r, text in readings}
    s, o = URIRef(iris.entity_iri(s_key)), URIRef(iris.entity_iri(o_key))
    yield s, PK[prop], o
    fact = URIRef(iris.fact_iri(str(s), prop, str(o)))
    yield fact, RDF.type, RDF.Statement
    yield fact, RDF.subject, s
    yield fact, RDF.predicate, PK[prop]
    yield fact, RDF.object, o
    yield fact, PK.confidence, decimal_literal(max(r.confidence for r in kept))
    for stage in sorted({r.stage for r in kept}):
        yield fact, PK.extractedBy, URIRef(iris.extractor_iri(stage))
        yield from extractor_triples(stage)
    for r in kept:
        yield fact, PROV.wasDerivedFrom, URIRef(iris.evidence_iri(r.evidence.doc_id, r.evidence.start,
                                                                  r.evidence.end))
        yield from evidence_triples(r.evidence, texts[id(r)])


def targets_triples(readings):
    """The triples of targets read in the graph, from (target, evidence text) pairs with their merged parks.

    A target read more than once (two sentences of a document, two documents) is one node, with every
    evidence and the highest confidence of its readings: one ``pk:confidence``, as the shapes ask. Pass
    every reading of a target IRI in one call (all the readings of its park do).
    """
    readings = list(readings)
    best: dict = {}
    for t, _ in readings:
        iri = iris.target_iri(t.park, t.metric, t.value, t.unit, t.year)
        best[iri] = max(best.get(iri, t.confidence), t.confidence)
    for t, text in readings:
        top = best[iris.target_iri(t.park, t.metric, t.value, t.unit, t.year)]
        yield from target_triples(t if t.confidence == top else replace(t, confidence=top), text)


def target_triples(t, text: str):
    """The ``pk:Target`` node of a target of a park in the graph; `text` is its evidence sentence."""
    park = URIRef(iris.entity_iri(t.park))
    node = URIRef(iris.target_iri(t.park, t.metric, t.value, t.unit, t.year))
    yield park, PK.hasTarget, node
    yield node, RDF.type, PK.Target
    yield node, PK.targetValue, decimal_literal(t.value)
    yield node, PK.unit, Literal(t.unit)
    yield node, PK.metric, Literal(t.metric, lang="zh")
    if t.year is not None:
        yield node, PK.targetYear, Literal(t.year, datatype=XSD.integer)
    year = f"{t.year}年" if t.year else ""
    value = f"{Decimal(repr(t.value)).normalize():f}"
    yield node, RDFS.label, Literal(f"{year}{t.metric} {value}{t.unit}".strip(), lang="zh")
    base = base_quantity(t.value, t.unit)
    if base:
        yield node, PK.baseValue, decimal_literal(base[0])
        yield node, PK.baseUnit, Literal(base[1])
    yield node, PK.confidence, decimal_literal(t.confidence)
    yield node, PK.extractedBy, URIRef(iris.extractor_iri(t.stage))
    yield from extractor_triples(t.stage)
    yield node, PROV.wasDerivedFrom, URIRef(iris.evidence_iri(t.evidence.doc_id, t.evidence.start, t.evidence.end))
    yield from evidence_triples(t.evidence, text)


_SCALES = [("万亿", 1e12), ("千亿", 1e11), ("百亿", 1e10), ("亿", 1e8), ("千万", 1e7), ("百万", 1e6),
           ("万", 1e4), ("千", 1e3)]


def base_quantity(value: float, unit: str):
    """(value, unit) with the scale prefix applied: 300 亿元 -> (3e10, 元).

    >>> base_quantity(300, "亿元")
    (30000000000.0, '元')
    """
    for prefix, factor in _SCALES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return value * factor, unit[len(prefix):]
    return None


def date_literal(value: str) -> Literal:
    """An ISO date as xsd:date (so SPARQL can compare dates); anything else as written.

    >>> date_literal("2024-05-08").datatype == XSD.date, date_literal("2024年春").datatype
    (True, None)
    """
    if len(value) == 10 and value[4] == "-" and value[7] == "-" and value.replace("-", "").isdigit():
        return Literal(value, datatype=XSD.date)
    return Literal(value)


def safe_iri(url: str) -> bool:
    """An http(s) URL strict IRI parsers accept: no space, no delimiter, no control character and no
    character outside the IRI's ranges (U+FFFD, a cleaned lone surrogate, is not one): else a literal.

    >>> safe_iri("http://a.cn/x"), safe_iri("http://a.cn/x y"), safe_iri("http://a.cn/\ufffd")
    (True, False, False)
    """
    return url.startswith(("http://", "https://")) and not any(
        ch in ' <>"{}|\\^`' or ord(ch) < 0x21 or 0xFFF0 <= ord(ch) <= 0xFFFF or 0xD800 <= ord(ch) <= 0xDFFF
        for ch in url)
