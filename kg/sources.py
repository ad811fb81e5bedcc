"""The documents of a build: every readable source under its paths, streamed in a stable order."""
from __future__ import annotations

import os
import sys
from pathlib import Path

from kg.errors import InputError, InputWarning
from kg.report import BuildReport
from kg.text.readers import READERS, iter_sources
from kg.text.seen import SeenIds


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


def iter_documents(paths, report: BuildReport | None = None, exclude=()):
    """Every readable document under `paths` in a stable order; problems go to `report.skipped`.

    A JSONL file named directly is streamed whatever its size; a document id used
    twice is reported and the later document skipped, since ids name graph nodes.
    Files in `exclude` (the build's own outputs) are never read.
    """
    report = report if report is not None else BuildReport()
    seen = SeenIds()  # on disk, not a set: a million ids would be 100 MB of strings
    try:
        yield from _documents(paths, report, exclude, seen)
    finally:
        seen.close()


def _documents(paths, report: BuildReport, exclude, seen: SeenIds):
    for p in paths:
        # read_path streams JSONL whatever its size and converts traditional Chinese in every format
        items = iter_sources([Path(p)], exclude=exclude)
        try:
            for item in items:
                if isinstance(item, InputWarning):  # read anyway: said, not skipped
                    report.warnings.append(str(item))
                elif isinstance(item, InputError):
                    report.skipped.append(str(item))
                elif seen.add(item.id) is not None:
                    report.skipped.append(f"{item.source}: the document id {item.id!r} is already used by an "
                                          "earlier input; rename one of them")
                else:
                    yield item
        except InputError as exc:
            report.skipped.append(str(exc))


def count_documents(paths) -> int | None:
    """A quick count of the documents under `paths` (lines of JSONL files), for the progress bar."""
    total = 0
    for p in paths:
        p = Path(p)
        try:
            if p.is_dir():
                for root, dirs, files in os.walk(p):
                    dirs[:] = [d for d in dirs if not d.startswith(".")]
                    total += sum(1 for f in files if not f.startswith(".") and Path(f).suffix.lower() in READERS)
            elif p.suffix.lower() == ".jsonl":
                with open(p, "rb") as handle:
                    total += sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
            else:
                total += 1
        except OSError:
            return None
    return total


def progress_bar(enabled: bool = False, desc: str = "", total=None):
    """A tqdm bar on stderr, or one that shows nothing."""
    if not enabled:
        return _NoBar()
    try:
        from tqdm import tqdm
    except ImportError:  # pragma: no cover
        return _NoBar()
    return tqdm(None, desc=desc, unit="doc", file=sys.stderr, leave=False, total=total, dynamic_ncols=True)


class _NoBar:
    def update(self, n=1):
        pass

    def close(self):
        pass
