"""`run_bench`: every figure of ``kg bench`` in order, reported as it goes, returned as one dict."""
from __future__ import annotations

import os
import resource
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from kg.benchmark.documents import load_documents, scaling_sets, write_jsonl
from kg.benchmark.timing import (profile_extraction, time_build, time_extraction_and_jieba, time_graph_build,
                                 time_parallel)
from kg.errors import ParkKGError


@dataclass(frozen=True)
class BenchOptions:
    corpus: Path
    sample: int | None = None
    scaling_docs: int = 100
    min_triples: int = 1_000_000
    query_runs: int = 3
    rdflib_budget: float = 900
    skip_sparql: bool = False
    profile: bool = False


def run_bench(options: BenchOptions, say: Callable[[str], None] = print) -> dict:
    """Measure; `say` gets each line of the report. Returns the figures (the JSON line of ``kg bench``)."""
    from kg.build import default_jobs

    docs = load_documents(options.corpus, options.sample)
    if not docs:
        raise ParkKGError(f"{options.corpus}: no readable documents to measure on; "
                          "give a folder, file or .jsonl corpus with text in it")
    chars = sum(len(d.text) for d in docs)
    jobs = default_jobs()
    figures: dict = dict(documents=len(docs), characters=chars, cores=jobs,
                         load_average=round(os.getloadavg()[0], 2))
    say(f"corpus: {options.corpus} — {len(docs)} documents, {chars} characters; {jobs} cores, "
        f"load average {figures['load_average']}")
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        tmp = Path(tmp)
        sample_file = tmp / "sample.jsonl"
        write_jsonl(docs, sample_file)
        build = time_build(sample_file, tmp / "build", jobs)
        figures.update({k: round(v, 2) if v else v for k, v in build.items() if k != "build_phases"})
        figures["build_phases"] = build["build_phases"]
        say(f"kg build (-j {jobs}, no cache, no html): {build['build_s']:.1f} s wall, {build['build_cpu_s']:.1f} "
            f"CPU s; peak RSS {build['peak_rss_mb']:.0f} MB (largest process), "
            f"{build['peak_rss_tree_mb'] or 0:.0f} MB (process tree); steps (s): "
            + ", ".join(f"{step} {s}" for step, s in build["build_phases"].items()))
        pipeline = _extraction(docs, chars, figures, say)
        if options.profile:
            say(profile_extraction(type(pipeline)(pipeline.lexicon), docs[: min(len(docs), 500)]))  # cold caches
        _scaling(pipeline, docs, options.scaling_docs, tmp, figures, say)
        _parallel(pipeline, sample_file, figures, say)
        if not options.skip_sparql:
            from kg.benchmark.sparql import sparql_figures

            figures.update(sparql_figures(tmp / "build" / "graph.nt", tmp, options, say))
        figures["bench_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return figures


def _extraction(docs, chars: int, figures: dict, say):
    """One-process extraction against ``jieba.lcut`` on the same texts; returns the pipeline."""
    from kg.pipeline import Pipeline

    start = time.perf_counter()
    pipeline = Pipeline()
    figures["pipeline_init_s"] = round(time.perf_counter() - start, 2)
    figures["segmenter"] = pipeline.segmenter.engine_name
    pipeline.process(docs[0])
    ours, theirs = time_extraction_and_jieba(pipeline, docs)
    figures["chars_per_s"] = round(chars / ours.cpu)
    figures["jieba_chars_per_s"] = round(chars / theirs.cpu)
    figures["ratio_vs_jieba"] = round(theirs.cpu / ours.cpu, 3)
    figures["chars_per_s_wall"] = round(chars / ours.wall)
    figures["jieba_chars_per_s_wall"] = round(chars / theirs.wall)
    say(f"extraction, one process ({figures['segmenter']}): {ours.cpu:.1f} CPU s ({ours.wall:.1f} s wall), "
        f"{figures['chars_per_s']} chars/s; jieba.lcut alone {figures['jieba_chars_per_s']} chars/s; "
        f"ratio {figures['ratio_vs_jieba']}")
    return pipeline


def _fresh(pipeline):
    """A new pipeline on the same lexicon: no segmentation cache warmed by an earlier timing."""
    return type(pipeline)(pipeline.lexicon)


def _scaling(pipeline, docs, scaling_docs: int, tmp: Path, figures: dict, say) -> None:
    slices, x16_docs, distinct = scaling_sets(docs, scaling_docs)
    for k, part in enumerate(slices):
        write_jsonl(part, tmp / f"x1-{k}.jsonl")
    write_jsonl(x16_docs, tmp / "x16.jsonl")
    # the big build in the middle of the slices, so that a slow spell of the machine weighs on both sides
    half = len(slices) // 2
    ones = [time_graph_build(_fresh(pipeline), tmp / f"x1-{k}.jsonl") for k in range(half)]
    sixteen = time_graph_build(_fresh(pipeline), tmp / "x16.jsonl")  # one run, as each slice had
    ones += [time_graph_build(_fresh(pipeline), tmp / f"x1-{k}.jsonl") for k in range(half, len(slices))]
    figures["scaling_16x"] = round(16 * sixteen.cpu / sum(c.cpu for c in ones), 2)
    figures["scaling_16x_wall"] = round(16 * sixteen.wall / sum(c.wall for c in ones), 2)
    figures["scaling_distinct_documents"] = distinct
    kind = "documents" if distinct else "copies"
    say(f"scaling: {len(slices)} builds of {len(slices[0])} docs {statistics.mean(c.cpu for c in ones):.2f} CPU s "
        f"each on average, one of all {len(x16_docs)} {kind} {sixteen.cpu:.2f} CPU s -> {figures['scaling_16x']}")


def _parallel(pipeline, sample_file: Path, figures: dict, say) -> None:
    # best of two runs each, taken in turns (1, 2, 1, 2), so a slow spell on a shared machine hits both
    runs = [(jobs_n, time_parallel(_fresh(pipeline), sample_file, jobs_n)) for _ in range(2) for jobs_n in (1, 2)]
    t1 = min((c for n, c in runs if n == 1), key=lambda c: c.wall)
    t2 = min((c for n, c in runs if n == 2), key=lambda c: c.wall)
    figures["parallel_speedup_2"] = round(t1.wall / t2.wall, 2)
    figures["parallel_cpu_ratio"] = round((t2.cpu + t2.children) / (t1.cpu + t1.children), 3)
    say(f"extraction over processes: 1 -> {t1.wall:.1f} s, 2 -> {t2.wall:.1f} s wall; speedup "
        f"{figures['parallel_speedup_2']}; CPU 1 -> {t1.cpu + t1.children:.1f} s, 2 -> "
        f"{t2.cpu + t2.children:.1f} s (parent {t2.cpu:.1f} s)")
