"""Profiles in the window: ``controller`` (the list, switching, import and export), ``widgets``
(the profile bar, the keyring options, the small dialogs), ``secrets`` (the keyring side) and
``store`` (QSettings and JSON files)."""
