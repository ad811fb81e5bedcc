"""kg build --stream --scheduler: the merge as a shuffle on a Dask cluster writes the same graph as a local build."""
from __future__ import annotations

import json

import pytest

import kg.stream.dask_merge
from kg.build import build

distributed = pytest.importorskip("distributed")

# invented: one park named with and without its places in three documents, a target read twice, industries
TEXTS = ["南京市江北新区聚焦集成电路、生物医药等主导产业，到2025年产值突破500亿元。",
         "江北新区重点发展人工智能产业。",
         "江苏南京江北新区与苏州高新区协同发展生物医药产业。",
         "苏州高新区聚焦集成电路产业，重点发展高端装备制造。",
         "南京市江北新区重点发展集成电路、生物医药等主导产业，力争到2025年产值突破500亿元，打造产业高地。",
         "无锡经开区重点发展物联网产业，引进了华润微电子。",
         "这是一段与园区无关的文字。"]
FORMATS = ("ttl", "nt", "nq")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as c:
        yield c


def _quads(store_dir):
    from kg.graph.store import open_store

    store = open_store(store_dir)
    quads = sorted(str(q) for q in store.quads_for_pattern(None, None, None))
    del store
    return quads


@pytest.mark.parametrize("source", ["corpus", "seeds"])
def test_merge_on_two_workers_equals_the_local_build(source, cluster, seeds_dir, pipeline, tmp_path, monkeypatch):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"n{i}", "text": t}, ensure_ascii=False) + "\n"
                              for i, t in enumerate(TEXTS)), encoding="utf-8")
    inputs = [corpus] if source == "corpus" else [seeds_dir]
    monkeypatch.setattr(kg.stream.dask_merge, "CHUNK_ROWS", 7)  # many partitions: groups cross them
    parts = []
    merge = kg.stream.dask_merge.merge_on_cluster
    monkeypatch.setattr(kg.stream.dask_merge, "merge_on_cluster", lambda *a, **k: parts.extend(merge(*a, **k)) or parts)
    local = build(inputs, tmp_path / "local", html=False, pipeline=pipeline, formats=FORMATS, store=True,
                  streamed=True)
    remote = build(inputs, tmp_path / "dask", html=False, pipeline=pipeline, formats=FORMATS, store=True,
                   streamed=True, scheduler=cluster.scheduler_address)
    assert len(parts) > 4  # the merge ran on the cluster, in partitions
    for fmt in FORMATS:
        assert (tmp_path / "dask" / f"graph.{fmt}").read_bytes() == (tmp_path / "local" / f"graph.{fmt}").read_bytes()
    for field in ("documents", "triples", "entities", "relations", "targets", "readings"):
        assert getattr(remote, field) == getattr(local, field), field
    assert remote.validation.conforms
    assert _quads(tmp_path / "dask" / "store") == _quads(tmp_path / "local" / "store")


def test_a_scheduler_gone_before_the_merge_is_a_clear_error(pipeline, tmp_path):
    from kg.errors import ParkKGError
    from kg.stream.index import ResultIndex

    index = ResultIndex(tmp_path / "i.sqlite", pipeline.lexicon.regions)
    with pytest.raises(ParkKGError, match="Dask scheduler"):
        kg.stream.dask_merge.write_dask_graph(index, pipeline.lexicon, {"nt": tmp_path / "g.nt"}, "tcp://127.0.0.1:9",
                                              tmp_path / "parts")
    index.close()
