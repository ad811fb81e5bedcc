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

Each format lives in a module of its own: `kg.graph.export_nquads` (a named
graph per document), `kg.graph.export_jsonld`, `kg.graph.export_ontology` (the
merged ontology for Protégé) and `kg.graph.export_network` (GEXF, GraphML and
Neo4j CSV, from the one projection `kg.graph.network.project`); the names and
files of the formats are `kg.graph.export_formats`. This module writes them and
re-exports their functions.

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

from pathlib import Path

from kg.graph.export_formats import EXPORT_FORMATS, FILE_NAMES, ExportError, parse_formats  # noqa: F401
from kg.graph.export_jsonld import export_prefixes, generate_jsonld
from kg.graph.export_network import (EDGE_COLUMNS, NODE_COLUMNS, Network, generate_gexf,  # noqa: F401
                                     generate_graphml, generate_neo4j_csv, network, neutralise_cell, to_networkx)
from kg.graph.export_nquads import document_graphs, generate_nquads, iter_nquads  # noqa: F401
from kg.graph.export_ontology import generate_ontology, ontology_graph  # noqa: F401
from kg.graph.network import NODE_CLASSES  # noqa: F401  (the contract classes, re-exported: one list for every view)


def _write_text(generate):
    """A writer of one file from a ``generate_*(graph)`` function."""
    def write(graph, paths, ontology_dir) -> None:
        from kg.graph.serialize import atomic_write_text

        atomic_write_text(paths[0], generate(graph))
    return write


def _write_turtle(graph, paths, ontology_dir) -> None:
    from kg.graph.serialize import write_turtle

    write_turtle(graph, paths[0], export_prefixes())


def _write_ntriples(graph, paths, ontology_dir) -> None:
    from kg.graph.serialize import write_ntriples

    write_ntriples(graph, paths[0])


def _write_csv(graph, paths, ontology_dir) -> None:
    from kg.graph.serialize import atomic_write_text

    nodes, edges = generate_neo4j_csv(graph)
    atomic_write_text(paths[0], nodes)
    atomic_write_text(paths[1], edges)


def _write_ontology(graph, paths, ontology_dir) -> None:
    from kg.graph.serialize import atomic_write_text

    atomic_write_text(paths[0], generate_ontology(ontology_dir, graph))


# format -> writer(graph, paths of FILE_NAMES[format], ontology_dir)
WRITERS = {"ttl": _write_turtle, "nt": _write_ntriples, "nq": _write_text(generate_nquads),
           "jsonld": _write_text(generate_jsonld), "gexf": _write_text(generate_gexf),
           "graphml": _write_text(generate_graphml), "csv": _write_csv, "ontology": _write_ontology}


def write_exports(graph, out_dir: Path | str, formats=EXPORT_FORMATS, ontology_dir=None) -> list[Path]:
    """Write the chosen formats into `out_dir` (each file atomically); returns the paths written."""
    out_dir = Path(out_dir)
    written = []
    for fmt in formats:
        if fmt not in WRITERS:
            raise ExportError(f"unknown export format {fmt!r}; choose from {','.join(EXPORT_FORMATS)}")
        paths = [out_dir / name for name in FILE_NAMES[fmt]]
        WRITERS[fmt](graph, paths, ontology_dir)
        written.extend(paths)
    return written
