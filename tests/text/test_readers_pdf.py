"""PDFs: two newspaper columns read in order, headline first, lines joined by the text cleaner.

The fixtures are made here with fpdf2 and the Noto Sans CJK font from Debian's
fonts-noto-cjk (the tests skip without them). fpdf2 embeds CFF fonts with an
encoding pdfminer cannot read back, so the font is first cut down to the
characters the tests use and given TrueType outlines.
"""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.text.clean import clean_text
from kg.text.readers import RawDocument, read_path

pytest.importorskip("pdfplumber")
fpdf = pytest.importorskip("fpdf")

NOTO = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
NOTO_SC = 2  # the face index of Noto Sans CJK SC in the collection
DATA = Path(__file__).resolve().parent.parent / "data" / "formats"
TWIN = DATA / "twin.txt"
SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
PER_LINE = 17  # characters per column line (the headline is shorter, as the cleaner needs)


def subset_font(text: str, out: Path) -> Path:
    """Noto Sans CJK SC cut down to the characters of `text`, with TrueType outlines."""
    if not NOTO.exists():
        pytest.skip("fonts-noto-cjk is not installed (apt-get install fonts-noto-cjk)")
    from fontTools import subset
    from fontTools.pens.cu2quPen import Cu2QuPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont, newTable

    font = TTFont(str(NOTO), fontNumber=NOTO_SC, lazy=True)
    options = subset.Options()
    options.layout_features = []
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    glyph_set, order = font.getGlyphSet(), font.getGlyphOrder()
    glyf = newTable("glyf")
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"], font["loca"] = glyf, newTable("loca")
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    maxp = newTable("maxp")
    maxp.tableVersion, maxp.numGlyphs = 0x00010000, len(order)
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                 "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, attr, 1 if attr == "maxZones" else 0)
    font["maxp"] = maxp
    font["head"].glyphDataFormat = 0
    post = font["post"]
    post.formatType, post.extraNames, post.mapping = 2.0, [], {}
    font.sfntVersion = "\0\1\0\0"
    font.save(str(out))
    return out


@pytest.fixture(scope="module")
def cjk_font(tmp_path_factory):
    text = TWIN.read_text(encoding="utf-8") + "园区报道第页 -0123456789abcdefghijklmnopqrstuvwxyzTP."
    return subset_font(text, tmp_path_factory.mktemp("font") / "noto-sc-subset.ttf")


def new_pdf(font_path):
    pdf = fpdf.FPDF(format="A4", unit="pt")
    pdf.set_creation_date(datetime.datetime(2024, 5, 8, 9, 30, tzinfo=datetime.timezone.utc))
    pdf.add_font("noto", fname=str(font_path))
    return pdf


def wrap(text: str, width: int = PER_LINE) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def two_column_pdf(font_path, path: Path) -> Path:
    """The twin's headline across the page, its first paragraph in the left column, its second in the right."""
    title, left, right = TWIN.read_text(encoding="utf-8").strip().split("\n")
    pdf = new_pdf(font_path)
    pdf.set_title("园区报道")
    pdf.add_page()
    pdf.set_font("noto", size=20)
    pdf.text(x=(595 - 20 * len(title)) / 2, y=70, text=title)  # centred: it crosses the gutter
    pdf.set_font("noto", size=12)
    for column, paragraph in ((60, left), (320, right)):
        for row, line in enumerate(wrap(paragraph)):
            pdf.text(x=column, y=120 + 18 * row, text=line)
    pdf.set_font("noto", size=9)
    pdf.text(x=290, y=800, text="- 1 -")
    pdf.output(str(path))
    return path


def entity_set(pipeline, raw):
    return {(e.cls, e.label) for e in pipeline.process(raw).entities}


