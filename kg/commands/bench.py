"""``kg bench``: how fast parkkg is on a corpus, in figures, ending with one JSON line.

Not a test: timings depend on the machine and its load. It measures, in order:

- ``build_s`` / ``peak_rss_mb``: a whole ``kg build`` of the corpus in a child
  process (``--no-html --no-cache --format nt``, all cores); the peak resident
  memory of its largest process (and of the whole process tree, where psutil
  is installed);
- ``chars_per_s``: end-to-end extraction (`Pipeline.process`) in one process,
  and ``jieba_chars_per_s``: ``jieba.lcut`` over the same texts in the same run;
- ``scaling_16x``: time to build the graph of 1,600 documents (reading,
  extraction, merging, graph, Turtle) over the mean time of building each of
  its 16 slices of 100, so 16 means linear (distinct documents spread over the
  corpus; copies of 100 on a small corpus);
- ``parallel_speedup_2``: extraction with 2 processes against 1, wall clock,
  best of two runs of each taken in turns;

The one-process figures are measured in CPU seconds of this process
(`time.process_time`): on an idle machine they equal wall seconds, and on a
shared one they do not count the time the OS gave to other programs (the
``*_wall`` keys give wall seconds too). A speedup needs wall time, so
``parallel_speedup_2`` is wall-clock and suffers on a loaded machine; the JSON
also gives ``parallel_cpu_ratio`` (CPU of the 2-process run, parent and
workers, over the 1-process run: the work parallelism adds) and the load
average at the start.
- ``sparql_p50_ms_oxigraph`` (the on-disk store ``kg build --store`` writes;
  ``..._memory`` for an in-memory Oxigraph store) / ``sparql_p50_ms_rdflib``: the median over the
  saved queries (``queries/*.rq``, required parameters bound to their header's
  example) of each query's median time, over a graph of at least 1 M triples
  made by copying the corpus graph with renamed instance IRIs. rdflib runs in
  a child process with a time budget; queries it did not reach count as
  censored at the budget and are reported.
"""
from __future__ import annotations

import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import click

FALLBACK_QUERIES = {
    "count-triples": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "parks-by-class": ("PREFIX pk: <https://w3id.org/parkkg/ontology#>\n"
                       "SELECT ?c (COUNT(?p) AS ?n) WHERE { ?p a ?c } GROUP BY ?c"),
    "leading-industries": ("PREFIX pk: <https://w3id.org/parkkg/ontology#>\n"
                           "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                           "SELECT ?park ?ind WHERE { ?p pk:hasLeadingIndustry ?i . ?p skos:prefLabel ?park . "
                           "?i skos:prefLabel ?ind } LIMIT 100"),
}


def register(main: click.Group) -> None:
    main.add_command(bench)


def _say(text: str) -> None:
    click.echo(text)


# ---------------------------------------------------------------- documents


def load_documents(corpus: Path, sample: int | None) -> list:
    """The corpus documents (every k-th one when `sample` is given, so the sample spans the corpus)."""
    from kg.build import iter_documents

    docs = list(iter_documents([corpus]))
    if sample and sample < len(docs):
        step = len(docs) / sample
        docs = [docs[int(i * step)] for i in range(sample)]
    return docs


def write_jsonl(docs, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for d in docs:
            handle.write(json.dumps({"id": d.id, "text": d.text, "title": d.title, "date": d.date},
                                    ensure_ascii=False) + "\n")


def scaling_sets(docs, n: int, factor: int = 16) -> tuple[list[list], list, bool]:
    """(the ×1 sets, the ×`factor` set, whether they are distinct documents).

    With enough documents, ×16 is 16·n different documents spread over the
    corpus, and the ×1 sets are its 16 interleaved slices of n documents: together
    exactly the ×16 documents, so the sum of their times is what ×16 costs if
    building scales linearly, and 16 small timings average out a shared
    machine's noise. Caches of repeated text help each as much as they would
    on a real corpus of that size. A small corpus is copied instead (the ×1
    sets are then n documents each time).
    """
    if len(docs) >= n * factor:
        step = len(docs) / (n * factor)
        big = [docs[int(i * step)] for i in range(n * factor)]
        return [big[k::factor] for k in range(factor)], big, True
    base = docs[:n]
    return [base] * factor, copies(base, factor), False


def copies(docs, n: int) -> list:
    """`docs` n times over, each copy with its own ids."""
    from dataclasses import replace

    return [replace(d, id=f"{d.id}~{k}") if k else d for k in range(n) for d in docs]


# ---------------------------------------------------------------- timings


class _TreeMemory:
    """Peak summed RSS of this process's children and their children, sampled (needs psutil)."""

    def __init__(self, pid: int):
        self.peak = 0
        self._stop = threading.Event()
        try:
            import psutil

            self._proc = psutil.Process(pid)
        except Exception:
            self._proc = None
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            try:
                procs = [self._proc] + self._proc.children(recursive=True)
                self.peak = max(self.peak, sum(p.memory_info().rss for p in procs))
            except Exception:
                pass
            self._stop.wait(0.2)

    def __enter__(self):
        if self._proc is not None:
            self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()


def time_build(corpus: Path, out: Path, jobs: int) -> dict:
    """A real ``kg build`` in a child process: wall time and peak memory."""
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "--no-html", "--no-cache",
           "-q", "--format", "nt", "-j", str(jobs)]
    start, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with _TreeMemory(proc.pid) as tree:
        _, err = proc.communicate()
    seconds = time.perf_counter() - start
    cpu = _children_cpu() - cpu
    if proc.returncode not in (0, 1):
        raise click.ClickException(f"kg build failed ({proc.returncode}): {err.decode(errors='replace')[-500:]}")
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"build_s": seconds, "build_cpu_s": cpu, "peak_rss_mb": largest,
            "peak_rss_tree_mb": tree.peak / 2**20 or None}


