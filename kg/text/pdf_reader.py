"""Read PDFs: the text layer in reading order, across newspaper columns.

A newspaper page sets two or more columns side by side; a plain text dump reads
straight across them and interleaves unrelated sentences. Here every page is cut
at its column gutters (vertical bands of white that most lines do not cross), and
read band by band: lines that span the gutters (headlines) in place, and between
them each column top to bottom, left to right. Words hyphenated at a line end are
joined; Chinese words broken at a line end are joined later by the same cleaner
plain text goes through (`kg.text.clean.clean_text`), so the raw text here keeps
its line breaks. Page numbers (a number alone on the top or bottom line) are dropped.

A PDF without a text layer (a scan) is refused with a message that suggests OCR.
Needs pdfplumber (``pip install 'parkkg[formats]'``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError, missing_extra
from kg.text.record import RawDocument, document_id, normalise_date

# A gutter is at least this wide (points) and crossed by at most this share of the lines of a column.
MIN_GUTTER = 6.0
MAX_GUTTER_COVERAGE = 0.2
# Lines wider than this share of the text block are headlines or full-width text, never column lines;
# so are lines set this much larger than the page's body text.
WIDE_LINE = 0.55
LARGE_TYPE = 1.3

_PAGE_NUMBER = re.compile(r"^\s*[-—–(（]?\s*(第\s*)?\d{1,4}\s*页?\s*([/／]\s*(共\s*)?\d{1,4}\s*页?)?\s*[-—–)）]?\s*$")
_HYPHEN_BREAK = re.compile(r"([A-Za-z])[-\u00ad]\n([a-z])")

_OCR_HINT = ("run OCR on it first (e.g. ocrmypdf -l chi_sim in.pdf out.pdf, or tesseract -l chi_sim), "
             "then build from the OCR'd PDF or text")


@dataclass(frozen=True)
class Box:
    """A word or line on a page: its horizontal extent, its top, its characters and type size."""

    x0: float
    x1: float
    top: float
    chars: tuple
    size: float = 0.0


def find_gutters(boxes: list[Box]) -> list[tuple[float, float]]:
    """Vertical white bands between columns, as (left, right) x ranges, left to right.

    A band counts when it lies inside the text block, is at least `MIN_GUTTER`
    wide, has column text on both sides, and is crossed by at most
    `MAX_GUTTER_COVERAGE` of the lines that make the busiest column. Headlines
    (wide, or in large type) may cross it and are not counted.

    >>> col = lambda x0, x1: [Box(x0, x1, 10.0 * i, ()) for i in range(8)]
    >>> find_gutters(col(40, 270) + col(310, 540) + [Box(40, 230, -20, ())])
    [(270.0, 310.0)]
    >>> find_gutters(col(40, 540))
    []
    """
    if not boxes:
        return []
    left = min(b.x0 for b in boxes)
    right = max(b.x1 for b in boxes)
    width = right - left
    if width < 3 * MIN_GUTTER:
        return []
    narrow = _column_lines(boxes, width)
    if len(narrow) < 4:
        return []
    origin = int(left)
    cover = _coverage(narrow, origin, int(right) - origin + 1)
    gutters = []
    for start, end in _white_runs(cover, MAX_GUTTER_COVERAGE * max(cover)):
        g0, g1 = float(origin + start), float(origin + end)
        if _is_gutter(g0, g1, left, right, narrow):
            gutters.append((g0, g1))
    return gutters


def _column_lines(boxes: list[Box], width: float) -> list[Box]:
    """The boxes that may sit in a column: neither wide (over `WIDE_LINE` of the block) nor in large type."""
    sizes = sorted(b.size for b in boxes)
    body = sizes[len(sizes) // 2]
    return [b for b in boxes if b.x1 - b.x0 <= WIDE_LINE * width and (not body or b.size <= LARGE_TYPE * body)]


def _coverage(boxes: list[Box], origin: int, size: int) -> list[int]:
    """How many boxes cover each whole point from `origin` on (`size` points)."""
    cover = [0] * size
    for b in boxes:
        for x in range(max(0, int(b.x0) - origin), min(size, int(b.x1) - origin)):
            cover[x] += 1
    return cover


def _white_runs(cover: list[int], limit: float):
    """(start, end) of each maximal run of points covered by at most `limit` boxes.

    >>> list(_white_runs([3, 0, 0, 3, 1], 0.5))
    [(1, 3)]
    """
    x, size = 0, len(cover)
    while x < size:
        if cover[x] > limit:
            x += 1
            continue
        start = x
        while x < size and cover[x] <= limit:
            x += 1
        yield start, x


def _is_gutter(g0: float, g1: float, left: float, right: float, narrow: list[Box]) -> bool:
    """A white band is a gutter when it lies inside the block, is wide enough, and has column text on both sides."""
    width = right - left
    inside = g0 > left + 0.05 * width and g1 < right - 0.05 * width
    if not inside or g1 - g0 < MIN_GUTTER:
        return False
    on_left = sum(1 for b in narrow if b.x1 <= g0 + 1)
    on_right = sum(1 for b in narrow if b.x0 >= g1 - 1)
    return on_left >= 2 and on_right >= 2


def reading_order(boxes: list[Box], gutters: list[tuple[float, float]]) -> list[list[Box]]:
    """Groups of boxes to read one after another: spanning lines and columns, band by band.

    >>> a, b, head = Box(0, 10, 5, ("a",)), Box(20, 30, 0, ("b",)), Box(0, 30, -5, ("h",))
    >>> [[x.chars for x in g] for g in reading_order([b, a, head], [(10.0, 20.0)])]
    [[('h',)], [('a',)], [('b',)]]
    """
    if not gutters:
        return [sorted(boxes, key=lambda b: (b.top, b.x0))]
    mids = [(g0 + g1) / 2 for g0, g1 in gutters]
    spanning = sorted((b for b in boxes if _crosses(b, mids)), key=lambda b: (b.top, b.x0))
    dividers = _rows(spanning)  # rows of spanning boxes divide the page into bands
    bands = _bands([b for b in boxes if not _crosses(b, mids)], [row[0].top for row in dividers], mids)
    return _in_order(bands, dividers)


def _crosses(b: Box, mids: list[float]) -> bool:
    """Whether a box spans a gutter (crosses the middle of one)."""
    return any(b.x0 < m < b.x1 for m in mids)


def _bands(boxes: list[Box], tops: list[float], mids: list[float]) -> list[list[list[Box]]]:
    """Column boxes by band (how many divider rows lie above them) and column (how many gutters lie left)."""
    bands: list[list[list[Box]]] = [[[] for _ in range(len(mids) + 1)] for _ in range(len(tops) + 1)]
    for b in boxes:
        band = sum(1 for t in tops if t <= b.top)
        column = sum(1 for m in mids if (b.x0 + b.x1) / 2 > m)
        bands[band][column].append(b)
    return bands


def _rows(boxes: list[Box]) -> list[list[Box]]:
    """Boxes (sorted by top) grouped into rows: a box within 2 points of a row's first top joins it."""
    rows: list[list[Box]] = []
    for b in boxes:
        if rows and abs(rows[-1][0].top - b.top) < 2:
            rows[-1].append(b)
        else:
            rows.append([b])
    return rows


