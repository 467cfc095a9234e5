"""The main window and its parts; ``main`` composes them and nothing imports it back."""
