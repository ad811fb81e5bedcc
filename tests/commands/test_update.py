"""kg update on the command line: options, summary, and the error without a streamed build."""
from __future__ import annotations

import json

from click.testing import CliRunner

import kg.build
import kg.pipeline
from kg.cli import main


def _corpus(path, docs):
    path.write_text("".join(json.dumps({"id": k, "text": t}, ensure_ascii=False) + "\n" for k, t in docs),
                    encoding="utf-8")
    return str(path)


def test_build_stream_then_update_add_and_remove(pipeline, tmp_path, monkeypatch):
    monkeypatch.setattr(kg.build, "Pipeline", lambda *a, **k: pipeline)  # no second start-up in the test
    monkeypatch.setattr(kg.pipeline, "Pipeline", lambda *a, **k: pipeline)
    out = str(tmp_path / "out")
    first = _corpus(tmp_path / "a.jsonl", [("a", "苏州高新区聚焦集成电路产业。"), ("b", "无锡经开区重点发展物联网产业。")])
    result = CliRunner().invoke(main, ["build", first, "-o", out, "--stream", "--store", "--no-html", "-j", "1"])
    assert result.exit_code == 0, result.output
    new = _corpus(tmp_path / "new.jsonl", [("c", "常熟高新区重点发展氢能源汽车产业。")])
    result = CliRunner().invoke(main, ["update", new, "-o", out, "--add", "--remove", "b", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "1 added, 0 changed, 1 removed" in result.output and "store" in result.output


def test_update_without_inputs_says_what_to_give(tmp_path):
    result = CliRunner().invoke(main, ["update", "-o", str(tmp_path)])
    assert result.exit_code != 0 and "--add" in result.output and "Traceback" not in result.output


def test_update_of_a_folder_without_a_streamed_build_is_a_clear_error(tmp_path):
    corpus = _corpus(tmp_path / "a.jsonl", [("a", "苏州高新区。")])
    result = CliRunner().invoke(main, ["update", corpus, "-o", str(tmp_path / "nothing")])
    assert result.exit_code != 0 and "kg build SOURCES" in result.output and "Traceback" not in result.output
