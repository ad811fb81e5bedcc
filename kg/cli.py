"""The ``kg`` command: a thin shell over the library."""
from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

import click

from kg.errors import ParkKGError
from kg.graph.formats import WRITE_FORMATS

# Commands that live in their own modules; each module defines register(main).
COMMAND_MODULES = ("kg.commands.push", "kg.commands.bench", "kg.commands.eval", "kg.commands.stats", "kg.commands.validate", "kg.commands.train_ner", "kg.commands.export", "kg.commands.serve", "kg.commands.update")


class _Main(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ParkKGError as exc:
            if ctx.params.get("debug") or "--debug" in sys.argv:
                raise
            click.echo(f"error: {exc}", err=True)
            sys.exit(getattr(exc, "exit_code", 2))  # 3: the outputs could not be written (kg.graph.outputs)


@click.group(cls=_Main, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show Python tracebacks for errors.")
@click.version_option(package_name="parkkg")
def main(debug):
    """parkkg: build a knowledge graph of industrial parks from Chinese texts.

    \b
    Typical use:
      kg build seeds -o output          # graph.ttl and graph.html
      kg query parks-by-leading-industry --param industry=集成电路 --graph output/graph.ttl
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, readable=False))
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path), default=Path("output"), show_default=True,
              help="Folder for graph.ttl and graph.html.")
@click.option("--ontology", "ontology_dir", type=click.Path(path_type=Path), default=None,
              help="Ontology folder (default: the project's ontology/).")
@click.option("--no-html", is_flag=True, help="Skip the HTML view.")
@click.option("--strict", is_flag=True, help="Fail (exit 2, nothing written) if any input is skipped.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0,
              help="Extraction processes (default 0: all cores). The output is the same whatever N.")
@click.option("--scheduler", metavar="ADDRESS", default=None,
              help="Extract on a Dask cluster at ADDRESS (tcp://host:8786) instead of local processes "
                   "(with --stream, merge there too); needs pip install 'parkkg[dask]'.")
@click.option("--cache-dir", type=click.Path(path_type=Path), default=None,
              help="Cache of per-document results (default: OUT/.cache); a rebuild extracts only new or "
                   "changed documents.")
@click.option("--no-cache", is_flag=True, help="Extract every document again and keep no cache.")
@click.option("--store", is_flag=True,
              help="Also load the graph into an Oxigraph store at OUT/store, for fast queries on big graphs.")
@click.option("--format", "formats", multiple=True, type=click.Choice(list(WRITE_FORMATS)),
              help="Graph file(s) to write: OUT/graph.FORMAT. Repeatable; default ttl. Use nt for bulk loading.")
@click.option("--open", "open_page", is_flag=True, help="Open OUT/graph.html in the web browser when the build is done.")
@click.option("--ner", "ner", metavar="MODEL", default=None,
              help="Add a HanLP NER stage: a folder from 'kg train-ner', or a HanLP pretrained id (needs network "
                   "once). Needs pip install 'parkkg[hanlp]'. Default: the PARKKG_NER setting, else off.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None, metavar="P",
              help="Keep relations and targets whose pk:confidence is at least P (0-1). Default: the thresholds "
                   "fitted on the gold annotations and the judged readings (docs/confidence.md): precision 0.85 on "
                   "the gold, and no fact less likely right than wrong on judged news.")
@click.option("--stream", "streamed", is_flag=True,
              help="Out-of-core build for big corpora: memory stays flat (no HTML view; ttl, nt, nq); keeps what "
                   "'kg update' needs. Same graph bytes. See docs/scale.md.")
@click.option("--timings", is_flag=True, help="Also print the seconds each step took (extract, merge, graph, "
              "validate, write, ...), even with -q.")
def build(paths, out_dir, ontology_dir, no_html, strict, quiet, jobs, scheduler, cache_dir, no_cache, store, formats,
          open_page, ner, min_confidence, streamed=False, timings=False):
    """Build the graph of PATHS (files, folders or .jsonl corpora) into OUT.

    Writes OUT/graph.ttl (Turtle, deterministic) and OUT/graph.html (an
    interactive network that works offline). A .jsonl corpus holds one
    {"id": ..., "text": ...} object per line and is streamed. Unreadable
    inputs are reported and skipped; the exit code is 1 when any was skipped,
    0 otherwise, 2 (nothing written) with --strict or when no input could
    be read, and 3 when OUT cannot be written (a file, read-only, full, or
    another build is writing it), checked before extraction where possible.
    OUT/manifest.json lists the files of the last build; outputs of an earlier
    build it did not write are removed. The graph is checked against ontology/shapes.ttl (SHACL line).

    \b
    Examples:
      kg build seeds -o output
      kg build news.jsonl -o big --jobs 8 --format nt --store --no-html
      kg build news.jsonl -o big --scheduler tcp://10.0.0.5:8786
      kg build news.jsonl -o big --stream --store --no-html --format nt --scheduler tcp://10.0.0.5:8786
    """
    from kg.build import build as run_build
    from kg.build import default_jobs
    from kg.extraction import no_collection_at_exit

    no_collection_at_exit()
    started = time.perf_counter()
    progress = not quiet and sys.stderr.isatty()  # a bar on a log file would glue itself to the next line
    report = run_build(list(paths), out_dir, ontology_dir=ontology_dir, html=not no_html, progress=progress,
                       jobs=jobs or default_jobs(), scheduler=scheduler, store=store, formats=formats or ("ttl",),
                       cache_dir=None if no_cache else (cache_dir or Path(out_dir) / ".cache"),
                       prune_cache=cache_dir is None, strict=strict, ner=ner, min_confidence=min_confidence,
                       streamed=streamed)
    for message in report.warnings:
        click.echo(f"warning: {message}", err=True)
    for message in report.skipped[:50]:
        click.echo(f"skipped: {message}", err=True)
    if len(report.skipped) > 50:
        click.echo(f"skipped: ... and {len(report.skipped) - 50} more", err=True)
    if not quiet:
        cached = f" ({report.cached} from the cache)" if report.cached else ""
        readings = f" (from {report.readings} readings)" if report.readings != report.relations else ""
        click.echo(f"{report.documents} document(s){cached}, {report.entities} entities, {report.relations} relations"
                   f"{readings}, {report.targets} targets, {report.triples} triples -> {', '.join(report.outputs)}",
                   err=True)
        if report.validation is not None:
            click.echo(report.validation.summary(), err=True)
    if timings:
        click.echo(timings_line(report.seconds, time.perf_counter() - started), err=True)
    page = Path(out_dir).resolve() / "graph.html"
    if not no_html and page.is_file():
        if not quiet:
            click.echo(f"view: {page.as_uri()}", err=True)
        if open_page:
            import webbrowser

            if not webbrowser.open(page.as_uri()):
                click.echo(f"no web browser could be started here; open {page.as_uri()} by hand", err=True)
    if report.skipped:
        sys.exit(1)


def timings_line(seconds: dict, total: float) -> str:
    """The ``--timings`` line of ``kg build``.

    >>> timings_line({"extract": 2.514, "graph": 0.5}, 3.2)
    'timings: extract 2.51 s, graph 0.50 s, total 3.20 s'
    """
    return "timings: " + ", ".join(f"{step} {s:.2f} s" for step, s in [*seconds.items(), ("total", total)])


@main.command()
@click.argument("query", required=False)
@click.option("--graph", "graph_path", type=click.Path(path_type=Path), default=Path("output/graph.ttl"),
              show_default=True, help="The graph file to query (.ttl, .nt, .nq, .trig or .jsonld).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (a Chinese literal, an integer, or an IRI). Repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="table for people (IRIs shortened to pk:, ind:, kgr:); csv and json keep full IRIs.")
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries with their titles and parameters.")
@click.option("--no-ontology", is_flag=True,
              help="Query the graph alone, without ontology/*.ttl (taxonomy and property labels).")
@click.option("--ontology", "ontology_dir", type=click.Path(path_type=Path), default=None,
              help="Ontology folder read beside the graph (default: the project's ontology/).")
def query(query, graph_path, params, fmt, list_saved, no_ontology, ontology_dir):
    """Run QUERY (a saved query name, a .rq file, or SPARQL text) over the graph.

    Parameters are bound to the query's ?NAME variables, never pasted into its
    text. The ontology (industry taxonomy, property labels) is read beside the
    graph unless --no-ontology is given.

    \b
    Examples:
      kg query --list
      kg query parks-by-leading-industry --param industry=新一代信息技术 --graph output/graph.ttl
      kg query targets-due-by --param year=2025 --format csv
      kg query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from kg.graph.query import display_rows, execute
    from kg.queries import list_queries
    from kg.views.tables import render

    if list_saved:
        rows = [[q.name, q.title, " ".join(p.name + ("" if p.required else "?") for p in q.params)]
                for q in list_queries()]
        click.echo(render(["name", "title", "params (? = optional)"], rows, fmt))
        return
    if not query:
        raise click.UsageError("give a QUERY (a saved query name, a .rq file or SPARQL text), or --list")
    from kg.graph.outputs import check_output

    problem = check_output(graph_path) if Path(graph_path).exists() else None
    if problem:  # a file the last build in its folder did not write: answers may be stale
        click.echo(f"warning: {problem}", err=True)
    result = execute(query, graph_path, params, ontology=not no_ontology, ontology_dir=ontology_dir)
    click.echo(render(result.columns, display_rows(result.rows, compact=fmt == "table"), fmt))


for _module in COMMAND_MODULES:
    importlib.import_module(_module).register(main)


if __name__ == "__main__":  # pragma: no cover
    main()
