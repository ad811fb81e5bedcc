"""``kg update``: a streamed build's store patched in place for added, changed and removed documents.

A streamed build (`kg.stream.run`) keeps the on-disk index of every document's
records beside its outputs. An update reads only what it is given:

- ``update(PATHS, OUT)``: PATHS are the whole current inputs; documents that are
  new or whose content changed are extracted, documents no longer there are
  removed, the rest are only hashed;
- ``update(PATHS, OUT, add=True)``: PATHS hold documents to add (or, under an
  id already built, to replace); nothing else is read;
- ``remove=IDS``: documents to drop.

Then only the entities, facts, targets and documents the change touches are
merged again and rewritten in the store (`kg.stream.incremental.Patch`); the
store answers exactly as a fresh ``kg build --stream --store`` of the same
inputs would. Each document keeps its place in the input order (which decides,
for instance, an industry's label): an added one goes after all others, or
between its neighbours when PATHS are the whole inputs. The graph files are
rewritten (from the whole index) only for the `formats` asked.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from kg.errors import ParkKGError
from kg.extraction import extract
from kg.graph.outputs import commit_outputs, output_lock, staging_folder
from kg.report import BuildReport
from kg.sources import iter_documents
from kg.stream.build import INDEX_NAME, write_streamed_graph
from kg.stream.index import ResultIndex
from kg.stream.run import _fingerprint, content_key, count_into, index_sink


class _Plan:
    """What an update does to the index: documents to extract (with their places), to move, to remove."""

    def __init__(self, known: dict):
        self.known = known  # doc id -> (content key, seq, source)
        self.extract: list = []  # (seq, RawDocument)
        self.moved: list = []  # (doc id, seq, source): same content, another place or file
        self.removed: list = []
        self.counts = {"added": 0, "changed": 0, "removed": 0, "moved": 0}

    def key_of(self, raw) -> str:
        return content_key(raw.id, raw.text, raw.title, raw.date, raw.format, raw.url)

    def place(self, pending: list, low: float, high: float) -> None:
        """Documents between two kept ones take evenly spaced places between theirs."""
        for i, raw in enumerate(pending):
            seq = low + (high - low) * (i + 1) / (len(pending) + 1)
            old = self.known.get(raw.id)
            if old is not None and old[0] == self.key_of(raw):
                self.moved.append((raw.id, seq, raw.source))
                self.counts["moved"] += 1
            else:
                self.extract.append((seq, raw))
                self.counts["added" if old is None else "changed"] += 1
        pending.clear()

    def whole_inputs(self, docs) -> None:
        last, pending, seen = -1.0, [], set()
        for raw in docs:
            seen.add(raw.id)
            old = self.known.get(raw.id)
            if old is not None and old[0] == self.key_of(raw) and old[1] > last:
                self.place(pending, last, old[1])
                last = old[1]
                if old[2] != raw.source:
                    self.moved.append((raw.id, old[1], raw.source))
                    self.counts["moved"] += 1
                continue
            pending.append(raw)
        self.place(pending, last, max([last, *(k[1] for k in self.known.values())]) + len(pending) + 1)
        self.removed = sorted(set(self.known) - seen)
        self.counts["removed"] = len(self.removed)

    def additions(self, docs, remove) -> None:
        end = max([-1.0, *(k[1] for k in self.known.values())])
        new = []
        for raw in docs:
            old = self.known.get(raw.id)
            if old is None:
                new.append(raw)
            elif old[0] != self.key_of(raw) or old[2] != raw.source:
                self.place([raw], old[1], old[1])  # replaced where it stands
        self.place(new, end, end + len(new) + 1)
        self.removed = sorted(set(remove) & set(self.known))
        self.counts["removed"] = len(self.removed)

    def touched(self) -> list:
        return sorted({d for d, _, _ in self.moved} | {r.id for _, r in self.extract} | set(self.removed))


def update(paths, out_dir: Path, ontology_dir=None, *, add: bool = False, remove=(), jobs: int = 1,
           progress: bool = False, min_confidence: float | None = None, formats=(), scheduler: str | None = None,
           pipeline=None) -> BuildReport:
    """Patch a streamed build's store (and rewrite the graph files of `formats`); see the module docstring."""
    from kg.graph.store import open_store
    from kg.ontology import load_lexicon
    from kg.stream.incremental import Patch
    from kg.stream.merge import confidence_floors

    out_dir = Path(out_dir)
    report = BuildReport()
    with output_lock(out_dir):
        if not (out_dir / INDEX_NAME).is_file() or not (out_dir / "store").is_dir():
            raise ParkKGError(f"{out_dir}: holds no streamed build with a store to update; build one first with: "
                              f"kg build SOURCES -o {out_dir} --stream --store --no-html")
        lexicon = load_lexicon(ontology_dir)
        index = ResultIndex(out_dir / INDEX_NAME, lexicon.regions)
        try:
            if index.meta("pipeline") != _fingerprint(lexicon):
                raise ParkKGError(f"{out_dir}: the ontology or parkkg changed since it was built, so every document "
                                  f"must be read again; rebuild with: kg build SOURCES -o {out_dir} --stream --store")
            clock = time.perf_counter()
            plan = _Plan(index.doc_keys())
            docs = iter_documents(paths, report, [out_dir / f"graph.{f}" for f in ("ttl", "nt", "nq")])
            plan.additions(docs, remove) if add else plan.whole_inputs(docs)
            store = open_store(out_dir / "store", read_only=False)
            patch = Patch(index, lexicon, store, confidence_floors(min_confidence))
            patch.before(plan.touched())
            _change_index(index, plan, report, dict(jobs=jobs, scheduler=scheduler, lexicon=lexicon,
                                                    ontology_dir=ontology_dir, progress=progress), pipeline)
            report.seconds["extract"] = time.perf_counter() - clock
            clock = time.perf_counter()
            patch.after(plan.touched())
            report.changes.update(plan.counts, **patch.apply())
            store.flush()
            del store, patch
            report.seconds["store"] = time.perf_counter() - clock
            report.outputs.append(str(out_dir / "store"))
            if formats:
                _rewrite_files(out_dir, index, lexicon, formats, min_confidence, report, paths)
        finally:
            index.close()
    return report


