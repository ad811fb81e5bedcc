"""The streamed build: results to an on-disk index, the merge over it, the graph files by an external sort.

No rdflib graph of the whole corpus exists on this path: memory holds one batch
of extraction results, one merge group and one sort run (`LineSorter`), whatever
the corpus size. The files are the same bytes as the in-memory build writes
(`kg.graph.serialize`), and the Oxigraph store is bulk-loaded from the N-Triples
file. SHACL runs batch by batch over the sorted graph (`kg.stream.shacl`), so it
too stays within bounded memory at any size.
"""
from __future__ import annotations

import time
from pathlib import Path

from kg.graph.sorted_lines import LineSorter, NTLines, write_sorted
from kg.stream.index import ResultIndex
from kg.stream.merge import confidence_floors, merged_triples, readings

INDEX_NAME = ".kg-index.sqlite"  # in OUT, beside the outputs: what kg update starts from
SORT_RUN_LINES = 100_000


def write_streamed_graph(index: ResultIndex, lexicon, paths: dict, min_confidence=None,
                         run_lines: int = SORT_RUN_LINES, seconds: dict | None = None):
    """Merge the indexed documents and write the graph files `paths` (format -> path); returns the counts."""
    from kg.graph.build import new_graph
    from kg.graph.iris import BASE
    from kg.graph.serialize import graph_prefixes

    seconds = seconds if seconds is not None else {}
    clock = time.perf_counter()
    sorter = LineSorter(run_lines, directory=Path(next(iter(paths.values()))).parent)
    try:
        lines = NTLines(memo=100_000)
        for s, p, o in merged_triples(index, lexicon, min_confidence):
            sorter.add(lines.line(s, p, o))
        seconds["merge"] = time.perf_counter() - clock
        clock = time.perf_counter()
        counts = write_sorted(sorter.sorted_unique(), paths, graph_prefixes(new_graph()), BASE + "graph")
        seconds["write"] = time.perf_counter() - clock
    finally:
        sorter.close()
    counts.readings = readings(index, confidence_floors(min_confidence)[0])
    return counts
