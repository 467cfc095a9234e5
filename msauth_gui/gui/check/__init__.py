"""The "Check server" window: ``dialog`` runs the core check in a worker and fills ``table``."""
