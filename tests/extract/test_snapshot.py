"""The safety net: extraction on seeds/ and a 400-article corpus sample equals the stored snapshot.

A refactoring keeps every mention, entity, relation and target; a change in behaviour
rewrites the snapshot (``scripts/snapshot.py``) in the same commit, which explains it.
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def snapshot(load_script):
    return load_script("snapshot")


def _check(snapshot, pipeline, name, documents):
    old = snapshot.read_snapshot(snapshot.SNAPSHOT_DIR / f"{name}.jsonl.gz")
    new = snapshot.snapshot_lines(documents, pipeline)
    changes = snapshot.diff(old, new, name)
    assert not changes, "extraction differs from the snapshot (rerun scripts/snapshot.py if intended):\n" + "\n".join(changes)


def test_seeds_match_the_snapshot(snapshot, pipeline):
    _check(snapshot, pipeline, "seeds", snapshot.seed_documents())


def test_corpus_sample_matches_the_snapshot(snapshot, pipeline):
    if not snapshot.CORPUS.is_file():
        pytest.skip(f"{snapshot.CORPUS} not found (the shared folder lies beside the repository in CI)")
    _check(snapshot, pipeline, "corpus400", snapshot.corpus_documents())


def test_the_diff_names_what_changed(snapshot):
    lines = snapshot.diff(['{"kind":"mention","surface":"苏州高新区"}'], ['{"kind":"mention","surface":"苏州"}'], "x")
    assert any(line.startswith("-") and "苏州高新区" in line for line in lines)
    assert any(line.startswith("+") and '"苏州"' in line for line in lines)
    assert snapshot.diff(["a"], ["a"], "x") == []
