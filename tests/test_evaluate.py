"""kg.evaluate and ``kg eval``: scoring rules on tiny graphs, a tiny gold end to end, and agreement
with the referee ../shared/eval/score.py on the dev gold (skipped where ../shared is absent)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, Graph, Literal, Namespace
from rdflib.namespace import SKOS

from kg.errors import InputError
from kg.evaluate import EvalReport, evaluate, format_scores, read_gold, score_document

PK = Namespace("https://w3id.org/parkkg/ontology#")
ID = Namespace("https://w3id.org/parkkg/id/")
ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(__file__).resolve().parent.parent.parent / "shared"  # ../shared beside the repository


def entity(g: Graph, local: str, cls, label: str, *aliases: str):
    node = ID[local]
    g.add((node, RDF.type, cls))
    g.add((node, SKOS.prefLabel, Literal(label, lang="zh")))
    for a in aliases:
        g.add((node, SKOS.altLabel, Literal(a, lang="zh")))
    return node


def target(g: Graph, park, local: str, value: str, unit: str, year=None):
    node = ID[local]
    g.add((park, PK.hasTarget, node))
    g.add((node, RDF.type, PK.Target))
    g.add((node, PK.targetValue, Literal(Decimal(value))))  # xsd:decimal
    g.add((node, PK.unit, Literal(unit)))
    if year is not None:
        g.add((node, PK.targetYear, Literal(int(year))))  # xsd:integer
    return node


def gold(entities=(), relations=(), targets=()):
    return {"entities": [{"type": t, "name": n, "aliases": list(a)} for t, n, *a in entities],
            "relations": [{"s": s, "p": p, "o": o} for s, p, o in relations],
            "targets": list(targets)}


# ---------------------------------------------------------------- rules on hand-made graphs


def test_entities_match_by_alias_class_and_industry_suffix():
    g = Graph()
    entity(g, "park/a", PK.Park, "苏州高新技术产业开发区", "苏州高新区")
    entity(g, "industry/b", PK.Industry, "生物医药产业")
    entity(g, "industry/c", PK.Enterprise, "集成电路")  # right name, wrong class
    score = score_document(gold([("Park", "苏州高新区"), ("Industry", "生物医药"), ("Industry", "集成电路")]), g)
    assert score.counts["Park"] == (1, 0, 0)
    assert score.counts["Industry"] == (1, 0, 1)
    assert score.counts["Enterprise"] == (0, 1, 0)
    assert score.misses == ["Industry: 集成电路"]
    assert score.false_hits == ["Enterprise: 集成电路"]


def test_a_second_node_for_one_gold_entity_is_a_duplicate():
    g = Graph()
    entity(g, "park/a", PK.Park, "无锡经开区")
    entity(g, "park/b", PK.Park, "无锡经济开发区")
    score = score_document(gold([("Park", "无锡经济开发区", "无锡经开区")]), g)
    assert score.counts["Park"] == (1, 1, 0)
    assert score.false_hits == ["Park: 无锡经济开发区 (duplicate)"]


def test_subclasses_and_subproperties_count_only_with_the_ontology():
    g = Graph()
    park = entity(g, "park/a", PK.HighTechZone, "苏州高新区")
    ind = entity(g, "industry/b", PK.Industry, "集成电路")
    g.add((park, PK.hasLeadingIndustry, ind))
    annotated = gold([("Park", "苏州高新区"), ("Industry", "集成电路")],
                     [("苏州高新区", "hasLeadingIndustry", "集成电路")])
    bare = score_document(annotated, g)
    assert "Park" not in {k for k, c in bare.counts.items() if c[0]}
    assert bare.counts["hasIndustry"] == (0, 0, 1)
    g.add((PK.HighTechZone, RDFS.subClassOf, PK.Park))
    g.add((PK.hasLeadingIndustry, RDFS.subPropertyOf, PK.hasIndustry))
    with_ontology = score_document(annotated, g)
    assert with_ontology.counts["Park"] == (1, 0, 0)
    assert with_ontology.counts["hasIndustry"] == (1, 0, 0)
    assert with_ontology.counts["industry role"] == (1, 0, 0)


def test_a_wrong_role_is_a_false_role_but_a_true_relation():
    g = Graph()
    g.add((PK.hasEmergingIndustry, RDFS.subPropertyOf, PK.hasIndustry))
    park = entity(g, "park/a", PK.Park, "苏州高新区")
    ind = entity(g, "industry/b", PK.Industry, "人工智能")
    g.add((park, PK.hasEmergingIndustry, ind))
    score = score_document(gold([("Park", "苏州高新区"), ("Industry", "人工智能")],
                                [("苏州高新区", "hasFutureIndustry", "人工智能")]), g)
    assert score.counts["hasIndustry"] == (1, 0, 0)
    assert score.counts["industry role"] == (0, 1, 0)


def test_cooperation_counts_in_either_direction_and_unmatched_ends_are_false():
    g = Graph()
    a = entity(g, "park/a", PK.Park, "苏州工业园区")
    b = entity(g, "park/b", PK.Park, "上海张江")
    c = entity(g, "enterprise/c", PK.Enterprise, "某某科技")
    g.add((b, PK.cooperatesWith, a))
    g.add((a, PK.hasEnterprise, c))
    score = score_document(gold([("Park", "苏州工业园区"), ("Park", "上海张江")],
                                [("苏州工业园区", "cooperatesWith", "上海张江")]), g)
    assert score.counts["cooperatesWith"] == (1, 0, 0)
    assert score.counts["hasEnterprise"] == (0, 1, 0)
    assert f"hasEnterprise: 苏州工业园区 -> {c}" in score.false_hits


def test_targets_match_on_park_scaled_quantity_and_year():
    g = Graph()
    park = entity(g, "park/a", PK.Park, "苏州高新区")
    target(g, park, "target/1", "1.2", "万亿元", 2025)  # = 12000亿元
    target(g, park, "target/2", "4500", "家", 2030)  # wrong year
    target(g, park, "target/3", "300", "亿元")  # no year, gold has none either
    score = score_document(gold([("Park", "苏州高新区")], targets=[
        {"park": "苏州高新区", "year": 2025, "metric": "产值", "value": 12000, "unit": "亿元"},
        {"park": "苏州高新区", "year": 2025, "metric": "高企", "value": 4500, "unit": "家"},
        {"park": "苏州高新区", "year": None, "metric": "营收", "value": 300.2, "unit": "亿元以上"},
    ]), g)
    assert score.counts["Target"] == (2, 1, 1)
    assert score.misses == ["Target: 苏州高新区 2025 高企 4500家"]
    assert score.false_hits == ["Target: 苏州高新区 2030  4500家"]


def test_report_sums_documents_and_keeps_the_referee_layout():
    g = Graph()
    entity(g, "park/a", PK.Park, "苏州高新区")
    report = EvalReport({"d1": score_document(gold([("Park", "苏州高新区")]), g),
                         "d2": score_document(gold([("Park", "无锡经开区")]), g)})
    scores = report.scores()
    assert scores["Park"] == {"tp": 1, "fp": 1, "fn": 1, "precision": 0.5, "recall": 0.5, "f1": 0.5}
    assert list(scores) == ["Park", "ALL entities", "ALL relations", "ALL targets", "ALL roles"]
    assert report.to_json()["documents"]["d2"] == {"misses": ["Park: 无锡经开区"], "false_hits": ["Park: 苏州高新区"]}
    assert format_scores(report).splitlines()[1].split() == ["Park", "0.500", "0.500", "0.500", "1", "1", "1"]


def test_bad_gold_files_are_input_errors(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable gold JSON"):
        read_gold(bad)
    bad.write_text(json.dumps({"entities": [{"name": "苏州高新区"}]}), encoding="utf-8")
    with pytest.raises(InputError, match="without type and name"):
        read_gold(bad)


# ---------------------------------------------------------------- a tiny gold, end to end

TEXT = "苏州高新区聚焦集成电路、生物医药等主导产业。到2025年，苏州高新区高新技术企业达到4500家，规上工业总产值突破1000亿元。"
GOLD = {
    "doc": "t1",
    "entities": [{"type": "Park", "name": "苏州高新区", "aliases": []},
                 {"type": "Industry", "name": "集成电路", "aliases": []},
                 {"type": "Industry", "name": "生物医药", "aliases": ["生物医药产业"]},
                 {"type": "Enterprise", "name": "迈为股份", "aliases": []}],
    "relations": [{"s": "苏州高新区", "p": "hasLeadingIndustry", "o": "集成电路"},
                  {"s": "苏州高新区", "p": "hasEmergingIndustry", "o": "生物医药"},
                  {"s": "苏州高新区", "p": "hasEnterprise", "o": "迈为股份"}],
    "targets": [{"park": "苏州高新区", "year": 2025, "metric": "高新技术企业", "value": 4500, "unit": "家"},
                {"park": "苏州高新区", "year": 2025, "metric": "规上工业总产值", "value": 0.1, "unit": "万亿元"},
                {"park": "苏州高新区", "year": 2026, "metric": "专精特新企业", "value": 50, "unit": "家"}],
}


@pytest.fixture
def tiny(tmp_path):
    gold_dir, texts = tmp_path / "gold", tmp_path / "texts"
    gold_dir.mkdir()
    texts.mkdir()
    (gold_dir / "t1.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    (texts / "t1.txt").write_text(TEXT, encoding="utf-8")
    return gold_dir, texts


def test_evaluate_builds_and_scores_a_tiny_gold(tiny, pipeline):
    report = evaluate(*tiny, pipeline=pipeline)
    ds = report.documents["t1"]
    assert ds.counts["Park"] == (1, 0, 0)
    assert ds.counts["Industry"] == (2, 0, 0)
    assert ds.counts["Enterprise"] == (0, 0, 1)
    assert ds.counts["hasIndustry"] == (2, 0, 0)
    assert ds.counts["industry role"] == (1, 1, 0)  # 生物医药 is called 主导, the gold says emerging
    assert ds.counts["hasEnterprise"] == (0, 0, 1)
    assert ds.counts["Target"] == (2, 0, 1)
    assert sorted(ds.misses) == ["Enterprise: 迈为股份", "Target: 苏州高新区 2026 专精特新企业 50家",
                                 "hasEnterprise: 苏州高新区 -> 迈为股份"]


def test_kg_eval_prints_the_table_and_writes_json(tiny, tmp_path, pipeline, monkeypatch):
    from kg import evaluate as evaluate_module
    from kg.cli import main

    real = evaluate_module.evaluate
    monkeypatch.setattr(evaluate_module, "evaluate", lambda *a, **k: real(*a, **{**k, "pipeline": pipeline}))
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(main, ["eval", "--gold", str(tiny[0]), "--texts", str(tiny[1]), "-q",
                                       "--verbose", "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "   miss  Enterprise: 迈为股份" in result.output
    table = {line[:22].strip(): line[22:].split() for line in result.output.splitlines() if "." in line[22:]}
    assert table["ALL entities"] == ["1.000", "0.750", "0.857", "3", "0", "1"]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["scores"]["ALL entities"] == {"tp": 3, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.75,
                                                 "f1": 0.8571}
    assert "Enterprise: 迈为股份" in figures["documents"]["t1"]["misses"]


def test_kg_eval_without_a_text_is_one_line_error(tiny):
    from kg.cli import main

    (tiny[1] / "t1.txt").unlink()
    result = CliRunner().invoke(main, ["eval", "--gold", str(tiny[0]), "--texts", str(tiny[1]), "-q"])
    assert result.exit_code == 2
    assert "no text for the gold file t1.json" in result.output
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- agreement with the referee

REFEREE = SHARED / "eval" / "score.py"
DEV_GOLD = SHARED / "gold" / "dev"
DEV_TEXTS = SHARED / "seeds"


@pytest.mark.skipif(not (REFEREE.is_file() and DEV_GOLD.is_dir() and DEV_TEXTS.is_dir()),
                    reason="needs ../shared (the referee score.py and the dev gold)")
def test_kg_eval_agrees_with_the_referee_on_the_dev_gold(tmp_path, pipeline):
    """The referee reads `kg build` output files of each document; kg eval builds in memory."""
    from kg.build import build

    pred = tmp_path / "pred"
    pred.mkdir()
    for gold_file in sorted(DEV_GOLD.glob("*.json")):
        out = tmp_path / gold_file.stem
        build([DEV_TEXTS / f"{gold_file.stem}.txt"], out, html=False, pipeline=pipeline)
        shutil.copy(out / "graph.ttl", pred / f"{gold_file.stem}.ttl")
    ref_json = tmp_path / "ref.json"
    subprocess.run([sys.executable, str(REFEREE), "--gold", str(DEV_GOLD), "--pred", str(pred),
                    "--ontology", str(ROOT / "ontology"), "--json", str(ref_json)],
                   check=True, capture_output=True, text=True)
    ref = json.loads(ref_json.read_text(encoding="utf-8"))
    ours = evaluate(DEV_GOLD, DEV_TEXTS, pipeline=pipeline).to_json()
    assert ours["scores"] == ref["scores"]
    assert ours["documents"].keys() == ref["documents"].keys()
    for doc, lists in ref["documents"].items():
        assert sorted(ours["documents"][doc]["misses"]) == sorted(lists["misses"]), doc
        assert sorted(ours["documents"][doc]["false_hits"]) == sorted(lists["false_hits"]), doc
