"""``kg build --stream`` and ``kg update``: the out-of-core build, and the store changed in place.

A streamed build keeps, beside its outputs, the on-disk index of every
document's records (``OUT/.kg-index.sqlite``) and the sorted lines of the graph
(``OUT/.kg-graph.nt``). ``kg update SOURCES -o OUT`` then reads SOURCES again,
extracts only documents that are new or changed (the index knows each
document's content key), forgets removed ones, merges the index again (the
merge is group by group, on disk) and compares the new sorted graph with the
old one: only the triples that differ are removed from or added to
``OUT/store``, which then holds exactly what a fresh build of the same inputs
holds. The graph files are rewritten only for the `formats` asked.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

from kg.errors import ParkKGError
from kg.extraction import extract, extract_checked
from kg.graph.outputs import commit_outputs, output_error, output_lock, staging_folder
from kg.report import BuildReport
from kg.sources import iter_documents
from kg.stream.build import INDEX_NAME, write_streamed_graph
from kg.stream.index import ResultIndex

STATE_NAME = ".kg-graph.nt"  # the sorted graph of the last streamed build or update, for the next diff


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


def _index_sink(index: ResultIndex, replace: bool):
    def sink(seq, result):
        d = result.document
        index.add(seq, result, content_key(d.id, d.raw_text, d.title, d.date, d.format, d.url), replace=replace)
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
        index = ResultIndex(staging / INDEX_NAME)
        try:
            index.set_meta("pipeline", _fingerprint(lexicon))
            extract_checked(paths, report, cache, settings["strict"], settings["prune_cache"],
                            sink=_index_sink(index, False), **options)
            index.commit()
            report.seconds["extract"] = time.perf_counter() - clock
            formats = list(dict.fromkeys(settings["formats"]))
            files = {fmt: staging / f"graph.{fmt}" for fmt in formats}
            counts = write_streamed_graph(index, lexicon, {**files, "nt:state": staging / STATE_NAME},
                                          settings["min_confidence"], seconds=report.seconds)
        finally:
            index.close()
        _count(report, counts)
        if settings["shacl"]:
            clock = time.perf_counter()
            from kg.stream.shacl import validate_batches

            report.validation = validate_batches(staging / STATE_NAME, settings["ontology_dir"])
            report.seconds["validate"] = time.perf_counter() - clock
        names = [f"graph.{fmt}" for fmt in formats]
        if settings["store"]:
            from kg.graph.store import load_build_store

            clock = time.perf_counter()
            load_build_store(staging / STATE_NAME, staging / "store", settings["ontology_dir"])
            report.seconds["store"] = time.perf_counter() - clock
            names.append("store")
        report.outputs.extend(str(out_dir / n) for n in names)
        for hidden in (INDEX_NAME, STATE_NAME):
            os.replace(staging / hidden, out_dir / hidden)
        commit_outputs(staging, out_dir, names, inputs=paths)
    except OSError as exc:
        raise output_error(out_dir, exc) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return report


def _count(report: BuildReport, counts) -> None:
    report.triples, report.entities, report.relations = counts.triples, counts.entities, counts.relations
    report.targets, report.readings = counts.targets, counts.readings


def forget_streamed_state(out_dir: Path) -> None:
    """An in-memory build replaced the outputs: the index and state of an earlier streamed build no longer match."""
    for hidden in (INDEX_NAME, STATE_NAME):
        try:
            os.unlink(Path(out_dir) / hidden)
        except FileNotFoundError:
            pass


def _changes(paths, index: ResultIndex, report: BuildReport, exclude):
    """(position, document) of every new or changed document; fills `report.changes`; forgets removed ones."""
    known = index.doc_keys()
    seen: set = set()
    changes = report.changes
    changes.update(added=0, changed=0, removed=0)
    for seq, raw in enumerate(iter_documents(paths, report, exclude)):
        seen.add(raw.id)
        old = known.get(raw.id)
        if old is not None and old[0] == content_key(raw.id, raw.text, raw.title, raw.date, raw.format, raw.url):
            if (old[1], old[2]) != (seq, raw.source):
                index.relocate(raw.id, seq, raw.source)
            continue
        changes["added" if old is None else "changed"] += 1
        yield seq, raw
    for doc_id in sorted(set(known) - seen):
        index.remove(doc_id)
        changes["removed"] += 1


def update(paths, out_dir: Path, ontology_dir=None, *, jobs: int = 1, cache_dir=None, progress: bool = False,
           min_confidence: float | None = None, formats=(), scheduler: str | None = None,
           pipeline=None) -> BuildReport:
    """Bring a streamed build's store (and, given `formats`, those graph files) up to date with `paths`."""
    from kg.ontology import load_lexicon

    out_dir = Path(out_dir)
    report = BuildReport()
    with output_lock(out_dir):
        index_path, state = out_dir / INDEX_NAME, out_dir / STATE_NAME
        if not index_path.is_file() or not state.is_file() or not (out_dir / "store").is_dir():
            raise ParkKGError(f"{out_dir}: holds no streamed build with a store to update; build one first with: "
                              f"kg build SOURCES -o {out_dir} --stream --store --no-html")
        lexicon = load_lexicon(ontology_dir)
        index = ResultIndex(index_path)
        try:
            if index.meta("pipeline") != _fingerprint(lexicon):
                raise ParkKGError(f"{out_dir}: the ontology or parkkg changed since it was built, so every document "
                                  "must be read again; rebuild with kg build SOURCES -o OUT --stream --store")
            _update_index(paths, out_dir, index, lexicon, report, dict(
                jobs=jobs, cache_dir=cache_dir, progress=progress, scheduler=scheduler, ontology_dir=ontology_dir,
                pipeline=pipeline))
            new_state = out_dir / f"{STATE_NAME}.new"
            files = {fmt: out_dir / f".graph.{fmt}.update.tmp" for fmt in formats}
            counts = write_streamed_graph(index, lexicon, {"nt:state": new_state, **files}, min_confidence,
                                          seconds=report.seconds)
        finally:
            index.close()
        _count(report, counts)
        clock = time.perf_counter()
        report.changes.update(apply_diff(state, new_state, out_dir / "store"))
        os.replace(new_state, state)
        report.seconds["store"] = time.perf_counter() - clock
        if files:
            _commit_files(out_dir, files, paths)
        report.outputs.append(str(out_dir / "store"))
    return report


