"""A park's name, a middle dot and the name of its part: one name (`kg.extract.names.dotted`)."""
from __future__ import annotations


def _parks(run_text, text):
    return {m.surface for m in run_text(text).mentions if m.cls == "Park" and not m.generic}


def test_a_part_named_after_the_dot_belongs_to_the_parks_name(run_text):
    text = "特色产业园区海洋创新园·蓝立方园（三期）项目日前竣工，海洋创新园·蓝立方园（三期）已吸引禾丰电子落户。"
    assert _parks(run_text, text) == {"海洋创新园·蓝立方园"}


def test_a_district_after_the_dot_is_no_part_of_the_name(run_text):
    assert "禾山开发区" in _parks(run_text, "禾山开发区·铁岭区消防救援大队开展演练。")
    assert not any("·" in p for p in _parks(run_text, "禾山开发区·铁岭区消防救援大队开展演练。"))


def test_a_park_after_a_middle_dot_and_its_clusters_name_is_one_name(run_text):
    """青禾绿洲智谷·赵家园区: a park named after the cluster it belongs to and a middle dot is one name with it; a firm
    before the dot (某某产投·药谷) is not a cluster (its name ends in no park head) and stays out."""
    parks = {m.surface for m in run_text("记者来到禾丰村、青禾绿洲智谷·赵家园区等地。").mentions if m.cls == "Park"}
    assert parks == {"青禾绿洲智谷·赵家园区"}
