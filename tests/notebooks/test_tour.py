"""notebooks/tour.ipynb runs from top to bottom (as nbmake would), offline, on the CPU.

Run the notebook the way a reader does: a fresh ``python3`` kernel, the
notebooks/ folder as working directory, outputs sent to a temporary folder
through $PARKKG_TOUR_OUT. A cell that raises fails the test with its traceback.
"""
from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "tour.ipynb"


def test_tour_notebook_runs(tmp_path, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    monkeypatch.setenv("PARKKG_TOUR_OUT", str(tmp_path))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()

    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "documents," in text and "skipped: none" in text
    assert "saved queries" in text
    assert "nodes per class:" in text
    pngs = [o for o in outputs if o.output_type == "display_data" and "image/png" in o.get("data", {})]
    assert len(pngs) >= 3
    frames = [o["data"]["text/html"] for o in outputs
              if o.output_type == "display_data" and "text/html" in o.get("data", {})]
    assert any("<iframe sandbox=\"allow-scripts\" srcdoc=" in f for f in frames)
    for name in ("graph.ttl", "graph.html", "stats/report.md"):
        assert (tmp_path / name).is_file()


def test_committed_notebook_has_no_outputs():
    """Outputs are made by running it; the repository keeps the notebook clean."""
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in nb.cells if c.cell_type == "code")
