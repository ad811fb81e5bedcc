#!/usr/bin/env python3
"""Draw corpus articles at random, extract them, and write every fact as a TSV row to judge.

A precision reading: each row is one fact (an entity, a relation or a target) with the
sentence it came from; a reader fills in `verdict` (right / wrong) and `reason` by the
contract (../shared/CONTRACT.md), and `--summary` then prints precision per class.

    .venv/bin/python scripts/precision_sample.py ../shared/corpus/park_news.jsonl --n 100 \\
        --seed 20261205 --out docs/precision-2026-12-05.tsv
    .venv/bin/python scripts/precision_sample.py --summary docs/precision-2026-12-05.tsv

Relations and targets are those a build keeps (the default confidence threshold).
Writes article ids and the evidence sentences of facts only, never whole articles.
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COLUMNS = ["doc_id", "kind", "class", "fact", "confidence", "evidence", "verdict", "reason"]


def draw(corpus: Path, n: int, seed: int) -> list[dict]:
    """`n` records drawn uniformly (reservoir sampling: the corpus is streamed, never held)."""
    rng = random.Random(seed)
    chosen: list = []
    with corpus.open(encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if len(chosen) < n:
                chosen.append(line)
            else:
                j = rng.randrange(i + 1)
                if j < n:
                    chosen[j] = line
    return sorted((json.loads(x) for x in chosen), key=lambda r: r["id"])


def facts(pipeline, record: dict) -> list[dict]:
    from kg.extract.confidence import relation_model, target_model
    from kg.text.readers import RawDocument

    result = pipeline.process(RawDocument(record["id"], record["text"], record["id"]))
    labels = {e.key: e.label for e in result.entities}
    sentence_of = {}
    for m in result.mentions:
        for s in result.sentences:
            if s.start <= m.start < s.end:
                sentence_of.setdefault((m.cls, m.key_name), s.text)
                break
    rows = []
    for e in result.entities:
        evidence = sentence_of.get((e.cls, e.label)) or next(
            (t for (c, n), t in sentence_of.items() if c == e.cls and (n == e.label or n in e.aliases)), "")
        rows.append({"kind": "entity", "class": e.cls, "fact": e.label, "confidence": "",
                     "evidence": evidence})
    keep_rel, keep_tgt = relation_model().threshold, target_model().threshold
    seen = set()
    for r in result.relations:
        fact = f"{labels.get(r.subject, r.subject)} {r.prop} {labels.get(r.object, r.object)}"
        if r.confidence < keep_rel or fact in seen:
            continue
        seen.add(fact)
        rows.append({"kind": "relation", "class": r.prop, "fact": fact, "confidence": r.confidence,
                     "evidence": r.evidence.text})
    for t in result.targets:
        if t.confidence < keep_tgt:
            continue
        year = t.year or ""
        rows.append({"kind": "target", "class": "Target", "confidence": t.confidence,
                     "fact": f"{labels.get(t.park, t.park)} | {t.metric} | {t.value:g} {t.unit} | {year}",
                     "evidence": t.evidence.text})
    for row in rows:
        row["doc_id"] = record["id"]
        row["evidence"] = " ".join(str(row["evidence"]).split())[:300]
    return rows


def summary(path: Path) -> str:
    """Precision per kind and class from a judged TSV."""
    counts: Counter = Counter()
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            verdict = (row.get("verdict") or "").strip().lower()
            if verdict not in ("right", "wrong"):
                continue
            for key in (row["kind"], f"{row['kind']}:{row['class']}"):
                counts[(key, verdict)] += 1
    keys = sorted({k for k, _ in counts})
    lines = ["| class | right | wrong | precision |", "|---|---|---|---|"]
    for key in keys:
        right, wrong = counts[(key, "right")], counts[(key, "wrong")]
        lines.append(f"| {key} | {right} | {wrong} | {right / (right + wrong):.3f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", type=Path)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--summary", type=Path, help="print precision per class of a judged TSV and stop")
    args = ap.parse_args(argv)
    if args.summary:
        print(summary(args.summary))
        return 0
    if not (args.corpus and args.seed is not None and args.out):
        ap.error("give CORPUS, --seed and --out (or --summary TSV)")
    from kg.pipeline import Pipeline

    pipeline = Pipeline()
    rows = [row for record in draw(args.corpus, args.n, args.seed) for row in facts(pipeline, record)]
    with args.out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS, delimiter="\t", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    kinds = Counter(r["kind"] for r in rows)
    print(f"{args.n} articles (seed {args.seed}): " + ", ".join(f"{n} {k}s" for k, n in sorted(kinds.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
