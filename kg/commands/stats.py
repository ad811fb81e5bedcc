"""``kg stats``: a readable report of what the graph holds (counts, hubs, similar parks, clusters, timelines).

The work is done by `kg.views.analytics.write_report`; this is the thin shell.
"""
from __future__ import annotations

from pathlib import Path

import click


def register(main: click.Group) -> None:
    main.add_command(stats)


@click.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=None,
              help="Folder for report.md and the stats-*.png plots (default: the folder of GRAPH).")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="How many parks, enterprises and industries to list.")
@click.option("--seed", type=int, default=7, show_default=True,
              help="Seed of the community detection and plot layouts (same seed, same report).")
@click.option("--no-plots", is_flag=True, help="Write only report.md (plots need: pip install 'parkkg[viz]').")
def stats(graph, out_dir, top, seed, no_plots):
    """Analyse GRAPH (a .ttl, .nt, .jsonld file or a build folder) and write a report.

    \b
    The report (report.md, Markdown) gives counts per class, the most connected
    parks and enterprises, park similarity by shared industries (Jaccard),
    industry co-occurrence clusters (Louvain) and each park's target timeline,
    with PNG plots beside it when matplotlib is installed.

    \b
    Example:
      kg stats output/graph.ttl -o output/stats
    """
    from kg.graph.query import load_graph_file
    from kg.views.analytics import write_report

    if graph.is_dir():
        graph = graph / "graph.ttl"
    out_dir = out_dir if out_dir is not None else graph.parent
    notes: list = []
    loaded = load_graph_file(graph)
    paths = write_report(loaded, out_dir, top=top, seed=seed, plots=not no_plots,
                         title=f"parkkg statistics: {graph.name}", notes=notes)
    from kg.views.catalogue_stats import write_catalogue_report

    paths += write_catalogue_report(loaded, out_dir)  # catalogue.md: parks by province and level, if any
    for path in paths:
        click.echo(str(path))
    for note in notes:
        click.echo(f"note: {note}", err=True)
