"""``kg validate``: check a graph against the parkkg SHACL shapes and a strict parser.

The work is done by `kg.graph.validate`; this is the thin shell.
"""
from __future__ import annotations

import sys
from pathlib import Path

import click


def register(main: click.Group) -> None:
    main.add_command(validate)


@click.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--ontology", "ontology_dir", type=click.Path(path_type=Path), default=None,
              help="Ontology folder with shapes.ttl (default: the project's ontology/).")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True,
              help="How many violations to list.")
def validate(graph, ontology_dir, limit):
    """Check GRAPH (a .ttl, .nt, .nq, .trig or .jsonld file, or a build folder) against the shapes.

    \b
    Two checks:
      1. the file parses in pyoxigraph, a strict parser (IRIs, escapes);
      2. the graph conforms to the SHACL shapes of ontology/shapes.ttl: every
         entity named, every fact with evidence, targets with a park, a value
         and a unit, offsets that are integers, and so on.
    Prints a report grouped by problem. Exit code 0 when the graph conforms,
    1 when it has violations or the strict parser refuses it, 2 when it cannot
    be read at all.

    \b
    Example:
      kg validate output/graph.ttl
    """
    from kg.graph.query import load_graph_file
    from kg.graph.validate import check_strict_syntax, render_report, validate_graph

    if graph.is_dir():
        graph = graph / "graph.ttl"
    data = load_graph_file(graph)
    syntax = check_strict_syntax(graph)
    report = validate_graph(data, ontology_dir)
    click.echo(render_report(report, str(graph), limit))
    click.echo(syntax or f"{graph} parses in pyoxigraph (a strict parser)")
    if syntax or not report.conforms:
        sys.exit(1)
