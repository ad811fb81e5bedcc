"""The HanLP recogniser stage: mapping spans onto the ontology, merging with the rules, loading models.

Most tests drive the stage with a stand-in tagger (HanLP's call shape, no torch);
the tests that need hanlp itself skip when the extra is absent, and the test of a
real trained model lives in tests/ner/test_train.py.
"""
from __future__ import annotations

import logging
import sys

import pytest

from kg.errors import OptionalDependencyError, ParkKGError
from kg.extract import hanlp_ner
from kg.extract.hanlp_ner import (STAGE, HanLPRecognizer, NERModelError, classify_span, hanlp_recognizers,
                                  load_tagger, windows)
from kg.pipeline import prepare
from kg.text.readers import RawDocument
from kg.text.sentences import split_sentences


class FakeTagger:
    """Tags every occurrence of the given names, as HanLP components answer: (surface, tag, begin, end)."""

    def __init__(self, names: dict[str, str]):
        self.names = names
        self.calls = []

    def __call__(self, batch):
        self.calls.append(batch)
        out = []
        for chars in batch:
            text = "".join(chars)
            found = []
            for name, tag in self.names.items():
                i = text.find(name)
                while i >= 0:
                    found.append((name, tag, i, i + len(name)))
                    i = text.find(name, i + 1)
            out.append(sorted(found, key=lambda f: f[2]))
        return out


def _doc(text: str, doc_id: str = "d1"):
    doc = prepare(RawDocument(doc_id, text, f"{doc_id}.txt"))
    return doc, split_sentences(doc.id, doc.text)


@pytest.mark.parametrize("surface, tag, expected", [
    ("苏州工业园区", "NS", "Park"),  # a place ending in a park type word
    ("中科院苏州医工所", "NT", "Platform"),
    ("华润微电子有限公司", "ORG", "Enterprise"),
    ("重塑科技", "NT", "Enterprise"),  # an organisation with no type word
    ("无锡", "NS", None),  # a bare place is a region, not scored
    ("张三", "NR", None),  # people are not entities here
    ("高新区", "NS", None),  # generic
    ("国家级高新区", "ORG", None),  # modifiers and a type word only: generic
    ("江阴高新区管委会", "NT", None),  # an office, not a company
    ("13家上市公司", "ORG", None),  # counted things, not a name
    ("2020年", "Enterprise", None),  # a date, whatever the model says
    ("河北省级创新平台", "Platform", None),  # a region and modifiers before a type word: generic
    ("迈为", "Enterprise", "Enterprise"),  # parkkg's own model names the class itself
    ("生物医药", "Industry", "Industry"),
])
def test_classify_span(lexicon, surface, tag, expected):
    got = classify_span(surface, tag, lexicon)
    assert (got[0] if got else None) == expected


def test_own_model_class_is_trusted_and_type_words_give_the_subclass(lexicon):
    assert classify_span("临港", "Park", lexicon) == ("Park", "Park", "zone")
    assert classify_span("苏州高新区", "Park", lexicon)[:2] == ("Park", lexicon.park_types["高新区"].cls)


def test_merge_adds_only_spans_no_rule_found(lexicon, pipeline):
    text = "苏州高新区与青禾智造签约，重塑科技落户苏州高新区。"
    doc, sentences = _doc(text)
    rules = pipeline.recognizer.mentions(doc.id, doc.text, sentences)
    assert any(m.surface == "苏州高新区" for m in rules)
    tagger = FakeTagger({"苏州高新": "NS", "青禾智造": "NT", "重塑科技": "NT"})
    merged = HanLPRecognizer(tagger, lexicon, segmenter=pipeline.segmenter).merge(doc, sentences, rules)
    added = [m for m in merged if m.stage == STAGE]
    # 苏州高新 overlaps the rules' 苏州高新区: the rule wins; the two firms are new
    assert {m.surface for m in added} <= {"青禾智造", "重塑科技"} and "青禾智造" in {m.surface for m in added}
    assert all(m.cls == "Enterprise" for m in added)
    for m in merged:
        assert doc.text[m.start:m.end] == m.surface
    for m in added:
        assert not any(r.start < m.end and m.start < r.end for r in rules)
    assert [m for m in merged if m.stage != STAGE] == sorted(rules, key=lambda m: (m.start, m.end))


def test_nothing_found_returns_the_rule_mentions_unchanged(lexicon, pipeline):
    doc, sentences = _doc("今天天气很好。")
    rules = pipeline.recognizer.mentions(doc.id, doc.text, sentences)
    assert HanLPRecognizer(FakeTagger({}), lexicon, segmenter=pipeline.segmenter).merge(doc, sentences, rules) is rules