class _Clock:
    """CPU and wall seconds of a block (CPU of this process, and of its finished children)."""

    def __enter__(self):
        self.wall, self.cpu, self.children = time.perf_counter(), time.process_time(), _children_cpu()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu
        self.children = _children_cpu() - self.children


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


class _Total:
    """CPU and wall seconds summed over several timed blocks."""

    def __init__(self):
        self.cpu = self.wall = 0.0

    def add(self, clock: "_Clock") -> None:
        self.cpu += clock.cpu
        self.wall += clock.wall


def time_extraction_and_jieba(pipeline, docs, rounds: int = 20) -> tuple[_Total, _Total]:
    """Extraction and ``jieba.lcut`` over the same documents, taken in turns chunk by chunk.

    A shared machine speeds up and slows down over minutes; timing all of one
    and then all of the other would put that drift into their ratio. In turns,
    both see the same machine.
    """
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    ours, theirs = _Total(), _Total()
    size = max(1, math.ceil(len(docs) / rounds))
    for at in range(0, len(docs), size):
        chunk = docs[at:at + size]
        with _Clock() as clock:
            for d in chunk:
                pipeline.process(d)
        ours.add(clock)
        with _Clock() as clock:
            for d in chunk:
                jieba.lcut(d.text)
        theirs.add(clock)
    return ours, theirs


def time_graph_build(pipeline, corpus_file: Path) -> _Clock:
    """Reading, extraction, merging, graph and Turtle text for a corpus file, in this process, as kg build does."""
    from kg.build import extract, gc_frozen
    from kg.graph.build import build_graph
    from kg.graph.iris import entity_iri
    from kg.graph.serialize import generate_turtle
    from kg.pipeline import merge_results

    entity_iri.cache_clear()  # IRIs are memoised per process: each timed build starts as a new kg build would
    with _Clock() as clock, gc_frozen():
        corpus = merge_results(extract([corpus_file], pipeline))
        generate_turtle(build_graph(corpus, pipeline.lexicon))
    return clock


def time_parallel(pipeline, corpus_file: Path, jobs: int) -> _Clock:
    from kg.build import extract

    with _Clock() as clock:
        extract([corpus_file], pipeline, jobs=jobs)
    return clock


# ---------------------------------------------------------------- SPARQL


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


def time_oxigraph(nt_file: Path, store_dir: Path | None, queries, runs: int) -> dict:
    """Query times on an Oxigraph store on disk at `store_dir` (as ``kg build --store`` makes), or in memory."""
    from kg.graph.store import load_into_store, memory_store, open_store, query_store

    start = time.perf_counter()
    if store_dir is None:
        store = memory_store(graph_files(nt_file))
    else:
        load_into_store(graph_files(nt_file), store_dir)
        store = open_store(store_dir)
    load_s = time.perf_counter() - start
    per_query = {}
    for name, sparql, bindings in queries:
        query_store(store, sparql, bindings)  # warm-up
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            query_store(store, sparql, bindings)
            times.append(time.perf_counter() - start)
        per_query[name] = statistics.median(times) * 1000
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


