"""``kg push``: load a graph into a SPARQL 1.1 Graph Store Protocol endpoint.

What outgrows a laptop goes to a triple store: GraphDB, Apache Jena Fuseki,
Virtuoso, Oxigraph's server or any other that speaks the Graph Store Protocol.
The work is done by `kg.graph.store.push_graph`; this is the thin shell.
"""
from __future__ import annotations

import os
from pathlib import Path

import click


def register(main: click.Group) -> None:
    main.add_command(push)


@click.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, metavar="URL",
              help="The Graph Store Protocol URL: http://host:7878/store (Oxigraph), "
                   "http://host:3030/DATASET/data (Fuseki), http://host:7200/repositories/REPO/rdf-graphs/service "
                   "(GraphDB), http://host:8890/sparql-graph-crud (Virtuoso).")
@click.option("--graph-iri", default=None, metavar="IRI",
              help="Put the triples in this named graph (default: the endpoint's default graph).")
@click.option("--append", is_flag=True, help="Add to the graph (POST) instead of replacing it (PUT).")
@click.option("--batch", "batch_triples", type=click.IntRange(min=1), default=200_000, show_default=True,
              help="Triples per request when GRAPH is N-Triples.")
@click.option("--timeout", type=click.FloatRange(min=1), default=300, show_default=True,
              help="Seconds to wait for each request.")
@click.option("--update-endpoint", default=None, metavar="URL",
              help="SPARQL Update URL used to stage a replacing push of several batches and MOVE it into place in "
                   "one step (default: guessed beside --endpoint: .../store -> .../update for Oxigraph, "
                   ".../data -> .../update for Fuseki).")
@click.option("--resume-from", type=click.IntRange(min=0), default=0, metavar="N",
              help="Skip the first N triples of an N-Triples file and add the rest: finishes a push that stopped "
                   "(its error message gives N).")
@click.option("--user", default=None, metavar="NAME",
              help="HTTP Basic user; the password is read from $KG_PUSH_PASSWORD or asked for.")
def push(graph, endpoint, graph_iri, append, batch_triples, timeout, update_endpoint, resume_from, user):
    """Load GRAPH (a .ttl or .nt file, or a build folder) into a triple store at --endpoint.

    The target must accept writes (a kg serve needs --allow-update). A build
    folder sends its graph.nt when there is one (in batches), else its
    graph.ttl; a file the folder's last build did not write is refused. Unless
    --append, the push replaces the target graph (the --graph-iri named graph,
    else the default graph) with GRAPH: other named graphs are left as they
    are. A replacing push of several batches is staged in a new named graph
    and moved into place in one SPARQL Update, so a failure leaves the target
    as it was; where no update endpoint is known, a failure says how many
    triples the remote holds and how to --resume-from there.

    \b
    Examples:
      kg build news.jsonl -o big --format nt --no-html
      kg push big --endpoint http://localhost:7878/store --graph-iri https://w3id.org/parkkg/graph
      kg push output/graph.ttl --endpoint http://localhost:3030/parks/data --user admin
      kg serve output --allow-update --port 7879 &    # a writable endpoint of your own
      kg push big --endpoint http://127.0.0.1:7879/store
    """
    from kg.graph.store import push_graph

    auth = None
    if user:
        password = os.environ.get("KG_PUSH_PASSWORD")
        if password is None:
            password = click.prompt(f"password for {user}", hide_input=True, err=True)
        auth = (user, password)
    result = push_graph(graph, endpoint, graph_iri=graph_iri, replace=not append, batch_triples=batch_triples,
                        timeout=timeout, auth=auth, update_endpoint=update_endpoint, resume_from=resume_from)
    triples = f"{result['triples']} triples, " if result["triples"] is not None else ""
    staged = " (staged, then moved into place)" if result.get("staged") else ""
    click.echo(f"pushed {triples}{result['bytes']} bytes in {result['requests']} request(s){staged} -> "
               f"{result['url']}", err=True)