def _update_index(paths, out_dir, index, lexicon, report, settings) -> None:
    clock = time.perf_counter()
    cache = None
    if settings["cache_dir"] is not None:
        from kg.cache import ResultCache

        cache = ResultCache(settings["cache_dir"], lexicon.fingerprint)
    exclude = [out_dir / name for name in ("graph.ttl", "graph.nt", "graph.nq")]
    try:
        extract(paths, settings["pipeline"], report=report, cache=cache, jobs=settings["jobs"], scheduler=settings["scheduler"],
                lexicon=lexicon, ontology_dir=settings["ontology_dir"], progress=settings["progress"],
                sink=_index_sink(index, True), documents=_changes(paths, index, report, exclude))
    finally:
        if cache is not None:
            cache.close()
    index.commit()
    report.seconds["extract"] = time.perf_counter() - clock


def _commit_files(out_dir: Path, formats: dict, paths) -> None:
    from kg.graph.outputs import read_manifest

    staging = staging_folder(out_dir)
    names = []
    for fmt, tmp in formats.items():
        os.replace(tmp, staging / f"graph.{fmt}")
        names.append(f"graph.{fmt}")
    previous = read_manifest(out_dir) or {"files": {}}
    keep = [n for n in previous["files"] if n not in names and (out_dir / n).exists()]
    for name in keep:  # the outputs the update did not rewrite (the store) stay, and stay listed
        os.replace(out_dir / name, staging / name)
    commit_outputs(staging, out_dir, names + keep, inputs=paths)


def apply_diff(old: Path, new: Path, store_dir: Path, batch: int = 50_000) -> dict:
    """Remove from and add to the store the triples that differ between two sorted N-Triples files."""
    import pyoxigraph as ox

    from kg.graph.store import open_store

    store = open_store(store_dir, read_only=False)
    counts = {"triples_removed": 0, "triples_added": 0}
    pending = {"-": [], "+": []}

    def flush(sign):
        lines = pending[sign]
        if not lines:
            return
        quads = ox.parse("".join(lines).encode("utf-8", "surrogatepass"), ox.RdfFormat.N_TRIPLES)
        if sign == "+":
            store.extend(quads)
        else:
            for quad in quads:
                store.remove(quad)
        counts["triples_added" if sign == "+" else "triples_removed"] += len(lines)
        lines.clear()

    with open(old, encoding="utf-8", errors="surrogatepass") as a, open(new, encoding="utf-8",
                                                                       errors="surrogatepass") as b:
        for sign, line in diff_sorted(a, b):
            pending[sign].append(line)
            if len(pending[sign]) >= batch:
                flush(sign)
    flush("-")
    flush("+")
    store.flush()
    del store
    return counts


def diff_sorted(old, new):
    """('-', line) for lines only in `old`, ('+', line) for lines only in `new`; both sorted, each line once.

    >>> list(diff_sorted(["a", "b", "d"], ["b", "c", "d", "e"]))
    [('-', 'a'), ('+', 'c'), ('+', 'e')]
    """
    old, new = iter(old), iter(new)
    a, b = next(old, None), next(new, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a < b):
            yield "-", a
            a = next(old, None)
        elif a is None or b < a:
            yield "+", b
            b = next(new, None)
        else:
            a, b = next(old, None), next(new, None)
