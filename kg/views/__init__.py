"""Views of the graph for people: an interactive HTML network and analytics."""
