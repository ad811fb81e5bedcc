"""kg build --scheduler: extraction on a Dask cluster gives the same graph as one process."""
from __future__ import annotations

import json

import pytest

import kg.build
import kg.extraction
import kg.runners
from kg.build import build

distributed = pytest.importorskip("distributed")

TEXTS = ["苏州高新区聚焦集成电路、生物医药等主导产业。", "无锡经开区重点发展物联网产业，引进了华润微电子。",
         "江阴临港经济开发区与苏州工业园区协同发展。"]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None,
                                  silence_logs=40) as c:
        yield c


def test_dask_build_equals_local_build(pipeline, cluster, tmp_path, monkeypatch):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"n{i}", "text": t}, ensure_ascii=False) + "\n"
                              for i, t in enumerate(TEXTS)), encoding="utf-8")
    # the in-process worker reuses the test pipeline instead of building its own (jieba start-up)
    monkeypatch.setitem(kg.runners._PIPELINES, pipeline.lexicon.fingerprint, pipeline)
    monkeypatch.setattr(kg.extraction, "BATCH_DOCS", 1)
    local = build([corpus], tmp_path / "local", html=False, pipeline=pipeline, formats=("nt",))
    remote = build([corpus], tmp_path / "dask", html=False, pipeline=pipeline, formats=("nt",),
                   scheduler=cluster.scheduler_address)
    assert remote.documents == local.documents == len(TEXTS)
    assert (tmp_path / "dask" / "graph.nt").read_bytes() == (tmp_path / "local" / "graph.nt").read_bytes()


def test_unreachable_scheduler_is_a_clear_error(tmp_path):
    from kg.errors import ParkKGError

    (tmp_path / "a.txt").write_text("苏州高新区", encoding="utf-8")
    with pytest.raises(ParkKGError, match="Dask scheduler"):
        kg.runners.DaskRunner(None, "tcp://127.0.0.1:9", timeout=2)
