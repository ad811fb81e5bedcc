"""Recognise mentions, link them into entities, and read relations and targets."""
