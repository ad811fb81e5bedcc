"""Train a small HanLP RNN-CRF tagger on silver labels from parkkg's own rules.

The rule pipeline reads a corpus; its named mentions become BIO-tagged
sentences (``kg.ner.silver``); a character BiLSTM-CRF (``kg.ner.model.ParkNER``,
no pretrained transformer, CPU is enough) learns them, and the folder it is
saved to is what ``kg build --ner DIR`` loads. Needs ``pip install 'parkkg[hanlp]'``.

The model is trained in a temporary folder beside the target and moved into
place at the end, so an interrupted run never leaves a half-written model where
a build would load it.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg.errors import InputError, ParkKGError, missing_extra
from kg.extract.hanlp_ner import quiet_hanlp
from kg.ner.silver import DEFAULT_CLASSES, TaggedSentence, label_counts, tag_result, tags_to_spans

log = logging.getLogger(__name__)

METADATA = "parkkg-ner.json"


@dataclass(frozen=True)
class TrainSettings:
    """Hyper-parameters; the defaults train on a 2-core CPU in minutes."""

    epochs: int = 10
    embed: int = 100
    hidden: int = 128
    batch_size: int = 32
    lr: float = 0.003
    dropout: float = 0.3
    patience: int = 4  # epochs without a better dev score before stopping
    anneal_patience: int = 3  # hanlp's default (2) halves the rate too early on silver data
    seed: int = 1
    threads: int = 1  # torch threads; small LSTMs gain little from more, and lose much on a busy machine


@dataclass(frozen=True)
class Score:
    precision: float
    recall: float
    f1: float

    @staticmethod
    def of(gold: int, found: int, correct: int) -> "Score":
        """
        >>> Score.of(gold=4, found=2, correct=2)
        Score(precision=1.0, recall=0.5, f1=0.6667)
        """
        p = correct / found if found else 0.0
        r = correct / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return Score(round(p, 4), round(r, 4), round(f, 4))


@dataclass
class TrainReport:
    model_dir: str = ""
    documents: int = 0
    skipped: list = field(default_factory=list)
    train_sentences: int = 0
    dev_sentences: int = 0
    labels: dict = field(default_factory=dict)  # class -> spans in the training sentences
    silver_seconds: float = 0.0
    train_seconds: float = 0.0
    dev: Score | None = None  # the trained model against the rules on held-out documents


def _progress(iterable, enabled: bool, desc: str):
    if not enabled:
        return iterable
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        return iterable
    return tqdm(iterable, desc=desc, unit="doc", file=sys.stderr, leave=False)


def silver_sentences(paths, limit: int | None = None, pipeline=None, classes=DEFAULT_CLASSES,
                     negatives: float = 0.3, progress: bool = False, report: TrainReport | None = None):
    """Tagged sentences from the first `limit` readable documents under `paths`."""
    from kg.pipeline import Pipeline
    from kg.text.readers import iter_sources

    pipeline = pipeline or Pipeline()
    report = report if report is not None else TrainReport()
    out = []
    for item in _progress(iter_sources(paths), progress, "silver labels"):
        if limit is not None and report.documents >= limit:
            break
        if isinstance(item, InputError):
            report.skipped.append(str(item))
            continue
        out.extend(tag_result(pipeline.process(item), classes, negatives))
        report.documents += 1
    return out


def split_by_document(sentences, dev_fraction: float = 0.1):
    """Train and dev sentences, split by a hash of the document id (stable, no leakage).

    >>> s = [TaggedSentence(("a",), ("O",), f"d{i}") for i in range(100)]
    >>> train, dev = split_by_document(s, 0.2)
    >>> len(train) + len(dev), 5 < len(dev) < 40
    (100, True)
    """
    train, dev = [], []
    for s in sentences:
        h = hashlib.sha1(s.doc_id.encode()).digest()[0] / 256
        (dev if h < dev_fraction else train).append(s)
    if not dev and len(train) > 1:  # tiny corpora: hold out the last sentence
        dev.append(train.pop())
    return train, dev


def _model_class():
    try:
        from kg.ner.model import ParkNER
    except ImportError as exc:
        raise missing_extra("hanlp", "hanlp") from exc
    return ParkNER


def fit_tagger(train, dev, save_dir: Path, settings: TrainSettings = TrainSettings(), verbose: bool = False):
    """Train a ParkNER tagger on tagged sentences and save it (weights, vocabularies, config) to `save_dir`."""
    if not train:
        raise ParkKGError("no training sentences: the rules found no names in the corpus; "
                          "give train-ner more or other documents")
    ParkNER = _model_class()
    tagger = ParkNER()
    import torch

    quiet_logger = logging.getLogger("kg.ner.hanlp")
    quiet_logger.propagate = verbose
    threads = torch.get_num_threads()
    torch.set_num_threads(max(1, settings.threads))
    try:
        with quiet_hanlp(not verbose):
            tagger.fit([s.as_sample() for s in train], [s.as_sample() for s in (dev or train[:1])], str(save_dir),
                       batch_size=settings.batch_size, epochs=settings.epochs, embed=settings.embed,
                       rnn_hidden=settings.hidden, drop=settings.dropout, lr=settings.lr, patience=settings.patience,
                       anneal_patience=settings.anneal_patience, crf=True, tagging_scheme="BIO", token_delimiter="",
                       devices=-1, seed=settings.seed, logger=quiet_logger)
    finally:
        torch.set_num_threads(threads)
    tagger.model.eval()
    return tagger


def predict_spans(tagger, sentences, batch_size: int = 128) -> list[list[tuple[int, int, str]]]:
    """The tagger's (start, end, label) spans for each tagged sentence."""
    out = []
    for i in range(0, len(sentences), batch_size):
        batch = [list(s.chars) for s in sentences[i:i + batch_size]]
        for found in tagger(batch):
            out.append([(b, e, str(t)) for _, t, b, e in found])
    return out


