"""Read ontology/*.ttl into a plain index that the NLP stages use.

The ontology is the single source of vocabulary: classes, properties, the
industry taxonomy and the lexical cues (type words, suffixes, triggers) all
come from the Turtle files, so adding a synonym there changes recognition
without a code change. Only this module and ``kg.graph`` import rdflib.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path

from kg.errors import OntologyError
# re-exported: the records live in kg.lexicon, the closed pk: namespace in kg.namespace
from kg.lexicon import CONTRACT_CLASSES, IndustryConcept, Lexicon, ParkType, Zone, _local  # noqa: F401
from kg.namespace import PK, PK_NS  # noqa: F401

DEFAULT_ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
# When installed as a wheel the ontology ships inside the package.
PACKAGED_ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontology_data"

LEXICON_FORMAT = 10  # bump when the Lexicon record changes shape
def ontology_files(directory: Path | str | None = None) -> list[Path]:
    """The Turtle files of the ontology, sorted."""
    if directory is None:
        directory = DEFAULT_ONTOLOGY_DIR if DEFAULT_ONTOLOGY_DIR.is_dir() else PACKAGED_ONTOLOGY_DIR
    directory = Path(directory)
    if not directory.is_dir():
        raise OntologyError(f"ontology folder {directory} not found; run parkkg from its checkout "
                            "or pass --ontology DIR pointing at the folder with parkkg.ttl")
    files = sorted(p for p in directory.glob("*.ttl") if p.name != "shapes.ttl")
    if not any(p.name == "parkkg.ttl" for p in files):
        raise OntologyError(f"{directory} has no parkkg.ttl; pass --ontology DIR with the parkkg ontology")
    return files


def load_graph(directory: Path | str | None = None):
    """The ontology as one rdflib graph (classes, properties, taxonomy, lexicon)."""
    import rdflib

    g = rdflib.Graph()
    for path in ontology_files(directory):
        try:
            g.parse(path, format="turtle")
        except Exception as exc:  # rdflib raises many kinds
            raise OntologyError(f"{path} is not valid Turtle: {exc}; fix the file or restore it from git") from exc
    return g


def _fingerprint(files: list[Path]) -> str:
    h = hashlib.sha256()
    for p in files:
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()[:16]


def _cache_file(fingerprint: str) -> Path:
    base = os.environ.get("PARKKG_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "parkkg")
    return Path(base) / f"lexicon-{LEXICON_FORMAT}-{fingerprint}.pickle"


@lru_cache(maxsize=4)
def _load_cached(directory: str, fingerprint: str) -> Lexicon:
    """Parsing the Turtle takes a second or two; the index is kept on disk, keyed by the
    files' content, so later processes (and parallel workers) start at once."""
    cache = _cache_file(fingerprint)
    try:
        with open(cache, "rb") as handle:
            lexicon = pickle.load(handle)
        if isinstance(lexicon, Lexicon) and lexicon.fingerprint == fingerprint:
            return lexicon
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    from kg.ontology_read import build_lexicon

    lexicon = build_lexicon(load_graph(directory or None), fingerprint)
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as handle:
            pickle.dump(lexicon, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache)
    except OSError:  # a read-only home is fine: the cache is only a speed-up
        pass
    return lexicon


def load_lexicon(directory: Path | str | None = None) -> Lexicon:
    """Read the ontology folder into a `Lexicon` (cached per folder content)."""
    files = ontology_files(directory)
    return _load_cached(str(files[0].parent), _fingerprint(files))
