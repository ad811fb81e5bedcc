"""Bare short names of parks (kg.extract.short_names)."""


def test_a_short_name_that_opens_another_name_is_not_the_park(run_text):
    """<short>国际科创中心, <short>发展集团: the bare name begins another thing's name; <short>的… is the park."""
    result = run_text("江阴临港经济开发区发布新政。临港国际科创中心开工，临港发展集团参与建设，临港的企业增多。")
    shorts = [(m.surface, result.document.text[m.end:m.end + 1]) for m in result.mentions if m.stage == "link:short-name"]
    assert shorts == [("临港", "的")]
