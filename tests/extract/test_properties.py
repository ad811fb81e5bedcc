"""Property tests: segmentation and extraction never crash on arbitrary text, and offsets stay exact.

The texts mix arbitrary Unicode (no surrogates) with the words extraction reacts
to (park type words, industry names, role and target cues, numbers and units),
so that the grammars fire on odd inputs rather than only on clean news.
"""
from __future__ import annotations

from hypothesis import event, given, settings
from hypothesis import strategies as st

from kg.text.readers import RawDocument

WORDS = ["苏州", "无锡", "高新区", "经开区", "工业园区", "产业园", "开发区", "综保区", "园区", "该区",
         "集成电路", "生物医药", "新能源", "人工智能", "产业", "主导产业", "新兴产业", "未来产业", "聚焦",
         "重点发展", "有限公司", "股份", "集团", "实验室", "研究院", "创新中心", "孵化器", "对标", "协同发展",
         "到2025年", "十四五末", "力争", "突破", "超过", "达到", "3000", "4.5", "亿元", "万亿元", "家", "%",
         "个", "、", "，", "。", "；", "：", "（", "）", "“", "”", "和", "与", "等", "\n", "\n\n", " ", "\u3000",
         "\r\n", "\t", "a", "Park", "BioBAY", "123"]

junk = st.text(st.characters(exclude_categories=("Cs",)), max_size=3)
# sentences shaped like the ones the grammars read, with junk spliced in anywhere
PARKS = ["苏州高新区", "无锡经开区", "江阴临港经济开发区", "常熟氢能源汽车产业园", "苏州工业园区"]
INDUSTRIES = ["集成电路", "生物医药", "新能源", "人工智能", "医疗器械", "数字经济"]
sentences = st.builds(
    lambda park, cue, industries, goal: f"{park}{cue}{'、'.join(industries)}等主导产业{goal}。",
    st.sampled_from(PARKS), st.sampled_from(["聚焦", "重点发展", "以", "形成了", ""]),
    st.lists(st.sampled_from(INDUSTRIES), min_size=1, max_size=3),
    st.sampled_from(["", "，到2025年产值突破3000亿元", "，力争培育高新技术企业500家", "，与无锡高新区协同发展"]))
texts = st.lists(st.one_of(st.sampled_from(WORDS), junk, sentences), max_size=30).map("".join)


@settings(max_examples=200, deadline=None)
@given(texts)
def test_segmenter_tokens_tile_the_text(pipeline, text):
    tokens = pipeline.segmenter.tokens(text, offset=7)
    assert "".join(t.word for t in tokens) == text
    position = 7
    for t in tokens:
        assert t.start == position and t.end == t.start + len(t.word)
        assert text[t.start - 7:t.end - 7] == t.word
        position = t.end


@settings(max_examples=300, deadline=None)
@given(texts)
def test_pipeline_offsets_point_at_their_text(pipeline, text):
    result = pipeline.process(RawDocument("p1", text, "p1.txt"))
    doc = result.document
    event(f"mentions: {'yes' if result.mentions else 'none'}")
    event(f"relations: {'yes' if result.relations else 'none'}")
    event(f"targets: {'yes' if result.targets else 'none'}")
    assert doc.raw_text == text
    for s in result.sentences:
        assert doc.text[s.start:s.end] == s.text
    for m in result.mentions:
        assert 0 <= m.start < m.end <= len(doc.text)
        assert doc.text[m.start:m.end] == m.surface, m
    evidences = [r.evidence for r in result.relations] + [t.evidence for t in result.targets]
    for ev in evidences:
        assert ev.doc_id == doc.id
        assert doc.text[ev.start:ev.end] == ev.text
        assert 0 <= ev.raw_start <= ev.raw_end <= len(text)
        # the evidence starts and ends on characters copied from the raw text
        assert text[ev.raw_start] == ev.text[0] and text[ev.raw_end - 1] == ev.text[-1]
    keys = {e.key for e in result.entities}
    for r in result.relations:
        assert r.subject in keys and r.object in keys, r
    for t in result.targets:
        assert t.park in keys and t.unit and t.value == t.value  # not NaN
