"""Word files: paragraphs and table rows in document order; headers and footers left out."""
from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.text.readers import RawDocument, read_path

docx = pytest.importorskip("docx")

DATA = Path(__file__).resolve().parent.parent / "data" / "formats"
TWIN = DATA / "twin_docx.txt"  # the same content typed as text: one table row a line, cells joined by '，'

TABLE = [("园区", "产业布局", "重点企业"),
         ("常州高新区", "以新能源为主导产业", "宁德时代等企业落户"),
         ("无锡高新区", "发展集成电路产业", "华虹半导体等企业落户")]


def report_docx(path: Path) -> Path:
    lines = TWIN.read_text(encoding="utf-8").strip().split("\n")
    document = docx.Document()
    document.core_properties.title = "园区产业报告"
    document.core_properties.created = datetime.datetime(2024, 5, 8, 9, 30)
    section = document.sections[0]
    section.header.paragraphs[0].text = "内部资料 无锡经开区招商局"
    section.footer.paragraphs[0].text = "第 1 页 华为技术有限公司印制"
    document.add_heading(lines[0], level=1)
    document.add_paragraph(lines[1])
    document.add_paragraph("")  # an empty paragraph is skipped
    table = document.add_table(rows=len(TABLE), cols=3)
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph(lines[-1])
    document.save(str(path))
    return path


def entity_set(pipeline, raw):
    return {(e.cls, e.label) for e in pipeline.process(raw).entities}


def test_docx_with_table_yields_the_entities_of_its_plain_text_twin(tmp_path, pipeline):
    [doc] = read_path(report_docx(tmp_path / "report.docx"))
    assert doc.format == "docx"
    expected = entity_set(pipeline, RawDocument("twin", TWIN.read_text(encoding="utf-8"), str(TWIN)))
    assert {("Park", "常州高新区"), ("Park", "苏州工业园区")} <= expected  # the table and the prose both count
    assert entity_set(pipeline, doc) == expected


def test_docx_reads_paragraphs_and_table_rows_in_order(tmp_path):
    [doc] = read_path(report_docx(tmp_path / "report.docx"))
    assert doc.text.split("\n") == TWIN.read_text(encoding="utf-8").strip().split("\n")
    assert "内部资料" not in doc.text and "华为" not in doc.text  # page header and footer are chrome


def test_docx_metadata(tmp_path):
    [doc] = read_path(report_docx(tmp_path / "报告.docx"))
    assert (doc.title, doc.date) == ("园区产业报告", "2024-05-08")
    assert doc.id.startswith("doc-") and doc.source.endswith("报告.docx")


def test_docx_merged_cells_are_read_once(tmp_path):
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "苏州工业园区重点产业"
    for c, value in enumerate(("生物医药", "纳米技术应用", "人工智能")):
        table.cell(1, c).text = value
    path = tmp_path / "merged.docx"
    document.save(str(path))
    [doc] = read_path(path)
    assert doc.text == "苏州工业园区重点产业。\n生物医药，纳米技术应用，人工智能。"


def test_not_a_docx_is_an_input_error(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="not a readable Word .docx file"):
        list(read_path(path))


def test_empty_docx_is_an_input_error(tmp_path):
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    with pytest.raises(InputError, match="no text"):
        list(read_path(path))
