"""Render query results as a readable table, CSV or JSON."""
from __future__ import annotations

import csv
import io
import json
import unicodedata


def _cell(value) -> str:
    if value is None:
        return ""
    return str(value)


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def render(columns, rows, fmt: str = "table") -> str:
    """Format (columns, rows).

    >>> print(render(["a"], [["x"]]))
    a
    -
    x
    (1 row)
    """
    cells = [[_cell(v) for v in row] for row in rows]
    if fmt == "json":
        return json.dumps([dict(zip(columns, r)) for r in cells], ensure_ascii=False, indent=1)
    if fmt == "csv":
        from kg.graph.export import neutralise_cell

        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(columns)
        # a text cell a spreadsheet would run as a formula (=HYPERLINK…) is quoted; numbers are left alone
        w.writerows([c if _is_number(c) else neutralise_cell(c) for c in r] for r in cells)
        return buf.getvalue().rstrip("\n")
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values):
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(columns), line(["-" * w for w in widths])]
    out += [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)