def evaluate(tagger, sentences) -> Score:
    """Exact-span precision/recall/F1 of the tagger against the sentences' tags."""
    gold = found = correct = 0
    for s, predicted in zip(sentences, predict_spans(tagger, sentences)):
        g = set(tags_to_spans(s.tags))
        p = set(predicted)
        gold, found, correct = gold + len(g), found + len(p), correct + len(g & p)
    return Score.of(gold, found, correct)


def _replace_dir(tmp: Path, target: Path) -> None:
    """Move a finished model folder into place, replacing an older model folder there."""
    old = None
    if target.exists():
        if not (target / "config.json").is_file() and any(target.iterdir()):
            raise ParkKGError(f"{target} exists and is not a model folder; choose another -o folder")
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    os.replace(tmp, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def train_ner(paths, out_dir, limit: int | None = None, settings: TrainSettings = TrainSettings(),
              classes=DEFAULT_CLASSES, negatives: float = 0.3, dev_fraction: float = 0.1,
              ontology_dir=None, progress: bool = False, verbose: bool = False) -> TrainReport:
    """Silver-label `paths` with the rules, train a tagger, and write it to `out_dir`."""
    from kg.pipeline import Pipeline

    _model_class()  # fail before the slow silver pass when the extra is missing
    out_dir = Path(out_dir)
    report = TrainReport(model_dir=str(out_dir))
    t0 = time.perf_counter()
    sentences = silver_sentences(paths, limit, Pipeline(ontology_dir=ontology_dir), classes, negatives,
                                 progress, report)
    report.silver_seconds = round(time.perf_counter() - t0, 1)
    if report.documents == 0:
        raise InputError("train-ner found no readable documents in " + ", ".join(map(str, paths)))
    train, dev = split_by_document(sentences, dev_fraction)
    report.train_sentences, report.dev_sentences = len(train), len(dev)
    report.labels = label_counts(train)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    try:
        t0 = time.perf_counter()
        tagger = fit_tagger(train, dev, tmp, settings, verbose)
        report.train_seconds = round(time.perf_counter() - t0, 1)
        report.dev = evaluate(tagger, dev)
        meta = {"parkkg_ner": 1, "classes": list(classes), "corpus": [str(p) for p in paths], "limit": limit,
                "settings": asdict(settings), "report": {k: v for k, v in asdict(report).items() if k != "model_dir"}}
        (tmp / METADATA).write_text(json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                                    encoding="utf-8")
        _replace_dir(tmp, out_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return report
