"""The briefing pipeline: ingest -> clean -> sentences -> topics -> summarize -> render.

Nothing in this package imports textual; the TUI and the CLI are clients of it.
"""
