"""The token keeper on the Qt side: ``keeper`` (one TokenKeeper: sign-in, resume, renewal,
probe; its rules are :mod:`msauth_gui.core.session.renewal`), ``jobs`` (its network calls,
with generations that drop stale answers) and ``worker`` (the one bridge from worker threads to
the GUI thread, also used by the server check)."""
