"""Split cleaned text into sentences and headings, keeping offsets.

>>> [s.text for s in split_sentences("d", "标题\\n园区发展。产业集聚！")]
['标题', '园区发展。', '产业集聚！']
>>> split_sentences("d", "标题\\n园区发展。")[0].is_heading
True
"""
from __future__ import annotations

import re

from kg.types import Sentence

_END = re.compile(r"[。！？!?；;]+[”’」』）)]*|\n+")
_TERMINAL = set("。！？!?；;”’」』）)：:，,、")
MAX_HEADING = 30


def split_sentences(doc_id: str, text: str) -> list[Sentence]:
    """Sentences and headings of `text`; each heading starts a new section."""
    spans: list[tuple[int, int, bool]] = []
    line_start = 0
    for line in text.split("\n"):
        line_end = line_start + len(line)
        start = 0  # relative to the line
        for m in _END.finditer(line):
            if line[start:m.end()].strip():
                spans.append((line_start + start, line_start + m.end(), False))
            start = m.end()
        rest = line[start:]
        if rest.strip():
            heading = (start == 0 and len(rest.strip()) <= MAX_HEADING
                       and rest.rstrip()[-1] not in _TERMINAL)
            spans.append((line_start + start, line_end, heading))
        line_start = line_end + 1
    sentences: list[Sentence] = []
    section = 0
    for start, end, heading in spans:
        # trim surrounding whitespace while keeping offsets exact
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if heading and sentences and not sentences[-1].is_heading:
            section += 1
        sentences.append(Sentence(doc_id, start, end, text[start:end], len(sentences), heading, section))
    return sentences
