"""Qt-free core: endpoints, HTTP, token parsing, errors and redaction.

Nothing in this package imports Qt; the CLI and the window both build on it.
"""
