"""parkkg: a knowledge-graph builder for Chinese texts about industrial parks."""

__version__ = "0.1.0"
