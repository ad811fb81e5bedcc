"""``kg update``: bring a streamed build's store up to date with its sources, touching only what changed."""
from __future__ import annotations

import sys
from pathlib import Path

import click


def register(main: click.Group) -> None:
    main.add_command(update)


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, readable=False))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              help="The folder of a 'kg build --stream --store'.")
@click.option("--ontology", "ontology_dir", type=click.Path(path_type=Path), default=None,
              help="Ontology folder (default: the project's ontology/); must be the one OUT was built with.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, help="Extraction processes (default: all cores).")
@click.option("--format", "formats", multiple=True, type=click.Choice(["ttl", "nt", "nq"]),
              help="Also rewrite OUT/graph.FORMAT (default: only the store is updated). Repeatable.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="P",
              help="As for kg build: give the value OUT was built with.")
@click.option("--add", is_flag=True,
              help="PATHS hold only documents to add (or to replace, under an id already built); nothing is removed.")
@click.option("--remove", "remove", multiple=True, metavar="ID", help="Drop the document ID (repeatable; with --add).")
@click.option("-q", "--quiet", is_flag=True, help="No summary.")
def update(paths, out_dir, ontology_dir, jobs, formats, min_confidence, add, remove, quiet):
    """Patch OUT/store for new, changed and removed documents, touching only what they affect.

    Without --add, PATHS are the whole current inputs (as for kg build): new
    and changed documents are extracted, documents not among them removed, the
    rest only hashed. With --add, PATHS hold just the documents to add. Only the
    entities, facts and targets the change touches are merged again (over the
    on-disk index OUT/.kg-index.sqlite) and rewritten in the store, which then
    answers exactly as a fresh 'kg build --stream --store' of the same inputs
    would. The graph files are rewritten only for the formats given with --format.

    \b
    Examples:
      kg build news.jsonl -o big --stream --store --no-html
      kg update today.jsonl -o big --add
      kg update news.jsonl today.jsonl -o big
      kg update -o big --add --remove news-00152d74bbdd
    """
    from kg.sources import default_jobs
    from kg.stream.update import update as run_update

    if not paths and not (add and remove):
        raise click.UsageError("give the inputs (PATHS), or --add with PATHS or --remove ID")
    report = run_update(list(paths), out_dir, ontology_dir, add=add, remove=remove, jobs=jobs or default_jobs(),
                        formats=formats, min_confidence=min_confidence, progress=not quiet and sys.stderr.isatty())
    for message in report.warnings:
        click.echo(f"warning: {message}", err=True)
    for message in report.skipped[:50]:
        click.echo(f"skipped: {message}", err=True)
    if not quiet:
        c = report.changes
        click.echo(f"{c.get('added', 0)} added, {c.get('changed', 0)} changed, {c.get('removed', 0)} removed, "
                   f"{c.get('moved', 0)} moved document(s); {c.get('entities_affected', 0)} entities merged again; "
                   f"store: -{c.get('triples_removed', 0)} +{c.get('triples_added', 0)} triples -> "
                   f"{', '.join(report.outputs)}", err=True)
    if report.skipped:
        sys.exit(1)
