"""``kg export``: write a graph in the formats other graph tools load.

The work is done by `kg.graph.export`; this is the thin shell.
"""
from __future__ import annotations

from pathlib import Path

import click

from kg.graph.export_formats import EXPORT_FORMATS


def register(main: click.Group) -> None:
    main.add_command(export)


@click.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--to", "out_dir", required=True, type=click.Path(path_type=Path), metavar="DIR",
              help="Folder to write the exports into (created if missing).")
@click.option("--format", "formats", default="all", show_default=True, metavar="LIST",
              help=f"Comma-separated: {','.join(EXPORT_FORMATS)} (or all).")
@click.option("--ontology", "ontology_dir", type=click.Path(path_type=Path), default=None,
              help="Ontology folder merged into ontology.ttl (default: the project's ontology/).")
def export(graph, out_dir, formats, ontology_dir):
    """Export GRAPH (a graph file, or a build folder with graph.ttl) for other tools.

    \b
    Files written into DIR, by format:
      ttl       graph.ttl      Turtle, sorted (GraphDB, Fuseki, Protégé, Neo4j n10s)
      nt        graph.nt       N-Triples, sorted lines
      nq        graph.nq       N-Quads, a named graph per source document
      jsonld    graph.jsonld   JSON-LD, compacted with the project prefixes
      gexf      graph.gexf     Gephi (node label/class, edge relation)
      graphml   graph.graphml  Gephi, yEd, Cytoscape
      csv       nodes.csv, edges.csv   neo4j-admin database import
      ontology  ontology.ttl   all ontology/*.ttl merged, every term declared (Protégé)

    \b
    Examples:
      kg export output --to exports
      kg export output/graph.ttl --to exports --format gexf,csv

    docs/graph-tools.md says how to load each into its tool.
    """
    from kg.graph.export import parse_formats, write_exports
    from kg.graph.query import load_graph_file

    chosen = parse_formats(formats)
    if graph.is_dir():
        graph = next((graph / n for n in ("graph.ttl", "graph.nt") if (graph / n).is_file()), graph / "graph.ttl")
    written = write_exports(load_graph_file(graph), out_dir, chosen, ontology_dir=ontology_dir)
    click.echo(f"wrote {len(written)} file(s) to {out_dir}: {', '.join(p.name for p in written)}", err=True)
