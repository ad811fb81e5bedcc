"""kg bench --scale: the copies of a corpus speak of other places of the gazetteer, streamed to a file."""
from __future__ import annotations

import json

from kg.benchmark.scale import PlaceMap, write_scaled_corpus

R = "https://w3id.org/parkkg/region/"
# a gazetteer of its own: two provinces, four cities, with short and full names
REGIONS = {"甲省": R + "110000", "乙省": R + "120000",
           "东城": R + "110100", "东城市": R + "110100", "西城": R + "110200", "西城市": R + "110200",
           "南城": R + "120100", "南城市": R + "120100", "北城": R + "120200", "北城市": R + "120200"}


def test_copy_zero_keeps_every_name():
    assert PlaceMap(REGIONS).mapping(0) == {}


def test_a_copy_maps_regions_to_regions_of_the_same_level_one_to_one():
    places = PlaceMap(REGIONS)
    for copy in range(1, 6):
        mapping = places.mapping(copy)
        assert set(mapping) == set(REGIONS)
        assert len(set(mapping.values())) == len(REGIONS)  # no two places become one
        assert {mapping["甲省"], mapping["乙省"]} == {"甲省", "乙省"}
        city = mapping["东城"]
        assert city in {"东城", "西城", "南城", "北城"} and mapping["东城市"] == city + "市"
    assert any(places.mapping(c)["东城"] != "东城" for c in range(1, 6))


def test_the_longest_name_is_replaced_whole():
    places = PlaceMap(REGIONS)
    mapping = {**{n: n for n in REGIONS}, "东城": "西城", "东城市": "西城市"}
    assert places.apply("东城市东城高新区", mapping) == "西城市西城高新区"


def test_scaled_corpus_has_n_copies_with_their_own_ids(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": f"东城市第{i}园区"}, ensure_ascii=False) + "\n"
                              for i in range(3)), encoding="utf-8")
    places = PlaceMap(REGIONS)
    size = write_scaled_corpus(corpus, 4, tmp_path / "x4.jsonl", places)
    rows = [json.loads(line) for line in (tmp_path / "x4.jsonl").read_text(encoding="utf-8").splitlines()]
    assert size["documents"] == len(rows) == 12
    assert [r["id"] for r in rows[:4]] == ["d0", "d1", "d2", "d0~1"]
    assert rows[0]["text"] == "东城市第0园区"
    assert all(r["text"] == places.apply("东城市", places.mapping(k)) + f"第{i}园区" for k in range(4) for i, r in
               enumerate(rows[3 * k:3 * k + 3]))
    assert size["characters"] == sum(len(r["text"]) for r in rows)
    some = write_scaled_corpus(corpus, 1, tmp_path / "new.jsonl", places, first=4, limit=2)
    assert some["documents"] == 2
    assert json.loads((tmp_path / "new.jsonl").read_text(encoding="utf-8").splitlines()[0])["id"] == "d0~4"


def test_a_query_over_its_budget_counts_the_budget_and_the_rest_still_run(monkeypatch, tmp_path):
    import time

    import kg.benchmark.scale as scale
    import kg.benchmark.sparql as sparql

    queries = [("fast", "ASK {}", {}), ("stuck", "ASK {}", {"park": "x"}), ("after", "ASK {}", {})]
    monkeypatch.setattr(sparql, "bench_queries", lambda: queries)

    def child(store_dir, todo, runs, conn):  # stands for a store: "stuck" never answers
        for name, _, _ in todo:
            if name == "stuck":
                time.sleep(60)
            conn.send((name, 1.0))

    monkeypatch.setattr(scale, "_query_child", child)
    times = scale.time_store_queries(tmp_path, runs=1, budget_s=0.5)
    assert times == {"fast": (1.0, False, False), "stuck": (500.0, True, True), "after": (1.0, False, False)}
