#!/usr/bin/env python3
"""Run the extraction pipeline over a JSONL corpus and count the documents it fails on.

A reliability check, not a build: every line ``{"id": ..., "text": ..., ...}`` is
streamed (the file is never loaded whole or copied), turned into a
`RawDocument` and passed to `Pipeline.process`. An exception, or a mention or
evidence span whose offsets do not point at its text, counts as an error and is
reported with the document id; the run goes on.

    .venv/bin/python scripts/corpus_run.py ../shared/corpus/park_news.jsonl
    .venv/bin/python scripts/corpus_run.py corpus.jsonl --limit 100
    .venv/bin/python scripts/corpus_run.py corpus.jsonl --sample 200 --seed 7

Prints the document count, the error count and the elapsed time; exits 1 when
there was any error, 2 when the corpus cannot be opened.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator


@dataclass
class RunReport:
    documents: int = 0
    errors: list = field(default_factory=list)  # (doc id or line, one-line message)
    mentions: int = 0
    relations: int = 0
    targets: int = 0
    elapsed: float = 0.0

    def summary(self) -> str:
        lines = [f"documents: {self.documents}", f"errors: {len(self.errors)}",
                 f"mentions: {self.mentions}", f"relations: {self.relations}", f"targets: {self.targets}",
                 f"elapsed: {self.elapsed:.1f} s"]
        lines += [f"error: {where}: {message}" for where, message in self.errors]
        return "\n".join(lines)


def iter_lines(path: Path, limit: int | None = None, sample: int | None = None,
               seed: int = 0) -> Iterator[tuple[int, str]]:
    """(line number, line) of the non-blank lines: all, the first `limit`, or a seeded sample.

    The sample is drawn by reservoir sampling, so it needs one pass and memory
    for `sample` lines only; the sampled lines come back in file order.
    """
    with open(path, encoding="utf-8", errors="replace") as handle:
        numbered = ((n, line) for n, line in enumerate(handle, 1) if line.strip())
        if sample is None:
            for count, item in enumerate(numbered):
                if limit is not None and count >= limit:
                    return
                yield item
            return
        rng = random.Random(seed)
        reservoir: list[tuple[int, str]] = []
        for count, item in enumerate(numbered):
            if count < sample:
                reservoir.append(item)
            else:
                j = rng.randrange(count + 1)
                if j < sample:
                    reservoir[j] = item
        yield from sorted(reservoir)


def check_offsets(result) -> list[str]:
    """Offsets that do not point at their text: the invariant every stage keeps."""
    doc = result.document
    problems = []
    for s in result.sentences:
        if doc.text[s.start:s.end] != s.text:
            problems.append(f"sentence {s.start}-{s.end} does not match its text")
    for m in result.mentions:
        if doc.text[m.start:m.end] != m.surface:
            problems.append(f"mention {m.surface!r} at {m.start}-{m.end} does not match the text")
    evidences = [r.evidence for r in result.relations] + [t.evidence for t in result.targets]
    for ev in evidences:
        if doc.text[ev.start:ev.end] != ev.text:
            problems.append(f"evidence at {ev.start}-{ev.end} does not match the text")
        if not (0 <= ev.raw_start <= ev.raw_end <= len(doc.raw_text)):
            problems.append(f"evidence raw span {ev.raw_start}-{ev.raw_end} is outside the raw text")
    return problems


def run(path: Path, limit: int | None = None, sample: int | None = None, seed: int = 0,
        pipeline=None, out=None) -> RunReport:
    """Process every selected article; exceptions and offset faults are counted, never raised."""
    from kg.errors import InputError
    from kg.pipeline import Pipeline
    from kg.text.jsonl import parse_record

    pipeline = pipeline or Pipeline()
    report = RunReport()
    started = time.perf_counter()
    for number, line in iter_lines(path, limit, sample, seed):
        where = f"line {number}"
        try:
            raw = parse_record(line, f"{path}#L{number}")  # the reader `kg build` uses for .jsonl
            where = raw.id
            result = pipeline.process(raw)
            problems = check_offsets(result)
        except InputError as exc:  # a bad line: reported in the words `kg build` uses
            report.errors.append((where, str(exc)))
            report.documents += 1
            continue
        except Exception as exc:  # the point of the run: count every crash, stop on none
            last = traceback.extract_tb(exc.__traceback__)[-1]
            report.errors.append((where, f"{type(exc).__name__}: {exc} (at {Path(last.filename).name}:{last.lineno})"))
            report.documents += 1
            continue
        report.documents += 1
        report.mentions += len(result.mentions)
        report.relations += len(result.relations)
        report.targets += len(result.targets)
        for problem in problems:
            report.errors.append((where, problem))
        if out is not None and report.documents % 500 == 0:
            print(f"... {report.documents} documents, {len(report.errors)} errors, "
                  f"{time.perf_counter() - started:.0f} s", file=out, flush=True)
    report.elapsed = time.perf_counter() - started
    return report


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="a JSONL file, one {\"id\", \"text\", ...} object per line")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--sample", type=int, default=None, help="a random sample of N articles")
    parser.add_argument("--seed", type=int, default=0, help="seed of --sample (default 0)")
    args = parser.parse_args(argv)
    if not args.path.is_file():
        print(f"error: {args.path}: no such file; give the path of a JSONL corpus", file=sys.stderr)
        return 2
    report = run(args.path, args.limit, args.sample, args.seed, out=sys.stderr)
    print(report.summary())
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main())
