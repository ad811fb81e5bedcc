"""What the segmenter glued to a name's front is cut off (`kg.extract.names.cuts`)."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def cues(pipeline):
    return pipeline.recognizer.cues  # the cue index of the whole lexicon


def test_a_function_character_before_a_name_is_cut(cues):
    from kg.extract.names.cuts import cut_point

    assert cut_point(cues, "是青禾") == 1
    assert cut_point(cues, "深圳") == 0  # a known word keeps its characters
    assert cut_point(cues, "位是") == 2  # nothing of a name is left


def test_a_boundary_word_glued_to_a_names_front_is_dropped(cues):
    from kg.extract.names.cuts import strip_left_boundaries

    assert strip_left_boundaries(cues, 0, 5, "做强青禾院", 0) == 2
