"""pyshacl, with each ``sh:property`` shape checked once over all the focus nodes of its node shape.

pyshacl checks a node shape's property shapes once per focus node; over a
build's graph (tens of thousands of nodes) that is four fifths of the SHACL
step. `property_shapes_batched` makes it check each once over the whole list,
with the same results (`kg.graph.validate.validate_graph` uses it).
"""
from __future__ import annotations

import inspect
from contextlib import contextmanager

_PYSHACL_STEP = ["self", "executor", "prop_shape", "target_graph", "focus_value_nodes", "potentially_recursive",
                 "_evaluation_path"]


@contextmanager
def property_shapes_batched(enabled: bool = True):
    """A block in which pyshacl checks a node shape's ``sh:property`` shapes once over all its focus nodes.

    pyshacl (`PropertyConstraintComponent._evaluate_property_shape`) checks each
    property shape once per focus node, building every constraint of the shape
    anew each time: four fifths of the time of a build's SHACL step, for 10,000
    nodes. Its own `Shape.validate` takes a list of focus nodes and gives each
    node the same results it would get alone, so inside this block a property
    shape is checked once over the whole list. Where the batch could differ
    (a value node met twice, a recursive shape, a shape that is not found) and
    where pyshacl's step has another signature than the one this was written
    for, pyshacl's own step runs; ``tests/graph/test_validate.py`` compares the
    two reports on graphs broken in every way the shapes check.
    """
    try:
        from pyshacl.constraints.core.shape_based_constraints import PropertyConstraintComponent as component
    except ImportError:  # pragma: no cover - another pyshacl layout: its own way
        component = None
    own = getattr(component, "_evaluate_property_shape", None)
    if not enabled or own is None or list(inspect.signature(own).parameters) != _PYSHACL_STEP:
        yield
        return

    def once_over_all(self, executor, prop_shape, target_graph, focus_value_nodes, potentially_recursive,
                      _evaluation_path):
        shape = self.shape.get_other_shape(prop_shape)
        values = [v for nodes in focus_value_nodes.values() for v in nodes]
        if (not shape or not shape.is_property_shape or (potentially_recursive and shape in potentially_recursive)
                or len(set(values)) != len(values)):
            return own(self, executor, prop_shape, target_graph, focus_value_nodes, potentially_recursive,
                       _evaluation_path)
        conforms, reports = shape.validate(executor, target_graph, focus=values, _evaluation_path=_evaluation_path[:])
        return not conforms, reports

    component._evaluate_property_shape = once_over_all
    try:
        yield
    finally:
        component._evaluate_property_shape = own
