"""The graph file formats parkkg reads and writes: one table, read by every module that needs it.

>>> by_suffix(".NQ").rdflib, by_suffix(".nq").quads
('nquads', True)
>>> WRITE_FORMATS
('ttl', 'nt', 'nq', 'jsonld', 'trig')
>>> by_suffix(".txt") is None
True
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GraphFormat:
    """One RDF file format: its ``kg build --format`` key, file suffix, rdflib and pyoxigraph names."""

    key: str
    suffix: str
    rdflib: str  # rdflib's parser/serializer name
    oxigraph: str  # the attribute of pyoxigraph.RdfFormat
    quads: bool  # named graphs: read as a dataset, queried as the union of its graphs
    writable: bool  # kg build can write it (the others are read only, e.g. an ontology in RDF/XML)


GRAPH_FORMATS = (
    GraphFormat("ttl", ".ttl", "turtle", "TURTLE", False, True),
    GraphFormat("nt", ".nt", "nt", "N_TRIPLES", False, True),
    GraphFormat("nq", ".nq", "nquads", "N_QUADS", True, True),
    GraphFormat("jsonld", ".jsonld", "json-ld", "JSON_LD", False, True),
    GraphFormat("trig", ".trig", "trig", "TRIG", True, True),
    GraphFormat("rdf", ".rdf", "xml", "RDF_XML", False, False),
    GraphFormat("owl", ".owl", "xml", "RDF_XML", False, False),
    GraphFormat("n3", ".n3", "n3", "N3", False, False),
)
WRITE_FORMATS = tuple(f.key for f in GRAPH_FORMATS if f.writable)
READ_SUFFIXES = tuple(f.suffix for f in GRAPH_FORMATS if f.writable)  # what graph files kg writes, and reads


def by_suffix(suffix: str) -> GraphFormat | None:
    """The format of a file suffix (``.ttl``, case ignored), or None."""
    suffix = suffix.lower()
    return next((f for f in GRAPH_FORMATS if f.suffix == suffix), None)


def by_key(key: str) -> GraphFormat | None:
    """The format of a ``--format`` key (``ttl``, ``nt`` …), or None."""
    return next((f for f in GRAPH_FORMATS if f.key == key), None)
