"""The architecture holds: import contracts (.importlinter) and the size limits of issue 12's modules."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAX_LINES = 300
# the modules issue 12 reshaped; each stays small enough to read in one sitting
SIZED = ["kg/extract/names/*.py", "kg/extract/link.py", "kg/extract/hanlp_ner.py", "kg/extract/hanlp_spans.py",
         "kg/extract/gazetteer.py", "kg/extract/segment.py", "kg/pipeline.py", "kg/types.py", "kg/ontology.py",
         "kg/ontology_read.py", "kg/lexicon.py", "kg/namespace.py",
         "kg/extract/relations.py", "kg/extract/discourse.py", "kg/extract/roles.py", "kg/extract/targets*.py",
         "kg/extract/ties.py", "kg/extract/confidence.py", "kg/extract/wordforms.py"]


def test_import_contracts_are_kept():
    """extract never imports rdflib, text never imports extract, no import cycles (see .importlinter)."""
    pytest.importorskip("importlinter", reason="pip install -e '.[dev]' installs import-linter")
    from importlinter.cli import lint_imports

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        code = lint_imports(config_filename=str(ROOT / ".importlinter"), no_cache=True)
    finally:
        os.chdir(cwd)
    assert code == 0, "an import contract is broken: run `lint-imports` in the repository for the report"


@pytest.mark.parametrize("pattern", SIZED)
def test_modules_stay_small(pattern):
    for path in sorted(ROOT.glob(pattern)):
        lines = path.read_text(encoding="utf-8").count("\n")
        assert lines <= MAX_LINES, f"{path.relative_to(ROOT)} has {lines} lines; split it by job (limit {MAX_LINES})"
