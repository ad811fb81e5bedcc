"""kg build --stream: the out-of-core path writes the same bytes as the in-memory build."""
from __future__ import annotations

import json

import pytest

import kg.stream.build
import kg.stream.index
import kg.stream.run
from kg.build import build

# invented sentences: parks named with and without their places (one park across documents), industries,
# a target, a document that names a park only in passing
TEXTS = [
    "南京市江北新区聚焦集成电路、生物医药等主导产业，到2025年产值突破500亿元。",
    "江北新区重点发展人工智能产业。",
    "江苏南京江北新区与苏州高新区协同发展生物医药产业。",
    "苏州高新区聚焦集成电路产业，重点发展高端装备制造。",
    "无锡经开区重点发展物联网产业。",
    "这是一段与园区无关的文字。",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    lines = [json.dumps({"id": f"n{i}", "text": t, "title": f"标题{i}", "date": f"2024-05-0{i + 1}",
                         "url": f"https://example.org/{i}"}, ensure_ascii=False) for i, t in enumerate(TEXTS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


FORMATS = ("ttl", "nt", "nq")


@pytest.mark.parametrize("source", ["corpus", "seeds"])
def test_streamed_build_writes_the_same_bytes(source, corpus, seeds_dir, pipeline, tmp_path, monkeypatch):
    monkeypatch.setattr(kg.stream.build, "SORT_RUN_LINES", 50)  # many sorted runs, merged from disk
    inputs = [corpus] if source == "corpus" else [seeds_dir]
    memory = build(inputs, tmp_path / "memory", html=False, pipeline=pipeline, formats=FORMATS)
    streamed = build(inputs, tmp_path / "streamed", html=False, pipeline=pipeline, formats=FORMATS, streamed=True)
    for fmt in FORMATS:
        streamed_bytes = (tmp_path / "streamed" / f"graph.{fmt}").read_bytes()
        assert streamed_bytes == (tmp_path / "memory" / f"graph.{fmt}").read_bytes(), fmt
    for field in ("documents", "triples", "entities", "relations", "targets", "readings"):
        assert getattr(streamed, field) == getattr(memory, field), field
    assert streamed.validation.conforms and streamed.validation.triples == memory.triples
    assert (tmp_path / "streamed" / ".kg-index.sqlite").is_file()


def test_parks_named_with_their_places_are_one_node_on_both_paths(corpus, pipeline, tmp_path):
    build([corpus], tmp_path / "s", html=False, pipeline=pipeline, formats=("nt",), streamed=True)
    nt = (tmp_path / "s" / "graph.nt").read_text(encoding="utf-8")
    parks = {line.split(" ")[0] for line in nt.splitlines() if "prefLabel" in line and "江北新区" in line}
    assert len(parks) == 1  # 南京市江北新区, 江北新区 and 江苏南京江北新区 merged across documents


def test_streamed_build_refuses_formats_that_need_the_graph_in_memory(corpus, pipeline, tmp_path):
    from kg.errors import ParkKGError

    with pytest.raises(ParkKGError, match="streamed build writes no format"):
        build([corpus], tmp_path / "s", html=False, pipeline=pipeline, formats=("jsonld",), streamed=True)


def test_streamed_build_says_it_writes_no_html(corpus, pipeline, tmp_path):
    report = build([corpus], tmp_path / "s", pipeline=pipeline, streamed=True)
    assert not (tmp_path / "s" / "graph.html").exists()
    assert any("no HTML view" in w for w in report.warnings)


def test_an_in_memory_build_forgets_the_streamed_state(corpus, pipeline, tmp_path):
    build([corpus], tmp_path / "s", html=False, pipeline=pipeline, streamed=True)
    build([corpus], tmp_path / "s", html=False, pipeline=pipeline)
    assert not (tmp_path / "s" / ".kg-index.sqlite").exists()


# invented: one target of one park read in two documents, whose sentences give it different confidences
TARGET_TWICE = ["南京市江北新区聚焦集成电路产业，到2025年产值突破500亿元。",
                "南京市江北新区重点发展集成电路、生物医药等主导产业，力争到2025年产值突破500亿元，打造产业高地。"]


def target_confidences(nt: str) -> dict:
    """target IRI -> its pk:confidence values, from N-Triples."""
    found: dict = {}
    for line in nt.splitlines():
        s, p, o = line.split(" ", 2)
        if "/target/" in s and p.endswith("#confidence>"):
            found.setdefault(s, []).append(o.split("^^")[0])
    return found


def test_a_target_read_twice_has_one_confidence_the_highest_on_both_paths(pipeline, tmp_path):
    corpus = tmp_path / "twice.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"t{i}", "text": t}, ensure_ascii=False) + "\n"
                              for i, t in enumerate(TARGET_TWICE)), encoding="utf-8")
    from kg.text.readers import RawDocument

    readings = [t.confidence for i, text in enumerate(TARGET_TWICE)
                for t in pipeline.process(RawDocument(f"t{i}", text, "x.txt")).targets]
    assert len(readings) == 2 and len(set(readings)) == 2  # the premise: two readings, two confidences
    memory = build([corpus], tmp_path / "m", html=False, pipeline=pipeline, formats=("nt",))
    streamed = build([corpus], tmp_path / "s", html=False, pipeline=pipeline, formats=("nt",), streamed=True)
    nt = (tmp_path / "m" / "graph.nt").read_text(encoding="utf-8")
    assert (tmp_path / "s" / "graph.nt").read_text(encoding="utf-8") == nt
    assert list(target_confidences(nt).values()) == [[f'"{max(readings)}"']]
    assert nt.count("wasDerivedFrom") >= 2 and memory.validation.conforms and streamed.validation.conforms


def test_the_index_adds_with_a_small_page_cache_and_merges_with_a_big_one(pipeline, corpus, tmp_path,
                                                                          monkeypatch):
    sizes = []
    real = kg.stream.build.write_streamed_graph

    def write(index, *args, **kw):
        sizes.append(index.db.execute("PRAGMA cache_size").fetchone()[0])
        return real(index, *args, **kw)

    monkeypatch.setattr(kg.stream.run, "write_streamed_graph", write)
    monkeypatch.setattr(kg.stream.index.ResultIndex, "add", _recording_cache(kg.stream.index.ResultIndex.add, sizes))
    build([corpus], tmp_path / "s", html=False, pipeline=pipeline, formats=("nt",), streamed=True)
    assert sizes == [-kg.stream.index.ADD_CACHE_MB * 1000] * len(TEXTS) + [-kg.stream.index.READ_CACHE_MB * 1000]


def _recording_cache(add, sizes):
    def recording(index, *args, **kw):
        sizes.append(index.db.execute("PRAGMA cache_size").fetchone()[0])
        return add(index, *args, **kw)
    return recording
