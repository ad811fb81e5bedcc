"""A build's outputs form one set (issue 18): lock, manifest, stale files, refused builds, output failures."""
from __future__ import annotations

import errno
import json
import os
import pickle
import sqlite3
import zlib

import pytest
from click.testing import CliRunner

import kg.build
from kg.build import build
from kg.cli import main
from kg.graph.outputs import MANIFEST, OutputError, check_output, output_lock, read_manifest

TEXT = "苏州高新区聚焦集成电路产业。"


@pytest.fixture
def one_pipeline(pipeline, monkeypatch):
    monkeypatch.setattr(kg.build, "Pipeline", lambda *a, **k: pipeline)  # no second start-up per build
    return pipeline


@pytest.fixture
def src(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    return folder


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_outputs_of_an_earlier_build_that_this_one_did_not_write_are_removed(pipeline, src, tmp_path):
    out = tmp_path / "out"
    build([src], out, pipeline=pipeline, formats=("ttl", "nt"), store=True, shacl=False)
    assert {"graph.ttl", "graph.nt", "graph.html", "store"} <= set(read_manifest(out)["files"])
    build([src], out, pipeline=pipeline, formats=("ttl",), html=False, shacl=False)
    assert set(read_manifest(out)["files"]) == {"graph.ttl"}
    assert not (out / "graph.nt").exists() and not (out / "graph.html").exists() and not (out / "store").exists()
    assert check_output(out / "graph.ttl") is None


def test_a_file_not_in_the_manifest_or_changed_since_is_flagged(pipeline, src, tmp_path):
    out = tmp_path / "out"
    build([src], out, pipeline=pipeline, html=False, shacl=False)
    (out / "graph.nt").write_text("", encoding="utf-8")  # put there by hand, or by an older parkkg
    assert "not written by the last build" in check_output(out / "graph.nt")
    with open(out / "graph.ttl", "a", encoding="utf-8") as handle:
        handle.write("# edited\n")
    assert "changed since" in check_output(out / "graph.ttl")


def test_push_refuses_a_stale_graph_in_a_build_folder(pipeline, src, tmp_path):
    out = tmp_path / "out"
    build([src], out, pipeline=pipeline, html=False, shacl=False)
    (out / "graph.nt").write_text("", encoding="utf-8")
    result = run("push", out / "graph.nt", "--endpoint", "http://127.0.0.1:9/store")
    assert result.exit_code == 2 and "not written by the last build" in result.output


def test_a_second_build_into_a_locked_folder_stops_at_once(pipeline, src, tmp_path):
    out = tmp_path / "out"
    with output_lock(out):
        with pytest.raises(OutputError, match="another kg build is writing"):
            build([src], out, pipeline=pipeline, html=False, shacl=False)
    build([src], out, pipeline=pipeline, html=False, shacl=False)  # free again afterwards


def test_a_refused_build_leaves_the_cache_as_it_was(one_pipeline, src, tmp_path):
    from kg.cache import ResultCache

    out = tmp_path / "out"
    assert run("build", src, "-o", out, "-q", "--no-html", "-j", "1").exit_code == 0
    before = sqlite3.connect(out / ".cache" / ResultCache.FILENAME).execute(
        "SELECT key FROM results ORDER BY key").fetchall()
    assert len(before) == 1
    (src / "b.txt").write_text("无锡经开区重点发展物联网产业。", encoding="utf-8")
    (src / "bad.txt").write_bytes(b"")
    assert run("build", src, "-o", out, "-q", "--no-html", "-j", "1", "--strict").exit_code == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run("build", empty, "-o", out, "-q", "--no-html", "-j", "1").exit_code == 2
    after = sqlite3.connect(out / ".cache" / ResultCache.FILENAME).execute(
        "SELECT key FROM results ORDER BY key").fetchall()
    assert after == before


def test_a_damaged_cache_is_moved_aside_with_one_warning(one_pipeline, src, tmp_path):
    cache = tmp_path / "out" / ".cache"
    cache.mkdir(parents=True)
    (cache / "results.sqlite").write_bytes(b"this is no database" * 100)
    result = run("build", src, "-o", tmp_path / "out", "--no-html", "-j", "1")
    assert result.exit_code == 0, result.output
    assert result.output.count("warning:") == 1 and "moved it to results.sqlite.damaged" in result.output
    assert (cache / "results.sqlite.damaged").exists()


class _Hostile:
    def __reduce__(self):
        return (os.system, ("touch pwned-by-cache",))


def test_a_hostile_cache_row_runs_no_code_and_is_a_miss(one_pipeline, src, tmp_path, monkeypatch):
    from kg.cache import ResultCache

    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out"
    assert run("build", src, "-o", out, "-q", "--no-html", "-j", "1").exit_code == 0
    db = sqlite3.connect(out / ".cache" / ResultCache.FILENAME)
    with db:
        db.execute("UPDATE results SET data = ?", (zlib.compress(pickle.dumps(_Hostile())),))
    result = run("build", src, "-o", out, "--no-html", "-j", "1")
    assert result.exit_code == 0 and "1 document(s)," in result.output  # extracted again, not from the cache
    assert not (tmp_path / "pwned-by-cache").exists()


def test_a_cache_row_of_the_wrong_type_is_a_miss(tmp_path):
    from kg.cache import ResultCache, encode_result
    from kg.text.readers import RawDocument
    from kg.types import Mention

    cache = ResultCache(tmp_path, "onto")
    raw = RawDocument("d", "园区", "d.txt")
    cache._pending.append((cache.key(raw), "d", encode_result(Mention("d", 0, 1, "园", "Park", "x"))))
    assert cache.get(cache.key(raw), raw) is None
    cache.close()


def test_an_output_path_that_is_a_file_is_refused_before_extraction(one_pipeline, src, tmp_path, monkeypatch):
    target = tmp_path / "out.txt"
    target.write_text("", encoding="utf-8")
    monkeypatch.setattr(kg.build, "extract", lambda *a, **k: pytest.fail("extracted before checking -o"))
    result = run("build", src, "-o", target)
    assert result.exit_code == 3
    assert result.output.startswith("error: ") and "is a file" in result.output and "Traceback" not in result.output
    assert "--no-cache" not in result.output


def test_a_full_disk_keeps_the_previous_set_whole_and_exits_3(one_pipeline, src, tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert run("build", src, "-o", out, "-q", "-j", "1").exit_code == 0
    before = {name: (out / name).read_bytes() for name in ("graph.ttl", "graph.html", MANIFEST)}
    (src / "b.txt").write_text("无锡经开区重点发展物联网产业。", encoding="utf-8")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    import kg.views.html

    monkeypatch.setattr(kg.views.html, "write_html", full)
    result = run("build", src, "-o", out, "-q", "-j", "1")
    assert result.exit_code == 3
    assert "No space left on device" in result.output and "free some disk space" in result.output
    assert {name: (out / name).read_bytes() for name in before} == before
    assert not list(out.glob(".kg-staging-*"))


def test_stale_temporaries_of_killed_builds_are_removed(pipeline, src, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".graph.ttl.x1.tmp").write_text("partial", encoding="utf-8")
    (out / ".store.x2.old").mkdir()
    (out / ".store.x3.tmp").mkdir()
    (out / ".kg-staging-x4").mkdir()
    (out / ".keep-me").write_text("", encoding="utf-8")
    build([src], out, pipeline=pipeline, html=False, shacl=False)
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".cache", ".keep-me", ".kg-build.lock"] \
        or sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == [".keep-me", ".kg-build.lock"]


def test_an_input_folder_used_as_output_does_not_read_its_own_outputs(one_pipeline, src):
    first = run("build", src, "-o", src, "-q", "-j", "1")
    second = run("build", src, "-o", src, "-j", "1")
    assert first.exit_code == 0 and second.exit_code == 0, second.output
    assert "1 document(s)" in second.output and "skipped" not in second.output


def test_an_unreadable_named_file_does_not_abort_the_command(one_pipeline, src, tmp_path, monkeypatch):
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, *a, **k: False if str(p).endswith("a.txt") else
                        real_access(p, mode, *a, **k))
    result = run("build", src / "a.txt", "-o", tmp_path / "out", "-q", "-j", "1")
    assert "is not readable" not in result.output and result.exit_code == 0, result.output


