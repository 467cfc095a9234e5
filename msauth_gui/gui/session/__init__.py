"""The token keeper on the Qt side: ``keeper`` (one TokenKeeper), ``jobs`` (its network calls)
and ``worker`` (the one bridge from worker threads to the GUI thread)."""
