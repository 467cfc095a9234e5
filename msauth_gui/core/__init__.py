"""Qt-free core: endpoints, HTTP, token parsing, errors, redaction, profiles and secrets.

Nothing in this package imports Qt; the CLI and the window both build on it. ``session/``
holds the token keeper's rules (and the Qt-free keeper of ``msauth proxy``), ``check/`` the
server check, ``proxy/`` the local auth proxy.
"""