def _in_order(bands: list[list[list[Box]]], dividers: list[list[Box]]) -> list[list[Box]]:
    """Each band's columns (top to bottom within each), with the divider row before every band but the first."""
    groups: list[list[Box]] = []
    for index, columns in enumerate(bands):
        if index > 0:
            groups.append(dividers[index - 1])
        for column in columns:
            if column:
                groups.append(sorted(column, key=lambda b: (b.top, b.x0)))
    return groups


def dehyphenate(text: str) -> str:
    """Join Latin words hyphenated at a line end.

    >>> dehyphenate("nano-\\ntechnology and bio-\\nMedicine")
    'nanotechnology and bio-\\nMedicine'
    """
    return _HYPHEN_BREAK.sub(r"\1\2", text)


def drop_page_numbers(boxes: list[Box]) -> list[Box]:
    """The boxes without a page number: a number alone on the top or the bottom line of the page.

    A number alone on a line inside a column is text, and stays.

    >>> line = lambda text, top: Box(0, 10, top, tuple({"text": ch} for ch in text))
    >>> [b.top for b in drop_page_numbers([line("- 3 -", 800), line("园区", 100), line("9", 400)])]
    [100, 400]
    """
    if not boxes:
        return boxes
    top, bottom = min(b.top for b in boxes), max(b.top for b in boxes)
    by_line: dict = {}
    for b in boxes:
        for edge in (top, bottom):
            if abs(b.top - edge) < 2:
                by_line.setdefault(edge, []).append(b)
    drop = set()
    for edge, row in by_line.items():
        text = " ".join("".join(c["text"] for c in b.chars) for b in sorted(row, key=lambda b: b.x0))
        if _PAGE_NUMBER.match(text):
            drop.update(id(b) for b in row)
    return [b for b in boxes if id(b) not in drop]


