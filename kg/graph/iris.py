"""Short, stable, ASCII IRIs for everything the graph names.

An entity's IRI comes from its identity key: a readable pinyin slug plus a short
hash of the key, so two builds (or two machines) give the same IRI for the same
thing, and homophones never collide.

>>> entity_iri("Park:苏州|高新区")
'https://w3id.org/parkkg/id/park/suzhougaoxinqu-90e9d7'
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache
import unicodedata

BASE = "https://w3id.org/parkkg/id/"
ONTOLOGY = "https://w3id.org/parkkg/ontology#"
INDUSTRY = "https://w3id.org/parkkg/industry/"
MAX_SLUG = 40


def _short_hash(text: str, size: int = 6) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:size]


def slug(text: str) -> str:
    """An ASCII slug: pinyin for Han characters (when pypinyin is installed), else kept ASCII only.

    >>> slug("苏州BioBAY")
    'suzhoubiobay'
    """
    try:
        from pypinyin import lazy_pinyin

        words = lazy_pinyin(text)
    except ImportError:  # pragma: no cover - pypinyin is a dependency, but stay usable without it
        words = [text]
    ascii_text = "".join(w if w.isascii() else w for w in words)
    ascii_text = unicodedata.normalize("NFKD", ascii_text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()
    ascii_text = re.sub(r"-{2,}", "-", ascii_text)
    return ascii_text[:MAX_SLUG].rstrip("-")


@lru_cache(maxsize=200_000)
def entity_iri(key: str) -> str:
    cls, _, name = key.partition(":")
    readable = slug(name.replace("|", "")) or "x"
    return f"{BASE}{cls.lower()}/{readable}-{_short_hash(key)}"


def document_iri(doc_id: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9_.\-]", "-", doc_id)[:80]
    if safe != doc_id:
        safe = f"{safe}-{_short_hash(doc_id)}"
    return f"{BASE}doc/{safe}"


def evidence_iri(doc_id: str, start: int, end: int) -> str:
    return f"{document_iri(doc_id).replace('/doc/', '/evidence/')}-{start}-{end}"


def fact_iri(subject: str, prop: str, obj: str) -> str:
    return f"{BASE}fact/{_short_hash(subject + ' ' + prop + ' ' + obj, 16)}"


def target_iri(park: str, metric: str, value: float, unit: str, year) -> str:
    return f"{BASE}target/{_short_hash(f'{park}|{metric}|{value}|{unit}|{year}', 16)}"


def extractor_iri(stage: str) -> str:
    return f"{BASE}extractor/{re.sub(r'[^A-Za-z0-9]+', '-', stage).strip('-').lower()}"
