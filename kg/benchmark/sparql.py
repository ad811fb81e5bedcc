"""SPARQL timings of `kg bench`: the saved queries over a graph of a million triples, Oxigraph against rdflib.

The graph is the corpus graph copied with renamed instance IRIs until it is big
enough; rdflib runs in a child process with a time budget, and queries it did not
reach count as censored at the budget.
"""
from __future__ import annotations

import math
import resource
import statistics
import time
from pathlib import Path

FALLBACK_QUERIES = {
    "count-triples": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "parks-by-class": ("PREFIX pk: <https://w3id.org/parkkg/ontology#>\n"
                       "SELECT ?c (COUNT(?p) AS ?n) WHERE { ?p a ?c } GROUP BY ?c"),
    "leading-industries": ("PREFIX pk: <https://w3id.org/parkkg/ontology#>\n"
                           "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                           "SELECT ?park ?ind WHERE { ?p pk:hasLeadingIndustry ?i . ?p skos:prefLabel ?park . "
                           "?i skos:prefLabel ?ind } LIMIT 100"),
}


def replicate_ntriples(source: Path, target: Path, min_triples: int) -> int:
    """Copy the graph until it has `min_triples`, renaming instance IRIs per copy; returns the triple count."""
    from kg.graph.iris import BASE

    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    n = max(1, math.ceil(min_triples / max(1, len(lines))))
    with open(target, "w", encoding="utf-8") as handle:
        for k in range(n):
            if k == 0:
                handle.write("\n".join(lines) + "\n")
            else:
                handle.write("\n".join(lines).replace(BASE, f"{BASE}c{k}/") + "\n")
    return n * len(lines)


def bench_queries() -> list[tuple[str, str, dict]]:
    """(name, SPARQL, bindings as rdflib terms) of the saved queries, else a few built-in ones."""
    try:
        from kg.queries import bind_params, list_queries

        out = []
        for q in list_queries():
            required = [p for p in q.params if p.required]
            if any(not p.example for p in required):
                continue
            out.append((q.name, q.sparql, bind_params([f"{p.name}={p.example}" for p in required])))
        if out:
            return out
    except Exception:  # the saved queries are another module's; the bench still runs without them
        pass
    return [(name, sparql, {}) for name, sparql in FALLBACK_QUERIES.items()]


def graph_files(nt_file: Path) -> list[Path]:
    """The big graph and the ontology files, which ``kg build --store`` and ``kg query`` load beside a graph."""
    from kg.ontology import ontology_files

    return [nt_file, *ontology_files()]


def median_query_ms(store, sparql: str, bindings, runs: int) -> float:
    """Median milliseconds of `runs` timed runs of a saved query on an Oxigraph store, after one warm-up."""
    from kg.graph.store import query_store

    query_store(store, sparql, bindings)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        query_store(store, sparql, bindings)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def time_oxigraph(nt_file: Path, store_dir: Path | None, queries, runs: int) -> dict:
    """Query times on an Oxigraph store on disk at `store_dir` (as ``kg build --store`` makes), or in memory."""
    from kg.graph.store import load_into_store, memory_store, open_store

    start = time.perf_counter()
    if store_dir is None:
        store = memory_store(graph_files(nt_file))
    else:
        load_into_store(graph_files(nt_file), store_dir)
        store = open_store(store_dir)
    load_s = time.perf_counter() - start
    per_query = {name: median_query_ms(store, sparql, bindings, runs) for name, sparql, bindings in queries}
    del store
    return {"load_s": load_s, "per_query_ms": per_query}


def _rdflib_child(nt_file: str, queries, conn) -> None:
    from rdflib.plugins.sparql import prepareQuery

    from kg.graph.query import load_query_graph

    start = time.perf_counter()
    g = load_query_graph(nt_file)  # as kg query reads a graph file: with the ontology beside it
    conn.send(("loaded", time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))
    for name, sparql, bindings in queries:
        prepared = prepareQuery(sparql)
        start = time.perf_counter()
        list(g.query(prepared, initBindings=bindings))
        conn.send((name, (time.perf_counter() - start) * 1000, None))
    conn.send(("done", 0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024))


def time_rdflib(nt_file: Path, queries, budget_s: float) -> dict:
    """Each query once over the graph parsed by rdflib, in a child process that stops at `budget_s`."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_child, args=(str(nt_file), queries, child), daemon=True)
    proc.start()
    child.close()
    deadline = time.monotonic() + budget_s
    per_query, load_s, rss, started = {}, None, None, None
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not parent.poll(left):
                break
            name, value, memory = parent.recv()
            if name == "loaded":
                load_s, rss, started = value, memory, time.monotonic()
            elif name == "done":
                rss = memory
                break
            else:
                per_query[name] = value
    except EOFError:
        pass
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
    censored = [name for name, _, _ in queries if name not in per_query]
    for name in censored:  # not reached or not finished: at least as slow as the time it had
        per_query[name] = max(0.0, (time.monotonic() - (started or time.monotonic())) * 1000)
    return {"load_s": load_s, "per_query_ms": per_query, "censored": censored, "rss_mb": rss}


def sparql_figures(nt_file: Path, tmp: Path, options, say) -> dict:
    """The graph at `nt_file` grown to `options.min_triples`, then every saved query on Oxigraph and rdflib."""
    big = tmp / "big.nt"
    triples = replicate_ntriples(nt_file, big, options.min_triples)
    queries = bench_queries()
    ox = time_oxigraph(big, tmp / "store", queries, options.query_runs)
    mem = time_oxigraph(big, None, queries, options.query_runs)
    rd = time_rdflib(big, queries, options.rdflib_budget)
    figures = {
        "sparql_triples": triples,
        "sparql_queries": len(queries),
        "sparql_p50_ms_oxigraph": round(statistics.median(ox["per_query_ms"].values()), 2),
        "sparql_p50_ms_oxigraph_memory": round(statistics.median(mem["per_query_ms"].values()), 2),
        "sparql_p50_ms_rdflib": round(statistics.median(rd["per_query_ms"].values()), 2),
        "sparql_rdflib_censored": len(rd["censored"]),
        "oxigraph_load_s": round(ox["load_s"], 2),
        "rdflib_load_s": round(rd["load_s"], 2) if rd["load_s"] else None,
        "rdflib_rss_mb": round(rd["rss_mb"]) if rd["rss_mb"] else None,
    }
    say(f"SPARQL over {triples} triples ({len(queries)} queries): Oxigraph load {ox['load_s']:.1f} s, "
        f"rdflib parse {rd['load_s'] or float('nan'):.1f} s")
    for name, _, _ in queries:
        mark = " (not finished in the budget)" if name in rd["censored"] else ""
        say(f"  {name:30s} oxigraph {ox['per_query_ms'][name]:9.1f} ms (in memory "
            f"{mem['per_query_ms'][name]:8.1f} ms)   rdflib {rd['per_query_ms'][name]:10.1f} ms{mark}")
    return figures
