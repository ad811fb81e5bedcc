"""``kg bench --scale N``: a corpus N times as big, whose copies speak of other places, built out of core.

`write_scaled_corpus` streams the corpus N times into one JSONL file: copy 0 as
it is, copy k with every place name of the region gazetteer (`Lexicon.regions`)
replaced by the name of another region of the same level, drawn by a
permutation seeded with k; a region's short and full names (南京, 南京市) map to
the other region's short and full names. So parks, firms named after places and
their relations are new entities in each copy, as in a bigger real archive.
Nothing is held in memory beyond one document.

`scale_figures` builds the corpus at scale 1 and scale N with ``kg build --stream
--store`` in child processes (time, peak RSS of the whole process tree), adds
`UPDATE_DOCS` new articles with ``kg update --add`` (time over the full build's),
and times the saved queries on the scale-N store.
"""
from __future__ import annotations

import json
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from kg.benchmark.timing import _TreeMemory
from kg.errors import ParkKGError

UPDATE_DOCS = 1_000
QUERY_BUDGET_S = 15  # seconds one run of a saved query may take before it counts as at least that


def _level(iri: str) -> str:
    code = iri.rsplit("/", 1)[-1]
    return "province" if code.endswith("0000") else "city" if code.endswith("00") else "county"


class PlaceMap:
    """The place names of the gazetteer and, per copy, a permutation of the regions of each level."""

    def __init__(self, regions: dict):
        names: dict = {}
        for name, iri in regions.items():
            names.setdefault(iri, []).append(name)
        self.names = {iri: sorted(ns, key=lambda n: (len(n), n)) for iri, ns in sorted(names.items())}
        self.levels: dict = {}
        for iri in self.names:
            self.levels.setdefault(_level(iri), []).append(iri)
        alternation = "|".join(map(re.escape, sorted(regions, key=lambda n: (-len(n), n))))
        self.pattern = re.compile(alternation) if alternation else None

    def mapping(self, copy: int) -> dict:
        """name -> name for copy `copy` (copy 0: every name stays)."""
        if copy == 0:
            return {}
        rng = random.Random(copy)
        out = {}
        for iris in self.levels.values():
            shuffled = list(iris)
            rng.shuffle(shuffled)
            for a, b in zip(iris, shuffled):
                theirs = self.names[b]
                for i, name in enumerate(self.names[a]):
                    out[name] = theirs[min(i, len(theirs) - 1)]
        return out

    def apply(self, text: str, mapping: dict) -> str:
        if not mapping or not text or self.pattern is None:
            return text
        return self.pattern.sub(lambda m: mapping.get(m.group(0), m.group(0)), text)


def write_scaled_corpus(corpus: Path, copies: int, out: Path, places: PlaceMap, first: int = 0,
                        limit: int | None = None) -> dict:
    """Copies `first` .. `first + copies - 1` of the corpus into `out` (JSONL); returns documents and characters.

    `limit` stops after that many documents (the new articles of the update figure).
    """
    from kg.sources import iter_documents

    documents = characters = 0
    with open(out, "w", encoding="utf-8") as handle:
        for copy in range(first, first + copies):
            mapping = places.mapping(copy)
            for raw in iter_documents([corpus]):
                if limit is not None and documents >= limit:
                    return {"documents": documents, "characters": characters}
                text = places.apply(raw.text, mapping)
                record = {"id": raw.id if copy == 0 else f"{raw.id}~{copy}", "text": text,
                          "title": places.apply(raw.title, mapping), "date": raw.date, "url": raw.url}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                documents += 1
                characters += len(text)
    return {"documents": documents, "characters": characters}


_SUMMARY = re.compile(r"(\d+) document\(s\).*?, (\d+) entities, (\d+) relations.*?, (\d+) targets, (\d+) triples")


def run_kg(args: list, jobs: int) -> dict:
    """``kg ARGS`` in a child process: wall seconds, peak RSS of its whole process tree, and its summary counts."""
    cmd = [sys.executable, "-m", "kg.cli", *args, "-j", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with _TreeMemory(proc.pid) as tree:
        _, err = proc.communicate()
    seconds = time.perf_counter() - start
    text = err.decode(errors="replace")
    if proc.returncode not in (0, 1):
        raise ParkKGError(f"kg {args[0]} failed ({proc.returncode}): {text[-500:]}")
    found = _SUMMARY.search(text)
    counts = dict(zip(("documents", "entities", "relations", "targets", "triples"),
                      map(int, found.groups()))) if found else {}
    return {"seconds": seconds, "peak_rss_mb": round(tree.peak / 2**20) if tree.peak else None, **counts}


def build_scaled(corpus_file: Path, out: Path, jobs: int) -> dict:
    return run_kg(["build", str(corpus_file), "-o", str(out), "--stream", "--store", "--no-html", "--no-cache",
                   "--format", "nt"], jobs)


def _query_child(store_dir: str, queries, runs: int, conn) -> None:
    from kg.benchmark.sparql import median_query_ms
    from kg.graph.store import open_store

    store = open_store(store_dir)
    for name, sparql, bindings in queries:
        conn.send((name, median_query_ms(store, sparql, bindings, runs)))


def time_store_queries(store_dir: Path, runs: int, budget_s: float = QUERY_BUDGET_S) -> dict:
    """name -> (median ms over `runs` runs after a warm-up, whether it is a lookup, whether it ran out of time).

    A lookup is a query with parameters (a park, an industry, a document...); the others are whole-graph
    analytics (counts, rankings), whose time grows with the graph by nature. Each query runs in a child
    process that is stopped after `budget_s` seconds on it; such a query counts at least the budget.
    """
    import multiprocessing

    from kg.benchmark.sparql import bench_queries

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    queries = bench_queries()
    times: dict = {}
    while len(times) < len(queries):
        left = [q for q in queries if q[0] not in times]
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_query_child, args=(str(store_dir), left, runs, child), daemon=True)
        proc.start()
        child.close()
        for name, _, bindings in left:
            if not parent.poll(budget_s * (runs + 1)):
                times[name] = (budget_s * 1000, bool(bindings), True)
                break
            got, ms = parent.recv()
            times[got] = (ms, bool(bindings), False)
        if proc.is_alive():
            proc.kill()
        proc.join()
    return times


