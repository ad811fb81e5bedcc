"""An optional recogniser stage backed by a HanLP NER model (``pip install 'parkkg[hanlp]'``).

The model is either a folder (one that ``kg train-ner`` wrote, or any saved HanLP
tagger) or, where the user has network, a HanLP pretrained id such as
``MSRA_NER_ELECTRA_SMALL_ZH``. Its spans are mapped onto the ontology's classes by
the lexicon's type words, not by the model's tag set alone:

* a model trained by ``kg train-ner`` tags ``Park``/``Enterprise``/``Platform``/
  ``Industry`` directly; the type word still gives the subclass (HighTechZone …);
* a general model's ORG/LOC spans (MSRA: NT/NS) become a Park when they end in a
  park type word, a Platform when they end in a platform type word, an Enterprise
  when they end in an enterprise suffix, and, for ORG spans only, an Enterprise
  when nothing else fits and the name is not generic; person names and bare
  places (无锡, 滨湖区) are dropped.

Merging is conservative: a rule-based mention always wins, and a model span is
added (stage ``hanlp:ner``) only where it overlaps no rule mention. The mapping
and the merge are plain functions over a ``tagger`` that has HanLP's ``predict``
(lists of characters in, ``(surface, tag, begin, end)`` per span out), so they are
tested without torch. Loading sets torch to one thread: a small tagger gains little
from more, and ``kg build --jobs`` runs one process per core.

>>> from kg.ontology import load_lexicon
>>> lex = load_lexicon()
>>> classify_span("苏州工业园区", "NS", lex)
('Park', 'IndustrialPark', 'zone')
>>> classify_span("迈为股份", "NT", lex)[0], classify_span("无锡", "NS", lex)
('Enterprise', None)
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
from pathlib import Path

from kg.errors import ParkKGError, missing_extra
# re-exported: the mapping and the model text helpers live in kg.extract.hanlp_spans
from kg.extract.hanlp_spans import (LOC_TAGS, ORG_TAGS, MAX_CHARS, classify_span, model_chars,  # noqa: F401
                                   windows)
from kg.ontology import Lexicon
from kg.types import Mention, Sentence

log = logging.getLogger(__name__)

STAGE = "hanlp:ner"
SCORE = 0.6  # below the rule stages: a model span is a weaker reading than a grammar match
# Industries come from the taxonomy gazetteer; on the dev gold a model's industry spans were mostly noise.
DEFAULT_CLASSES = ("Park", "Enterprise", "Platform")
ENV_MODEL = "PARKKG_NER"  # where no --ner is given, the model configured for every build
OFFLINE_VARS = ("HANLP_OFFLINE", "HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "PARKKG_OFFLINE")



class NERModelError(ParkKGError):
    """A HanLP NER model could not be found or loaded."""


_said = set()


def _say_once(level: int, message: str) -> None:
    if message not in _said:
        _said.add(message)
        log.log(level, message)


# ---------------------------------------------------------------- the stage
class HanLPRecognizer:
    """Adds model mentions that no rule found; rule mentions win on overlap.

    `tagger` is anything called like a HanLP component: ``tagger(list_of_char_lists)``
    returns, per list, ``(surface, tag, begin, end)`` spans (calling the component,
    rather than its ``predict``, runs it without gradients).
    """

    def __init__(self, tagger, lexicon: Lexicon, stage: str = STAGE, batch_size: int = 64, model_id: str = "",
                 classes=DEFAULT_CLASSES, segmenter=None):
        self.tagger = tagger
        self.lex = lexicon
        self.stage = stage
        self.batch_size = batch_size
        self.classes = tuple(classes)
        self._segmenter = segmenter
        # results cached by `kg build` are keyed on this, so another model means another extraction
        self.cache_key = f"{type(self).__qualname__}:{model_id}"

    def spans(self, text: str, sentences: list[Sentence]) -> list[tuple[int, int, str]]:
        """Every (start, end, model tag) the model finds, in document offsets."""
        pieces = []
        for sent in sentences:
            for off, piece in windows(sent.text):
                if piece.strip():
                    pieces.append((sent.start + off, piece))
        out = []
        for i in range(0, len(pieces), self.batch_size):
            batch = pieces[i:i + self.batch_size]
            predicted = self.tagger([model_chars(p) for _, p in batch])
            for (base, piece), found in zip(batch, predicted):
                for item in found or ():
                    _, tag, b, e = item[:4]
                    if 0 <= b < e <= len(piece):
                        out.append((base + b, base + e, str(tag)))
        return out

    @property
    def segmenter(self):
        if self._segmenter is None:
            from kg.extract.segment import Segmenter

            self._segmenter = Segmenter(self.lex)
        return self._segmenter

    def _word_edges(self, text: str, sentences: list[Sentence], spans) -> set:
        """Offsets where jieba puts a word edge, in the sentences that hold a model span."""
        edges = set()
        for sent in sentences:
            if any(sent.start <= s < sent.end for s, _, _ in spans):
                for tok in self.segmenter.tokens(sent.text, sent.start):
                    edges.update((tok.start, tok.end))
        return edges

    def mentions(self, doc_id: str, text: str, sentences: list[Sentence]) -> list[Mention]:
        """The model's spans that name one of `classes` and start and end on word edges.

        A span cut inside a word (化创新平台 from 数字化创新平台) is a fragment the
        tagger half-saw; the segmenter's edges drop it.
        """
        spans = []
        for start, end, tag in self.spans(text, sentences):
            surface = text[start:end]
            stripped = surface.strip()
            if stripped != surface:
                start += surface.index(stripped)
                end = start + len(stripped)
            spans.append((start, end, tag))
        edges = self._word_edges(text, sentences, spans) if spans else set()
        out = []
        for start, end, tag in spans:
            surface = text[start:end]
            if start not in edges or end not in edges:
                continue
            kind = classify_span(surface, tag, self.lex)
            if kind is None or kind[0] not in self.classes:
                continue
            cls, sub, level = kind
            out.append(Mention(doc_id, start, end, surface, cls, self.stage, SCORE, surface, sub, False, level))
        return out

    def merge(self, doc, sentences: list[Sentence], mentions: list[Mention]) -> list[Mention]:
        """The rule mentions plus the model's mentions that overlap none of them."""
        taken = sorted((m.start, m.end) for m in mentions)
        added = []
        for m in self.mentions(doc.id, doc.text, sentences):
            if any(s < m.end and m.start < e for s, e in taken):
                continue
            added.append(m)
            taken.append((m.start, m.end))
        if not added:
            return mentions
        return sorted(list(mentions) + added, key=lambda m: (m.start, m.end))


