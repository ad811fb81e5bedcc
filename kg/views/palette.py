"""The classes the views draw, their colours and their fallback names: one table for the page and the plots.

>>> list(CLASS_COLOURS) == list(CLASS_NAMES_ZH)
True
"""
from __future__ import annotations

# Classes drawn, in priority order (a node typed with two of them is drawn as the first).
CLASS_COLOURS = {
    "Park": "#1f77b4",
    "Industry": "#2ca02c",
    "Enterprise": "#ff7f0e",
    "Platform": "#9467bd",
    "Target": "#d62728",
}
# Fallback labels when the ontology cannot be read; normally they come from ontology/parkkg.ttl.
CLASS_NAMES_ZH = {"Park": "园区", "Industry": "产业", "Enterprise": "企业", "Platform": "平台", "Target": "发展目标"}