def _change_index(index: ResultIndex, plan: _Plan, report: BuildReport, options: dict, pipeline) -> None:
    for doc_id in plan.removed:
        index.remove(doc_id)
    for doc_id, seq, source in plan.moved:
        index.relocate(doc_id, seq, source)
    seqs = {raw.id: seq for seq, raw in plan.extract}
    for doc_id in seqs:
        index.remove(doc_id)
    extract([], pipeline, report=report, sink=index_sink(index, False, seqs), documents=plan.extract, **options)
    index.commit()


def _rewrite_files(out_dir: Path, index, lexicon, formats, min_confidence, report: BuildReport, paths) -> None:
    """The graph files from the whole index, put in place beside the store."""
    from kg.graph.outputs import read_manifest

    staging = staging_folder(out_dir)
    try:
        files = {fmt: staging / f"graph.{fmt}" for fmt in dict.fromkeys(formats)}
        count_into(report, write_streamed_graph(index, lexicon, files, min_confidence, seconds=report.seconds))
        names = [p.name for p in files.values()]
        previous = read_manifest(out_dir) or {"files": {}}
        kept = [n for n in previous["files"] if n not in names and (out_dir / n).exists()]
        for name in kept:  # what the update did not rewrite (the store) stays, and stays listed
            os.replace(out_dir / name, staging / name)
        commit_outputs(staging, out_dir, names + kept, inputs=paths)
        report.outputs.extend(str(out_dir / n) for n in names)
    finally:
        import shutil

        shutil.rmtree(staging, ignore_errors=True)
