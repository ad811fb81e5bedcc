"""Regular-expression pieces from lexicon word lists: alternations, character classes, frames."""
from __future__ import annotations

import re

import pytest

from kg.extract.wordforms import chars, either, frame


def test_either_prefers_the_longest_word():
    assert re.match(either(["进", "进入"]), "进入百强").group() == "进入"


def test_either_escapes_and_refuses_an_empty_list():
    assert re.fullmatch(either(["1+1"]), "1+1")
    with pytest.raises(ValueError, match="at least one word"):
        either([])


def test_chars_keeps_single_characters_only():
    assert set(chars(["占", "比", "占比"])) == {"占", "比"}


def test_a_frame_word_splits_at_its_gap():
    assert frame("翻…番") == ("翻", "番")
    with pytest.raises(ValueError, match="no …"):
        frame("翻番")
