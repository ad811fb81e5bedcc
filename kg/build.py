"""Build a graph from source files: the library behind ``kg build``.

>>> import tempfile, pathlib
>>> src = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> _ = src.write_text("苏州高新区聚焦集成电路产业。", encoding="utf-8")
>>> report = build([src], pathlib.Path(tempfile.mkdtemp()), html=False)
>>> report.documents, report.skipped
(1, [])
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.graph.build import build_graph
from kg.graph.serialize import write_turtle
from kg.pipeline import Pipeline, merge_results
from kg.text.readers import iter_sources


@dataclass
class BuildReport:
    documents: int = 0
    skipped: list = field(default_factory=list)  # messages of inputs that were skipped
    triples: int = 0
    entities: int = 0
    relations: int = 0
    targets: int = 0
    outputs: list = field(default_factory=list)


def _progress(iterable, enabled: bool, desc: str):
    if not enabled:
        return iterable
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        return iterable
    return tqdm(iterable, desc=desc, unit="doc", file=sys.stderr, leave=False)


def extract(paths, pipeline: Pipeline | None = None, progress: bool = False, report: BuildReport | None = None):
    """Document results for every readable source under `paths`; unreadable ones go to `report.skipped`."""
    pipeline = pipeline or Pipeline()
    report = report if report is not None else BuildReport()
    results = []
    for item in _progress(iter_sources(paths), progress, "extracting"):
        if isinstance(item, InputError):
            report.skipped.append(str(item))
            continue
        results.append(pipeline.process(item))
        report.documents += 1
    return results


def build(paths, out_dir: Path, ontology_dir=None, html: bool = True, progress: bool = False,
          pipeline: Pipeline | None = None) -> BuildReport:
    """Extract from `paths` and write ``graph.ttl`` (and ``graph.html``) into `out_dir`."""
    out_dir = Path(out_dir)
    pipeline = pipeline or Pipeline(ontology_dir=ontology_dir)
    report = BuildReport()
    results = extract(paths, pipeline, progress, report)
    corpus = merge_results(results)
    graph = build_graph(corpus, pipeline.lexicon)
    report.triples = len(graph)
    report.entities = len(corpus.entities)
    report.relations = len(corpus.relations)
    report.targets = len(corpus.targets)
    out_dir.mkdir(parents=True, exist_ok=True)
    write_turtle(graph, out_dir / "graph.ttl")
    report.outputs.append(str(out_dir / "graph.ttl"))
    if html:
        from kg.views.html import write_html

        write_html(graph, out_dir / "graph.html", title="parkkg: " + ", ".join(str(p) for p in paths)[:80])
        report.outputs.append(str(out_dir / "graph.html"))
    return report
