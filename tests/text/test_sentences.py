from kg.text.sentences import split_sentences


def test_sentences_keep_offsets():
    text = "园区发展。产业集聚！\n对标先进\n目标明确；力争突破？"
    sentences = split_sentences("d", text)
    for s in sentences:
        assert text[s.start:s.end] == s.text
    assert [s.text for s in sentences] == ["园区发展。", "产业集聚！", "对标先进", "目标明确；", "力争突破？"]


def test_heading_is_marked_and_starts_a_section():
    sentences = split_sentences("d", "第一段正文。\n对标先进\n第二段正文。")
    heading = [s for s in sentences if s.is_heading]
    assert [s.text for s in heading] == ["对标先进"]
    assert sentences[-1].section > sentences[0].section