# ---------------------------------------------------------------- profile


def profile_extraction(pipeline, docs, top: int = 20) -> str:
    """cProfile of extraction over `docs`: the functions with the most own time."""
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for d in docs:
        pipeline.process(d)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(top)
    return out.getvalue()


# ---------------------------------------------------------------- command


@click.command()
@click.option("--corpus", type=click.Path(exists=True, path_type=Path), default=Path("seeds"), show_default=True,
              help="A folder, file or .jsonl corpus to measure on.")
@click.option("--sample", type=click.IntRange(min=1), default=None,
              help="Measure on N documents spread over the corpus (default: all).")
@click.option("--scaling-docs", type=click.IntRange(min=1), default=100, show_default=True,
              help="Documents in the ×1 build of the scaling figure (×16 is 16 times as many).")
@click.option("--triples", "min_triples", type=click.IntRange(min=1000), default=1_000_000, show_default=True,
              help="Size of the generated graph the SPARQL timings run over.")
@click.option("--query-runs", type=click.IntRange(min=1), default=3, show_default=True,
              help="Timed runs per query on Oxigraph (rdflib runs each once).")
@click.option("--rdflib-budget", type=click.FloatRange(min=10), default=900, show_default=True,
              help="Seconds rdflib may spend parsing the big graph and running the queries.")
@click.option("--skip-sparql", is_flag=True, help="Skip the SPARQL part (the slowest).")
@click.option("--profile", "show_profile", is_flag=True,
              help="Also print a cProfile of one-process extraction (functions by own time).")
