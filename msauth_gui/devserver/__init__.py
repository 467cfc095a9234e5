"""A demo Mobile SMARTS server, standard library only: for tests, demo mode and the command line.

``DemoServer(DemoConfig(...)).start()`` serves the session URL, the OAuth token endpoint and a
few protected OData endpoints on loopback, over HTTP or HTTPS, and can misbehave on demand
(``DemoConfig.fault``) the ways real servers do.
"""

from ..core.endpoints import is_loopback
from .faults import FAULTS
from .server import DemoServer
from .tokens import DEMO_USERS, TOKEN_STYLES, DemoConfig

__all__ = ["DEMO_USERS", "FAULTS", "TOKEN_STYLES", "DemoConfig", "DemoServer", "is_loopback"]
