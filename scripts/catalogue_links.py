#!/usr/bin/env python3
"""Measure how many parks recognised in a JSONL corpus link to the official catalogue.

    .venv/bin/python scripts/catalogue_links.py ../shared/corpus/park_news.jsonl \\
        --sample 100 --seed 20261205 --tsv docs/catalogue-links-sample.tsv

Streams the corpus (never copies it), runs the pipeline on every document and counts, per document,
the Park entities and those joined to a catalogue zone (and how: official name, name form, or with
the document's province/city as context). Prints the totals; with --tsv, writes a seeded random
sample of the links (doc id, mention forms, linked zone, code, how, and empty verdict/reason columns
to judge by hand).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main(argv=None) -> int:
    from kg.extract.catalogue import catalogue_zone
    from kg.pipeline import Pipeline
    from kg.text.readers import RawDocument

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--sample", type=int, default=100)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--tsv", type=Path, default=None)
    ap.add_argument("--pairs", type=Path, default=None,
                    help="also write every distinct (mention forms, zone, how) with its count, most frequent first")
    args = ap.parse_args(argv)
    pipeline = Pipeline()
    lex = pipeline.lexicon
    links, parks, linked, docs = [], 0, 0, 0
    zones, vias, levels = Counter(), Counter(), Counter()
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            item = json.loads(line)
            doc_id = str(item.get("id", docs))
            result = pipeline.process(RawDocument(doc_id, item.get("text", ""), args.corpus.name))
            docs += 1
            for e in result.entities:
                if e.cls != "Park":
                    continue
                parks += 1
                zone = catalogue_zone(lex, e.key)
                if zone is None:
                    continue
                linked += 1
                forms = sorted({e.label, *e.aliases}, key=lambda f: (-len(f), f))
                link = next((pipeline.catalogue.link_name(f, result.document.text) for f in forms
                             if pipeline.catalogue.link_name(f, result.document.text)), None)
                via = link.via if link else "key"
                vias[via] += 1
                zones[zone.iri] += 1
                levels[zone.level] += 1
                links.append((doc_id, " / ".join(forms), zone.name, zone.code, zone.level, via))
            if args.limit and docs >= args.limit:
                break
    print(f"documents: {docs}")
    print(f"park entities (per document): {parks}")
    print(f"linked to the catalogue: {linked} ({linked / parks:.1%})" if parks else "linked: 0")
    print(f"distinct zones: {len(zones)}; by level: {dict(sorted(levels.items()))}; how: {dict(sorted(vias.items()))}")
    if args.tsv:
        rng = random.Random(args.seed)
        sample = sorted(rng.sample(links, min(args.sample, len(links))))
        lines = ["doc_id\tmention\tlinked_zone\tcode\tlevel\tvia\tverdict\treason"]
        lines += ["\t".join(row) + "\t\t" for row in sample]
        args.tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{args.tsv}: {len(sample)} links (seed {args.seed})")
    if args.pairs:
        pairs = Counter((row[1], row[2], row[5]) for row in links)
        lines = ["count\tmention\tlinked_zone\tvia"]
        lines += [f"{n}\t{m}\t{z}\t{v}" for (m, z, v), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))]
        args.pairs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
