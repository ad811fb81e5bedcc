"""What a build did: `BuildReport`, filled by each step of `kg.build` and printed by ``kg build``."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class BuildReport:
    documents: int = 0
    skipped: list = field(default_factory=list)  # messages of inputs that were skipped
    triples: int = 0
    entities: int = 0
    relations: int = 0  # rdf:Statement facts, as kg.graph.network counts them
    readings: int = 0  # relations read by the extractors, before merging into one fact each
    targets: int = 0
    outputs: list = field(default_factory=list)
    cached: int = 0  # documents whose results came from the cache
    extracted: int = 0  # documents extracted in this build
    characters: int = 0
    seconds: dict = field(default_factory=dict)  # phase -> wall seconds
    cache_keys: set = field(default_factory=set, repr=False)  # cache entries this build used
    warnings: list = field(default_factory=list)  # problems that did not stop the build (a damaged cache)
    changes: dict = field(default_factory=dict)  # kg update: documents added, changed, removed; triples too
    validation: object = None  # kg.graph.validate.ValidationReport of the graph, when checked