# ------------------------------------------------------------------ loading
@contextlib.contextmanager
def quiet_hanlp(enabled: bool = True):
    """Keep HanLP's progress bars and banners (stdout, stderr, its own printer) out of parkkg's output."""
    if not enabled:
        yield
        return
    sink = io.StringIO()
    printer = None
    try:
        from hanlp.utils import log_util

        printer = log_util._printer
    except Exception:  # hanlp absent or reorganised: the redirects below still apply
        pass
    saved = printer.out if printer is not None else None
    if printer is not None:
        printer.out = sink
    try:
        with contextlib.redirect_stdout(sink), contextlib.redirect_stderr(sink):
            yield
    finally:
        if printer is not None:
            printer.out = saved
            printer._last_print_width = 0  # else its next erase writes backspaces to the terminal


def _import_hanlp():
    try:
        import hanlp  # noqa: F401  (torch comes with it)
    except ImportError as exc:
        raise missing_extra("hanlp", "hanlp") from exc
    return hanlp


def _one_thread() -> None:
    import torch

    torch.set_num_threads(1)


def offline() -> bool:
    """True when the environment forbids downloads (HANLP_OFFLINE=1, HF_HUB_OFFLINE=1, …)."""
    return any(os.environ.get(v, "").strip().lower() not in ("", "0", "false", "no") for v in OFFLINE_VARS)


