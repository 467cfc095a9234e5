"""Qt shell: the token keeper, the thread bridge and the main window."""