def page_text(page) -> str:
    """The text of one pdfplumber page in reading order, one line per printed line."""
    from pdfplumber.utils.text import extract_text

    words = page.extract_words(x_tolerance=3, y_tolerance=3, keep_blank_chars=False, use_text_flow=False,
                               return_chars=True)
    boxes = [Box(float(w["x0"]), float(w["x1"]), float(w["top"]), tuple(w["chars"]),
                 float(w["bottom"]) - float(w["top"])) for w in words if w.get("upright", True)]
    boxes = drop_page_numbers(boxes)
    if not boxes:
        return ""
    parts = []
    for group in reading_order(boxes, find_gutters(boxes)):
        chars = [c for b in group for c in b.chars]
        text = extract_text(chars, x_tolerance=3, y_tolerance=3)
        if text.strip():
            parts.append(text)
    return "\n".join(parts)


def _pdfplumber():
    try:
        import pdfplumber
    except ImportError:
        raise missing_extra("pdfplumber", "formats") from None
    return pdfplumber


def read_pdf_file(path: Path) -> list[RawDocument]:
    """Read a PDF's text layer, column-aware; the PDF's title and creation date become metadata."""
    path = Path(path)
    pdfplumber = _pdfplumber()
    try:
        pdf = pdfplumber.open(path)
    except OSError:
        raise
    except Exception as exc:  # pdfplumber wraps pdfminer's syntax, encryption and password errors
        cause = exc.__cause__ or exc.__context__ or exc
        if "crypt" in type(cause).__name__.lower() or "password" in str(exc).lower():
            raise InputError(f"{path}: the PDF is encrypted or password-protected; save an unprotected copy "
                             "(or print it to PDF) and try again") from exc
        raise InputError(f"{path}: could not open the PDF, it is damaged or not a PDF ({exc}); "
                         "repair it (e.g. qpdf in.pdf out.pdf) or save it again from its viewer") from exc
    pages = []
    with pdf:
        try:
            for page in pdf.pages:
                pages.append(page_text(page))
                page.close()
        except Exception as exc:
            if isinstance(exc, (InputError, OSError)):
                raise
            raise InputError(f"{path}: the PDF could not be read past page {len(pages) + 1} ({exc}); "
                             "save a repaired copy (e.g. qpdf in.pdf out.pdf) and try again") from exc
        meta = pdf.metadata or {}
        page_count = len(pdf.pages)
    text = dehyphenate("\n".join(pages)).strip("\n")
    if not text.strip():
        raise InputError(f"{path}: the PDF has no text layer ({page_count} page(s) of images: a scan?); "
                         + _OCR_HINT)
    cid = len(re.findall(r"\(cid:\d+\)", text))
    if cid and cid * 6 > 0.3 * len(text):
        raise InputError(f"{path}: the PDF's fonts carry no Unicode map, so its text cannot be read; "
                         + _OCR_HINT)
    title = meta.get("Title") or ""
    title = title.strip() if isinstance(title, str) else ""
    date = normalise_date(str(meta.get("CreationDate") or ""))
    return [RawDocument(document_id(path), text, str(path), "pdf", title, date, "")]
