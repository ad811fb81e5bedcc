"""scripts/corpus_run.py: every article through the pipeline, failures counted and named, never raised."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "park_news.jsonl"


@pytest.fixture(scope="module")
def corpus_run(load_script):
    return load_script("corpus_run")

ARTICLES = [
    {"id": "a1", "text": "苏州高新区聚焦集成电路、生物医药等主导产业。", "date": "2024-05-08"},
    {"id": "a2", "text": "到2025年，苏州高新区高新技术企业达到4500家。"},
    {"id": "a3", "text": "\u3000\u3000无锡经开区\n重点发展\n\n物联网产业。\x00\ufeff"},
    {"id": "a4", "text": "𠀀𠀁 \U0001F600 <script>alert(1)</script> \"} DROP ALL; #"},
]


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "news.jsonl"
    lines = [json.dumps(a, ensure_ascii=False) for a in ARTICLES]
    lines.insert(2, "{not json")
    lines.insert(3, "")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_counts_documents_and_names_the_bad_line(pipeline, jsonl, corpus_run):
    report = corpus_run.run(jsonl, pipeline=pipeline)
    assert report.documents == len(ARTICLES) + 1  # the broken line is counted, and reported
    assert [where for where, _ in report.errors] == ["line 3"]
    assert "not valid JSON" in report.errors[0][1]
    assert report.mentions > 0 and report.relations > 0 and report.targets > 0
    summary = report.summary()
    assert summary.splitlines()[:2] == [f"documents: {len(ARTICLES) + 1}", "errors: 1"]
    assert "error: line 3:" in summary


def test_a_crash_is_counted_with_the_document_id(pipeline, jsonl, monkeypatch, corpus_run):
    original = pipeline.process

    def flaky(raw):
        if raw.id == "a2":
            raise ZeroDivisionError("boom")
        return original(raw)

    monkeypatch.setattr(pipeline, "process", flaky)
    report = corpus_run.run(jsonl, pipeline=pipeline)
    crash = [e for e in report.errors if e[0] == "a2"]
    assert crash and crash[0][1].startswith("ZeroDivisionError: boom (at ")


def test_limit_and_seeded_sample(jsonl, corpus_run):
    lines = list(corpus_run.iter_lines(jsonl, limit=2))
    assert [n for n, _ in lines] == [1, 2]
    sample = [n for n, _ in corpus_run.iter_lines(jsonl, sample=3, seed=5)]
    assert sample == sorted(sample) and len(sample) == 3
    assert sample == [n for n, _ in corpus_run.iter_lines(jsonl, sample=3, seed=5)]
    assert len(list(corpus_run.iter_lines(jsonl))) == len(ARTICLES) + 1  # the blank line is not a document


def test_offset_faults_are_errors(pipeline, corpus_run):
    from kg.text.readers import RawDocument

    result = pipeline.process(RawDocument("x", ARTICLES[0]["text"], "x"))
    assert corpus_run.check_offsets(result) == []
    m = result.mentions[0]
    result.mentions[0] = type(m)(m.doc_id, m.start + 1, m.end + 1, m.surface, m.cls, m.stage)
    assert "does not match the text" in corpus_run.check_offsets(result)[0]


def test_main_exit_codes(tmp_path, monkeypatch, capsys, pipeline, corpus_run):
    import kg.pipeline

    monkeypatch.setattr(kg.pipeline, "Pipeline", lambda *a, **k: pipeline)
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(ARTICLES[0], ensure_ascii=False) + "\n", encoding="utf-8")
    assert corpus_run.main([str(good)]) == 0
    assert "documents: 1\nerrors: 0" in capsys.readouterr().out
    assert corpus_run.main([str(tmp_path / "missing.jsonl")]) == 2
    assert "no such file" in capsys.readouterr().err


@pytest.mark.skipif(not CORPUS.is_file(), reason="the shared news corpus is not on this machine")
def test_a_sample_of_the_news_corpus_runs_without_errors(pipeline, corpus_run):
    report = corpus_run.run(CORPUS, sample=60, seed=7, pipeline=pipeline, out=io.StringIO())
    assert report.documents == 60
    assert report.errors == []
