"""The documents `kg bench` measures on: a spread sample of a corpus, and the sets of the scaling figure."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path


def load_documents(corpus: Path, sample: int | None) -> list:
    """The corpus documents (every k-th one when `sample` is given, so the sample spans the corpus)."""
    from kg.build import iter_documents

    docs = list(iter_documents([corpus]))
    if sample and sample < len(docs):
        step = len(docs) / sample
        docs = [docs[int(i * step)] for i in range(sample)]
    return docs


def write_jsonl(docs, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        for d in docs:
            handle.write(json.dumps({"id": d.id, "text": d.text, "title": d.title, "date": d.date},
                                    ensure_ascii=False) + "\n")


def scaling_sets(docs, n: int, factor: int = 16) -> tuple[list[list], list, bool]:
    """(the ×1 sets, the ×`factor` set, whether they are distinct documents).

    With enough documents, ×16 is 16·n different documents spread over the
    corpus, and the ×1 sets are its 16 interleaved slices of n documents: together
    exactly the ×16 documents, so the sum of their times is what ×16 costs if
    building scales linearly, and 16 small timings average out a shared
    machine's noise. Caches of repeated text help each as much as they would
    on a real corpus of that size. A small corpus is copied instead (the ×1
    sets are then n documents each time).
    """
    if len(docs) >= n * factor:
        step = len(docs) / (n * factor)
        big = [docs[int(i * step)] for i in range(n * factor)]
        return [big[k::factor] for k in range(factor)], big, True
    base = docs[:n]
    return [base] * factor, copies(base, factor), False


def copies(docs, n: int) -> list:
    """`docs` n times over, each copy with its own ids."""
    return [replace(d, id=f"{d.id}~{k}") if k else d for k in range(n) for d in docs]
