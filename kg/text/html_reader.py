"""Read saved web pages: the article's main text and title, without navigation, ads and page chrome.

News pages wrap a short article in menus, link lists, banners and footers that
name other parks and companies; reading the whole page would put those in the
graph. trafilatura (``pip install 'parkkg[formats]'``) finds the article; the
page's canonical URL and publication date become document metadata.

>>> page = ('<html><head><title>园区新闻_某网</title><link rel="canonical" href="https://e.cn/a.html">'
...         '<meta property="article:published_time" content="2024-05-08T09:30:00+08:00"></head>'
...         '<body><nav><a href="/">首页</a> <a href="/x">无锡高新区</a></nav><article><h1>苏州园区观察</h1>'
...         '<p>苏州工业园区聚焦生物医药、纳米技术应用、人工智能等新兴产业，持续优化营商环境。</p></article>'
...         '</body></html>')
>>> doc = parse_html(page, "a.html", "a")
>>> doc.url, doc.date, doc.format, "无锡高新区" in doc.text, "生物医药" in doc.text
('https://e.cn/a.html', '2024-05-08', 'html', False, True)
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import InputError, missing_extra
from kg.text.encodings import decode_bytes
from kg.text.record import RawDocument, document_id, normalise_date

# <meta> names and properties that carry the publication date, most specific first.
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "publishdate", "pubdate",
              "publish_date", "dc.date.issued", "dc.date", "dcterms.date", "date", "sailthru.date")


# Page chrome removed before extraction: menus, side bars, footers, and boxes classed as ads.
_AD_CLASSES = ("ad", "ads", "advert", "advertisement", "banner", "sponsor", "breadcrumb", "share", "sidebar")
PRUNE_XPATH = ["//nav", "//aside", "//footer", "//header[not(ancestor::article)]", "//*[@role='navigation']"] + [
    f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]" for name in _AD_CLASSES]


def page_metadata(html: str) -> dict:
    """URL, date and title that the page declares in its head (canonical link, Open Graph, meta).

    >>> page_metadata('<html><head><meta property="og:url" content="https://e.cn/b">'
    ...               '<meta name="pubdate" content="2023/1/2"><meta property="og:title" content="标题">'
    ...               '</head><body></body></html>')
    {'url': 'https://e.cn/b', 'date': '2023-01-02', 'title': '标题'}
    """
    try:
        import lxml.html
    except ImportError:  # lxml comes with trafilatura
        raise missing_extra("trafilatura", "formats") from None
    try:
        tree = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises bare ParserError/ValueError on empty or odd pages
        return {"url": "", "date": "", "title": ""}
    metas = _meta_values(tree)
    return {"url": _canonical_link(tree) or metas.get("og:url", ""), "date": _published(tree, metas),
            "title": metas.get("og:title", "")}


def _canonical_link(tree) -> str:
    """The href of the first ``<link rel="canonical">`` that has one, '' when none."""
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            return link.get("href").strip()
    return ""


def _meta_values(tree) -> dict:
    """``<meta>`` contents by property, name or itemprop (lower case); the first of each wins."""
    metas = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and meta.get("content") and key not in metas:
            metas[key] = meta.get("content").strip()
    return metas


def _published(tree, metas: dict) -> str:
    """The publication date: the first `_DATE_META` that reads as a date, else the first ``<time datetime>``."""
    for key in _DATE_META:
        date = normalise_date(metas.get(key, ""))
        if date:
            return date
    for node in tree.iter("time"):
        date = normalise_date(node.get("datetime") or "")
        if date:
            return date
    return ""


def _trafilatura():
    try:
        import trafilatura
        from trafilatura.settings import use_config
    except ImportError:
        raise missing_extra("trafilatura", "formats") from None
    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # no signal-based timeout: works in threads
    return trafilatura, config


def parse_html(html: str, source: str, doc_id: str) -> RawDocument:
    """The article of one page as a raw document (format ``html``).

    Menus, side bars, footers and ad boxes are pruned first; extraction then
    favours precision (no link lists); a page where that finds nothing is read
    again favouring recall before giving up.
    """
    trafilatura, config = _trafilatura()
    meta = page_metadata(html)
    common = dict(with_metadata=True, include_comments=False, include_tables=True, include_images=False,
                  include_links=False, deduplicate=False, prune_xpath=PRUNE_XPATH, config=config)
    found = trafilatura.bare_extraction(html, favor_precision=True, **common)
    if found is None or not (found.text or "").strip():
        found = trafilatura.bare_extraction(html, favor_recall=True, **common)
    text = (found.text or "").strip() if found is not None else ""
    if not text:
        raise InputError(f"{source}: no article text found in this web page (is it a menu, a login page or "
                         "filled by JavaScript?); save the page after it has loaded, or copy its text to a .txt file")
    title = (getattr(found, "title", "") or meta["title"] or "").strip()
    url = meta["url"] or (getattr(found, "url", "") or "").strip()
    date = meta["date"] or normalise_date(getattr(found, "date", "") or "")
    return RawDocument(doc_id, text, source, "html", title, date, url)


def read_html_file(path: Path) -> list[RawDocument]:
    """Read a saved web page (.html/.htm) in any common Chinese encoding."""
    path = Path(path)
    html = decode_bytes(path.read_bytes(), str(path))
    return [parse_html(html, str(path), document_id(path))]
