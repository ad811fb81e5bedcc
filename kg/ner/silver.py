"""Silver labels: the rule pipeline's mentions as character-level BIO tags per sentence.

A mention becomes ``B-<class>`` on its first character and ``I-<class>`` on the
rest; everything else is ``O``. Only named mentions count: generic words (园区,
该区) and the short names that linking adds (临港 for 江阴临港经济开发区) are left
out, since a tagger cannot tell them from context in one sentence.

>>> bio_tags("苏州高新区聚焦集成电路", [(0, 5, "Park"), (7, 11, "Industry")])
['B-Park', 'I-Park', 'I-Park', 'I-Park', 'I-Park', 'O', 'O', 'B-Industry', 'I-Industry', 'I-Industry', 'I-Industry']
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from kg.extract.hanlp_ner import model_chars, windows
from kg.types import DocumentResult

DEFAULT_CLASSES = ("Park", "Enterprise", "Platform", "Industry")
SKIP_STAGES = ("link:",)  # mentions that need the whole document to read
MAX_CHARS = 150


@dataclass(frozen=True)
class TaggedSentence:
    """One training sentence: its characters, their tags, and where it came from."""

    chars: tuple
    tags: tuple
    doc_id: str = ""
    start: int = 0

    @property
    def spans(self) -> list[tuple[int, int, str]]:
        return tags_to_spans(self.tags)

    def as_sample(self) -> dict:
        """The dict HanLP's tagging datasets read."""
        return {"token": list(self.chars), "tag": list(self.tags)}


def bio_tags(text: str, spans) -> list[str]:
    """BIO tags for `text` with `spans` ``(start, end, label)``; overlapping spans keep the first."""
    tags = ["O"] * len(text)
    for start, end, label in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if start < 0 or end > len(text) or start >= end or any(t != "O" for t in tags[start:end]):
            continue
        tags[start] = f"B-{label}"
        for i in range(start + 1, end):
            tags[i] = f"I-{label}"
    return tags


def tags_to_spans(tags) -> list[tuple[int, int, str]]:
    """The spans a BIO sequence encodes (an I- without a B- starts a span).

    >>> tags_to_spans(["B-Park", "I-Park", "O", "I-Platform", "B-Park"])
    [(0, 2, 'Park'), (3, 4, 'Platform'), (4, 5, 'Park')]
    """
    spans, start, label = [], None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        kind, _, lab = tag.partition("-")
        if start is not None and (kind != "I" or lab != label):
            spans.append((start, i, label))
            start = None
        if kind == "B" or (kind == "I" and start is None):
            start, label = i, lab
    return spans


def _keep_negative(doc_id: str, index: int, rate: float) -> bool:
    """A stable pseudo-random choice, so the same corpus gives the same training set."""
    if rate >= 1:
        return True
    digest = hashlib.sha1(f"{doc_id}:{index}".encode()).digest()
    return digest[0] / 256 < rate


def tag_result(result: DocumentResult, classes=DEFAULT_CLASSES, negatives: float = 0.3,
               max_chars: int = MAX_CHARS) -> list[TaggedSentence]:
    """The tagged sentences of one document result.

    Sentences with no mention are kept at rate `negatives` (they teach the model
    where names are not); long sentences are cut into windows after punctuation,
    which names rarely contain.
    """
    doc = result.document
    wanted = [m for m in result.mentions
              if m.cls in classes and not m.generic and not m.stage.startswith(SKIP_STAGES)
              and doc.text[m.start:m.end] == m.surface]
    out = []
    for sent in result.sentences:
        spans = [(m.start - sent.start, m.end - sent.start, m.cls) for m in wanted
                 if sent.start <= m.start and m.end <= sent.end]
        tags = bio_tags(sent.text, spans)
        for off, piece in windows(sent.text, max_chars):
            end = off + len(piece)
            # windows end after punctuation where they can; a name cut at a hard edge restarts with B-
            ptags = list(tags[off:end])
            if ptags and ptags[0].startswith("I-"):
                ptags[0] = "B-" + ptags[0][2:]
            if not piece.strip():
                continue
            if all(t == "O" for t in ptags) and not _keep_negative(doc.id, sent.index * 1000 + off, negatives):
                continue
            out.append(TaggedSentence(tuple(model_chars(piece)), tuple(ptags), doc.id, sent.start + off))
    return out


def label_counts(sentences) -> dict:
    """How many spans of each class the sentences hold.

    >>> label_counts([TaggedSentence(("苏", "州"), ("B-Park", "I-Park"))])
    {'Park': 1}
    """
    counts = {}
    for s in sentences:
        for _, _, label in s.spans:
            counts[label] = counts.get(label, 0) + 1
    return dict(sorted(counts.items()))
