"""Linking is one stage: mentions in, mentions with their entity keys and the entities out."""
from __future__ import annotations

from kg.types import EntityKey


def test_every_named_mention_carries_its_entity_key(run_text):
    result = run_text("江阴临港经济开发区聚焦新能源产业。临港将建设产业园区。")
    keys = {e.key for e in result.entities}
    for m in result.mentions:
        assert (m.key in keys or m.cls == "Industry") if not m.generic else m.key == ""
    short = [m for m in result.mentions if m.stage == "link:short-name"]
    assert short and all(m.key == "Park:江阴临港|经开区" for m in short)


def test_keys_are_typed_and_keep_their_string_form(run_text):
    result = run_text("苏州高新区聚焦集成电路、生物医药等主导产业。")
    park = next(e for e in result.entities if e.cls == "Park")
    assert isinstance(park.key, EntityKey) and park.key == "Park:苏州|高新区"
    assert (park.key.cls, park.key.name) == ("Park", "苏州|高新区")


def test_linking_sets_industry_sectors(run_text):
    result = run_text("苏州高新区聚焦集成电路、生物医药等主导产业。")
    assert all(e.sector for e in result.entities if e.cls == "Industry")


def test_the_pipeline_changes_no_record_of_another_stage(pipeline):
    from kg.pipeline import prepare
    from kg.text.readers import RawDocument
    from kg.text.sentences import split_sentences

    doc = prepare(RawDocument("d", "江阴临港经济开发区聚焦新能源产业。", "d.txt"))
    mentions = pipeline.recognizer.mentions(doc.id, doc.text, split_sentences(doc.id, doc.text))
    before = list(mentions)
    linked = pipeline.linker.link(doc, mentions, pipeline.is_place)
    assert mentions == before and all(m.key == "" for m in mentions)  # the recogniser's records are untouched
    assert [m.key for m in linked.mentions if not m.generic] and all(m.key for m in linked.mentions if not m.generic)
