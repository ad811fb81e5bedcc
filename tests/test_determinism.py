"""Same inputs, same bytes: builds under different hash seeds and process counts write identical Turtle.

Python randomises string hashing per process (PYTHONHASHSEED), so any set or
dict iteration that leaks into the output shows up as a byte difference between
two processes; ``--jobs`` changes which process extracts which document and in
what order results come back. Each build here is its own ``kg build`` process.
"""
from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

SENTENCES = [
    "苏州高新区聚焦集成电路、生物医药等主导产业，引进了迈为股份和华润微电子。",
    "无锡经开区重点发展物联网、人工智能等新兴产业，建设了太湖实验室。",
    "江阴临港经济开发区与苏州工业园区协同发展，对标深圳高新区。",
    "到2025年，苏州高新区高新技术企业达到4500家，规上工业总产值突破3000亿元。",
    "常熟高新区下辖常熟氢能源汽车产业园，前瞻布局氢燃料电池等未来产业。",
    "南京江北新区建设集成电路设计产业园，培育创新中心和孵化器。",
]


def _help_has(option: str) -> bool:
    from click.testing import CliRunner

    from kg.cli import main

    return option in CliRunner().invoke(main, ["build", "--help"]).output


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("det") / "in"
    folder.mkdir()
    combos = list(itertools.permutations(range(len(SENTENCES)), 3))[:36]
    for i, combo in enumerate(combos[:24]):
        (folder / f"doc{i:02d}.txt").write_text("\n".join(SENTENCES[j] for j in combo), encoding="utf-8")
    lines = [json.dumps({"id": f"j{i:02d}", "text": "".join(SENTENCES[j] for j in combo)}, ensure_ascii=False)
             for i, combo in enumerate(combos[24:])]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


HAS_JOBS = _help_has("--jobs")
RUNS = [(0, 1), (1, 1), (1, 3)] if HAS_JOBS else [(0, None), (1, None)]


@pytest.fixture(scope="module")
def outputs(inputs, tmp_path_factory) -> dict:
    """Each build of RUNS in its own process, side by side: {(seed, jobs): (graph.ttl, graph.nt) bytes}."""
    out_root = tmp_path_factory.mktemp("builds")
    procs = {}
    for seed, jobs in RUNS:
        out = out_root / f"seed{seed}-j{jobs}"
        env = dict(os.environ, PYTHONHASHSEED=str(seed))
        cmd = [sys.executable, "-m", "kg.cli", "build", str(inputs), "-o", str(out), "--no-cache", "--no-html", "-q",
               "--format", "ttl", "--format", "nt"]
        if jobs is not None:
            cmd += ["--jobs", str(jobs)]
        procs[(seed, jobs)] = (out, subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                                     stderr=subprocess.STDOUT, text=True))
    result = {}
    for key, (out, proc) in procs.items():
        log, _ = proc.communicate(timeout=300)
        assert proc.returncode == 0, log
        result[key] = ((out / "graph.ttl").read_bytes(), (out / "graph.nt").read_bytes())
    return result


def _first_difference(a: bytes, b: bytes) -> str:
    for n, (x, y) in enumerate(zip(a.decode().splitlines(), b.decode().splitlines()), 1):
        if x != y:
            return f"line {n}:\n  {x}\n  {y}"
    return f"lengths {len(a)} and {len(b)}"


def test_same_bytes_under_different_hash_seeds(outputs):
    (ttl0, nt0), (ttl1, nt1) = outputs[RUNS[0]], outputs[RUNS[1]]
    assert ttl0.count(b" a pk:SourceDocument") == 36 and b"pk:hasTarget" in ttl0 and b"pk:hasSubPark" in ttl0
    assert ttl0 == ttl1, _first_difference(ttl0, ttl1)
    assert nt0 == nt1, _first_difference(nt0, nt1)


@pytest.mark.skipif(not HAS_JOBS, reason="kg build has no --jobs option")
def test_same_bytes_whatever_the_number_of_jobs(outputs):
    (ttl1, nt1), (ttl3, nt3) = outputs[(1, 1)], outputs[(1, 3)]
    assert ttl1 == ttl3, _first_difference(ttl1, ttl3)
    assert nt1 == nt3, _first_difference(nt1, nt3)
