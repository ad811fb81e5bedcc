"""Extraction of every document of a build, through the cache and a runner (`kg.runners`).

Documents go to the runner in batches of about `BATCH_CHARS` characters; each
result is handed to a sink with the document's position in the input, as soon as
it is back (``sink(seq, result)``), or, without a sink, kept and returned in
document order. Results found in the cache (`kg.cache.ResultCache`) skip
extraction; new ones are added to it.
"""
from __future__ import annotations

import atexit
import gc
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import replace

from kg.errors import InputError, ParkKGError
from kg.report import BuildReport
from kg.runners import Failure, make_runner
from kg.sources import count_documents, iter_documents, progress_bar

# A batch of documents is one task for a worker: big enough that sending it costs
# little next to extracting it, small enough that work spreads evenly.
BATCH_CHARS = 8_000
BATCH_DOCS = 32
# When results go to a sink (a streamed build, whose memory must not grow with the corpus), a pool's
# processes are replaced by fresh ones after this many documents: a worker's heap grows slowly over
# a long run (fragments, caches that fill: 180 -> 228 MB each over 316,200 articles), and a fresh one
# starts at its first size again (a fork and a pipeline, under a second). Not for an in-memory build:
# its parent holds every result, and a fork late in the build would start with all of it mapped.
RENEW_DOCS = 2_500

_FROZEN = [0]  # how many gc_frozen blocks are open


@contextmanager
def gc_frozen():
    """A block in which every object alive is kept out of the garbage collector's sight.

    A build keeps every result until the graph is written, then the graph:
    millions of live objects that each full collection would walk again (a
    tenth of a one-process build), and that a forked worker's collections would
    touch, copying the parent's pages. Nothing in them is garbage. Inside the
    block, `keep_out_of_gc` moves what is alive so far to the permanent
    generation; leaving the outermost block gives everything back to the
    collector. Blocks nest.
    """
    _FROZEN[0] += 1
    gc.freeze()
    try:
        yield
    finally:
        _FROZEN[0] -= 1
        if _FROZEN[0] == 0:
            gc.unfreeze()


def no_collection_at_exit() -> None:
    """Let the interpreter end without walking every object a build left alive.

    At exit Python collects garbage once more, over every object still alive:
    after a build, the pipeline, its dictionaries and the graph's caches, a fifth
    of a second for nothing, since the process is ending. `gc.freeze` at exit
    (registered once) puts them out of that walk; nothing else changes.
    """
    if not _EXIT_FREEZE:
        atexit.register(gc.freeze)
        _EXIT_FREEZE.append(True)


_EXIT_FREEZE: list = []


def keep_out_of_gc() -> None:
    """Inside `gc_frozen`: move what is alive now (the results so far) out of the collector's sight."""
    if _FROZEN[0]:
        gc.freeze()


def graph_part(result):
    """`result` with only what the in-memory graph is built from: no sentences, no mentions, and a document
    without its raw text and offset map (the evidence already carries its raw offsets).

    What a worker sends back and the parent reads for a build that keeps no cache: under a third of the
    bytes of whole results (8.2 MB pickled for the shared corpus's 3,162 articles instead of 28.7 MB).

    >>> from kg.types import Document, DocumentResult
    >>> part = graph_part(DocumentResult(Document("d", "园区", raw_text=" 园区", offset_map=(1, 2, 3)), mentions=[1]))
    >>> part.document.text, part.document.raw_text, part.document.offset_map, part.mentions
    ('园区', '', (), [])
    """
    if result is None or isinstance(result, Failure):
        return result
    return replace(result, document=replace(result.document, raw_text="", offset_map=()), sentences=[], mentions=[])


class GraphOnly:
    """A pipeline whose results are their `graph_part`: what a build without a cache hands to its workers."""

    def __init__(self, pipeline):
        self.pipeline = pipeline
        self.lexicon = pipeline.lexicon

    def process(self, raw):
        return graph_part(self.pipeline.process(raw))


class _Batches:
    """Documents in batches to a runner, at most three batches per job in flight; results to `deliver`.

    With `renew_docs`, a runner that says it is `renewable` (a process pool) is closed and a new one
    made once it has been sent that many documents, after what it has in flight is back: the results
    and their order are the same, and no worker lives long enough for its heap to grow with the corpus.
    """

    def __init__(self, new_runner, deliver, bar, renew_docs: int | None = None):
        self.new_runner, self.deliver, self.bar, self.renew_docs = new_runner, deliver, bar, renew_docs
        self.runner = None
        self.sent = 0  # documents sent to the current runner
        self.in_flight: dict = {}  # future -> [(seq, key)]
        self.batch, self.slots, self.chars = [], [], 0

    def add(self, seq: int, key, raw) -> None:
        self.batch.append(raw)
        self.slots.append((seq, key))
        self.chars += len(raw.text)
        if self.chars >= BATCH_CHARS or len(self.batch) >= BATCH_DOCS:
            self.submit()
            self.collect(block=False)

    def submit(self) -> None:
        if not self.batch:
            return
        if (self.runner is not None and self.renew_docs and self.sent >= self.renew_docs
                and getattr(self.runner, "renewable", False)):
            while self.in_flight:
                self.collect(block=True)
            self.runner.close()
            self.runner = None
        if self.runner is None:
            self.runner = self.new_runner()
            self.sent = 0
        self.in_flight[self.runner.submit(self.batch)] = self.slots
        self.sent += len(self.batch)
        self.batch, self.slots, self.chars = [], [], 0
        while len(self.in_flight) >= 3 * self.runner.jobs:
            self.collect(block=True)

    def collect(self, block: bool) -> None:
        if not self.in_flight:
            return
        done = self.runner.wait(set(self.in_flight))[0] if block else {f for f in self.in_flight if f.done()}
        for future in done:
            slots = self.in_flight.pop(future)
            try:
                results = future.result()
            except BrokenProcessPool as exc:
                raise ParkKGError("an extraction worker died (out of memory?); build with fewer --jobs") from exc
            for (seq, key), result in zip(slots, results):
                self.deliver(seq, key, result)
            self.bar.update(len(slots))
        keep_out_of_gc()

    def finish(self) -> None:
        self.submit()
        while self.in_flight:
            self.collect(block=True)

    def close(self) -> None:
        if self.runner is not None:
            self.runner.close()


