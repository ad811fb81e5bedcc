"""The gold side: gold annotation files, checked, and the texts they annotate."""
from __future__ import annotations

import json
from pathlib import Path

from kg.errors import InputError


def read_gold(path: Path | str) -> dict:
    """One gold JSON file, checked for the keys the scorer reads."""
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable gold JSON file ({exc}); fix it or remove it from the gold "
                         "folder") from exc
    if not isinstance(gold, dict):
        raise InputError(f"{path}: a gold file holds one JSON object; see CONTRACT.md for its keys")
    gold.setdefault("relations", [])
    gold.setdefault("targets", [])
    problems = []
    if not isinstance(gold.get("entities"), list):
        problems.append("no 'entities' list")
    for e in gold.get("entities") or []:
        if not (isinstance(e, dict) and "type" in e and "name" in e):
            problems.append(f"an entity without type and name: {e!r}")
    for r in gold["relations"]:
        if not (isinstance(r, dict) and {"s", "p", "o"} <= set(r)):
            problems.append(f"a relation without s, p and o: {r!r}")
    for t in gold["targets"]:
        if not (isinstance(t, dict) and {"park", "value", "unit"} <= set(t)):
            problems.append(f"a target without park, value and unit: {t!r}")
    if problems:
        raise InputError(f"{path}: {problems[0]}; gold files follow the format in CONTRACT.md")
    return gold


def gold_files(gold_dir: Path | str) -> list[Path]:
    """The gold files of a folder (``<doc>.json``), sorted by name."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: no such folder; give --gold the folder of <doc>.json gold files")
    files = sorted(gold_dir.glob("*.json"))
    if not files:
        raise InputError(f"{gold_dir}: holds no .json gold files; give --gold the folder of <doc>.json files")
    return files


def read_document_text(texts_dir: Path | str, doc: str):
    """The `RawDocument` of ``TEXTS/<doc>.txt``, read as ``kg build`` reads it."""
    from kg.text.readers import RawDocument, read_path

    path = Path(texts_dir) / f"{doc}.txt"
    if not path.is_file():
        raise InputError(f"{path}: no text for the gold file {doc}.json; give --texts the folder that holds "
                         f"{doc}.txt")
    for item in read_path(path):
        if isinstance(item, RawDocument):
            return item
        raise item
    raise InputError(f"{path}: holds no text; give the text the gold file {doc}.json annotates")
