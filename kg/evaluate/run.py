"""Build every gold document's text with one pipeline and score its graph: the whole of ``kg eval``."""
from __future__ import annotations

import json
from pathlib import Path

from kg.evaluate.gold import gold_files, read_document_text, read_gold
from kg.evaluate.score import EvalReport, score_document


def document_graph(result, lexicon):
    """The graph ``kg build`` writes for one document, built in memory."""
    from kg.graph.build import build_graph
    from kg.pipeline import merge_results

    return build_graph(merge_results([result], lexicon=lexicon), lexicon)


def evaluate(gold_dir: Path | str, texts_dir: Path | str, *, pipeline=None, ontology_dir=None,
             progress: bool = False) -> EvalReport:
    """Build each gold document's text with one pipeline and score its graph against the gold.

    Each graph is read together with the ontology files (`kg.ontology.ontology_files`),
    as the referee reads a build with ``--ontology ontology``.
    """
    from rdflib.graph import ReadOnlyGraphAggregate

    from kg.ontology import load_graph
    from kg.pipeline import Pipeline

    files = gold_files(gold_dir)
    golds = [(f.stem, read_gold(f)) for f in files]
    texts = [read_document_text(texts_dir, doc) for doc, _ in golds]  # fail early, before the slow part
    if pipeline is None:
        pipeline = Pipeline(ontology_dir=ontology_dir)
    ontology = load_graph(ontology_dir)
    report = EvalReport()
    items = zip(golds, texts)
    if progress:
        try:
            import sys

            from tqdm import tqdm

            items = tqdm(list(items), desc="evaluating", unit="doc", file=sys.stderr, leave=False)
        except ImportError:  # pragma: no cover
            pass
    for (doc, gold), raw in items:
        graph = document_graph(pipeline.process(raw), pipeline.lexicon)
        report.documents[doc] = score_document(gold, ReadOnlyGraphAggregate([ontology, graph]))
    return report


def write_report_json(report: EvalReport, path: Path | str) -> None:
    """Write the figures as the referee's ``--json`` does (atomically)."""
    from kg.graph.serialize import atomic_write_text

    atomic_write_text(path, json.dumps(report.to_json(), ensure_ascii=False, indent=1))
