"""kg query's CSV never hands a spreadsheet a formula."""
from kg.views.tables import render


def test_csv_cells_that_start_a_formula_are_quoted_and_numbers_left_alone():
    out = render(["name", "value"], [["=HYPERLINK(\"http://x\")工业园区", "-5"], ["苏州工业园区", "3.5"]], "csv")
    lines = out.splitlines()
    assert lines[1].startswith("\"'=HYPERLINK") and lines[1].endswith(",-5")
    assert lines[2] == "苏州工业园区,3.5"