def test_long_sentences_are_tagged_in_windows_with_document_offsets(lexicon, pipeline):
    filler = "园区持续推进项目建设，" * 40
    text = "据悉，" + filler + "青禾智造投产。"
    doc, sentences = _doc(text)
    tagger = FakeTagger({"青禾智造": "NT"})
    found = HanLPRecognizer(tagger, lexicon, segmenter=pipeline.segmenter).mentions(doc.id, doc.text, sentences)
    assert [(m.surface, doc.text[m.start:m.end]) for m in found] == [("青禾智造", "青禾智造")]
    assert max(len(chars) for batch in tagger.calls for chars in batch) <= hanlp_ner.MAX_CHARS


def test_fragments_and_unwanted_classes_are_dropped(lexicon, pipeline):
    doc, sentences = _doc("园区建设数字化创新平台，发展生物医药。")
    tagger = FakeTagger({"化创新平台": "Platform", "生物医药": "Industry"})
    rec = HanLPRecognizer(tagger, lexicon, segmenter=pipeline.segmenter)
    assert rec.mentions(doc.id, doc.text, sentences) == []  # cut inside 数字化; industries are off by default
    rec = HanLPRecognizer(tagger, lexicon, segmenter=pipeline.segmenter, classes=("Industry",))
    assert [m.surface for m in rec.mentions(doc.id, doc.text, sentences)] == ["生物医药"]


def test_windows_cover_the_text_exactly():
    text = "甲乙丙，" * 100 + "丁" * 300
    pieces = list(windows(text, 120))
    assert "".join(p for _, p in pieces) == text
    assert all(text[off:off + len(p)] == p and len(p) <= 120 for off, p in pieces)


def test_pipeline_with_the_stage_links_model_entities(lexicon, pipeline, monkeypatch):
    # Pipeline(extra_recognizers=[...]) on the shared pipeline, without building another
    monkeypatch.setattr(pipeline, "extra_recognizers", [HanLPRecognizer(FakeTagger({"青禾智造": "NT"}), lexicon,
                                                                        segmenter=pipeline.segmenter)])
    result = pipeline.process(RawDocument("d1", "青禾智造在苏州高新区投产。", "d1.txt"))
    assert "青禾智造" in {e.label for e in result.entities if e.cls == "Enterprise"}
    assert any(m.stage == STAGE for m in result.mentions)


def test_no_model_configured_means_stage_off_said_once(lexicon, monkeypatch, caplog):
    monkeypatch.delenv(hanlp_ner.ENV_MODEL, raising=False)
    monkeypatch.setattr(hanlp_ner, "_said", set())
    with caplog.at_level(logging.INFO, logger="kg.extract.hanlp_ner"):
        assert hanlp_recognizers(None, lexicon) == []
        assert hanlp_recognizers(None, lexicon) == []
    assert [r.message for r in caplog.records].count(caplog.records[0].message) == 1
    assert "stage off" in caplog.records[0].message


def test_extra_absent_skips_cleanly_or_names_the_install(lexicon, pipeline, monkeypatch, caplog, tmp_path):
    monkeypatch.setitem(sys.modules, "hanlp", None)  # import hanlp now raises ImportError
    monkeypatch.setattr(hanlp_ner, "_said", set())
    monkeypatch.setenv(hanlp_ner.ENV_MODEL, str(tmp_path))
    with caplog.at_level(logging.WARNING, logger="kg.extract.hanlp_ner"):
        assert hanlp_recognizers(None, lexicon) == []  # configured, not required: off, said once
    assert "pip install 'parkkg[hanlp]'" in caplog.text
    with pytest.raises(OptionalDependencyError, match=r"parkkg\[hanlp\]"):
        hanlp_recognizers(str(tmp_path), lexicon, required=True)  # asked for on the command line
    # and the pipeline without the stage runs as before
    monkeypatch.setattr(pipeline, "extra_recognizers", hanlp_recognizers(None, lexicon))
    result = pipeline.process(RawDocument("d1", "苏州高新区聚焦集成电路。", "d1.txt"))
    assert "苏州高新区" in {e.label for e in result.entities}


def test_folder_without_a_model_is_a_clear_error(tmp_path):
    with pytest.raises(NERModelError, match="no config.json"):
        load_tagger(str(tmp_path))


def test_pretrained_id_offline_fails_fast(monkeypatch, tmp_path):
    pytest.importorskip("hanlp")
    monkeypatch.setenv("HANLP_OFFLINE", "1")
    monkeypatch.setenv("HANLP_HOME", str(tmp_path))  # an empty cache
    import hanlp

    def no_download(*args, **kwargs):  # HanLP's own attempt hangs ~25 s before it fails
        raise AssertionError("hanlp.load was called: parkkg should have failed before downloading")

    monkeypatch.setattr(hanlp, "load", no_download)
    with pytest.raises(NERModelError, match="not in the local cache") as info:
        load_tagger("MSRA_NER_ELECTRA_SMALL_ZH")
    assert "kg train-ner" in str(info.value) and "HANLP_OFFLINE" in str(info.value)


def test_unknown_model_name_is_a_clear_error():
    pytest.importorskip("hanlp")
    with pytest.raises(ParkKGError, match="neither a model folder nor a HanLP pretrained id"):
        load_tagger("NO_SUCH_MODEL_ZH")
