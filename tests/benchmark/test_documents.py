"""The document sets kg bench measures on."""
from __future__ import annotations

from kg.benchmark.documents import scaling_sets
from kg.text.readers import RawDocument

SENTENCES = ["苏州高新区聚焦集成电路、生物医药等主导产业。", "无锡经开区重点发展物联网产业，引进了华润微电子。",
             "到2025年，苏州高新区高新技术企业达到4500家。", "常熟高新区对标苏州工业园区，发展氢能源汽车产业。"]


def _docs(n):
    return [RawDocument(id=f"d{i}", text=SENTENCES[i % len(SENTENCES)] + f"第{i}篇。", source=f"d{i}")
            for i in range(n)]


def test_scaling_slices_partition_the_big_set_of_distinct_documents():
    slices, big, distinct = scaling_sets(_docs(70), 4)
    assert distinct and len(big) == 64 and len(slices) == 16
    assert all(len(part) == 4 for part in slices)
    assert sorted(d.id for part in slices for d in part) == sorted(d.id for d in big)
    assert len({d.id for d in big}) == 64


def test_a_small_corpus_is_copied_with_ids_of_its_own():
    slices, big, distinct = scaling_sets(_docs(3), 4)
    assert not distinct and len(big) == 48 and len({d.id for d in big}) == 48
    assert all([d.id for d in part] == ["d0", "d1", "d2"] for part in slices)
