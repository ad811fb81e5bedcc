"""Web pages: the article without navigation, ads and chrome; URL, date and title kept."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.text.readers import RawDocument, read_path

pytest.importorskip("trafilatura")

DATA = Path(__file__).resolve().parent.parent / "data" / "formats"
PAGE = DATA / "article.html"
TWIN = DATA / "twin.txt"


def entity_set(pipeline, raw):
    return {(e.cls, e.label) for e in pipeline.process(raw).entities}


def twin(pipeline):
    return entity_set(pipeline, RawDocument("twin", TWIN.read_text(encoding="utf-8"), str(TWIN)))


def test_html_page_yields_the_entities_of_its_plain_text_twin(pipeline):
    [doc] = read_path(PAGE)
    assert doc.format == "html"
    expected = twin(pipeline)
    assert ("Park", "苏州工业园区") in expected and len(expected) >= 4
    assert entity_set(pipeline, doc) == expected


def test_html_chrome_would_add_entities_if_it_leaked(pipeline):
    """The nav, ad and sidebar name other parks and firms: reading them would change the result."""
    import lxml.html

    tree = lxml.html.fromstring(PAGE.read_bytes())
    for bad in tree.xpath("//script|//style"):
        bad.drop_tree()
    everything = RawDocument("all", tree.text_content(), "all.html")
    leaked = entity_set(pipeline, everything) - twin(pipeline)
    assert ("Park", "无锡高新区") in leaked


def test_html_text_drops_navigation_ads_and_footer():
    [doc] = read_path(PAGE)
    for chrome in ("首页", "无锡高新区", "华为", "广告", "热门文章", "南京江北新区", "版权所有", "分享到"):
        assert chrome not in doc.text
    assert doc.text.strip() == TWIN.read_text(encoding="utf-8").strip()


def test_html_metadata_canonical_url_date_title():
    [doc] = read_path(PAGE)
    assert doc.url == "https://news.example.cn/parks/2024/05/sip-emerging.html"  # canonical beats og:url
    assert doc.date == "2024-05-08"
    assert doc.title == "苏州工业园区新兴产业观察"
    assert doc.source == str(PAGE) and doc.id == "article"


def test_html_og_url_when_no_canonical_and_gbk_page(tmp_path):
    html = PAGE.read_text(encoding="utf-8").replace('<link rel="canonical" '
                                                     'href="https://news.example.cn/parks/2024/05/sip-emerging.html">', "")
    html = html.replace('charset="utf-8"', 'charset="gbk"')
    page = tmp_path / "gbk.htm"
    page.write_bytes(html.encode("gbk"))
    [doc] = read_path(page)
    assert doc.url == "https://news.example.cn/parks/2024/05/sip-emerging.html?from=share"
    assert "苏州工业园区聚焦生物医药" in doc.text


def test_html_without_article_text_is_a_clear_input_error(tmp_path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>登录</title></head><body><nav><a href='/'>首页</a></nav>"
                    "<script>render()</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        list(read_path(page))
