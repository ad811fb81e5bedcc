"""Silver labels: BIO tags from the rule pipeline's mentions, offsets kept, generic words left out."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kg.ner.silver import TaggedSentence, bio_tags, label_counts, tag_result, tags_to_spans
from kg.ner.train import Score, split_by_document


@st.composite
def text_and_spans(draw):
    n = draw(st.integers(0, 40))
    spans, pos = [], 0
    while pos < n:
        start = draw(st.integers(pos, n))
        if start >= n:
            break
        end = draw(st.integers(start + 1, min(n, start + 8)))
        spans.append((start, end, draw(st.sampled_from(["Park", "Enterprise", "Platform", "Industry"]))))
        pos = end
    return "字" * n, spans


@given(text_and_spans())
def test_bio_round_trip(case):
    text, spans = case
    tags = bio_tags(text, spans)
    assert len(tags) == len(text)
    assert tags_to_spans(tags) == spans


def test_overlapping_spans_keep_the_first():
    assert bio_tags("苏州高新区", [(0, 5, "Park"), (2, 4, "Industry")]) == ["B-Park"] + ["I-Park"] * 4


def test_tag_result_follows_the_rules(run_text):
    result = run_text("苏州高新区聚焦集成电路、生物医药等主导产业。园区引进了迈为股份有限公司。今天下雨。", "s1")
    sentences = tag_result(result, negatives=1.0)
    assert len(sentences) == 3  # the sentence with no name is kept at rate 1.0
    for s in sentences:
        assert len(s.chars) == len(s.tags)
        text = result.document.text[s.start:s.start + len(s.chars)]
        assert "".join(s.chars) == text
        for start, end, label in s.spans:
            mention = [m for m in result.mentions if (m.start, m.end) == (s.start + start, s.start + end)]
            assert mention and mention[0].cls == label and not mention[0].generic
    found = {"".join(s.chars[b:e]): label for s in sentences for b, e, label in s.spans}
    assert found.get("苏州高新区") == "Park" and found.get("集成电路") == "Industry"
    assert "园区" not in found  # a generic word is not a name
    assert label_counts(sentences)["Industry"] >= 2


def test_sentences_without_names_are_sampled(run_text):
    result = run_text("今天下雨。明天晴。后天多云。大后天有风。", "s2")
    assert tag_result(result, negatives=0.0) == []
    assert len(tag_result(result, negatives=1.0)) == 4


def test_split_keeps_documents_whole():
    sentences = [TaggedSentence(("甲",), ("O",), f"doc{i % 30}") for i in range(300)]
    train, dev = split_by_document(sentences, 0.2)
    assert {s.doc_id for s in train}.isdisjoint({s.doc_id for s in dev})
    assert dev and train and split_by_document(sentences, 0.2) == (train, dev)


def test_score():
    assert Score.of(gold=0, found=0, correct=0).f1 == 0.0
    assert Score.of(gold=2, found=2, correct=2).f1 == 1.0
