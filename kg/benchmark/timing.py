"""Timings of `kg bench`: a real build in a child process, and extraction, graph and parallel runs in this one.

The one-process figures are CPU seconds of this process (`time.process_time`):
on an idle machine they equal wall seconds, and on a shared one they do not
count the time the OS gave to other programs; each `_Clock` keeps both.
"""
from __future__ import annotations

import math
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

from kg.errors import ParkKGError


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
           "-q", "--format", "nt", "-j", str(jobs), "--timings"]
    start, cpu = time.perf_counter(), _children_cpu()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with _TreeMemory(proc.pid) as tree:
        _, err = proc.communicate()
    seconds = time.perf_counter() - start
    cpu = _children_cpu() - cpu
    if proc.returncode not in (0, 1):
        raise ParkKGError(f"kg build failed ({proc.returncode}): {err.decode(errors='replace')[-500:]}")
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"build_s": seconds, "build_cpu_s": cpu, "peak_rss_mb": largest,
            "peak_rss_tree_mb": tree.peak / 2**20 or None, "build_phases": parse_timings(err.decode(errors="replace"))}


def parse_timings(stderr: str) -> dict:
    """The steps of ``kg build --timings`` (its ``timings:`` line) as step -> seconds.

    >>> parse_timings("SHACL: 1 violation(s)\\ntimings: extract 2.51 s, validate 0.30 s, total 3.20 s\\n")
    {'extract': 2.51, 'validate': 0.3, 'total': 3.2}
    """
    for line in stderr.splitlines():
        if line.startswith("timings: "):
            return {step: float(value) for step, value in
                    (part.rsplit(" ", 2)[:2] for part in line[len("timings: "):].split(", "))}
    return {}


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