def bench(corpus, sample, scaling_docs, min_triples, query_runs, rdflib_budget, skip_sparql, show_profile):
    """Measure build speed, scaling, memory and SPARQL latency on a corpus.

    Prints the figures as it goes and ends with one JSON line (chars_per_s,
    jieba_chars_per_s, ratio_vs_jieba, scaling_16x, parallel_speedup_2,
    sparql_p50_ms_oxigraph, sparql_p50_ms_rdflib, peak_rss_mb, build_s, ...).
    Takes minutes on a full corpus; --sample and --skip-sparql make it quick.

    \b
    Examples:
      kg bench --corpus news.jsonl
      kg bench --corpus news.jsonl --sample 300 --skip-sparql
    """
    from kg.build import default_jobs
    from kg.pipeline import Pipeline

    figures: dict = {}
    docs = load_documents(corpus, sample)
    if not docs:
        raise click.ClickException(f"{corpus}: no readable documents to measure on")
    chars = sum(len(d.text) for d in docs)
    jobs = default_jobs()
    figures.update(documents=len(docs), characters=chars, cores=jobs, load_average=round(os.getloadavg()[0], 2))
    _say(f"corpus: {corpus} — {len(docs)} documents, {chars} characters; {jobs} cores, "
         f"load average {figures['load_average']}")

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        tmp = Path(tmp)
        sample_file = tmp / "sample.jsonl"
        write_jsonl(docs, sample_file)

        build = time_build(sample_file, tmp / "build", jobs)
        figures.update({k: round(v, 2) if v else v for k, v in build.items()})
        _say(f"kg build (-j {jobs}, no cache, no html): {build['build_s']:.1f} s wall, {build['build_cpu_s']:.1f} "
             f"CPU s; peak RSS {build['peak_rss_mb']:.0f} MB (largest process), "
             f"{build['peak_rss_tree_mb'] or 0:.0f} MB (process tree)")

        start = time.perf_counter()
        pipeline = Pipeline()
        figures["pipeline_init_s"] = round(time.perf_counter() - start, 2)
        pipeline.process(docs[0])
        ours, theirs = time_extraction_and_jieba(pipeline, docs)
        figures["chars_per_s"] = round(chars / ours.cpu)
        figures["jieba_chars_per_s"] = round(chars / theirs.cpu)
        figures["ratio_vs_jieba"] = round(theirs.cpu / ours.cpu, 3)
        figures["chars_per_s_wall"] = round(chars / ours.wall)
        figures["jieba_chars_per_s_wall"] = round(chars / theirs.wall)
        _say(f"extraction, one process: {ours.cpu:.1f} CPU s ({ours.wall:.1f} s wall), {figures['chars_per_s']} "
             f"chars/s; jieba.lcut alone {figures['jieba_chars_per_s']} chars/s; ratio {figures['ratio_vs_jieba']}")
        if show_profile:
            _say(profile_extraction(Pipeline(pipeline.lexicon), docs[: min(len(docs), 500)]))  # cold caches

        def fresh():  # every timing starts from a new pipeline: no segmentation cache warmed by an earlier one
            return Pipeline(pipeline.lexicon)

        slices, x16_docs, distinct = scaling_sets(docs, scaling_docs)
        for k, part in enumerate(slices):
            write_jsonl(part, tmp / f"x1-{k}.jsonl")
        write_jsonl(x16_docs, tmp / "x16.jsonl")
        # the big build in the middle of the slices, so that a slow spell of the machine weighs on both sides
        half = len(slices) // 2
        ones = [time_graph_build(fresh(), tmp / f"x1-{k}.jsonl") for k in range(half)]
        sixteen = time_graph_build(fresh(), tmp / "x16.jsonl")  # one run, as each slice had
        ones += [time_graph_build(fresh(), tmp / f"x1-{k}.jsonl") for k in range(half, len(slices))]
        figures["scaling_16x"] = round(16 * sixteen.cpu / sum(c.cpu for c in ones), 2)
        figures["scaling_16x_wall"] = round(16 * sixteen.wall / sum(c.wall for c in ones), 2)
        figures["scaling_distinct_documents"] = distinct
        kind = "documents" if distinct else "copies"
        _say(f"scaling: {len(slices)} builds of {len(slices[0])} docs {statistics.mean(c.cpu for c in ones):.2f} CPU s "
             f"each on average, one of all {len(x16_docs)} {kind} {sixteen.cpu:.2f} CPU s -> {figures['scaling_16x']}")

        # best of two runs each, taken in turns (1, 2, 1, 2), so a slow spell on a shared machine hits both
        runs = [(jobs_n, time_parallel(fresh(), sample_file, jobs_n)) for _ in range(2) for jobs_n in (1, 2)]
        t1 = min((c for n, c in runs if n == 1), key=lambda c: c.wall)
        t2 = min((c for n, c in runs if n == 2), key=lambda c: c.wall)
        figures["parallel_speedup_2"] = round(t1.wall / t2.wall, 2)
        figures["parallel_cpu_ratio"] = round((t2.cpu + t2.children) / (t1.cpu + t1.children), 3)
        _say(f"extraction over processes: 1 -> {t1.wall:.1f} s, 2 -> {t2.wall:.1f} s wall; speedup "
             f"{figures['parallel_speedup_2']}; CPU 1 -> {t1.cpu + t1.children:.1f} s, 2 -> "
             f"{t2.cpu + t2.children:.1f} s (parent {t2.cpu:.1f} s)")

        if not skip_sparql:
            big = tmp / "big.nt"
            triples = replicate_ntriples(tmp / "build" / "graph.nt", big, min_triples)
            figures["sparql_triples"] = triples
            queries = bench_queries()
            ox = time_oxigraph(big, tmp / "store", queries, query_runs)
            mem = time_oxigraph(big, None, queries, query_runs)
            rd = time_rdflib(big, queries, rdflib_budget)
            figures["sparql_queries"] = len(queries)
            figures["sparql_p50_ms_oxigraph"] = round(statistics.median(ox["per_query_ms"].values()), 2)
            figures["sparql_p50_ms_oxigraph_memory"] = round(statistics.median(mem["per_query_ms"].values()), 2)
            figures["sparql_p50_ms_rdflib"] = round(statistics.median(rd["per_query_ms"].values()), 2)
            figures["sparql_rdflib_censored"] = len(rd["censored"])
            figures["oxigraph_load_s"] = round(ox["load_s"], 2)
            figures["rdflib_load_s"] = round(rd["load_s"], 2) if rd["load_s"] else None
            figures["rdflib_rss_mb"] = round(rd["rss_mb"]) if rd["rss_mb"] else None
            _say(f"SPARQL over {triples} triples ({len(queries)} queries): Oxigraph load {ox['load_s']:.1f} s, "
                 f"rdflib parse {rd['load_s'] or float('nan'):.1f} s")
            for name, _, _ in queries:
                mark = " (not finished in the budget)" if name in rd["censored"] else ""
                _say(f"  {name:30s} oxigraph {ox['per_query_ms'][name]:9.1f} ms (in memory "
                     f"{mem['per_query_ms'][name]:8.1f} ms)   rdflib {rd['per_query_ms'][name]:10.1f} ms{mark}")
        figures["bench_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    click.echo(json.dumps(figures, ensure_ascii=False, sort_keys=True))
