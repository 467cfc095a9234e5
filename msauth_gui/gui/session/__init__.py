"""The token keeper on the Qt side: ``keeper`` (one TokenKeeper: sign-in, resume, renewal,
probe; its rules are :mod:`msauth_gui.core.session.renewal`), ``jobs`` (its network calls,
with generations that drop stale answers), ``worker`` (the one bridge from worker threads to
the GUI thread, also used by the server check) and ``shared`` (the keeper's session published
for the local proxy's threads)."""
