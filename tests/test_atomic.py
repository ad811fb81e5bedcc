"""A build killed with SIGKILL midway leaves the previous set of outputs (graph.ttl, graph.html, store) intact.

Each test makes a first build, then starts a second ``kg build`` of different
input into the same folder as a subprocess, with the test hook
``PARKKG_TEST_PAUSE_BEFORE_RENAME`` (kg/graph/serialize.py) holding one write at
its last moment: the new file complete in the build's staging folder inside OUT
(`kg.graph.outputs`), not yet renamed. The test kills the build there with SIGKILL and
checks what is on disk; the next build removes what the killed one left.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import rdflib

from kg.build import build

ROOT = Path(__file__).resolve().parent.parent
POSIX_ONLY = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

OLD = "苏州高新区聚焦集成电路、生物医药等主导产业。"
NEW = "无锡经开区重点发展物联网产业，引进了华润微电子。江阴临港经济开发区与苏州工业园区协同发展。"


def first_build(pipeline, folder: Path, store: bool = False) -> dict:
    src = folder / "in"
    src.mkdir(parents=True)
    (src / "a.txt").write_text(OLD, encoding="utf-8")
    build([src], folder / "out", pipeline=pipeline, jobs=1, store=store)
    (src / "b.txt").write_text(NEW, encoding="utf-8")  # the second build sees more input
    return {name: (folder / "out" / name).read_bytes() for name in ("graph.ttl", "graph.html")}


def start_second_build(folder: Path, pause: str, *extra) -> subprocess.Popen:
    env = dict(os.environ, PARKKG_TEST_PAUSE_BEFORE_RENAME=pause)
    return subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(folder / "in"), "-o", str(folder / "out"),
                             "-j", "1", "--no-cache", "-q", *extra],
                            cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)


def kill_when_paused(proc: subprocess.Popen, timeout: float = 180) -> str:
    """SIGKILL `proc` as soon as it reports the pause; its stderr up to then."""
    lines: list[str] = []
    paused = threading.Event()

    def read():
        for line in proc.stderr:
            lines.append(line)
            if line.startswith("parkkg-test: paused"):
                paused.set()
                return

    threading.Thread(target=read, daemon=True).start()
    ok = paused.wait(timeout)
    proc.send_signal(signal.SIGKILL)
    proc.wait(30)
    assert ok, "the build never reached the write: " + "".join(lines)
    assert proc.returncode == -signal.SIGKILL
    return "".join(lines)


def parses(path: Path) -> int:
    import pyoxigraph

    g = rdflib.Graph().parse(path, format="turtle")
    assert len(list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))) == len(g)
    return len(g)


def temporaries(out: Path, name: str) -> list[Path]:
    return sorted(out.glob(f".kg-staging-*/.{name}.*.tmp"))


@pytest.fixture(scope="module")
def killed(pipeline, tmp_path_factory):
    """Both scenarios, run side by side: {name: (folder, files before, stderr up to the kill)}."""
    import pyoxigraph

    runs = {}
    for name, pause, extra in (("ttl", "graph.ttl", ("--store",)), ("html", "graph.html", ())):
        folder = tmp_path_factory.mktemp(name)
        before = first_build(pipeline, folder, store=bool(extra))
        if extra:
            before["quads"] = len(pyoxigraph.Store(str(folder / "out" / "store")))
        runs[name] = (folder, before, start_second_build(folder, pause, *extra))
    return {name: (folder, before, kill_when_paused(proc)) for name, (folder, before, proc) in runs.items()}


@POSIX_ONLY
def test_kill_during_the_graph_write_keeps_previous_graph_html_and_store(killed):
    import pyoxigraph

    folder, before, message = killed["ttl"]
    out = folder / "out"
    assert f"renaming over {out}/.kg-staging-" in message and message.rstrip().endswith("graph.ttl")
    assert (out / "graph.ttl").read_bytes() == before["graph.ttl"]
    assert (out / "graph.html").read_bytes() == before["graph.html"]
    parses(out / "graph.ttl")
    assert len(pyoxigraph.Store(str(out / "store"))) == before["quads"]
    # the new graph was written in full, beside the target: only the rename was missing
    [partial] = temporaries(out, "graph.ttl")
    assert partial.read_bytes() != before["graph.ttl"] and parses(partial) > parses(out / "graph.ttl")


@POSIX_ONLY
def test_kill_during_the_html_write_keeps_the_whole_previous_set(killed, pipeline):
    folder, before, _ = killed["html"]
    out = folder / "out"
    assert (out / "graph.html").read_bytes() == before["graph.html"]
    assert b"</html>" in before["graph.html"]
    # the new graph.ttl was complete, but it waits in the staging folder with the html: no mixed set
    assert (out / "graph.ttl").read_bytes() == before["graph.ttl"]
    parses(out / "graph.ttl")
    assert temporaries(out, "graph.html")
    build([folder / "in"], out, pipeline=pipeline, jobs=1)  # the next build clears what the killed one left
    assert not list(out.glob(".kg-staging-*")) and not list(out.glob(".*.tmp"))
    assert "无锡".encode() in (out / "graph.ttl").read_bytes()