def _percentile(values: list, q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def scale_figures(corpus: Path, scale: int, tmp: Path, jobs: int, query_runs: int, say) -> dict:
    """Every ``--scale`` figure; see the module docstring."""
    from kg.ontology import load_lexicon

    places = PlaceMap(load_lexicon().regions)
    figures: dict = {"scale": scale}
    built = {}
    for n in (1, scale):
        if n in built:
            continue
        corpus_file = tmp / f"scale-{n}.jsonl"
        size = write_scaled_corpus(corpus, n, corpus_file, places)
        run = build_scaled(corpus_file, tmp / f"out-{n}", jobs)
        built[n] = {**size, **run}
        corpus_file.unlink()
        say(f"scale {n}: {size['documents']} documents, {size['characters']} characters -> {run.get('entities')} "
            f"entities, {run.get('triples')} triples in {run['seconds']:.1f} s, peak RSS {run['peak_rss_mb']} MB "
            "(all processes)")
    one, big = built[1], built[scale]
    figures.update(documents_scaled=big["documents"], characters_scaled=big["characters"],
                   characters_scale_1=one["characters"],
                   triples_scaled=big.get("triples"), entities_scaled=big.get("entities"),
                   relations_scaled=big.get("relations"), triples_scale_1=one.get("triples"),
                   entities_scale_1=one.get("entities"), build_s_scale_1=round(one["seconds"], 2),
                   build_s_scaled=round(big["seconds"], 2),
                   peak_rss_mb_scale_1=one["peak_rss_mb"], **{f"peak_rss_mb_scale_{scale}": big["peak_rss_mb"]})
    figures[f"scaling_{scale}x"] = round(big["seconds"] / one["seconds"], 2)
    per_char = (big["seconds"] / big["characters"]) / (one["seconds"] / one["characters"])
    figures[f"scaling_{scale}x_per_char"] = round(scale * per_char, 2)
    figures.update(_update_figures(corpus, scale, tmp, places, jobs, big["seconds"], say))
    times = time_store_queries(tmp / f"out-{scale}" / "store", query_runs)
    lookups = [ms for ms, lookup, _ in times.values() if lookup]
    every = [ms for ms, _, _ in times.values()]
    figures.update(sparql_lookups=len(lookups), sparql_p50_ms_scaled=round(statistics.median(lookups), 2),
                   sparql_p95_ms_scaled=round(_percentile(lookups, 0.95), 2),
                   sparql_p50_ms_scaled_all=round(statistics.median(every), 2),
                   sparql_p95_ms_scaled_all=round(_percentile(every, 0.95), 2))
    say(f"saved lookup queries on the scale-{scale} store: p50 {figures['sparql_p50_ms_scaled']} ms, "
        f"p95 {figures['sparql_p95_ms_scaled']} ms ({len(lookups)} lookups; all {len(every)} queries: p50 "
        f"{figures['sparql_p50_ms_scaled_all']} ms, p95 {figures['sparql_p95_ms_scaled_all']} ms)")
    for name, (ms, lookup, out) in sorted(times.items()):
        say(f"  {name:36s} {'>' if out else ' '}{ms:9.1f} ms{'' if lookup else '  (whole-graph analytics)'}")
    figures["sparql_ms_scaled"] = {name: round(ms, 2) for name, (ms, _, _) in sorted(times.items())}
    figures["sparql_out_of_budget_scaled"] = sorted(name for name, (_, _, out) in times.items() if out)
    return figures


def _update_figures(corpus: Path, scale: int, tmp: Path, places: PlaceMap, jobs: int, full_s: float, say) -> dict:
    """``kg update --add`` of `UPDATE_DOCS` new articles (of a copy the build did not have) on the scale-N output."""
    extra = tmp / "update-new.jsonl"
    added = write_scaled_corpus(corpus, 1, extra, places, first=scale, limit=UPDATE_DOCS)
    run = run_kg(["update", str(extra), "-o", str(tmp / f"out-{scale}"), "--add"], jobs)
    say(f"kg update --add with {added['documents']} new articles: {run['seconds']:.1f} s "
        f"({run['seconds'] / full_s:.3f} of the full build), peak RSS {run['peak_rss_mb']} MB")
    return {"update_documents": added["documents"], "update_s": round(run["seconds"], 2),
            "update_1000_fraction": round(run["seconds"] / full_s, 4), "peak_rss_mb_update": run["peak_rss_mb"]}
