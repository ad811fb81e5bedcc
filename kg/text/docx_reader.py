"""Read Word (.docx) reports: paragraphs and tables, in document order.

Park reports put much of their substance in tables (park, leading industry,
key enterprises). A table is read row by row: the cells of a row joined by '，'
and the row closed with '。', so each row is a sentence of its own and the cleaner
never runs two rows, or a cell into the next, together. Page headers and footers
are page chrome and are not read. Needs python-docx (``pip install 'parkkg[formats]'``).
"""
from __future__ import annotations

from pathlib import Path

from kg.errors import InputError, missing_extra
from kg.text.clean import TERMINAL
from kg.text.record import RawDocument, document_id, normalise_date

CELL_SEPARATOR = "，"
ROW_END = "。"


def row_text(cells: list[str]) -> str:
    """One table row as a sentence: non-empty cells joined, closed with '。'.

    >>> row_text(["信达生物", " 生物医药 ", ""]), row_text(["园区", "新兴产业。"]), row_text(["", " "])
    ('信达生物，生物医药。', '园区，新兴产业。', '')
    """
    parts = [c.strip() for c in cells if c and c.strip()]
    if not parts:
        return ""
    text = CELL_SEPARATOR.join(parts)
    return text if text[-1] in TERMINAL else text + ROW_END


def _cell_text(cell) -> str:
    lines = [p.text.strip() for p in cell.paragraphs if p.text.strip()]
    for inner in cell.tables:  # nested tables: their rows, in order
        lines.extend(t for t in _table_lines(inner) if t)
    return CELL_SEPARATOR.join(line.rstrip("。") for line in lines)


def _table_lines(table) -> list[str]:
    lines = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            key = id(cell._tc)  # a merged cell repeats across the columns it spans
            if key in seen:
                continue
            seen.add(key)
            cells.append(_cell_text(cell))
        lines.append(row_text(cells))
    return lines


def docx_lines(document) -> list[str]:
    """The lines of a python-docx `Document`: each paragraph, and each table row, in order."""
    from docx.table import Table

    lines = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(line for line in _table_lines(block) if line)
        else:
            text = block.text.strip()
            if text:
                lines.append(text)
    return lines


def read_docx_file(path: Path) -> list[RawDocument]:
    """Read a .docx file; its core properties give the title and date."""
    path = Path(path)
    try:
        import docx
    except ImportError:
        raise missing_extra("python-docx", "formats") from None
    try:
        document = docx.Document(str(path))
    except OSError:
        raise
    except Exception as exc:  # PackageNotFoundError, BadZipFile, KeyError, XML errors
        raise InputError(f"{path}: not a readable Word .docx file ({type(exc).__name__}: {exc}); "
                         "open it in Word or WPS and save it again as .docx") from exc
    text = "\n".join(docx_lines(document))
    if not text.strip():
        raise InputError(f"{path}: the Word file has no text in its body (only images or text boxes?); "
                         "copy its text to a .txt file")
    props = document.core_properties
    title = (props.title or "").strip()
    created = props.created.isoformat() if props.created is not None else ""
    return [RawDocument(document_id(path), text, str(path), "docx", title, normalise_date(created), "")]
