"""Build a graph from source files: the library behind ``kg build``.

Sources are files, folders and JSONL corpora, streamed one document at a time
(`kg.sources`). Extraction, the costly step, runs in this process (``jobs=1``),
over a pool of processes (``jobs=N``) or on a Dask cluster (``scheduler=ADDRESS``)
(`kg.runners`, `kg.extraction`); results come back in document order whatever
the engine, so the graph is the same bytes however it was computed. With a
`cache_dir`, each document's result is kept under a key of its content and the
pipeline (`kg.cache`), so a rebuild extracts only new and changed documents;
merging across documents and building the graph always run over every current
document, so the graph reflects exactly the current inputs.

Two paths give the same files: the in-memory one (the merged corpus, one rdflib
graph, SHACL, the HTML view) and, with ``streamed=True``, the out-of-core one
(`kg.stream`: an on-disk index, the merge group by group, an external sort),
whose memory does not grow with the corpus.

>>> import tempfile, pathlib
>>> src = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = src.write_text("苏州高新区聚焦集成电路产业。", encoding="utf-8")
>>> report = build([src], pathlib.Path(tempfile.mkdtemp()), html=False)
>>> report.documents, report.skipped
(1, [])
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from kg.errors import ParkKGError
from kg.extraction import GraphOnly, extract, extract_checked, gc_frozen
from kg.graph.formats import WRITE_FORMATS as GRAPH_FORMATS  # one table: kg.graph.formats
from kg.graph.outputs import MANIFEST, OUTPUT_NAMES, commit_outputs, output_error, output_lock, staging_folder
from kg.pipeline import Pipeline, merge_results
from kg.report import BuildReport
from kg.sources import count_documents, default_jobs, iter_documents

__all__ = ["BuildReport", "Pipeline", "build", "count_documents", "default_jobs", "extract", "gc_frozen",
           "iter_documents"]

STREAM_FORMATS = ("ttl", "nt", "nq")  # what the streamed path writes without a graph in memory


def _pipeline_with_ner(lexicon, ner, scheduler, ontology_dir):
    """A pipeline with the HanLP NER stage where one is asked for (or set by PARKKG_NER), else None."""
    from kg.extract.hanlp_ner import hanlp_recognizers

    extras = hanlp_recognizers(ner, lexicon, required=ner is not None)
    if extras and scheduler:
        raise ParkKGError("the HanLP NER stage does not run on a Dask cluster yet; build without --scheduler, "
                          "or without --ner / PARKKG_NER")
    return Pipeline(lexicon, ontology_dir=ontology_dir, extra_recognizers=extras) if extras else None


def _open_cache(cache_dir, lexicon, pipeline, report: BuildReport):
    if cache_dir is None:
        return None
    from kg.cache import ResultCache

    extra = ",".join(getattr(r, "cache_key", type(r).__qualname__) for r in getattr(pipeline, "extra_recognizers", ()))
    cache = ResultCache(cache_dir, lexicon.fingerprint, extra)
    report.warnings.extend(cache.warnings)
    return cache


def build(paths, out_dir: Path, ontology_dir=None, html: bool = True, progress: bool = False,
          pipeline: Pipeline | None = None, *, jobs: int = 1, cache_dir=None, prune_cache: bool = True,
          scheduler: str | None = None, store: bool = False, formats=("ttl",), strict: bool = False,
          shacl: bool = True, ner: str | None = None, min_confidence: float | None = None,
          streamed: bool = False) -> BuildReport:
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
    `ner` is None). `streamed` takes the out-of-core path (`kg.stream`; no HTML
    view, formats ttl, nt and nq), which also keeps ``OUT/.kg-index.sqlite`` for
    ``kg update``.
    """
    from kg.ontology import load_lexicon

    out_dir = Path(out_dir)
    allowed = STREAM_FORMATS if streamed else GRAPH_FORMATS
    unknown = [f for f in formats if f not in allowed]
    if unknown:
        raise ParkKGError(f"graph format {unknown[0]!r} cannot be written here; choose from {', '.join(allowed)}"
                          + (" (the streamed build writes no format that needs the graph in memory)"
                             if streamed and unknown[0] in GRAPH_FORMATS else ""))
    report = BuildReport()
    own_outputs = [out_dir / name for name in (*OUTPUT_NAMES, MANIFEST)]  # -o may be an input folder
    with output_lock(out_dir):  # before any work: an unwritable -o, or a second build into it, stops here
        clock = time.perf_counter()
        lexicon = pipeline.lexicon if pipeline is not None else load_lexicon(ontology_dir)
        if pipeline is None:
            pipeline = _pipeline_with_ner(lexicon, ner, scheduler, ontology_dir)
        cache = _open_cache(cache_dir, lexicon, pipeline, report)
        options = dict(pipeline=pipeline, progress=progress, jobs=jobs, scheduler=scheduler, lexicon=lexicon,
                       ontology_dir=ontology_dir, exclude=own_outputs,
                       new_pipeline=lambda lex: Pipeline(lex, ontology_dir=ontology_dir))
        if streamed:
            from kg.stream.run import streamed_build

            return streamed_build(paths, out_dir, lexicon, report, cache, options,
                                  dict(strict=strict, prune_cache=prune_cache, formats=formats, store=store,
                                       shacl=shacl, min_confidence=min_confidence, ontology_dir=ontology_dir,
                                       html=html))
        options["each"] = _GraphReady(shacl, ontology_dir)
        if cache is None and scheduler is None:  # nothing keeps whole results: workers send only the graph's part
            options["pipeline"] = GraphOnly(pipeline) if pipeline is not None else None
            options["new_pipeline"] = lambda lex: GraphOnly(Pipeline(lex, ontology_dir=ontology_dir))
        results = extract_checked(paths, report, cache, strict, prune_cache, extract_with=extract, **options)
        report.seconds["extract"] = time.perf_counter() - clock
        with gc_frozen():  # the results, then the graph, live until the end: no full collection need walk them
            graph = _merge_and_graph(results, lexicon, report, min_confidence)
            del results
            check = _Validation(graph, ontology_dir, report, aside=jobs > 1 and not scheduler) if shacl else None
            try:
                _write_outputs(graph, out_dir, paths, report, formats, store, html, ontology_dir, before_commit=check)
            finally:
                if check is not None:
                    check.close()
    return report


