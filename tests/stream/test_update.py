"""kg update: the store patched in place answers exactly as a fresh streamed build of the same inputs."""
from __future__ import annotations

import json

import pytest

from kg.build import build
from kg.stream.update import update

# invented sentences; d names a's park without its places (the two merge), e makes that bare name ambiguous
A = "南京市江北新区聚焦集成电路、生物医药等主导产业，到2025年产值突破500亿元。"
B = "苏州高新区聚焦集成电路产业，重点发展高端装备制造。"
B2 = "苏州高新区重点发展人工智能产业。"
C = "无锡经开区重点发展物联网产业。"
D = "江北新区重点发展新能源汽车产业，集成电路产业。"
E = "重庆江北新区重点发展生物医药产业。"


def _corpus(path, docs: list, source: bool = True):
    """A JSONL file; with `source`, each document names its own source, so that where it was read does not
    matter (a fresh build reads all documents from one file, the update from several)."""
    path.write_text("".join(json.dumps({"id": k, "text": t, **({"source": f"{k}.txt"} if source else {})},
                                       ensure_ascii=False) + "\n" for k, t in docs), encoding="utf-8")
    return path


def _quads(store_dir):
    from kg.graph.store import open_store

    store = open_store(store_dir)
    quads = sorted(str(q) for q in store.quads_for_pattern(None, None, None))
    del store
    return quads


def _build(corpus, out, pipeline, **kw):
    return build([corpus], out, html=False, pipeline=pipeline, store=True, formats=("nt",), streamed=True, **kw)


def _same_as_fresh(pipeline, tmp_path, out, final: list):
    fresh = _corpus(tmp_path / "fresh.jsonl", final)
    _build(fresh, tmp_path / "fresh", pipeline)
    assert _quads(out / "store") == _quads(tmp_path / "fresh" / "store")


def test_whole_inputs_changed_added_removed(pipeline, tmp_path):
    out = tmp_path / "out"
    _build(_corpus(tmp_path / "v1.jsonl", [("a", A), ("b", B), ("c", C)]), out, pipeline)
    old_nt = (out / "graph.nt").read_bytes()
    v2 = [("a", A), ("x", E), ("b", B2), ("d", D)]  # x inserted in the middle, b changed, c gone, d at the end
    report = update([_corpus(tmp_path / "v2.jsonl", v2)], out, pipeline=pipeline)
    assert {k: report.changes[k] for k in ("added", "changed", "removed")} == {"added": 2, "changed": 1, "removed": 1}
    assert report.extracted == 3  # only the new and the changed documents were read again
    assert report.changes["triples_added"] and report.changes["triples_removed"]
    _same_as_fresh(pipeline, tmp_path, out, v2)
    assert (out / "graph.nt").read_bytes() == old_nt  # files are rewritten only when asked


@pytest.mark.parametrize("steps", [
    [("add", [("d", D)])],  # the bare name merges with a's park
    [("add", [("d", D)]), ("add", [("e", E)])],  # then becomes ambiguous: the parks come apart again
    [("add", [("b", B2)])],  # replaced where it stands
    [("remove", ["a"])],
    [("add", [("d", D)]), ("remove", ["a", "c"])],
])
def test_added_and_removed_documents(steps, pipeline, tmp_path):
    docs = [("a", A), ("b", B), ("c", C)]
    out = tmp_path / "out"
    _build(_corpus(tmp_path / "v1.jsonl", docs), out, pipeline)
    for i, (kind, items) in enumerate(steps):
        if kind == "add":
            update([_corpus(tmp_path / f"add{i}.jsonl", items)], out, add=True, pipeline=pipeline)
            replaced = {k for k, _ in items}
            docs = [(k, dict(items).get(k, t)) for k, t in docs] + [(k, t) for k, t in items
                                                                    if k not in {d for d, _ in docs}]
            assert replaced
        else:
            update([], out, add=True, remove=items, pipeline=pipeline)
            docs = [(k, t) for k, t in docs if k not in items]
    _same_as_fresh(pipeline, tmp_path, out, docs)


def test_a_moved_file_changes_only_the_document_source(pipeline, tmp_path):
    out = tmp_path / "out"
    _build(_corpus(tmp_path / "v1.jsonl", [("a", A), ("b", B)], source=False), out, pipeline)
    renamed = _corpus(tmp_path / "renamed.jsonl", [("a", A), ("b", B)], source=False)
    report = update([renamed], out, pipeline=pipeline)
    assert report.extracted == 0 and report.changes["moved"] == 2
    _build(renamed, tmp_path / "fresh", pipeline)
    assert _quads(out / "store") == _quads(tmp_path / "fresh" / "store")


def test_update_rewrites_the_files_asked_for(pipeline, tmp_path):
    out = tmp_path / "out"
    build([_corpus(tmp_path / "v1.jsonl", [("a", A), ("b", B)])], out, html=False, pipeline=pipeline, store=True,
          formats=("ttl",), streamed=True)
    update([_corpus(tmp_path / "d.jsonl", [("d", D)])], out, add=True, pipeline=pipeline, formats=("ttl",))
    fresh = _corpus(tmp_path / "fresh.jsonl", [("a", A), ("b", B), ("d", D)])
    build([fresh], tmp_path / "fresh", html=False, pipeline=pipeline, formats=("ttl",), streamed=True)
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "fresh" / "graph.ttl").read_bytes()
    from kg.graph.outputs import check_output

    assert check_output(out / "graph.ttl") is None and (out / "store").is_dir()


def test_nothing_changed_changes_nothing(pipeline, tmp_path):
    corpus = _corpus(tmp_path / "c.jsonl", [("a", A), ("b", B)])
    out = tmp_path / "out"
    _build(corpus, out, pipeline)
    report = update([corpus], out, pipeline=pipeline)
    assert report.extracted == 0 and report.changes["triples_added"] == report.changes["triples_removed"] == 0


def test_update_needs_a_streamed_build(pipeline, tmp_path):
    from kg.errors import ParkKGError

    corpus = _corpus(tmp_path / "c.jsonl", [("a", A)])
    build([corpus], tmp_path / "out", html=False, pipeline=pipeline, store=True)
    with pytest.raises(ParkKGError, match="--stream --store"):
        update([corpus], tmp_path / "out", pipeline=pipeline)


def test_a_target_read_again_keeps_one_confidence_the_highest(pipeline, tmp_path):
    # invented: one target of one park, its second reading the surer one (0.944 against 0.933 today)
    weak = "南京市江北新区重点发展集成电路、生物医药等主导产业，力争到2025年产值突破500亿元，打造产业高地。"
    strong = "南京市江北新区聚焦集成电路产业，到2025年产值突破500亿元。"
    out = tmp_path / "out"
    _build(_corpus(tmp_path / "v1.jsonl", [("w", weak), ("b", B)]), out, pipeline)
    update([_corpus(tmp_path / "s.jsonl", [("s", strong)])], out, add=True, pipeline=pipeline)
    confidences = [q for q in _quads(out / "store") if "/target/" in q.split(" ")[0] and "#confidence>" in q]
    assert len(confidences) == 1
    _same_as_fresh(pipeline, tmp_path, out, [("w", weak), ("b", B), ("s", strong)])
