"""How fast parkkg is on a corpus, in figures: the library behind ``kg bench``.

Not a test: timings depend on the machine and its load. `run_bench` measures, in order:

- ``build_s`` / ``peak_rss_mb``: a whole ``kg build`` of the corpus in a child
  process (``--no-html --no-cache --format nt``, all cores); the peak resident
  memory of its largest process (and of the whole process tree, where psutil
  is installed);
- ``chars_per_s``: end-to-end extraction (`Pipeline.process`) in one process,
  and ``jieba_chars_per_s``: ``jieba.lcut`` (Python jieba) over the same texts in
  the same run; ``segmenter`` names the engine the pipeline used;
- ``scaling_16x``: time to build the graph of 1,600 documents (reading,
  extraction, merging, graph, Turtle) over the mean time of building each of
  its 16 slices of 100, so 16 means linear (distinct documents spread over the
  corpus; copies of 100 on a small corpus);
- ``parallel_speedup_2``: extraction with 2 processes against 1, wall clock,
  best of two runs of each taken in turns;
- ``sparql_p50_ms_oxigraph`` (the on-disk store ``kg build --store`` writes;
  ``..._memory`` for an in-memory Oxigraph store) / ``sparql_p50_ms_rdflib``: the median over the
  saved queries (``queries/*.rq``, required parameters bound to their header's
  example) of each query's median time, over a graph of at least 1 M triples
  made by copying the corpus graph with renamed instance IRIs. rdflib runs in
  a child process with a time budget; queries it did not reach count as
  censored at the budget and are reported.

The one-process figures are measured in CPU seconds of this process
(`time.process_time`): on an idle machine they equal wall seconds, and on a
shared one they do not count the time the OS gave to other programs (the
``*_wall`` keys give wall seconds too). A speedup needs wall time, so
``parallel_speedup_2`` is wall-clock and suffers on a loaded machine; the JSON
also gives ``parallel_cpu_ratio`` (CPU of the 2-process run, parent and
workers, over the 1-process run: the work parallelism adds) and the load
average at the start.
"""
from __future__ import annotations

from kg.benchmark.documents import copies, load_documents, scaling_sets, write_jsonl
from kg.benchmark.run import BenchOptions, run_bench
from kg.benchmark.sparql import bench_queries, replicate_ntriples

__all__ = ["BenchOptions", "bench_queries", "copies", "load_documents", "replicate_ntriples", "run_bench",
           "scaling_sets", "write_jsonl"]
