"""kg update: the store changed in place answers exactly as a fresh streamed build of the same inputs."""
from __future__ import annotations

import json

import pytest

from kg.build import build
from kg.stream.update import update

TEXTS = {
    "a": "南京市江北新区聚焦集成电路、生物医药等主导产业，到2025年产值突破500亿元。",
    "b": "苏州高新区聚焦集成电路产业，重点发展高端装备制造。",
    "c": "无锡经开区重点发展物联网产业。",
}
NEW = {
    "b": "苏州高新区重点发展人工智能产业。",  # changed
    "d": "江北新区重点发展新能源汽车产业。",  # added: the same park as a's, named without its places
}


def _corpus(path, texts: dict):
    path.write_text("".join(json.dumps({"id": k, "text": t}, ensure_ascii=False) + "\n" for k, t in texts.items()),
                    encoding="utf-8")
    return path


def _quads(store_dir):
    from kg.graph.store import open_store

    store = open_store(store_dir)
    quads = sorted(str(q) for q in store.quads_for_pattern(None, None, None))
    del store
    return quads


def test_update_answers_as_a_fresh_build(pipeline, tmp_path):
    before = _corpus(tmp_path / "before.jsonl", TEXTS)
    after = _corpus(tmp_path / "after.jsonl", {k: t for k, t in {**TEXTS, **NEW}.items() if k != "c"})
    out = tmp_path / "out"
    build([before], out, html=False, pipeline=pipeline, store=True, formats=("nt",), streamed=True)
    old_nt = (out / "graph.nt").read_bytes()
    report = update([after], out, pipeline=pipeline)
    assert {k: report.changes[k] for k in ("added", "changed", "removed")} == {"added": 1, "changed": 1, "removed": 1}
    assert report.extracted == 2  # only the new and the changed document were read again
    assert report.changes["triples_added"] and report.changes["triples_removed"]
    fresh = tmp_path / "fresh"
    build([after], fresh, html=False, pipeline=pipeline, store=True, formats=("nt",), streamed=True)
    assert _quads(out / "store") == _quads(fresh / "store")
    assert (out / ".kg-graph.nt").read_bytes() == (fresh / "graph.nt").read_bytes()
    assert (out / "graph.nt").read_bytes() == old_nt  # files are rewritten only when asked


def test_update_rewrites_the_files_asked_for(pipeline, tmp_path):
    before = _corpus(tmp_path / "before.jsonl", TEXTS)
    after = _corpus(tmp_path / "after.jsonl", {**TEXTS, **NEW})
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    build([before], out, html=False, pipeline=pipeline, store=True, formats=("ttl",), streamed=True)
    update([after], out, pipeline=pipeline, formats=("ttl",))
    build([after], fresh, html=False, pipeline=pipeline, store=True, formats=("ttl",), streamed=True)
    assert (out / "graph.ttl").read_bytes() == (fresh / "graph.ttl").read_bytes()
    from kg.graph.outputs import check_output

    assert check_output(out / "graph.ttl") is None and (out / "store").is_dir()


def test_nothing_changed_changes_nothing(pipeline, tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", TEXTS)
    out = tmp_path / "out"
    build([corpus], out, html=False, pipeline=pipeline, store=True, formats=("nt",), streamed=True)
    report = update([corpus], out, pipeline=pipeline)
    assert report.extracted == 0 and report.changes["triples_added"] == report.changes["triples_removed"] == 0


def test_update_needs_a_streamed_build(pipeline, tmp_path):
    from kg.errors import ParkKGError

    corpus = _corpus(tmp_path / "c.jsonl", TEXTS)
    build([corpus], tmp_path / "out", html=False, pipeline=pipeline, store=True)
    with pytest.raises(ParkKGError, match="--stream --store"):
        update([corpus], tmp_path / "out", pipeline=pipeline)
