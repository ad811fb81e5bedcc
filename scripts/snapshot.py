#!/usr/bin/env python3
"""Snapshot what extraction finds, and diff a new run against the snapshot: the safety net of refactoring.

Two sets are snapshotted: the texts of ``seeds/`` and a fixed sample of the shared
corpus (``../shared/corpus/park_news.jsonl``, 400 articles drawn with seed 12).
Each record becomes one JSON line: a mention (span, surface, class, stage, score,
entity key), an entity (key, class, label, aliases, sector), a relation (subject,
property, object, evidence span, stage) or a target (park, metric, value, evidence
span, stage). No article text is written beyond the names found in it.

    .venv/bin/python scripts/snapshot.py            # write tests/snapshots/*.jsonl.gz
    .venv/bin/python scripts/snapshot.py --check    # diff a fresh run against them; exit 1 on a difference

The corpus half is skipped (with a note) when the shared folder is absent.
"""
from __future__ import annotations

import argparse
import difflib
import json
import gzip
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT_DIR = ROOT / "tests" / "snapshots"
SEEDS_DIR = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus" / "park_news.jsonl"
SAMPLE, SEED = 400, 12


def _key_of(result):
    """span -> entity key of every mention (the keys the pipeline linked it to)."""
    keys = {}
    for m in result.mentions:
        key = getattr(m, "key", None)
        if key is not None:
            keys[(m.start, m.end)] = str(key) if key else ""
    return keys


def _legacy_keys(pipeline, result) -> dict:
    """Mention keys as the pipeline of commit 2ea70ea computed them (its mentions carried no key)."""
    base = [m for m in result.mentions if m.stage != "link:short-name"]
    linked = pipeline.linker.link_document(base, pipeline.is_place)
    keys = dict(linked.mention_keys)
    for m in result.mentions:
        if m.stage == "link:short-name":
            keys[(m.start, m.end)] = linked.short_names[m.surface]
    return keys


def records(pipeline, result) -> list[dict]:
    """The snapshot lines of one document, in a fixed order."""
    doc = result.document.id
    keys = _key_of(result) if result.mentions and hasattr(result.mentions[0], "key") else _legacy_keys(pipeline, result)
    out = []
    for m in result.mentions:
        out.append({"doc": doc, "kind": "mention", "span": [m.start, m.end], "surface": m.surface, "class": m.cls,
                    "subclass": m.subclass, "stage": m.stage, "score": m.score, "name": m.key_name,
                    "generic": m.generic, "level": m.level, "key": keys.get((m.start, m.end), "")})
    for e in result.entities:
        out.append({"doc": doc, "kind": "entity", "key": str(e.key), "class": e.cls, "subclass": e.subclass,
                    "label": e.label, "aliases": list(e.aliases), "sector": e.sector})
    for r in result.relations:
        out.append({"doc": doc, "kind": "relation", "subject": str(r.subject), "prop": r.prop,
                    "object": str(r.object), "span": [r.evidence.start, r.evidence.end], "stage": r.stage,
                    "score": r.confidence})
    for t in result.targets:
        out.append({"doc": doc, "kind": "target", "key": str(t.park), "metric": t.metric, "value": t.value,
                    "unit": t.unit, "year": t.year, "qualifier": t.qualifier,
                    "span": [t.evidence.start, t.evidence.end], "stage": t.stage, "score": t.confidence})
    return out


def seed_documents():
    from kg.text.readers import read_path

    for path in sorted(SEEDS_DIR.glob("*.txt")):
        yield from read_path(path)


def corpus_documents(path: Path = CORPUS):
    sys.path.insert(0, str(ROOT / "scripts"))
    from corpus_run import iter_lines

    from kg.text.jsonl import parse_record

    for number, line in iter_lines(path, sample=SAMPLE, seed=SEED):
        yield parse_record(line, f"{path.name}#L{number}")


def snapshot_lines(documents, pipeline) -> list[str]:
    lines = []
    for raw in documents:
        for rec in records(pipeline, pipeline.process(raw)):
            lines.append(json.dumps(rec, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
    return lines


def sets(pipeline):
    """(name, documents) of every set that can be run here."""
    out = [("seeds", seed_documents())]
    if CORPUS.is_file():
        out.append(("corpus400", corpus_documents()))
    else:
        print(f"note: {CORPUS} not found; the corpus snapshot is skipped", file=sys.stderr)
    return out


def diff(old: list[str], new: list[str], name: str, context: int = 1, limit: int = 200) -> list[str]:
    """A unified diff of two snapshots, cut to `limit` lines; empty when they agree."""
    lines = list(difflib.unified_diff(old, new, f"{name} (snapshot)", f"{name} (now)", n=context, lineterm=""))
    if len(lines) > limit:
        lines = lines[:limit] + [f"... {len(lines) - limit} more diff lines"]
    return lines


def write_snapshot(path: Path, lines: list[str]) -> None:
    """Gzipped JSONL (no time stamp, so the bytes depend on the lines alone), written atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    with open(tmp, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    os.replace(tmp, path)


def read_snapshot(path: Path) -> list[str]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return handle.read().splitlines()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="diff against the stored snapshots instead of writing")
    parser.add_argument("--only", choices=("seeds", "corpus400"), help="one set only")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from kg.pipeline import Pipeline

    pipeline = Pipeline()
    status = 0
    for name, documents in sets(pipeline):
        if args.only and name != args.only:
            continue
        path = SNAPSHOT_DIR / f"{name}.jsonl.gz"
        lines = snapshot_lines(documents, pipeline)
        if not args.check:
            write_snapshot(path, lines)
            print(f"{name}: {len(lines)} records -> {path.relative_to(ROOT)}")
            continue
        if not path.is_file():
            print(f"error: {path} missing; run scripts/snapshot.py once to write it", file=sys.stderr)
            return 2
        old = read_snapshot(path)
        changes = diff(old, lines, name)
        if changes:
            status = 1
            print("\n".join(changes))
        print(f"{name}: {len(lines)} records, {'DIFFERENT' if changes else 'identical'}")
    return status


if __name__ == "__main__":
    sys.exit(main())
