from kg.extract.industry_forms import abbreviates


def test_an_industrys_short_form_is_an_alias_of_its_fullest_name(run_text):
    """文化创意产业 … 文创产业: one industry, named by the fullest name the document uses (the annotation guide);
    生物医药 and 医药 name different things and stay apart."""
    result = run_text("青禾园区大力发展文化创意产业。近两年，园区加速优化文创产业布局，并培育医药和生物医药产业。")
    labels = {e.label for e in result.entities if e.cls == "Industry"}
    assert "文化创意" in labels and "文创" not in labels
    assert {"医药", "生物医药"} <= labels


def test_a_cut_of_a_name_is_no_short_form_of_it():
    labels = {"石化": "c1", "石油化工": "c1", "光伏": "c2", "光伏发电": "c2", "医药": "c3", "生物医药": "c3"}
    assert abbreviates(labels, "石化", "石油化工")
    assert not abbreviates(labels, "光伏", "光伏发电")
    assert not abbreviates(labels, "医药", "生物医药")
