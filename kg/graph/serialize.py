"""Write graphs deterministically and atomically.

Only `write_*` functions touch the disk; each writes a temporary file beside the
target and renames it over the target, so a build killed midway leaves the
previous file intact.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "jsonld": "json-ld", "trig": "trig"}


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write `data` to `path` through a temporary file and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def atomic_write_text(path: Path | str, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def generate_turtle(graph) -> str:
    """Turtle text with sorted subjects and predicates: same graph, same bytes."""
    data = graph.serialize(format="turtle")
    return data if isinstance(data, str) else data.decode("utf-8")


def generate_ntriples(graph) -> str:
    """N-Triples, one line per triple, sorted."""
    data = graph.serialize(format="nt")
    text = data if isinstance(data, str) else data.decode("utf-8")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return "\n".join(lines) + ("\n" if lines else "")


def write_turtle(graph, path: Path | str) -> None:
    atomic_write_text(path, generate_turtle(graph))


def write_ntriples(graph, path: Path | str) -> None:
    atomic_write_text(path, generate_ntriples(graph))
