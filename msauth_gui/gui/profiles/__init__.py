"""Profiles in the window: ``controller`` (the list, switching, import and export), ``widgets``
(the profile bar, the keyring options, the small dialogs), ``secrets`` (the keyring side, looked
at once on a worker), ``store`` (QSettings and JSON files) and ``sharing`` (the import and
export of those files)."""
