"""kg bench: the JSON line it ends with (no timing asserted)."""
from __future__ import annotations

import json

from click.testing import CliRunner

from kg.cli import main
from kg.text.readers import RawDocument

KEYS = {"chars_per_s", "jieba_chars_per_s", "ratio_vs_jieba", "scaling_16x", "parallel_speedup_2",
        "sparql_p50_ms_oxigraph", "sparql_p50_ms_rdflib", "peak_rss_mb", "segmenter"}
SENTENCES = ["苏州高新区聚焦集成电路、生物医药等主导产业。", "无锡经开区重点发展物联网产业，引进了华润微电子。",
             "到2025年，苏州高新区高新技术企业达到4500家。", "常熟高新区对标苏州工业园区，发展氢能源汽车产业。"]


def _docs(n):
    return [RawDocument(id=f"d{i}", text=SENTENCES[i % len(SENTENCES)] + f"第{i}篇。", source=f"d{i}")
            for i in range(n)]


def test_bench_ends_with_one_json_line_with_the_agreed_keys(tmp_path):
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n" for d in _docs(6)),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["bench", "--corpus", str(corpus), "--scaling-docs", "2",
                                       "--triples", "1000", "--query-runs", "1", "--rdflib-budget", "60"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert KEYS <= set(figures)
    assert figures["documents"] == 6 and figures["sparql_triples"] >= 1000
    assert figures["sparql_rdflib_censored"] == 0
    phases = figures["build_phases"]  # the steps of the timed kg build, from its --timings line
    assert {"extract", "merge", "graph", "validate", "write", "total"} <= set(phases)
    assert phases["total"] <= figures["build_s"]


def test_bench_says_what_is_wrong_with_an_empty_corpus(tmp_path):
    corpus = tmp_path / "empty.jsonl"
    corpus.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["bench", "--corpus", str(corpus), "--skip-sparql"])
    assert result.exit_code != 0
    assert "no readable documents to measure on" in result.output and "Traceback" not in result.output


def test_compare_segmenters_lists_no_difference_on_agreeing_engines(tmp_path):
    corpus = tmp_path / "news.jsonl"
    texts = ["2023-2025年，苏州高新区聚焦集成电路、生物医药等主导产业。", "RISC-V峰会在无锡经开区举行，迈为股份有限公司参会。"]
    corpus.write_text("".join(json.dumps({"id": f"n{i}", "text": t}, ensure_ascii=False) + "\n"
                              for i, t in enumerate(texts)), encoding="utf-8")
    result = CliRunner().invoke(main, ["bench", "--corpus", str(corpus), "--compare-segmenters"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert summary["documents"] == 2 and summary["differing_documents"] == 0
    assert summary["mentions"]["rjieba"] == summary["mentions"]["jieba"] > 0


SCALE_KEYS = {"scale", "documents_scaled", "triples_scaled", "entities_scaled", "scaling_2x", "peak_rss_mb_scale_1",
              "peak_rss_mb_scale_2", "update_1000_fraction", "sparql_p50_ms_scaled", "sparql_p95_ms_scaled"}


def test_bench_scale_ends_with_the_scale_figures(tmp_path):
    """Builds in child processes; copies speak of other places, so the bigger graph has more entities."""
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("".join(json.dumps({"id": d.id, "text": d.text}, ensure_ascii=False) + "\n" for d in _docs(4)),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["bench", "--corpus", str(corpus), "--scale", "2", "--query-runs", "1"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert SCALE_KEYS <= set(figures)
    assert figures["scale"] == 2 and figures["documents_scaled"] == 8 and figures["update_documents"] == 4
    assert figures["entities_scaled"] > figures["entities_scale_1"]
    assert figures["triples_scaled"] > figures["triples_scale_1"]
