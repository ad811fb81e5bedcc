"""``kg build --stream``: the out-of-core build (see `kg.build.build`), with OUT locked by the caller.

Besides its outputs it keeps the on-disk index of every document's records
(``OUT/.kg-index.sqlite``), from which ``kg update`` (`kg.stream.update`) patches
the store for a few changed documents.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

from kg.extraction import extract_checked
from kg.graph.outputs import commit_outputs, output_error, staging_folder
from kg.report import BuildReport
from kg.stream.build import INDEX_NAME, write_streamed_graph
from kg.stream.index import ADD_CACHE_MB, READ_CACHE_MB, ResultIndex


def _fingerprint(lexicon) -> str:
    from kg.cache import pipeline_fingerprint

    return pipeline_fingerprint(lexicon.fingerprint)


def content_key(doc_id: str, text: str, title: str, date: str, fmt: str, url: str) -> str:
    """What identifies a document's content (a `RawDocument`'s, or a `Document`'s raw text and fields)."""
    h = hashlib.sha256()
    for part in (doc_id, text, title, date, fmt, url):
        data = str(part).encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def index_sink(index: ResultIndex, replace: bool, seqs: dict | None = None, done: list | None = None):
    """``sink(seq, result)`` for `kg.extraction.extract`: the result's records into `index`.

    `seqs` maps a document id to the position it takes (kg update's), else `seq` is used;
    `done` collects the ids indexed.
    """
    def sink(seq, result):
        d = result.document
        index.add(seqs.get(d.id, seq) if seqs else seq, result,
                  content_key(d.id, d.raw_text, d.title, d.date, d.format, d.url), replace=replace)
        if done is not None:
            done.append(d.id)
    return sink


def streamed_build(paths, out_dir: Path, lexicon, report: BuildReport, cache, options: dict,
                   settings: dict) -> BuildReport:
    """The out-of-core build (see `kg.build.build`); called with OUT locked."""
    clock = time.perf_counter()
    if settings["html"]:
        report.warnings.append("the streamed build writes no HTML view (it needs the whole graph in memory); "
                               "give --no-html, or build without --stream for a view")
    try:
        staging = staging_folder(out_dir)
    except OSError as exc:
        raise output_error(out_dir, exc) from exc
    try:
        index = ResultIndex(staging / INDEX_NAME, lexicon.regions, cache_mb=ADD_CACHE_MB)
        try:
            index.set_meta("pipeline", _fingerprint(lexicon))
            extract_checked(paths, report, cache, settings["strict"], settings["prune_cache"],
                            sink=index_sink(index, False), **options)
            index.commit()
            index.set_cache(READ_CACHE_MB)  # the workers are gone: the merge may have the bigger cache
            release_memory()
            report.seconds["extract"] = time.perf_counter() - clock
            formats = list(dict.fromkeys(settings["formats"]))
            files = {fmt: staging / f"graph.{fmt}" for fmt in formats}
            graph_nt = files.get("nt", staging / ".graph-for-store.nt")
            outputs = files if "nt" in files else {**files, "nt:store": graph_nt}  # the store loads N-Triples
            store_files = [graph_nt]
            if options.get("scheduler"):  # the merge on the cluster too (kg.stream.dask_merge)
                from kg.stream.dask_merge import write_dask_graph

                counts, store_files = write_dask_graph(index, lexicon, outputs, options["scheduler"],
                                                       staging / ".parts", settings["min_confidence"], report.seconds)
            else:
                counts = write_streamed_graph(index, lexicon, outputs, settings["min_confidence"],
                                              seconds=report.seconds)
            index.prepare_updates()
            release_memory()
        finally:
            index.close()
        count_into(report, counts)
        if settings["shacl"]:
            clock = time.perf_counter()
            from kg.stream.shacl import validate_batches

            report.validation = validate_batches(graph_nt, settings["ontology_dir"])
            release_memory()
            report.seconds["validate"] = time.perf_counter() - clock
        names = [f"graph.{fmt}" for fmt in formats]
        if settings["store"]:
            from kg.graph.store import load_build_store

            clock = time.perf_counter()
            load_build_store(store_files, staging / "store", settings["ontology_dir"])
            report.seconds["store"] = time.perf_counter() - clock
            names.append("store")
        report.outputs.extend(str(out_dir / n) for n in names)
        os.replace(staging / INDEX_NAME, out_dir / INDEX_NAME)
        commit_outputs(staging, out_dir, names, inputs=paths)
    except OSError as exc:
        raise output_error(out_dir, exc) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return report


def release_memory() -> None:
    """Give freed memory back to the system between the phases of a streamed build (glibc's malloc_trim)."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the allocator keeps it, nothing else changes
        pass


def count_into(report: BuildReport, counts) -> None:
    report.triples, report.entities, report.relations = counts.triples, counts.entities, counts.relations
    report.targets, report.readings = counts.targets, counts.readings


def forget_streamed_state(out_dir: Path) -> None:
    """An in-memory build replaced the outputs: the index of an earlier streamed build no longer matches them."""
    try:
        os.unlink(Path(out_dir) / INDEX_NAME)
    except FileNotFoundError:
        pass
