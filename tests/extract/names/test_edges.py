"""Where a name starts: the walk back from a type word, on hand-made tokens."""
from kg.extract.names.edges import Walk, walk_back
from kg.extract.segment import Token


def _tokens(*pairs):
    out, at = [], 0
    for word, pos in pairs:
        out.append(Token(at, at + len(word), word, pos))
        at += len(word)
    return out


def test_a_person_right_before_the_type_word_is_a_brand_the_segmenter_did_not_know(tiny_cues):
    """比亚迪工业园: the segmenter tags the brand a person; right before the type word it is the name."""
    tokens = _tokens(("活动", "vn"), ("在", "p"), ("华亚森", "nr"), ("产业园", "n"))
    text = "".join(t.word for t in tokens)
    assert text[walk_back(tiny_cues, tokens, text, 0, 6, Walk(10, 0, park=True)):9] == "华亚森产业园"


def test_a_person_further_back_never_opens_a_park_name(tiny_cues):
    """张国华代表苏州高新区: a person before other words ends the walk."""
    tokens = _tokens(("张国华", "nr"), ("青松", "n"), ("产业园", "n"))
    text = "".join(t.word for t in tokens)
    assert text[walk_back(tiny_cues, tokens, text, 0, 5, Walk(10, 0, park=True)):8] == "青松产业园"

