"""msauth-gui: sign in to Mobile SMARTS servers and keep the token fresh."""

__version__ = "0.1.0"
USER_AGENT = f"msauth-gui/{__version__}"
