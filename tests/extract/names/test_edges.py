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


def test_a_word_ending_in_a_function_character_before_a_firms_place_is_the_sentences(run_text):
    """法定代表人为上海宝华…有限公司, 收获满满的深圳市康宝…有限公司: the firm's name opens at its place."""
    def firms(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]

    assert firms("该公司法定代表人为上海云翔企业集团有限公司。") == ["上海云翔企业集团有限公司"]
    assert firms("收获满满的深圳市云翔化工有限公司经理表示。") == ["深圳市云翔化工有限公司"]


def test_a_park_before_a_firms_own_name_is_its_address_not_its_name(run_text):
    """X开发区湖北容百…有限公司: a place (or a rare word) opens the firm's own name after the park;
    X高新区招商服务公司 is the park's own service company and keeps the park in its name."""
    def firms(text):
        return [m.surface for m in run_text(text).mentions if m.cls == "Enterprise"]

    assert firms("参观了云溪开发区湖北云翔锂电材料有限公司。") == ["湖北云翔锂电材料有限公司"]
    assert firms("云溪高新区招商服务公司成立。") == ["云溪高新区招商服务公司"]
