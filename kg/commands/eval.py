"""``kg eval``: score the pipeline against gold annotations, in one process."""
from __future__ import annotations

from pathlib import Path

import click


def register(main) -> None:
    @main.command("eval")
    @click.option("--gold", "gold_dir", required=True, type=click.Path(path_type=Path),
                  help="Folder of gold files <doc>.json (the format of CONTRACT.md).")
    @click.option("--texts", "texts_dir", required=True, type=click.Path(path_type=Path),
                  help="Folder of the texts <doc>.txt the gold files annotate.")
    @click.option("--ontology", "ontology_dir", type=click.Path(path_type=Path), default=None,
                  help="Ontology folder (default: the project's ontology/).")
    @click.option("-v", "--verbose", is_flag=True, help="Also list each document's misses and false hits.")
    @click.option("--json", "json_path", type=click.Path(path_type=Path), default=None,
                  help="Write the figures, misses and false hits to this JSON file (the referee's format).")
    @click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
    def eval_command(gold_dir, texts_dir, ontology_dir, verbose, json_path, quiet):
        """Build each gold document's text and print precision, recall and F1.

        Every <doc>.json in GOLD is matched with TEXTS/<doc>.txt; all documents
        are built in this process with one pipeline, each into its own graph
        read beside the ontology, and scored as ../shared/eval/score.py scores
        a `kg build` of it: per entity class, per relation, industry role and
        targets.

        \b
        Example:
          kg eval --gold ../shared/gold/dev --texts ../shared/seeds --verbose --json scores.json
        """
        from kg.evaluate import evaluate, format_document, format_scores, write_report_json

        report = evaluate(gold_dir, texts_dir, ontology_dir=ontology_dir, progress=not quiet)
        if verbose:
            for doc, ds in report.documents.items():
                click.echo(format_document(doc, ds))
        click.echo(format_scores(report))
        if json_path is not None:
            write_report_json(report, json_path)
