"""``kg train-ner``: train parkkg's HanLP NER model from the rules' own output (a thin shell over kg.ner.train)."""
from __future__ import annotations

from pathlib import Path

import click


def register(main: click.Group) -> None:
    main.add_command(train_ner)


@click.command("train-ner")
@click.option("--corpus", "corpus", multiple=True, required=True, type=click.Path(path_type=Path),
              help="Texts to learn from: a .jsonl corpus, files or folders. Repeatable.")
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Folder to write the model to (replaced if it holds an older model).")
@click.option("--limit", type=int, default=None, help="Use only the first N documents.")
@click.option("--epochs", type=int, default=10, show_default=True, help="Training epochs (early stopping may end sooner).")
@click.option("--classes", default="Park,Enterprise,Platform,Industry", show_default=True,
              help="Comma-separated ontology classes to learn.")
@click.option("--ontology", "ontology_dir", type=click.Path(path_type=Path), default=None,
              help="Ontology folder for the rules (default: the project's ontology/).")
@click.option("--verbose", is_flag=True, help="Show HanLP's training log.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary.")
def train_ner(corpus, out_dir, limit, epochs, classes, ontology_dir, verbose, quiet):
    """Train a small HanLP RNN-CRF tagger on silver labels and save it to OUT.

    \b
    The rule pipeline reads the corpus; the names it finds (parks, enterprises,
    platforms, industries) become character-level BIO tags; a BiLSTM-CRF learns
    them on the CPU. Use the model with:  kg build TEXTS --ner OUT
    Needs torch (the CPU build: pip install torch==2.13.0 --index-url
    https://download.pytorch.org/whl/cpu), then: pip install 'parkkg[hanlp]'
    """
    from kg.errors import ParkKGError
    from kg.ner.train import TrainSettings, train_ner as run

    wanted = tuple(c.strip() for c in classes.split(",") if c.strip())
    known = ("Park", "Enterprise", "Platform", "Industry")
    if not wanted or any(c not in known for c in wanted):
        raise ParkKGError(f"--classes takes some of {','.join(known)}; got '{classes}'")
    if epochs < 1:
        raise ParkKGError("--epochs must be at least 1")
    report = run(list(corpus), out_dir, limit=limit, settings=TrainSettings(epochs=epochs), classes=wanted,
                 ontology_dir=ontology_dir, progress=not quiet, verbose=verbose)
    for message in report.skipped:
        click.echo(f"skipped: {message}", err=True)
    if not quiet:
        labels = ", ".join(f"{k} {v}" for k, v in report.labels.items())
        dev = report.dev
        click.echo(f"{report.documents} document(s) -> {report.train_sentences} training / {report.dev_sentences} dev "
                   f"sentences ({labels}); silver labels {report.silver_seconds:.0f} s, training "
                   f"{report.train_seconds:.0f} s; dev F1 against the rules {dev.f1:.3f} "
                   f"(P {dev.precision:.3f}, R {dev.recall:.3f}) -> {report.model_dir}", err=True)