def _cached_path(url: str) -> str | None:
    """Where HanLP keeps `url` once downloaded, if it is there."""
    from hanlp.utils.io_util import hanlp_home, path_from_url, split_if_compressed

    real, compressed = split_if_compressed(path_from_url(url.split("#")[0], hanlp_home()))
    if os.path.isdir(real) or (compressed and os.path.isfile(real + compressed)):
        return real
    return None


def load_tagger(spec: str):
    """Load a HanLP tagger from a model folder or a pretrained id; fail fast where it cannot be had."""
    path = Path(spec).expanduser()
    if path.exists():
        if not (path / "config.json").is_file():
            raise NERModelError(f"{path} is not a HanLP model folder (it has no config.json); "
                                "pass a folder that `kg train-ner` wrote, or a HanLP pretrained id")
        hanlp = _import_hanlp()
        _one_thread()
        try:
            with quiet_hanlp():
                return hanlp.load(str(path), devices=-1, verbose=False)
        except Exception as exc:  # HanLP raises many kinds
            raise NERModelError(f"could not load the HanLP model in {path}: {exc}; "
                                "retrain it with `kg train-ner` under this version of hanlp") from exc
    hanlp = _import_hanlp()
    import hanlp.pretrained

    url = hanlp.pretrained.ALL.get(spec, spec if spec.startswith(("http://", "https://")) else None)
    if url is None:
        raise NERModelError(f"'{spec}' is neither a model folder nor a HanLP pretrained id; "
                            "give a folder from `kg train-ner -o DIR` or an id such as MSRA_NER_ELECTRA_SMALL_ZH")
    if _cached_path(url) is None and offline():
        raise NERModelError(f"HanLP model {spec} is not in the local cache and downloads are off "
                            f"({', '.join(v for v in OFFLINE_VARS if os.environ.get(v))} is set); "
                            "download it once where there is network, or train a local model with "
                            "`kg train-ner` and pass its folder")
    _one_thread()
    try:
        with quiet_hanlp():
            return hanlp.load(spec, devices=-1, verbose=False)
    except Exception as exc:
        raise NERModelError(f"could not download or load HanLP model {spec}: {type(exc).__name__}: "
                            f"{str(exc).splitlines()[0] if str(exc) else ''}; without network, train a local "
                            "model with `kg train-ner` and pass its folder (set HANLP_OFFLINE=1 to fail at once)") from exc


def hanlp_recognizers(spec: str | None, lexicon: Lexicon, required: bool = False) -> list:
    """The HanLP stage for `spec` (or the PARKKG_NER setting) as a list for Pipeline(extra_recognizers=…).

    With no model configured, or the extra missing and `required` false, the stage
    is off: the list is empty and a log line says so once.

    >>> from kg.ontology import load_lexicon
    >>> import os; os.environ.pop(ENV_MODEL, None) and None
    >>> hanlp_recognizers(None, load_lexicon())
    []
    """
    spec = spec or os.environ.get(ENV_MODEL, "").strip() or None
    if not spec:
        _say_once(logging.INFO, "HanLP NER stage off: no model configured "
                                f"(kg build --ner MODEL_DIR, or set {ENV_MODEL})")
        return []
    try:
        _import_hanlp()
    except ParkKGError:
        if required:
            raise
        _say_once(logging.WARNING, f"HanLP NER stage off: model {spec} is configured but hanlp is not "
                                   "installed; install it with: pip install 'parkkg[hanlp]'")
        return []
    return [HanLPRecognizer(load_tagger(spec), lexicon, model_id=model_id(spec))]


def model_id(spec: str) -> str:
    """What identifies a model's output: a digest of a folder's files, or the pretrained id.

    >>> model_id("MSRA_NER_ELECTRA_SMALL_ZH")
    'MSRA_NER_ELECTRA_SMALL_ZH'
    """
    path = Path(spec).expanduser()
    if not path.is_dir():
        return spec
    h = hashlib.sha256()
    for f in sorted(p for p in path.iterdir() if p.is_file() and p.suffix in (".json", ".pt")):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]
