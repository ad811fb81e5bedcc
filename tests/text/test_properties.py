"""Property tests: cleaning and sentence splitting never crash and keep their offsets exact.

Texts are drawn from arbitrary Unicode (no surrogates) mixed with the characters
Chinese news layouts are made of: Han characters, full-width punctuation,
spaces of every width, line breaks of every kind and control characters.
"""
from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.text.clean import clean_text
from kg.text.sentences import split_sentences

LAYOUT = list("苏州高新区园产业集成电路生物医药，。！？；：、“”（）《》…—") + [
    " ", "\u3000", "\u00a0", "\t", "\n", "\r\n", "\r", "\n\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85",
    "\ufeff", "\u200b", "\u200c", "\x00", "\x1c", "a", "B", "1", "2025", "年", "亿元", "%"]

texts = st.lists(
    st.one_of(st.sampled_from(LAYOUT), st.text(st.characters(exclude_categories=("Cs",)), max_size=4)),
    max_size=60).map("".join)

SETTINGS = settings(max_examples=300, deadline=None)

# what cleaning may drop: spacing, line breaks and invisible format characters
_DROPPABLE = set(" \t\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\u200c\u200d\ufffe")


def droppable(ch: str) -> bool:
    return ch in _DROPPABLE or ch.isspace() or unicodedata.category(ch) == "Cc"


@SETTINGS
@given(texts)
def test_clean_offsets_point_back_into_the_raw_text(raw):
    cleaned, offsets = clean_text(raw)
    assert len(offsets) == len(cleaned) + 1
    assert offsets[-1] == len(raw)
    assert all(a < b for a, b in zip(offsets[:-1], offsets[1:-1])), "offsets must increase"
    for i, ch in enumerate(cleaned):
        source = raw[offsets[i]]
        # a character is copied from its raw position, or it is a line break or
        # space the cleaner put where the raw text had spacing or a line break
        assert ch == source or (ch in " \n" and droppable(source)), (i, ch, source)


@SETTINGS
@given(texts)
def test_cleaning_keeps_every_visible_character_in_order(raw):
    cleaned, _ = clean_text(raw)
    assert [c for c in cleaned if not droppable(c)] == [c for c in raw if not droppable(c)]


@SETTINGS
@given(texts)
def test_sentences_are_exact_ordered_spans_covering_the_text(text):
    cleaned, _ = clean_text(text)
    for source in (text, cleaned):
        sentences = split_sentences("d", source)
        covered = set()
        previous_end = 0
        for index, s in enumerate(sentences):
            assert s.index == index
            assert source[s.start:s.end] == s.text
            assert s.text and not s.text[0].isspace() and not s.text[-1].isspace()
            assert s.start >= previous_end
            previous_end = s.end
            covered.update(range(s.start, s.end))
        assert all(i in covered for i, ch in enumerate(source) if not ch.isspace())
