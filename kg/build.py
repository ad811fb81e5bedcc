"""Build a graph from source files: the library behind ``kg build``.

Sources are files, folders and JSONL corpora, streamed one document at a time.
Extraction, the costly step, runs in this process (``jobs=1``), over a pool of
processes (``jobs=N``) or on a Dask cluster (``scheduler=ADDRESS``); results come
back in document order whatever the engine, so the graph is the same bytes
however it was computed. With a `cache_dir`, each document's result is kept
under a key of its content and the pipeline (`kg.cache`), so a rebuild extracts
only new and changed documents; merging across documents and building the graph
always run over every current document, so the graph reflects exactly the
current inputs.

>>> import tempfile, pathlib
>>> src = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = src.write_text("苏州高新区聚焦集成电路产业。", encoding="utf-8")
>>> report = build([src], pathlib.Path(tempfile.mkdtemp()), html=False)
>>> report.documents, report.skipped
(1, [])
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import shutil
import sys
import time
from contextlib import contextmanager
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor
from concurrent.futures import wait as wait_futures
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError, InputWarning, ParkKGError
from kg.graph.outputs import MANIFEST, OUTPUT_NAMES, commit_outputs, output_error, output_lock, staging_folder
from kg.graph.build import build_graph
from kg.graph.serialize import write_graph
from kg.pipeline import Pipeline, merge_results
from kg.text.readers import READERS, iter_sources

from kg.graph.formats import WRITE_FORMATS as GRAPH_FORMATS  # noqa: E402  (one table: kg.graph.formats)
# A batch of documents is one task for a worker: big enough that sending it costs
# little next to extracting it, small enough that work spreads evenly.
BATCH_CHARS = 8_000
BATCH_DOCS = 32


@dataclass
class BuildReport:
    documents: int = 0
    skipped: list = field(default_factory=list)  # messages of inputs that were skipped
    triples: int = 0
    entities: int = 0
    relations: int = 0  # rdf:Statement facts, as kg.graph.network counts them
    readings: int = 0  # relations read by the extractors, before merging into one fact each
    targets: int = 0
    outputs: list = field(default_factory=list)
    cached: int = 0  # documents whose results came from the cache
    extracted: int = 0  # documents extracted in this build
    characters: int = 0
    seconds: dict = field(default_factory=dict)  # phase -> wall seconds
    cache_keys: set = field(default_factory=set, repr=False)  # cache entries this build used
    warnings: list = field(default_factory=list)  # problems that did not stop the build (a damaged cache)
    validation: object = None  # kg.graph.validate.ValidationReport of the graph, when checked


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------- sources


def iter_documents(paths, report: BuildReport | None = None, exclude=()):
    """Every readable document under `paths` in a stable order; problems go to `report.skipped`.

    A JSONL file named directly is streamed whatever its size; a document id used
    twice is reported and the later document skipped, since ids name graph nodes.
    Files in `exclude` (the build's own outputs) are never read.
    """
    report = report if report is not None else BuildReport()
    seen: set[str] = set()
    for p in paths:
        p = Path(p)
        # read_path streams JSONL whatever its size and converts traditional Chinese in every format
        items = iter_sources([p], exclude=exclude)
        try:
            for item in items:
                if isinstance(item, InputWarning):  # read anyway: said, not skipped
                    report.warnings.append(str(item))
                elif isinstance(item, InputError):
                    report.skipped.append(str(item))
                elif item.id in seen:
                    report.skipped.append(f"{item.source}: the document id {item.id!r} is already used by an "
                                          "earlier input; rename one of them")
                else:
                    seen.add(item.id)
                    yield item
        except InputError as exc:
            report.skipped.append(str(exc))


def count_documents(paths) -> int | None:
    """A quick count of the documents under `paths` (lines of JSONL files), for the progress bar."""
    total = 0
    for p in paths:
        p = Path(p)
        try:
            if p.is_dir():
                for root, dirs, files in os.walk(p):
                    dirs[:] = [d for d in dirs if not d.startswith(".")]
                    total += sum(1 for f in files if not f.startswith(".") and Path(f).suffix.lower() in READERS)
            elif p.suffix.lower() == ".jsonl":
                with open(p, "rb") as handle:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
            else:
                total += 1
        except OSError:
            return None
    return total


def _progress(iterable=None, enabled: bool = False, desc: str = "", total=None):
    if not enabled:
        return _NoBar(iterable)
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        return _NoBar(iterable)
    return tqdm(iterable, desc=desc, unit="doc", file=sys.stderr, leave=False, total=total, dynamic_ncols=True)


class _NoBar:
    def __init__(self, iterable=None):
        self.iterable = iterable

    def __iter__(self):
        return iter(self.iterable)

    def update(self, n=1):
        pass

    def close(self):
        pass


# ---------------------------------------------------------------- workers

# The pipeline of a worker process, built once by `_init_worker` (or inherited
# from the parent where processes fork) and reused for every batch it is given.
_WORKER_PIPELINE: Pipeline | None = None


@dataclass(frozen=True)
class _Failure:
    doc_id: str
    source: str
    message: str


def _extract_batch_with(pipeline: Pipeline, batch) -> list:
    out = []
    for raw in batch:
        try:
            out.append(pipeline.process(raw))
        except Exception as exc:  # one document's bug must not sink a million-document build
            out.append(_Failure(raw.id, raw.source, f"{type(exc).__name__}: {exc}"))
    return out


def _init_worker(lexicon, fingerprint: str) -> None:
    global _WORKER_PIPELINE
    inherited = _WORKER_PIPELINE
    if inherited is None or inherited.lexicon.fingerprint != fingerprint:
        _WORKER_PIPELINE = Pipeline(lexicon)


def _extract_batch(batch) -> list:
    return _extract_batch_with(_WORKER_PIPELINE, batch)


_DASK_PIPELINES: dict = {}


def _dask_extract_batch(lexicon, batch) -> list:
    """Run on a Dask worker: one pipeline per worker process and ontology, built on first use."""
    pipeline = _DASK_PIPELINES.get(lexicon.fingerprint)
    if pipeline is None:
        pipeline = _DASK_PIPELINES[lexicon.fingerprint] = Pipeline(lexicon)
    return _extract_batch_with(pipeline, batch)


class _InlineRunner:
    """Extraction in this process."""

    jobs = 1

    def __init__(self, pipeline: Pipeline):
        self.pipeline = pipeline

    def submit(self, batch) -> Future:
        future = Future()
        future.set_result(_extract_batch_with(self.pipeline, batch))
        return future

    def wait(self, futures):
        return set(futures), set()

    def close(self):
        pass


class _PoolRunner:
    """Extraction over a pool of processes, one pipeline per process."""

    def __init__(self, pipeline: Pipeline, jobs: int):
        global _WORKER_PIPELINE
        self.jobs = jobs
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        if context.get_start_method() == "fork":
            _WORKER_PIPELINE = pipeline  # inherited by the workers: no second start-up
        self.executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker,
                                            initargs=(pipeline.lexicon, pipeline.lexicon.fingerprint))

    def submit(self, batch) -> Future:
        return self.executor.submit(_extract_batch, batch)

    def wait(self, futures):
        return wait_futures(futures, return_when=FIRST_COMPLETED)

    def close(self):
        global _WORKER_PIPELINE
        self.executor.shutdown(wait=True, cancel_futures=True)
        _WORKER_PIPELINE = None


class _DaskRunner:
    """Extraction on a Dask cluster: batches are sent to the workers, results come back."""

    def __init__(self, lexicon, scheduler: str, timeout: float = 30):
        try:
            from distributed import Client
        except ImportError:
            from kg.errors import missing_extra

            raise missing_extra("dask[distributed]", "dask") from None
        try:
            self.client = Client(scheduler, timeout=timeout, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ParkKGError(f"could not reach the Dask scheduler at {scheduler} ({exc}); start one with "
                              "'dask scheduler' and workers with 'dask worker ADDRESS', or check the address") from exc
        workers = self.client.scheduler_info().get("workers", {})
        self.jobs = max(1, sum(w.get("nthreads", 1) for w in workers.values()))
        [self.lexicon] = self.client.scatter([lexicon], broadcast=True)

    def submit(self, batch):
        return self.client.submit(_dask_extract_batch, self.lexicon, batch, pure=False)

    def wait(self, futures):
        from distributed import wait

        with self.client.as_current():  # wait() looks for a current client; ours is not the default
            done, not_done = wait(list(futures), return_when="FIRST_COMPLETED")
        return set(done), set(not_done)

    def close(self):
        self.client.close()


# ---------------------------------------------------------------- extraction


_FROZEN = 0  # how many gc_frozen blocks are open


@contextmanager
def gc_frozen():
    """A block in which every object alive is kept out of the garbage collector's sight.

    A build keeps every result until the graph is written, then the graph:
    millions of live objects that each full collection would walk again (a
    tenth of a one-process build), and that a forked worker's collections would
    touch, copying the parent's pages. Nothing in them is garbage. Inside the
    block, `_keep_out_of_gc` moves what is alive so far to the permanent
    generation; leaving the outermost block gives everything back to the
    collector. Blocks nest.
    """
    global _FROZEN
    _FROZEN += 1
    gc.freeze()
    try:
        yield
    finally:
        _FROZEN -= 1
        if _FROZEN == 0:
            gc.unfreeze()


def _keep_out_of_gc() -> None:
    """Inside `gc_frozen`: move what is alive now (the results so far) out of the collector's sight."""
    if _FROZEN:
        gc.freeze()


def extract(paths, pipeline: Pipeline | None = None, progress: bool = False, report: BuildReport | None = None,
            *, jobs: int = 1, cache=None, scheduler: str | None = None, ontology_dir=None, lexicon=None,
            exclude=()):
    """Document results for every readable source under `paths`, in document order.

    Unreadable sources go to `report.skipped`. `cache` is a `kg.cache.ResultCache`
    (or None); `jobs` > 1 extracts over that many processes, `scheduler` on a
    Dask cluster. The pipeline is built only when some document is not cached.
    """
    report = report if report is not None else BuildReport()
    state = {"pipeline": pipeline, "lexicon": lexicon if lexicon is not None else getattr(pipeline, "lexicon", None)}

    def get_pipeline() -> Pipeline:
        if state["pipeline"] is None:
            state["pipeline"] = Pipeline(state["lexicon"], ontology_dir=ontology_dir)
        return state["pipeline"]

    def make_runner():
        if scheduler:
            if state["lexicon"] is None:
                from kg.ontology import load_lexicon

                state["lexicon"] = load_lexicon(ontology_dir)
            return _DaskRunner(state["lexicon"], scheduler)
        if jobs > 1:
            return _PoolRunner(get_pipeline(), jobs)
        return _InlineRunner(get_pipeline())

    slots: list = []
    keys: list = []
    runner = None
    in_flight: dict = {}  # future -> slot indexes
    batch, batch_slots, batch_chars = [], [], 0
    bar = _progress(None, progress, "extracting", count_documents(paths) if progress else None)

    def collect(block: bool) -> None:
        if not in_flight:
            return
        done, _ = runner.wait(set(in_flight)) if block else (
            {f for f in in_flight if f.done()}, None)
        for future in done:
            indexes = in_flight.pop(future)
            try:
                results = future.result()
            except BrokenProcessPool as exc:
                raise ParkKGError("an extraction worker died (out of memory?); build with fewer --jobs") from exc
            for i, result in zip(indexes, results):
                slots[i] = result
                if cache is not None and not isinstance(result, _Failure):
                    cache.put(keys[i], result)
            bar.update(len(indexes))
        _keep_out_of_gc()

    def submit() -> None:
        nonlocal runner, batch, batch_slots, batch_chars
        if not batch:
            return
        if runner is None:
            runner = make_runner()
        in_flight[runner.submit(batch)] = batch_slots
        batch, batch_slots, batch_chars = [], [], 0
        while len(in_flight) >= 3 * runner.jobs:
            collect(block=True)

    with gc_frozen():  # every result lives until the graph is built
        try:
            for raw in iter_documents(paths, report, exclude):
                i = len(slots)
                slots.append(None)
                report.characters += len(raw.text)
                key = cache.key(raw) if cache is not None else None
                keys.append(key)
                hit = cache.get(key, raw) if cache is not None else None
                if hit is not None:
                    slots[i] = hit
                    report.cached += 1
                    bar.update(1)
                    continue
                batch.append(raw)
                batch_slots.append(i)
                batch_chars += len(raw.text)
                if batch_chars >= BATCH_CHARS or len(batch) >= BATCH_DOCS:
                    submit()
                    collect(block=False)
            submit()
            while in_flight:
                collect(block=True)
        finally:
            bar.close()
            if runner is not None:
                runner.close()
    results = []
    for i, result in enumerate(slots):
        if isinstance(result, _Failure):
            report.skipped.append(f"{result.source}: extraction failed ({result.message}); "
                                  "this is a parkkg bug, please report it with the document")
            keys[i] = None
        else:
            results.append(result)
    report.documents += len(results)
    report.extracted += len(results) - report.cached
    if cache is not None:
        cache.flush()
        report.cache_keys = {k for k in keys if k is not None}
    return results


# ---------------------------------------------------------------- build


def _refuse_partial(report: BuildReport, strict: bool) -> None:
    """Stop before anything is written when the inputs are not what the caller asked for."""
    if strict and report.skipped:
        raise InputError(f"{len(report.skipped)} input(s) skipped and --strict was given, so nothing was written; "
                         f"first: {report.skipped[0]}")
    if report.documents == 0:
        why = (f"all {len(report.skipped)} input(s) were skipped; first: {report.skipped[0]}" if report.skipped
               else "no readable files were found")
        raise InputError(f"no document to build from, so nothing was written and any previous graph is kept ({why})")


def build(paths, out_dir: Path, ontology_dir=None, html: bool = True, progress: bool = False,
          pipeline: Pipeline | None = None, *, jobs: int = 1, cache_dir=None, prune_cache: bool = True,
          scheduler: str | None = None, store: bool = False, formats=("ttl",), strict: bool = False,
          shacl: bool = True, ner: str | None = None, min_confidence: float | None = None) -> BuildReport:
    """Extract from `paths` and write ``graph.ttl`` (and ``graph.html``) into `out_dir`.

    `formats` names the graph files to write (``ttl``, ``nt``, ``nq``, ``jsonld``,
    ``trig``); `store` also loads the graph into an Oxigraph store at
    ``out_dir/store`` (see `kg.graph.store`). With `cache_dir`, results are
    cached there; `prune_cache` then drops entries this build did not use. With
    `strict`, any skipped input stops the build before it writes; a build with no
    readable document stops too, so a previous graph is never replaced by an
    empty one. With `shacl`, the graph is checked against ontology/shapes.ttl
    (`kg.graph.validate`) and the outcome is in `report.validation`. `ner` names a
    HanLP NER model (a `kg train-ner` folder or a pretrained id) whose stage adds
    the names the rules miss (`kg.extract.hanlp_ner`; the PARKKG_NER setting where
    `ner` is None).
    """
    from kg.ontology import load_lexicon

    out_dir = Path(out_dir)
    unknown = [f for f in formats if f not in GRAPH_FORMATS]
    if unknown:
        raise ParkKGError(f"unknown graph format {unknown[0]!r}; choose from {', '.join(GRAPH_FORMATS)}")
    report = BuildReport()
    own_outputs = [out_dir / name for name in (*OUTPUT_NAMES, MANIFEST)]  # -o may be an input folder
    with output_lock(out_dir):  # before any work: an unwritable -o, or a second build into it, stops here
        clock = time.perf_counter()
        lexicon = pipeline.lexicon if pipeline is not None else load_lexicon(ontology_dir)
        if pipeline is None:
            from kg.extract.hanlp_ner import hanlp_recognizers

            extras = hanlp_recognizers(ner, lexicon, required=ner is not None)
            if extras and scheduler:
                raise ParkKGError("the HanLP NER stage does not run on a Dask cluster yet; build without --scheduler, "
                                  "or without --ner / PARKKG_NER")
            if extras:
                pipeline = Pipeline(lexicon, ontology_dir=ontology_dir, extra_recognizers=extras)
        cache = None
        if cache_dir is not None:
            from kg.cache import ResultCache

            extra = ",".join(getattr(r, "cache_key", type(r).__qualname__)
                             for r in getattr(pipeline, "extra_recognizers", ()))
            cache = ResultCache(cache_dir, lexicon.fingerprint, extra)
            report.warnings.extend(cache.warnings)
        try:
            results = extract(paths, pipeline, progress, report, jobs=jobs, cache=cache, scheduler=scheduler,
                              ontology_dir=ontology_dir, lexicon=lexicon, exclude=own_outputs)
            try:
                _refuse_partial(report, strict)
            except InputError:
                if cache is not None:  # a refused build changes nothing, the cache included
                    cache.discard_added()
                raise
            if cache is not None and prune_cache:
                cache.prune(report.cache_keys)
        finally:
            if cache is not None:
                cache.close()
        report.seconds["extract"] = time.perf_counter() - clock

        with gc_frozen():  # the results, then the graph, live until the end: no full collection need walk them
            clock = time.perf_counter()
            corpus = merge_results(results, min_confidence, lexicon)
            del results
            report.seconds["merge"] = time.perf_counter() - clock
            clock = time.perf_counter()
            graph = build_graph(corpus, lexicon)
            report.seconds["graph"] = time.perf_counter() - clock
            report.triples = len(graph)
            from kg.graph.network import graph_counts

            counts = graph_counts(graph)  # the same counts as the HTML view and the exports show
            report.entities, report.relations, report.targets = counts.entities, counts.relations, counts.targets
            report.readings = len(corpus.relations)
            del corpus
            if shacl:
                from kg.graph.validate import validate

                clock = time.perf_counter()
                report.validation = validate(graph, ontology_dir)
                report.seconds["validate"] = time.perf_counter() - clock

            clock = time.perf_counter()
            try:
                staging = staging_folder(out_dir)
            except OSError as exc:
                raise output_error(out_dir, exc) from exc
            try:
                written = []
                for fmt in dict.fromkeys(formats):
                    path = staging / f"graph.{fmt}"
                    if fmt == "nq":
                        from kg.graph.iris import BASE
                        from kg.graph.serialize import write_nquads

                        write_nquads(graph, path, BASE + "graph")
                    else:
                        write_graph(graph, path, fmt)
                    written.append(path)
                    report.outputs.append(str(out_dir / path.name))
                report.seconds["write"] = time.perf_counter() - clock
                if store:
                    from kg.graph.store import load_into_store

                    clock = time.perf_counter()
                    source = next((p for p in written if p.suffix in (".nt", ".ttl")), written[0] if written else None)
                    if source is None:
                        source = staging / "graph.nt"
                        write_graph(graph, source, "nt")
                        written.append(source)
                        report.outputs.append(str(out_dir / source.name))
                    # the ontology goes in too (classes, property labels, the industry taxonomy), as kg query reads it
                    # beside a graph file: saved queries that follow skos:broader answer the same from either
                    from kg.ontology import ontology_files

                    load_into_store([source, *ontology_files(ontology_dir)], staging / "store")
                    written.append(staging / "store")
                    report.outputs.append(str(out_dir / "store"))
                    report.seconds["store"] = time.perf_counter() - clock
                if html:
                    from kg.views.html import write_html

                    clock = time.perf_counter()
                    from kg.views.html import corpus_title

                    write_html(graph, staging / "graph.html", title=corpus_title(paths, graph))
                    written.append(staging / "graph.html")
                    report.outputs.append(str(out_dir / "graph.html"))
                    report.seconds["html"] = time.perf_counter() - clock
                commit_outputs(staging, out_dir, [p.name for p in written], inputs=paths)
            except OSError as exc:  # disk full, folder gone read-only: the previous set is still whole
                raise output_error(out_dir, exc) from exc
            finally:
                shutil.rmtree(staging, ignore_errors=True)
    return report