def test_two_column_pdf_yields_the_entities_of_its_plain_text_twin(cjk_font, tmp_path, pipeline):
    [doc] = read_path(two_column_pdf(cjk_font, tmp_path / "two-columns.pdf"))
    assert doc.format == "pdf"
    expected = entity_set(pipeline, RawDocument("twin", TWIN.read_text(encoding="utf-8"), str(TWIN)))
    assert ("Park", "苏州工业园区") in expected and len(expected) >= 4
    # some names are broken across column lines: the cleaner must join them
    lines, cleaned = doc.text.split("\n"), clean_text(doc.text)[0]
    assert any(sum(line.count(label) for line in lines) < cleaned.count(label) for _, label in expected)
    assert entity_set(pipeline, doc) == expected


def test_two_column_pdf_reads_headline_then_left_then_right_column(cjk_font, tmp_path):
    path = two_column_pdf(cjk_font, tmp_path / "two-columns.pdf")
    [doc] = read_path(path)
    cleaned, _ = clean_text(doc.text)
    assert cleaned == TWIN.read_text(encoding="utf-8").strip()
    assert "- 1 -" not in doc.text  # the page number is not text of the article
    import pdfplumber

    with pdfplumber.open(path) as pdf:  # a plain dump reads across the columns
        naive, _ = clean_text(pdf.pages[0].extract_text())
    assert "苏州工业园区聚焦生物医药、纳米技术应用、人工智能等新兴产业。" not in naive


def test_three_column_pages_read_column_by_column_and_page_by_page(tmp_path):
    """A seed article set in three narrow columns over several pages reads back as it was written."""
    seed = SEEDS / "001_6912994e3ec1d0e4.txt"
    if not seed.exists():
        pytest.skip("seeds/ is not in this checkout")
    paragraphs = ["".join(p.split()) for p in seed.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    headline = paragraphs[0][:16]
    lines = [p[i:i + 13] for p in paragraphs[1:] for i in range(0, len(p), 13)][:320]
    font = subset_font(headline + "".join(lines) + "-0123456789 ", tmp_path / "seed-font.ttf")
    pdf = new_pdf(font)
    per_column, columns = 50, (40, 220, 400)
    for k, line in enumerate(lines):
        column = k // per_column
        if column % 3 == 0 and k % per_column == 0:
            pdf.add_page()
            if column == 0:
                pdf.set_font("noto", size=22)
                pdf.text(x=60, y=60, text=headline)
            pdf.set_font("noto", size=10)
            pdf.text(x=290, y=810, text=f"- {column // 3 + 1} -")
        pdf.text(x=columns[column % 3], y=100 + 12 * (k % per_column), text=line)
    path = tmp_path / "three-columns.pdf"
    pdf.output(str(path))
    assert len(lines) > 2 * 3 * per_column  # three pages at least
    [doc] = read_path(path)
    assert clean_text(doc.text)[0] == clean_text(headline + "\n" + "\n".join(lines))[0]


def test_pdf_metadata_title_and_date(cjk_font, tmp_path):
    [doc] = read_path(two_column_pdf(cjk_font, tmp_path / "meta.pdf"))
    assert (doc.title, doc.date, doc.id) == ("园区报道", "2024-05-08", "meta")


def test_pdf_words_hyphenated_at_line_end_are_joined(cjk_font, tmp_path):
    pdf = new_pdf(cjk_font)
    pdf.add_page()
    pdf.set_font("noto", size=12)
    for row, line in enumerate(["园区 nano-", "technology 2024", "园区报道"]):
        pdf.text(x=60, y=100 + 18 * row, text=line)
    path = tmp_path / "hyphen.pdf"
    pdf.output(str(path))
    [doc] = read_path(path)
    assert "nanotechnology" in doc.text and "nano-" not in doc.text


def test_scanned_pdf_without_text_suggests_ocr(tmp_path):
    from PIL import Image

    pdf = fpdf.FPDF(format="A4", unit="pt")
    pdf.add_page()
    pdf.image(Image.new("L", (200, 280), 255), x=40, y=40, w=500)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(InputError, match="no text layer.*OCR"):
        list(read_path(path))


def test_damaged_pdf_is_an_input_error(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\nthis is not really a pdf\n")
    with pytest.raises(InputError, match="damaged or not a PDF"):
        list(read_path(path))
