"""Reading files and cleaning text, keeping offsets back to the raw input."""