class _Validation:
    """SHACL of the graph (`kg.graph.validate`), put into the report when called.

    With `aside` (a build given several processes) the check runs in a forked
    process (`ValidationAside`) while this one writes the files; else here, at
    once. It is called before the files are committed, so that a check that fails
    leaves OUT as it was; `close` stops a check whose files were never committed.
    """

    def __init__(self, graph, ontology_dir, report: BuildReport, aside: bool):
        from kg.graph.validate import validate
        from kg.graph.validate_aside import ValidationAside

        self.report, self.aside = report, None
        clock = time.perf_counter()
        if aside:
            self.aside = ValidationAside(graph, ontology_dir)
        else:
            report.validation = validate(graph, ontology_dir)
            report.seconds["validate"] = time.perf_counter() - clock

    def __call__(self) -> None:
        if self.aside is not None:
            waited = time.perf_counter()
            self.report.validation = self.aside.result()
            self.report.seconds["validate"] = self.report.validation.seconds  # its own time, beside the writing
            self.report.seconds["validate_wait"] = time.perf_counter() - waited  # what the files waited for it

    def close(self) -> None:
        if self.aside is not None:
            self.aside.close()


class _GraphReady:
    """What the graph step needs, made ready while the workers extract and this process mostly waits.

    Called with each result as it comes back: the first loads the graph's modules
    (pinyin tables, pyshacl, the shapes); each computes the IRIs of its entities
    (`kg.graph.iris.entity_iri` keeps them), the costliest part of the triples.
    The graph is the same; its step after extraction takes about half the time it took.
    """

    def __init__(self, shacl: bool, ontology_dir):
        self.shacl, self.ontology_dir, self.started = shacl, ontology_dir, False

    def __call__(self, result) -> None:
        from kg.graph.iris import entity_iri

        if not self.started:
            self.started = True
            import kg.graph.build  # noqa: F401 - rdflib's terms and namespaces
            import kg.graph.serialize  # noqa: F401

            if self.shacl:
                from kg.graph.validate import load_shapes

                import pyshacl  # noqa: F401
                load_shapes(self.ontology_dir)
        for e in result.entities:
            entity_iri(e.key)


def _merge_and_graph(results, lexicon, report: BuildReport, min_confidence):
    from kg.graph.build import build_graph
    from kg.graph.network import graph_counts

    clock = time.perf_counter()
    corpus = merge_results(results, min_confidence, lexicon)
    report.seconds["merge"] = time.perf_counter() - clock
    clock = time.perf_counter()
    graph = build_graph(corpus, lexicon)
    report.seconds["graph"] = time.perf_counter() - clock
    report.triples = len(graph)
    counts = graph_counts(graph)  # the same counts as the HTML view and the exports show
    report.entities, report.relations, report.targets = counts.entities, counts.relations, counts.targets
    report.readings = len(corpus.relations)
    return graph


def _write_outputs(graph, out_dir: Path, paths, report: BuildReport, formats, store: bool, html: bool,
                   ontology_dir, before_commit=None) -> None:
    """The graph files, the store and the HTML view into a staging folder, then into OUT all at once."""
    from kg.graph.serialize import write_graph

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
        report.seconds["write"] = time.perf_counter() - clock
        if store:
            source = next((p for p in written if p.suffix in (".nt", ".ttl")), written[0] if written else None)
            if source is None:
                source = staging / "graph.nt"
                write_graph(graph, source, "nt")
                written.append(source)
            load_store(source, staging, report, ontology_dir)
            written.append(staging / "store")
        if html:
            from kg.views.html import corpus_title, write_html

            clock = time.perf_counter()
            write_html(graph, staging / "graph.html", title=corpus_title(paths, graph))
            written.append(staging / "graph.html")
            report.seconds["html"] = time.perf_counter() - clock
        if before_commit is not None:
            before_commit()
        report.outputs.extend(str(out_dir / p.name) for p in written)
        commit_outputs(staging, out_dir, [p.name for p in written], inputs=paths)
        from kg.stream.run import forget_streamed_state

        forget_streamed_state(out_dir)
    except OSError as exc:  # disk full, folder gone read-only: the previous set is still whole
        raise output_error(out_dir, exc) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def load_store(source: Path, staging: Path, report: BuildReport, ontology_dir) -> None:
    from kg.graph.store import load_build_store

    clock = time.perf_counter()
    load_build_store(source, staging / "store", ontology_dir)
    report.seconds["store"] = time.perf_counter() - clock
