"""merge_group: in one pass, the entity that folding the documents' records one by one gives."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.entity_merge import merge_group
from kg.extract.link import merge_entities
from kg.types import Entity

names = st.sampled_from(["甲园", "甲乙园", "乙园", "丙", "甲園", "高新区", "甲高新区"])
records = st.builds(Entity, key=st.just("K"), cls=st.sampled_from(["Park", "Industry"]), label=names,
                    aliases=st.lists(names, max_size=3).map(tuple), subclass=st.sampled_from(["", "HighTechZone"]),
                    sector=st.sampled_from(["", "s:1", "s:2"]), zone=st.sampled_from(["", "z:1"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["d1", "d2", "d3", "d4"]), records), min_size=1, max_size=8))
def test_merge_group_equals_the_fold(members):
    folded = merge_entities([(doc_id, {"K": e}) for doc_id, e in members])["K"]
    assert merge_group("K", members) == folded