def test_no_progress_bar_when_stderr_is_no_terminal(monkeypatch, tmp_path):
    seen = {}

    def fake_build(paths, out_dir, **options):
        seen.update(options)
        return kg.build.BuildReport(documents=1)

    monkeypatch.setattr(kg.build, "build", fake_build)
    run("build", tmp_path, "-o", tmp_path / "out")
    assert seen["progress"] is False


def test_a_jsonl_record_with_surrogates_and_control_characters_builds(one_pipeline, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "x\\ud800", "title": "\\udc00", "text": "苏州高新区聚焦集成电路\\ud800产业。"}\n'
                      + json.dumps({"id": "d\u0001", "url": "https://a.cn/x\ty",
                                    "text": "无锡经开区重点发展物联网产业。"})
                      + "\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("build", corpus, "-o", out, "-j", "1", "--format", "trig", "--format", "ttl")
    assert result.exit_code == 0, result.output
    assert "2 document(s)" in result.output
    import pyoxigraph

    for name, fmt in (("graph.trig", pyoxigraph.RdfFormat.TRIG), ("graph.ttl", pyoxigraph.RdfFormat.TURTLE)):
        assert list(pyoxigraph.parse(path=str(out / name), format=fmt))  # a strict parser takes them
    export = run("export", out / "graph.ttl", "--to", tmp_path / "exports", "--format", "graphml,gexf")
    assert export.exit_code == 0, export.output


def test_an_impossible_jsonl_date_is_a_warning_not_a_skip_nor_a_traceback(one_pipeline, tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": TEXT, "date": "2024-02-31"}) + "\n", encoding="utf-8")
    result = run("build", corpus, "-o", tmp_path / "out", "-j", "1", "--no-html")
    assert result.exit_code == 0, result.output
    assert "warning: " in result.output and "no calendar date" in result.output and "Traceback" not in result.output
    assert "2024-02-31" not in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")


def test_kg_query_warns_on_a_file_the_last_build_did_not_write(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    src = tmp_path / "a.txt"
    src.write_text("苏州高新区聚焦集成电路产业。", encoding="utf-8")
    out = tmp_path / "out"
    assert CliRunner().invoke(main, ["build", str(src), "-o", str(out), "--no-html", "-q"]).exit_code == 0
    stale = out / "graph.nt"
    stale.write_text("", encoding="utf-8")  # left there by hand: not in the manifest
    result = CliRunner().invoke(main, ["query", "counts-per-class", "--graph", str(stale), "--no-ontology"])
    assert "warning:" in result.output and "not written by the last build" in result.output
