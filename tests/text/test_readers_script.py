"""Traditional Chinese: detected, converted for recognition with offsets unchanged, shown as written."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.pipeline import merge_results, prepare
from kg.text import script
from kg.text.readers import RawDocument, iter_sources, read_path

pytest.importorskip("opencc")

DATA = Path(__file__).resolve().parent.parent / "data" / "formats"
TWIN = DATA / "twin.txt"
TRADITIONAL = DATA / "twin_traditional.txt"


def entity_set(result):
    return {(e.cls, e.label) for e in result.entities}


def test_detects_traditional_and_leaves_simplified_alone():
    assert script.is_traditional(TRADITIONAL.read_text(encoding="utf-8"))
    assert not script.is_traditional(TWIN.read_text(encoding="utf-8"))
    # a simplified text quoting one traditional form is not converted
    assert not script.is_traditional("苏州工业园区聚焦生物医药、人工智能等新兴产业，于是引进了台積电的项目团队和研发中心。")


def test_traditional_file_is_read_as_simplified_with_the_original_kept():
    [doc] = read_path(TRADITIONAL)
    assert doc.text == TWIN.read_text(encoding="utf-8")
    assert doc.original_text == TRADITIONAL.read_text(encoding="utf-8")
    assert len(doc.text) == len(doc.original_text)


def test_big5_traditional_file_is_decoded_and_converted(tmp_path):
    path = tmp_path / "big5.txt"
    path.write_bytes(TRADITIONAL.read_text(encoding="utf-8").encode("big5"))
    [doc] = read_path(path)
    assert doc.text == TWIN.read_text(encoding="utf-8")


def test_traditional_text_yields_the_entities_of_its_simplified_twin(pipeline):
    [doc] = read_path(TRADITIONAL)
    twin = pipeline.process(RawDocument("twin", TWIN.read_text(encoding="utf-8"), str(TWIN)))
    assert ("Park", "苏州工业园区") in entity_set(twin)
    assert entity_set(pipeline.process(doc)) == entity_set(twin)
    unconverted = pipeline.process(RawDocument("raw", doc.original_text, "raw.txt"))
    assert entity_set(unconverted) != entity_set(twin)  # the conversion is what makes it work


def test_evidence_and_spans_show_the_original_characters(pipeline):
    [raw] = read_path(TRADITIONAL)
    result = pipeline.process(raw)
    doc = result.document
    assert len(doc.original_text) == len(doc.text)
    shown = [doc.display(s.start, s.end) for s in result.sentences]
    assert "蘇州工業園區聚焦生物醫藥、納米技術應用、人工智能等新興產業。" in shown
    for m in result.mentions:  # every span is the same span in both scripts
        assert script.simplify_text(doc.display(m.start, m.end)) == doc.text[m.start:m.end]


def test_original_text_follows_the_cleaner_through_joined_lines_and_spaces():
    original = "蘇州工業園區聚焦生物醫藥、納米\n技術應用、人工智能等新興產業。\n\n高 新 區 發 展"
    raw = RawDocument("d", script.simplify_text(original), "d.txt", original_text=original)
    doc = prepare(raw)
    assert doc.original_text == "蘇州工業園區聚焦生物醫藥、納米技術應用、人工智能等新興產業。\n高新區發展"
    assert script.simplify_text(doc.original_text) == doc.text


def test_simplified_and_traditional_mentions_are_one_entity(pipeline):
    results = [pipeline.process(d) for d in iter_sources([TWIN, TRADITIONAL])]
    corpus = merge_results(results)
    parks = [e for e in corpus.entities.values() if e.cls == "Park" and e.label == "苏州工业园区"]
    assert len(parks) == 1
    assert set(parks[0].documents) == {"twin", "twin_traditional"}
    assert all(not script.is_traditional(e.label) for e in corpus.entities.values())  # labels are simplified


def test_traditional_surface_is_an_alias(pipeline):
    [raw] = read_path(TRADITIONAL)
    park = next(e for e in pipeline.process(raw).entities if e.label == "苏州工业园区")
    assert "蘇州工業園區" in park.aliases


_POOL = "蘇州工業園區聚焦生物醫藥納米技術應用人工智能新興產業台積電後來發現頭髮裡面乾燥著名於是苏州工业园区 ab1，。\n"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_POOL, max_size=60))
def test_conversion_never_changes_the_length(text):
    assert len(script.simplify_text(text)) == len(text)


def test_missing_opencc_is_a_clear_message_for_traditional_text(monkeypatch):
    monkeypatch.setattr(script, "_opencc", lambda: None)
    [item] = read_path(TRADITIONAL)  # yielded, not raised: the batch goes on
    assert isinstance(item, InputError)
    assert "traditional Chinese" in str(item) and "pip install 'parkkg[formats]'" in str(item)
    [doc] = read_path(TWIN)  # simplified text does not need OpenCC
    assert doc.original_text == ""
