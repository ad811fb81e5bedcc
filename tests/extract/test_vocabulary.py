"""Vocabulary lives in ontology/: the closed pk: namespace, the grammar word lists, and code without word lists."""
from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_the_closed_namespace_declares_exactly_the_ontology_terms():
    from rdflib import RDF

    from kg.namespace import PK, PK_NS
    from kg.ontology import load_graph

    defined = {str(s)[len(PK_NS):] for s in load_graph().subjects(RDF.type, None) if str(s).startswith(PK_NS)}
    assert set(PK) == defined


def test_a_misspelt_term_is_an_error():
    from kg.namespace import PK

    with pytest.raises(AttributeError, match="pk:ParkTypWord is not a term"):
        PK.ParkTypWord  # noqa: B018


def test_enterprise_suffixes_are_told_apart_by_cue_kind_not_by_iri(lexicon):
    assert "有限公司" in lexicon.enterprise_legal_suffixes and "科技" in lexicon.enterprise_trade_suffixes


def test_every_grammar_word_list_the_code_asks_for_is_in_the_lexicon(lexicon):
    asked = set()
    for path in (ROOT / "kg").rglob("*.py"):
        asked |= set(re.findall(r"""words\(["']([a-z-]+)["']\)""", path.read_text(encoding="utf-8")))
    assert asked and asked <= set(lexicon.grammar_words)


def _code_strings(path: Path) -> list[str]:
    """String literals of a module that are not docstrings."""
    out, previous = [], tokenize.INDENT
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if tok.type == tokenize.STRING and previous not in (tokenize.INDENT, tokenize.NEWLINE, tokenize.NL):
            out.append(tok.string)
        if tok.type not in (tokenize.COMMENT,):
            previous = tok.type
    return out


def test_the_recogniser_holds_no_word_lists():
    """Chinese in the grammars' code is numerals and single structural characters, never a list of words."""
    for path in sorted((ROOT / "kg" / "extract" / "names").glob("*.py")):
        for literal in _code_strings(path):
            words = re.findall(r"[\u4e00-\u9fff]{2,}", literal)
            assert len(words) <= 1, f"{path.name}: {literal} looks like a word list; move it to ontology/lexicon.ttl"
