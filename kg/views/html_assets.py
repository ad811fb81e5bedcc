"""The style sheet and the script of the HTML view, kept apart from the Python that fills the page.

They are plain files beside this module (``assets/page.css``, ``assets/app.js``),
so an editor and a linter read them as CSS and JavaScript. The script reads the
page's data from the JSON block ``#pk-data`` and builds every visible string
with ``textContent`` or as vis-network canvas labels; it never assigns data to
``innerHTML``. It exposes ``window.parkkg`` (the vis DataSets, the network and
the search and filter functions) so that tests and notebooks can drive the page.

>>> "window.parkkg" in APP_JS, "#pk-header" in PAGE_CSS
(True, True)
"""
from __future__ import annotations

from importlib import resources


def _asset(name: str) -> str:
    # the element's text starts on a line of its own: <style>\n…</style> (the CSP hash covers that newline)
    return "\n" + resources.files("kg.views").joinpath("assets").joinpath(name).read_text(encoding="utf-8")


PAGE_CSS = _asset("page.css")
APP_JS = _asset("app.js")
