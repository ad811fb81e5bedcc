"""``kg serve``: a SPARQL 1.1 Protocol endpoint over a graph; the arguments only.

The endpoint itself (Oxigraph's server behind a guard that enforces the time
limit and the memory cap and refuses cross-origin requests and SERVICE), and
what it tells the user once it runs, is `kg.graph.endpoint`.
"""
from __future__ import annotations

import signal
from pathlib import Path

import click

from kg.graph.oxigraph_server import DEFAULT_HOST, DEFAULT_MAX_MEMORY_MB, DEFAULT_PORT


def register(main: click.Group) -> None:
    main.add_command(serve)


def _raise_interrupt(signum, frame):
    raise KeyboardInterrupt


@click.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Address to listen on. Anything but 127.0.0.1/localhost/::1 opens it to the network.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(1, 65535))
@click.option("--allow-update", is_flag=True,
              help="Accept SPARQL Update and Graph Store writes (kg push) on a copy: never GRAPH, nor a build's "
                   "store folder. Refused by default.")
@click.option("--no-ontology", is_flag=True, help="Serve the graph alone, without ontology/*.ttl.")
@click.option("--ontology", "ontology_dir", type=click.Path(path_type=Path), default=None,
              help="Ontology folder loaded beside the graph (default: the project's ontology/).")
@click.option("--location", type=click.Path(path_type=Path), default=None,
              help="Keep the Oxigraph store in this new or empty folder instead of a temporary one.")
@click.option("--timeout", "query_timeout", default=60, show_default=True, type=click.IntRange(1),
              help="Seconds a query may run; at the limit it gets HTTP 504 and the server is restarted.")
@click.option("--max-memory", "max_memory_mb", default=DEFAULT_MAX_MEMORY_MB,
              type=click.IntRange(64), metavar="MB",
              help="Restart the server (running queries get HTTP 503) when its memory passes this "
                   "(default: half this machine's memory).")
@click.option("--allow-origin", "allow_origins", multiple=True, metavar="ORIGIN",
              help="Accept requests from web pages of this origin (https://yasgui.example; '*' for any). "
                   "Repeatable. By default only the endpoint's own query page may use it.")
@click.option("--allow-service", is_flag=True,
              help="Run queries with SERVICE, which make the server contact other hosts. Refused by default.")
@click.option("--union-default-graph/--no-union-default-graph", "union_default_graph", default=None,
              help="Let queries without GRAPH see all named graphs (default: on for .nq/.trig input and for a store).")
def serve(graph, host, port, allow_update, no_ontology, ontology_dir, location, query_timeout, max_memory_mb,
          allow_origins, allow_service, union_default_graph):
    """Serve GRAPH over the SPARQL 1.1 Protocol until Ctrl-C.

    GRAPH is a graph file, a build folder, or an Oxigraph store folder (kg build
    --store). The graph and the ontology are loaded into Oxigraph; a browser
    opens the query page at http://HOST:PORT/, queries go to
    http://HOST:PORT/query (GET ?query=... or POST), updates to /update and
    Graph Store writes (kg push) to /store only with --allow-update. Needs the
    oxigraph server: pip install 'parkkg[server]'.

    \b
    Examples:
      kg serve output/graph.ttl
      curl -H 'Accept: application/sparql-results+json' \\
        --data-urlencode 'query=SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' http://127.0.0.1:7878/query
    """
    from kg.graph.endpoint import Endpoint

    endpoint = Endpoint(graph, host=host, port=port, allow_update=allow_update, ontology=not no_ontology,
                        ontology_dir=ontology_dir, location=location, query_timeout_s=query_timeout,
                        union_default_graph=union_default_graph, max_memory_mb=max_memory_mb,
                        allow_origins=allow_origins, allow_service=allow_service)
    previous = signal.signal(signal.SIGTERM, _raise_interrupt)
    try:
        with endpoint:
            for line in endpoint.banner() + ["Ctrl-C to stop"]:
                click.echo(line, err=True)
            endpoint.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        signal.signal(signal.SIGTERM, previous)