def extract(paths, pipeline=None, progress: bool = False, report: BuildReport | None = None,
            *, jobs: int = 1, cache=None, scheduler: str | None = None, ontology_dir=None, lexicon=None,
            exclude=(), sink=None, new_pipeline=None, documents=None, each=None):
    """Document results for every readable source under `paths`: in document order, or given to `sink`.

    Unreadable sources go to `report.skipped`. `cache` is a `kg.cache.ResultCache`
    (or None); `jobs` > 1 extracts over that many processes, `scheduler` on a
    Dask cluster. The pipeline is built (by `new_pipeline(lexicon)`, default
    `kg.pipeline.Pipeline`) only when some document is not cached. With `sink`,
    each result goes to ``sink(seq, result)`` as it comes back and nothing is
    kept (and a pool's processes build their own pipelines, the parent none,
    unless one is given); without, the results are returned in document order. `documents`,
    (position, RawDocument) pairs, replaces the documents read from `paths`. `each(result)`, when given,
    sees every result as it comes back (the build prepares the graph's IRIs there while workers extract).
    """
    report = report if report is not None else BuildReport()
    state = {"pipeline": pipeline, "lexicon": lexicon if lexicon is not None else getattr(pipeline, "lexicon", None)}

    def get_lexicon():
        if state["lexicon"] is None:
            from kg.ontology import load_lexicon

            state["lexicon"] = load_lexicon(ontology_dir)
        return state["lexicon"]

    def get_pipeline():
        if state["pipeline"] is None:
            if new_pipeline is not None:
                state["pipeline"] = new_pipeline(state["lexicon"])
            else:
                from kg.pipeline import Pipeline

                state["pipeline"] = Pipeline(state["lexicon"], ontology_dir=ontology_dir)
        return state["pipeline"]

    kept: dict = {}
    failures: list = []
    delivered = [0]
    used_keys: set = set()

    def deliver(seq, key, result):
        if isinstance(result, Failure):
            failures.append((seq, result))
            return
        if key is not None:
            used_keys.add(key)
        if cache is not None and key is not None and result is not None:
            cache.put(key, result)
        delivered[0] += 1
        if each is not None:
            each(result)
        if sink is None:
            kept[seq] = result
        else:
            sink(seq, result)

    bar = progress_bar(progress, "extracting", count_documents(paths) if progress else None)
    batches = _Batches(lambda: make_runner(jobs, scheduler, get_pipeline, get_lexicon, inherit=sink is None or
                                           pipeline is not None), deliver, bar,
                       renew_docs=RENEW_DOCS if sink is not None else None)
    frozen = gc_frozen() if sink is None else _nothing()
    with frozen:  # every result lives until the graph is built
        try:
            docs = documents if documents is not None else enumerate(iter_documents(paths, report, exclude))
            for seq, raw in docs:
                report.characters += len(raw.text)
                key = cache.key(raw) if cache is not None else None
                hit = cache.get(key, raw) if cache is not None else None
                if hit is None:
                    batches.add(seq, key, raw)
                    continue
                report.cached += 1
                bar.update(1)
                deliver(seq, None, hit)  # a hit is not written to the cache again
                used_keys.add(key)
            batches.finish()
        finally:
            bar.close()
            batches.close()
    for _, failure in sorted(failures, key=lambda f: f[0]):
        report.skipped.append(f"{failure.source}: extraction failed ({failure.message}); "
                              "this is a parkkg bug, please report it with the document")
    report.documents += delivered[0]
    report.extracted += delivered[0] - report.cached
    if cache is not None:
        cache.flush()
        report.cache_keys = used_keys
    return None if sink is not None else [kept[i] for i in sorted(kept)]


@contextmanager
def _nothing():
    yield


def refuse_partial(report: BuildReport, strict: bool) -> None:
    """Stop before anything is written when the inputs are not what the caller asked for."""
    if strict and report.skipped:
        raise InputError(f"{len(report.skipped)} input(s) skipped and --strict was given, so nothing was written; "
                         f"first: {report.skipped[0]}")
    if report.documents == 0:
        why = (f"all {len(report.skipped)} input(s) were skipped; first: {report.skipped[0]}" if report.skipped
               else "no readable files were found")
        raise InputError(f"no document to build from, so nothing was written and any previous graph is kept ({why})")


def extract_checked(paths, report, cache, strict: bool, prune_cache: bool, extract_with=None, **kw):
    """Extraction through the cache; a refused build (`refuse_partial`) takes back what it cached."""
    try:
        results = extract(paths, report=report, cache=cache, **kw) if extract_with is None else extract_with(
            paths, report=report, cache=cache, **kw)
        try:
            refuse_partial(report, strict)
        except InputError:
            if cache is not None:  # a refused build changes nothing, the cache included
                cache.discard_added()
            raise
        if cache is not None and prune_cache:
            cache.prune(report.cache_keys)
    finally:
        if cache is not None:
            cache.close()
    return results
