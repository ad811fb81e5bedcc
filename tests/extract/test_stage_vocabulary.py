"""The relation and target stages hold no word lists: their words are pk:GrammarWord data read by cue kind."""
from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STAGES = ["discourse.py", "relations.py", "roles.py", "ties.py", "targets.py", "targets_goals.py", "target_metric.py",
          "wordforms.py",
          "confidence.py", "park_pairs.py", "park_position.py", "owned_names.py", "region_agent.py", "short_names.py"]
# numerals and date marks may stay in code, like punctuation
NUMERALS = set("零一二两三四五六七八九十百千万年月")


def _code_strings(path: Path) -> list[str]:
    """String literals of a module that are not docstrings."""
    out, previous = [], tokenize.INDENT
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if tok.type == tokenize.STRING and previous not in (tokenize.INDENT, tokenize.NEWLINE, tokenize.NL):
            out.append(tok.string)
        if tok.type != tokenize.COMMENT:
            previous = tok.type
    return out


@pytest.mark.parametrize("name", STAGES)
def test_the_stage_holds_no_chinese_words_beyond_numerals(name):
    for literal in _code_strings(ROOT / "kg" / "extract" / name):
        if literal.lstrip("rbuf").startswith('"""') or ">>>" in literal:
            continue
        words = set(re.findall(r"[\u4e00-\u9fff]", literal)) - NUMERALS
        assert not words, f"{name}: {literal} holds words {sorted(words)}; move them to ontology/lexicon.ttl"


def test_a_new_partner_word_needs_no_code_change(lexicon):
    from kg.extract.discourse import FrameReader
    from kg.ontology import Lexicon

    text = "无锡经开区携手苏州工业园区"
    assert not FrameReader(lexicon, [], []).position.after_partner_word(text, text.index("苏州"))
    words = dict(lexicon.grammar_words, **{"partner-word": lexicon.words("partner-word") + ("携手",)})
    reader = FrameReader(Lexicon(grammar_words=words, regions=lexicon.regions), [], [])
    assert reader.position.after_partner_word(text, text.index("苏州"))


def test_a_new_ranking_scope_needs_no_code_change(lexicon):
    from kg.extract.targets import TargetWords
    from kg.ontology import Lexicon

    (pattern, unit), = TargetWords.of(lexicon).rankings
    assert unit == "位" and pattern.search("进入全国百强") and not pattern.search("进入全市百强")
    words = dict(lexicon.grammar_words, **{"ranking-scope": lexicon.words("ranking-scope") + ("全市",)})
    (pattern, _), = TargetWords.of(Lexicon(grammar_words=words)).rankings
    assert pattern.search("进入全市百强").group(1) == "百"
