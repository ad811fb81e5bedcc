"""Shared fixtures: one pipeline per test session (building it loads jieba and the ontology)."""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The shared folder (gold, corpus, referee) lies beside the repository, as CI lays it out: ../shared.
SHARED = Path(os.environ.get("PARKKG_SHARED") or ROOT.parent / "shared")


@pytest.fixture(scope="session")
def lexicon():
    from kg.ontology import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def pipeline(lexicon):
    from kg.pipeline import Pipeline

    return Pipeline(lexicon)


@pytest.fixture
def run_text(pipeline):
    """Process one text with the shared pipeline."""
    from kg.text.readers import RawDocument

    def run(text: str, doc_id: str = "t1"):
        return pipeline.process(RawDocument(doc_id, text, f"{doc_id}.txt"))

    return run


@pytest.fixture(scope="session")
def build_texts(tmp_path_factory, pipeline):
    """Build a graph from ``{file name: text}`` with the shared pipeline: (output folder, BuildReport)."""
    from kg.build import build

    def run(texts: dict, **options):
        src = tmp_path_factory.mktemp("texts")
        for name, text in texts.items():
            (src / name).write_text(text, encoding="utf-8")
        out = tmp_path_factory.mktemp("out")
        return out, build([src], out, pipeline=pipeline, **options)

    return run


@pytest.fixture(scope="session")
def seeds_dir():
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def shared_dir():
    """../shared (or $PARKKG_SHARED); tests that need it skip where it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not found: the shared folder lies beside the repository (../shared)")
    return SHARED


@pytest.fixture(scope="session")
def load_script():
    """A script of ``scripts/`` imported as a module by its name (``load_script("fit_confidence")``)."""
    def load(name: str):
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up
        spec.loader.exec_module(module)
        return module

    return load
